// Channel kinds and settings in the desktop app (issue 13), against its real embedded server:
// the Create channel dialog makes categories and roulette channels that the sidebar marks, the
// channel settings change slow mode and permission overwrites (a member's client loses a hidden
// channel), and Explore finds a discoverable guild and joins it.
#include "AppFixture.h"
#include "Screenshots.h"
#include "TestClient.h"
#include "ui/ChannelDialog.h"
#include "ui/ChannelPermissionsPage.h"
#include "ui/ChannelSettingsDialog.h"
#include "ui/ChannelSidebar.h"
#include "ui/ColorPicker.h"
#include "ui/ExploreDialog.h"
#include "ui/MainWindow.h"
#include "ui/ServerRail.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_channels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createCategoryAndRoulette();
    void marksAndRouletteSend();
    void slowModeSetAndReadBack();
    void overwriteHidesTheChannel();
    void exploreAndJoin();
    void rolesAndKindsAfterRestart();
    void cleanupTestCase();

private:
    //! The model's row of a channel of the open guild, -1 when not listed.
    int rowOf(Id channelId) const { return f.state()->channels()->rowOf(channelId); }
    Id channelNamed(const QString &name) const;
    ChannelDialog *openCreate();
    ChannelSettingsDialog *openSettings(Id channelId);

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_bob;
    Id m_bobId = 0;
    Id m_category = 0, m_roulette = 0, m_secret = 0;
};

Id tst_app_channels::channelNamed(const QString &name) const
{
    for (const Channel &c : f.state()->channels()->channels())
        if (c.name == name)
            return c.id;
    return 0;
}

ChannelDialog *tst_app_channels::openCreate()
{
    f.app->window()->openChannelDialog(0);
    ChannelDialog *d = nullptr;
    [&] { QTRY_VERIFY((d = f.app->window()->findChild<ChannelDialog *>())); }();
    return d;
}

ChannelSettingsDialog *tst_app_channels::openSettings(Id channelId)
{
    f.app->window()->openChannelSettings(channelId);
    ChannelSettingsDialog *d = nullptr;
    [&] { QTRY_VERIFY((d = f.app->window()->findChild<ChannelSettingsDialog *>())); }();
    return d;
}

void tst_app_channels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bobId = f.startWithGuest(QDir(m_dir.path()).filePath(u"app"_s), m_bob, u"bob"_s, u"Bob"_s);
    QVERIFY(m_bobId);
    f.app->window()->resize(1100, 720);
    f.app->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));
}

void tst_app_channels::createCategoryAndRoulette()
{
    // A category: a heading row, not a place to go.
    ChannelDialog *d = openCreate();
    QVERIFY(d);
    d->findChild<QComboBox *>(u"ChannelKind"_s)->setCurrentIndex(1);
    QVERIFY(!d->findChild<QCheckBox *>(u"Roulette"_s)->isEnabled());
    QTest::keyClicks(d->findChild<QLineEdit *>(u"ChannelName"_s), u"Side Rooms"_s);
    QVERIFY(saveScreenshot(d, u"channel-create-category.png"_s));
    d->accept();
    QTRY_VERIFY((m_category = channelNamed(u"Side Rooms"_s)));
    QVERIFY(f.state()->channels()->index(rowOf(m_category)).data(ChannelListModel::IsCategoryRole).toBool());

    // A roulette channel in it, coloured: never stored, whatever the box said.
    QTRY_VERIFY(!f.app->window()->findChild<ChannelDialog *>());
    d = openCreate();
    QVERIFY(d);
    QTest::keyClicks(d->findChild<QLineEdit *>(u"ChannelName"_s), u"Spin the Bottle"_s);
    auto *category = d->findChild<QComboBox *>(u"ChannelCategory"_s);
    QCOMPARE(category->count(), 2);
    category->setCurrentIndex(1);
    auto *notStored = d->findChild<QCheckBox *>(u"NotStored"_s);
    d->findChild<QCheckBox *>(u"Roulette"_s)->setChecked(true);
    QVERIFY(notStored->isChecked());
    QVERIFY(!notStored->isEnabled());
    d->findChild<ColorPicker *>(u"ChannelColor"_s)->findChild<QPushButton *>(u"PickColor"_s)->click();
    QColorDialog *picker = nullptr;
    QTRY_VERIFY((picker = d->findChild<QColorDialog *>()));
    picker->setCurrentColor(QColor(0x9b, 0x59, 0xb6));
    picker->accept();
    QCOMPARE(d->channel().color, u"#9b59b6"_s);
    QVERIFY(d->findChild<QLabel *>(u"KindNote"_s)->isVisibleTo(d));
    QVERIFY(saveScreenshot(d, u"channel-create-roulette.png"_s));
    d->accept();
    QTRY_VERIFY((m_roulette = channelNamed(u"spin-the-bottle"_s)));
    const Channel c = f.state()->channel(m_roulette);
    QCOMPARE(c.parentId, m_category);
    QCOMPARE(c.mode, ChannelMode::Roulette);
    QVERIFY(!c.persistent);
    QCOMPARE(c.color, u"#9b59b6"_s);
    QTRY_COMPARE(f.state()->currentChannel(), m_roulette); // made: opened
    QCOMPARE(rowOf(m_roulette), rowOf(m_category) + 1);
}

void tst_app_channels::marksAndRouletteSend()
{
    // An unstored channel next to the roulette one: each has its own mark and says so.
    Channel spec;
    spec.name = u"fleeting"_s;
    spec.persistent = false;
    f.state()->createChannel(spec);
    Id fleeting = 0;
    QTRY_VERIFY((fleeting = channelNamed(u"fleeting"_s)));
    QTRY_COMPARE(f.state()->currentChannel(), fleeting);
    auto *model = f.state()->channels();
    const QModelIndex roulette = model->index(rowOf(m_roulette)), unstored = model->index(rowOf(fleeting));
    QVERIFY(roulette.data(ChannelListModel::RouletteRole).toBool());
    QVERIFY(!roulette.data(ChannelListModel::StoredRole).toBool());
    QVERIFY(!unstored.data(ChannelListModel::RouletteRole).toBool());
    QVERIFY(!unstored.data(ChannelListModel::StoredRole).toBool());
    QCOMPARE(roulette.data(Qt::ToolTipRole).toString(), u"Roulette: each message goes to one person"_s);
    QCOMPARE(unstored.data(Qt::ToolTipRole).toString(), u"Messages here are not stored"_s);
    const QModelIndex general = model->index(0);
    QVERIFY(general.data(ChannelListModel::StoredRole).toBool());
    QCOMPARE(f.composer()->placeholderText(), u"Message #fleeting (not stored)"_s);
    auto *mark = f.app->window()->findChild<QLabel *>(u"ChatHeaderMark"_s);
    QCOMPARE(mark->toolTip(), u"Messages here are not stored"_s);

    // Roulette: bob, the only other one online, gets it; the app says so under the composer.
    f.state()->selectChannel(m_roulette);
    QCOMPARE(f.composer()->placeholderText(), u"Message someone at random in #spin-the-bottle"_s);
    QCOMPARE(mark->toolTip(), u"Roulette: each message goes to one person"_s);
    QVERIFY(saveScreenshot(f.app->window(), u"channel-kinds-sidebar.png"_s));
    f.type(u"who's there?"_s);
    QTRY_COMPARE(m_bob->countEvents(u"message.created"_s, u"who's there?"_s), 1);
    auto *hint = f.app->window()->findChild<QLabel *>(u"ComposerHint"_s);
    QTRY_COMPARE(hint->text(), u"Your message went to Bob."_s);
    QVERIFY(saveScreenshot(f.app->window(), u"channel-roulette-sent.png"_s));
}

void tst_app_channels::slowModeSetAndReadBack()
{
    f.state()->createChannel(u"secret"_s, u"Plans"_s);
    QTRY_VERIFY((m_secret = channelNamed(u"secret"_s)));
    // Opened as the user does: "Edit channel" in the channel's context menu.
    std::unique_ptr<QMenu> menu(
        f.app->window()->sidebar()->makeChannelMenu(f.state()->channels()->index(rowOf(m_secret))));
    QVERIFY(menu);
    auto *edit = menu->findChild<QAction *>(u"EditChannel"_s);
    QVERIFY(edit);
    edit->trigger();
    ChannelSettingsDialog *d = nullptr;
    QTRY_VERIFY((d = f.app->window()->findChild<ChannelSettingsDialog *>()));
    // The owner manages both.
    QCOMPARE(d->sections(), (QStringList{u"Overview"_s, u"Permissions"_s}));
    auto *slow = d->findChild<QComboBox *>(u"SlowMode"_s);
    QCOMPARE(slow->currentData().toInt(), 0);
    QCOMPARE(slow->count(), ChannelSettingsDialog::slowModeChoices().size());
    slow->setCurrentIndex(slow->findData(30));
    d->findChild<ColorPicker *>(u"ChannelColor"_s)->setColor(u"#1ABC9C"_s);
    d->findChild<QPushButton *>(u"SaveChannel"_s)->click();
    QTRY_COMPARE(f.state()->channel(m_secret).slowmodeSeconds, 30);
    QCOMPARE(f.state()->channel(m_secret).color, u"#1abc9c"_s);
    QCOMPARE(f.state()->channel(m_secret).topic, u"Plans"_s);
    QTRY_COMPARE(d->findChild<QLabel *>(u"ChannelStatus"_s)->text(), u"Saved."_s);
    QVERIFY(saveScreenshot(d, u"channel-settings-overview.png"_s));
    d->close();
    QTRY_VERIFY(!f.app->window()->findChild<ChannelSettingsDialog *>());
    // Read back: a new dialog shows what the host now has.
    d = openSettings(m_secret);
    QCOMPARE(d->findChild<QComboBox *>(u"SlowMode"_s)->currentData().toInt(), 30);
    QCOMPARE(d->findChild<QComboBox *>(u"SlowMode"_s)->currentText(), u"30 seconds"_s);
    // Bob, a plain member, is held to it.
    const Id guild = f.state()->currentGuild();
    Q_UNUSED(guild);
    QVERIFY(
        m_bob
            ->call(u"message.send"_s,
                   {{u"channel_id"_s, idJson(m_secret)}, {u"content"_s, u"one"_s}, {u"nonce"_s, u"s-1"_s}})
            .ok);
    d->close();
}

void tst_app_channels::overwriteHidesTheChannel()
{
    // Bob sees #secret until @everyone is denied view_channel there.
    auto bobSees = [this] {
        return m_bob->call(u"message.history"_s, {{u"channel_id"_s, idJson(m_secret)}}).ok;
    };
    QVERIFY(bobSees());
    ChannelSettingsDialog *d = openSettings(m_secret);
    QVERIFY(d);
    d->showSection(u"Permissions"_s);
    auto *page = d->findChild<ChannelPermissionsPage *>();
    QVERIFY(page);
    // @everyone is shown first, with nothing set.
    QVERIFY(d->findChild<QLabel *>(u"OverwriteRole"_s)->text().contains(u"@everyone"_s));
    for (Permission p : ChannelPermissionsPage::channelPermissions())
        QCOMPARE(page->state(p), ChannelPermissionsPage::Neutral);
    // The deny button of View channel, clicked as the user does.
    auto *group = d->findChild<QButtonGroup *>(u"Switch_view_channel"_s);
    QVERIFY(group);
    group->button(ChannelPermissionsPage::Deny)->click();
    page->setState(Permission::AddReactions, ChannelPermissionsPage::Allow);
    const int deletedBefore = m_bob->countEvents(u"channel.deleted"_s);
    d->findChild<QPushButton *>(u"SaveOverwrite"_s)->click();
    QTRY_VERIFY(m_bob->countEvents(u"channel.deleted"_s) > deletedBefore);
    QVERIFY(!bobSees());
    QTRY_COMPARE(d->findChild<QLabel *>(u"OverwriteStatus"_s)->text(), u"Saved."_s);
    QTRY_COMPARE(f.state()->channel(m_secret).overwrites.size(), 1);
    const PermissionOverwrite o = f.state()->channel(m_secret).overwrites.first();
    QCOMPARE(o.roleId, f.state()->currentGuild());
    QCOMPARE(o.deny, Permissions(Permission::ViewChannel));
    QCOMPARE(o.allow, Permissions(Permission::AddReactions));
    QVERIFY(saveScreenshot(d, u"channel-settings-permissions.png"_s));

    // All neutral again: the overwrite goes, and bob gets the channel back.
    for (Permission p : ChannelPermissionsPage::channelPermissions())
        page->setState(p, ChannelPermissionsPage::Neutral);
    const int createdBefore = m_bob->countEvents(u"channel.created"_s);
    d->findChild<QPushButton *>(u"SaveOverwrite"_s)->click();
    QTRY_VERIFY(m_bob->countEvents(u"channel.created"_s) > createdBefore);
    QTRY_VERIFY(f.state()->channel(m_secret).overwrites.isEmpty());
    QVERIFY(bobSees());
    d->close();
}

void tst_app_channels::exploreAndJoin()
{
    // Carol runs a listed guild on the same host, and one that is not listed.
    TestClient carol(f.app->server()->url());
    QVERIFY(carol.waitHello());
    QVERIFY(
        carol.call(u"session.register"_s, {{u"username"_s, u"carol"_s}, {u"password"_s, u"carol-password"_s}})
            .ok);
    const TestClient::Result listed = carol.call(u"guild.create"_s, {{u"name"_s, u"Board Game Night"_s}});
    QVERIFY(listed.ok);
    QVERIFY(carol.call(u"guild.create"_s, {{u"name"_s, u"Board of directors"_s}}).ok);
    const QString listedId = listed.d.value(u"id"_s).toString();
    QVERIFY(
        carol
            .call(u"guild.update"_s, {{u"guild_id"_s, listedId},
                                      {u"discoverable"_s, true},
                                      {u"description"_s, u"Catan, Carcassonne and snacks every Friday"_s}})
            .ok);
    const Id guildId = listedId.toULongLong();

    // The compass under "+" opens Explore, which lists every listed guild at first.
    auto *button = f.app->window()->rail()->findChild<QToolButton *>(u"ExploreServers"_s);
    QVERIFY(button && button->isVisible());
    QCOMPARE(button->toolTip(), u"Explore servers"_s);
    button->click();
    ExploreDialog *d = nullptr;
    QTRY_VERIFY((d = f.app->window()->findChild<ExploreDialog *>()));
    QTRY_VERIFY2(d->shownGuilds() == QList<Id>{guildId},
                 qPrintable(d->findChild<QLabel *>(u"ExploreStatus"_s)->text()));
    auto *search = d->findChild<QLineEdit *>(u"ExploreSearch"_s);
    auto *empty = d->findChild<QLabel *>(u"ExploreEmpty"_s);

    // Words that match nothing: the empty state says so.
    QSignalSpy shown(d, &ExploreDialog::resultsShown);
    QTest::keyClicks(search, u"chess"_s);
    QTRY_VERIFY(!shown.isEmpty() && d->shownGuilds().isEmpty());
    QVERIFY(empty->isVisibleTo(d));
    QVERIFY(empty->text().contains(u"chess"_s));
    QVERIFY(saveScreenshot(d, u"explore-empty.png"_s));

    // A word of the description finds it (the unlisted board is never shown).
    search->clear();
    shown.clear();
    QTest::keyClicks(search, u"carcass"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(d->shownGuilds(), QList<Id>{guildId});
    QVERIFY(!empty->isVisibleTo(d));
    auto *counts = d->findChild<QLabel *>(u"ExploreCounts"_s);
    QVERIFY(counts);
    QCOMPARE(counts->text(), u"1 online · 1 member"_s);
    QVERIFY(saveScreenshot(d, u"explore-results.png"_s));

    // Join: the guild comes into the rail and opens.
    auto *join = d->findChild<QPushButton *>(u"ExploreJoin"_s);
    QCOMPARE(join->text(), u"Join"_s);
    join->click();
    QTRY_COMPARE(f.state()->currentGuild(), guildId);
    QTRY_VERIFY(!f.app->window()->findChild<ExploreDialog *>());
    bool inRail = false;
    for (int i = 0; i < f.state()->guilds()->rowCount(); ++i)
        inRail |= f.state()->guilds()->index(i).data(GuildListModel::IdRole).toULongLong() == guildId;
    QVERIFY(inRail);
    QTRY_VERIFY(carol.hasEvent(u"member.joined"_s));
    QVERIFY(saveScreenshot(f.app->window(), u"explore-joined.png"_s));
}

void tst_app_channels::rolesAndKindsAfterRestart()
{
    // Everything comes back from ready alone: the roles (what I may do, and the Permissions
    // page's list) and the channels' kinds.
    m_bob.reset();
    f.stop();
    QVERIFY(f.start(QDir(m_dir.path()).filePath(u"app"_s), true));
    QTRY_VERIFY(f.state()->channel(m_roulette).id);
    f.state()->selectChannel(m_roulette);
    QTRY_COMPARE(f.state()->currentChannel(), m_roulette);
    const Id guild = f.state()->currentGuild();
    const QList<GuildRole> roles = f.state()->roles(guild);
    QVERIFY(!roles.isEmpty());
    QCOMPARE(roles.first().id, guild);
    QCOMPARE(f.state()->channel(m_roulette).mode, ChannelMode::Roulette);
    QVERIFY(f.state()->channels()->index(rowOf(m_roulette)).data(ChannelListModel::RouletteRole).toBool());
}

void tst_app_channels::cleanupTestCase()
{
    m_bob.reset();
    f.stop();
}

QTEST_MAIN(tst_app_channels)
#include "tst_app_channels.moc"

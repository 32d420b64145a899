// Group DMs, mutes and last activity in the app against its real embedded server, with raw
// second clients: the group dialog, the DM row's menu (add, remove, leave), muted channels and
// guilds (no notification, not in the totals), and the relative time on DM rows.
#include "AppFixture.h"
#include "TestClient.h"
#include "platform/Notifier.h"
#include "shared/Protocol.h"
#include "state/ChannelListModel.h"
#include "ui/ChannelSidebar.h"
#include "ui/GroupDmDialog.h"
#include "ui/ServerRail.h"
#include "shared/Snowflake.h"
#include "state/GuildListModel.h"
#include "ui/FriendsView.h"
#include "state/MemberListModel.h"
#include "ui/AppController.h"

#include <QSettings>

#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>

#include "RecordingNotifier.h"
#include "Screenshots.h"

using namespace kith;
using namespace Qt::Literals::StringLiterals;
using namespace kith::app;


class tst_app_groupdm : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createNamedAndUnnamedGroups();
    void addRemoveAndLeaveFromTheRowMenu();
    void mutedChannelAndGuild();
    void lastActivityText();
    void lastActivityOnDmRows();
    void groupFromFriendRowAndMemberMenu();
    void dmActivityAfterRestart();
    void cleanupTestCase();

private:
    TestClient::Result send(TestClient *c, Id channel, const QString &content);
    QMenu *dmMenu(Id channelId);
    static QAction *actionFor(QMenu *menu, const QString &objectName);
    static QAction *userAction(QMenu *menu, Id userId);
    GroupDmDialog *openDialog();

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_pal;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave;
    Id m_general = 0;
    Id m_palId = 0;
    Id m_carolId = 0;
    Id m_daveId = 0;
    Id m_weekend = 0;
    int m_nonce = 0;
    QString m_code;
};

TestClient::Result tst_app_groupdm::send(TestClient *c, Id channel, const QString &content)
{
    return c->call(u"message.send"_s, {{u"channel_id"_s, QString::number(channel)}, {u"content"_s, content},
                                      {u"nonce"_s, u"g-%1"_s.arg(++m_nonce)}});
}

QMenu *tst_app_groupdm::dmMenu(Id channelId)
{
    ChannelListModel *list = f.state()->channels();
    const int row = list->rowOf(channelId);
    return f.app->window()->sidebar()->makeDmMenu(row >= 0 ? list->index(row) : QModelIndex());
}

QAction *tst_app_groupdm::actionFor(QMenu *menu, const QString &objectName)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == objectName || (a->menu() && a->menu()->objectName() == objectName))
            return a;
    }
    return nullptr;
}

QAction *tst_app_groupdm::userAction(QMenu *menu, Id userId)
{
    for (QAction *a : menu->actions())
        if (a->data().toULongLong() == userId)
            return a;
    return nullptr;
}

GroupDmDialog *tst_app_groupdm::openDialog()
{
    f.app->window()->sidebar()->newGroupButton()->click();
    GroupDmDialog *d = nullptr;
    [&] { QTRY_VERIFY((d = f.app->window()->findChild<GroupDmDialog *>()) != nullptr); }();
    return d;
}

void tst_app_groupdm::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start(m_dir.path(), true));
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    m_code = f.createInvite();
    QVERIFY(!m_code.isEmpty());
    // Each one joins the server and becomes my friend (they ask, I accept).
    auto join = [&](std::unique_ptr<TestClient> &c, const QString &name, const QString &display) -> Id {
        const Id id = f.guest(c, name, display, m_code);
        [&] { QVERIFY(id); }();
        [&] { QVERIFY(c->call(u"friend.request"_s, {{u"username"_s, f.state()->me().username}}).ok); }();
        [&] { QTRY_COMPARE(f.state()->relationship(id), u"incoming"_s); }();
        f.state()->relate(op::FriendAccept, id);
        [&] { QTRY_COMPARE(f.state()->relationship(id), u"friend"_s); }();
        return id;
    };
    m_palId = join(m_pal, u"pal"_s, u"Pal"_s);
    m_carolId = join(m_carol, u"carol"_s, u"Carol"_s);
    m_daveId = join(m_dave, u"dave"_s, u"Dave"_s);
    QVERIFY(m_palId && m_carolId && m_daveId);
}

void tst_app_groupdm::createNamedAndUnnamedGroups()
{
    MainWindow *w = f.app->window();
    ChannelSidebar *sidebar = w->sidebar();
    f.state()->setViewing(true); // as in front (offscreen windows are never active): open channels read live
    QVERIFY(!sidebar->newGroupButton()->isVisibleTo(sidebar)); // only at Home
    w->rail()->home()->click();
    QTRY_VERIFY(f.state()->isHome());
    QVERIFY(sidebar->newGroupButton()->isVisibleTo(sidebar));

    // Nobody ticked: Create is off. Pal and Carol with a name.
    GroupDmDialog *d = openDialog();
    QCOMPARE(d->list()->count(), 3);
    QCOMPARE(d->list()->item(0)->text(), u"Carol"_s); // by name
    QVERIFY(!d->createButton()->isEnabled());
    d->setChosen(m_palId, true);
    d->setChosen(m_carolId, true);
    QVERIFY(d->createButton()->isEnabled());
    QTest::keyClicks(d->nameField(), u"Weekend plans"_s);
    d->createButton()->click();
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    m_weekend = f.state()->currentChannel();
    const Channel g = f.state()->channel(m_weekend);
    QCOMPARE(g.type, ChannelType::GroupDm);
    QCOMPARE(g.name, u"Weekend plans"_s);
    QCOMPARE(g.recipients.size(), 3);
    QCOMPARE(g.ownerId, f.state()->me().id);
    ChannelListModel *list = f.state()->channels();
    QTRY_VERIFY(list->rowOf(m_weekend) >= 0);
    QCOMPARE(list->index(list->rowOf(m_weekend)).data().toString(), u"Weekend plans"_s);
    QTRY_VERIFY(m_pal->hasEvent(u"channel.created"_s));
    QTRY_VERIFY(m_carol->hasEvent(u"channel.created"_s));
    QVERIFY(!m_dave->hasEvent(u"channel.created"_s));
    QCOMPARE(w->windowTitle(), u"@Weekend plans · Kith"_s);

    // Talking in it works like any channel.
    f.type(u"who brings the snacks?"_s);
    QTRY_COMPARE(m_carol->countEvents(u"message.created"_s, u"who brings the snacks?"_s), 1);
    QVERIFY(send(m_pal.get(), m_weekend, u"me"_s).ok);
    QTRY_COMPARE(f.count(u"me"_s), 1);

    // Unnamed: the row shows the others' names.
    d = openDialog();
    d->setChosen(m_daveId, true);
    d->setChosen(m_palId, true);
    d->createButton()->click();
    QTRY_VERIFY(f.state()->currentChannel() != m_weekend);
    const Id unnamed = f.state()->currentChannel();
    QCOMPARE(f.state()->channel(unnamed).type, ChannelType::GroupDm);
    QTRY_VERIFY(list->rowOf(unnamed) >= 0);
    const QString title = list->index(list->rowOf(unnamed)).data().toString();
    QVERIFY2(title == u"Dave, Pal"_s || title == u"Pal, Dave"_s, qPrintable(title));

    // Cancel sends nothing: not before a later round trip is answered either.
    const int rows = list->rowCount();
    SentRequests creates(f.app->frameLog(), kith::op::DmCreateGroup);
    d = openDialog();
    d->setChosen(m_carolId, true);
    d->reject();
    QVERIFY(f.roundTrip());
    QCOMPARE(creates.count, 0);
    QCOMPARE(list->rowCount(), rows);
}

void tst_app_groupdm::addRemoveAndLeaveFromTheRowMenu()
{
    MainWindow *w = f.app->window();
    // Add: the menu offers only friends outside the group.
    std::unique_ptr<QMenu> menu(dmMenu(m_weekend));
    QVERIFY(menu);
    QAction *add = actionFor(menu.get(), u"AddMember"_s);
    QVERIFY(add && add->menu());
    QCOMPARE(add->menu()->actions().size(), 1);
    QVERIFY(userAction(add->menu(), m_daveId));
    QVERIFY(actionFor(menu.get(), u"RemoveMember"_s)); // I own it
    QVERIFY(actionFor(menu.get(), u"LeaveGroup"_s));
    userAction(add->menu(), m_daveId)->trigger();
    QTRY_COMPARE(f.state()->channel(m_weekend).recipients.size(), 4);
    QTRY_VERIFY(m_dave->hasEvent(u"channel.created"_s));
    QTRY_VERIFY(m_pal->hasEvent(u"channel.updated"_s));
    menu.reset(dmMenu(m_weekend));
    QVERIFY(!actionFor(menu.get(), u"AddMember"_s)->isEnabled()); // every friend is in

    // Remove (owner only): Carol goes, and is told.
    QAction *remove = actionFor(menu.get(), u"RemoveMember"_s);
    QVERIFY(remove && remove->menu());
    QCOMPARE(remove->menu()->actions().size(), 3);
    QVERIFY(!userAction(remove->menu(), f.state()->me().id));
    userAction(remove->menu(), m_carolId)->trigger();
    QTRY_COMPARE(f.state()->channel(m_weekend).recipients.size(), 3);
    QTRY_VERIFY(m_carol->hasEvent(u"channel.deleted"_s));
    QCOMPARE(f.state()->channel(m_weekend).name, u"Weekend plans"_s);

    // A group someone else owns: no Remove for me, Leave is there.
    const TestClient::Result r = m_pal->call(u"dm.create_group"_s,
        {{u"user_ids"_s, QJsonArray{QString::number(f.state()->me().id)}}, {u"name"_s, u"Pal's corner"_s}});
    QVERIFY(r.ok);
    const Id palGroup = r.d.value(u"channel"_s).toObject().value(u"id"_s).toString().toULongLong();
    ChannelListModel *list = f.state()->channels();
    QTRY_VERIFY(list->rowOf(palGroup) >= 0);
    menu.reset(dmMenu(palGroup));
    QVERIFY(!actionFor(menu.get(), u"RemoveMember"_s));
    QVERIFY(actionFor(menu.get(), u"AddMember"_s)->isEnabled());
    QAction *leave = actionFor(menu.get(), u"LeaveGroup"_s);
    QVERIFY(leave);

    // Leave asks first; No keeps me in, Yes takes me out and the row goes.
    f.state()->selectChannel(palGroup);
    QTRY_COMPARE(f.state()->currentChannel(), palGroup);
    const int palUpdates = m_pal->countEvents(u"channel.updated"_s);
    SentRequests leaves(f.app->frameLog(), kith::op::DmLeave);
    leave->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w->findChild<QMessageBox *>(u"ConfirmBox"_s)) != nullptr);
    box->button(QMessageBox::No)->click();
    QVERIFY(f.roundTrip());
    QCOMPARE(leaves.count, 0);
    QVERIFY(list->rowOf(palGroup) >= 0);
    menu.reset(dmMenu(palGroup));
    actionFor(menu.get(), u"LeaveGroup"_s)->trigger();
    QTRY_VERIFY((box = w->findChild<QMessageBox *>(u"ConfirmBox"_s)) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(list->rowOf(palGroup), -1);
    QVERIFY(!f.state()->channel(palGroup).id);
    QCOMPARE(f.state()->currentChannel(), Id(0)); // back on the friends view
    QTRY_COMPARE(m_pal->countEvents(u"channel.updated"_s), palUpdates + 1);

    // A 1:1 DM's menu has no group actions, only "New group message…".
    f.state()->openDm(m_palId);
    QTRY_VERIFY(f.state()->channel(f.state()->currentChannel()).type == ChannelType::Dm);
    menu.reset(dmMenu(f.state()->currentChannel()));
    QVERIFY(!actionFor(menu.get(), u"LeaveGroup"_s));
    QVERIFY(!actionFor(menu.get(), u"AddMember"_s));
    QVERIFY(actionFor(menu.get(), u"NewGroup"_s));
    QVERIFY(saveScreenshot(w, u"groupdm.png"_s));
}

void tst_app_groupdm::mutedChannelAndGuild()
{
    auto *rec = new RecordingNotifier;
    f.app->setNotifier(rec);
    f.app->setFocusProbe([] { return false; }); // in the background
    ClientState *s = f.state();
    const Id gid = s->guilds()->guilds().first().id;
    s->selectChannel(m_general);
    QTRY_COMPARE(s->currentChannel(), m_general);
    s->createChannel(u"quiet"_s, QString());
    QTRY_VERIFY(s->currentChannel() != m_general && !s->isHome());
    ChannelListModel *channels = s->channels();
    GuildListModel *guilds = s->guilds();
    const auto guildMentions = [&] { return guilds->index(guilds->rowOf(gid)).data(GuildListModel::MentionsRole).toInt(); };
    const auto guildUnread = [&] { return guilds->index(guilds->rowOf(gid)).data(GuildListModel::UnreadRole).toBool(); };
    const QString me = s->me().username;

    // Mute #general from its row's menu: a mention there counts on the channel only.
    std::unique_ptr<QMenu> menu(f.app->window()->sidebar()->makeChannelMenu(channels->index(channels->rowOf(m_general))));
    QVERIFY(menu);
    QAction *mute = actionFor(menu.get(), u"MuteChannel"_s);
    QVERIFY(mute);
    QCOMPARE(mute->text(), u"Mute channel"_s);
    mute->trigger();
    QVERIFY(s->isChannelMuted(m_general));
    QVERIFY(channels->index(channels->rowOf(m_general)).data(ChannelListModel::MutedRole).toBool());
    const int totalBefore = s->totalMentions();
    QVERIFY(send(m_pal.get(), m_general, u"hey @%1"_s.arg(me)).ok);
    QTRY_COMPARE(s->readState(m_general).mentions, 1);
    QCOMPARE(channels->index(channels->rowOf(m_general)).data(ChannelListModel::MentionsRole).toInt(), 1);
    QCOMPARE(guildMentions(), 0);
    QVERIFY(!guildUnread());
    QCOMPARE(s->totalMentions(), totalBefore);
    QCOMPARE(rec->shown.size(), 0);
    // Kept in the settings file of the data folder.
    {
        QSettings saved(AppController::settingsPath(m_dir.path()), QSettings::IniFormat);
        QCOMPARE(saved.value(u"mute/channels"_s).toStringList(), QStringList{QString::number(m_general)});
    }
    // Unmuted: counted again, and notifies.
    menu.reset(f.app->window()->sidebar()->makeChannelMenu(channels->index(channels->rowOf(m_general))));
    QCOMPARE(actionFor(menu.get(), u"MuteChannel"_s)->text(), u"Unmute channel"_s);
    actionFor(menu.get(), u"MuteChannel"_s)->trigger();
    QVERIFY(!s->isChannelMuted(m_general));
    QCOMPARE(guildMentions(), 1);
    QVERIFY(guildUnread());
    QCOMPARE(s->totalMentions(), totalBefore + 1);
    QVERIFY(send(m_pal.get(), m_general, u"again @%1"_s.arg(me)).ok);
    QTRY_COMPARE(rec->shown.size(), 1);
    QCOMPARE(rec->shown.at(0).channel, quint64(m_general));

    // Mute the whole server from its icon: no icon badge, no notification, channel badges stay.
    menu.reset(f.app->window()->rail()->makeGuildMenu(guilds->index(guilds->rowOf(gid))));
    QVERIFY(menu);
    QCOMPARE(actionFor(menu.get(), u"MuteGuild"_s)->text(), u"Mute server"_s);
    actionFor(menu.get(), u"MuteGuild"_s)->trigger();
    QVERIFY(s->isGuildMuted(gid));
    QVERIFY(s->isMuted(m_general));
    QCOMPARE(guildMentions(), 0);
    QVERIFY(!guildUnread());
    QCOMPARE(s->totalMentions(), totalBefore);
    QVERIFY(send(m_pal.get(), m_general, u"third @%1"_s.arg(me)).ok);
    QTRY_COMPARE(s->readState(m_general).mentions, 3);
    QCOMPARE(channels->index(channels->rowOf(m_general)).data(ChannelListModel::MentionsRole).toInt(), 3);
    QCOMPARE(rec->shown.size(), 1);
    {
        QSettings saved(AppController::settingsPath(m_dir.path()), QSettings::IniFormat);
        QCOMPARE(saved.value(u"mute/guilds"_s).toStringList(), QStringList{QString::number(gid)});
    }
    menu.reset(f.app->window()->rail()->makeGuildMenu(guilds->index(guilds->rowOf(gid))));
    QCOMPARE(actionFor(menu.get(), u"MuteGuild"_s)->text(), u"Unmute server"_s);
    actionFor(menu.get(), u"MuteGuild"_s)->trigger();
    QCOMPARE(guildMentions(), 3);

    // A muted group DM: no notification, not on Home's badge; its own row keeps its count.
    QCOMPARE(f.app->window()->rail()->homeBadge(), QString());
    menu.reset(dmMenu(m_weekend));
    QVERIFY(!menu); // not at Home: no DM menu
    s->selectHome();
    QTRY_VERIFY(s->isHome());
    menu.reset(dmMenu(m_weekend));
    QCOMPARE(actionFor(menu.get(), u"MuteChannel"_s)->text(), u"Mute conversation"_s);
    actionFor(menu.get(), u"MuteChannel"_s)->trigger();
    QVERIFY(s->isChannelMuted(m_weekend));
    QVERIFY(send(m_pal.get(), m_weekend, u"in the muted group"_s).ok);
    QTRY_COMPARE(s->readState(m_weekend).unread, 1);
    QCOMPARE(channels->index(channels->rowOf(m_weekend)).data(ChannelListModel::MentionsRole).toInt(), 1);
    QCOMPARE(f.app->window()->rail()->homeBadge(), QString());
    QCOMPARE(rec->shown.size(), 1);
    s->setChannelMuted(m_weekend, false);
    QTRY_COMPARE(f.app->window()->rail()->homeBadge(), u"1"_s);
    QVERIFY(send(m_pal.get(), m_weekend, u"now you hear it"_s).ok);
    QTRY_COMPARE(rec->shown.size(), 2);
    QCOMPARE(rec->shown.at(1).channel, quint64(m_weekend));
    f.app->setFocusProbe([this] { return f.app->window()->isActiveWindow(); });
}

void tst_app_groupdm::lastActivityText()
{
    const QDateTime now(QDate(2026, 11, 26), QTime(15, 0));
    auto at = [&](const QDateTime &t) { return snowflake::fromTimestampMs(t.toMSecsSinceEpoch()); };
    QCOMPARE(ClientState::lastActivityText(at(now.addSecs(-20)), now), u"now"_s);
    QCOMPARE(ClientState::lastActivityText(at(now.addSecs(-5 * 60)), now), u"5 min"_s);
    QCOMPARE(ClientState::lastActivityText(at(now.addSecs(-3 * 3600)), now), u"3 h"_s);
    QCOMPARE(ClientState::lastActivityText(at(now.addSecs(-15 * 3600 - 60)), now), u"yesterday"_s); // 23:59 the day before
    QCOMPARE(ClientState::lastActivityText(at(now.addDays(-1)), now), u"yesterday"_s);
    QCOMPARE(ClientState::lastActivityText(at(now.addDays(-3)), now), u"3 days"_s);
    QCOMPARE(ClientState::lastActivityText(at(now.addDays(-30)), now),
             QLocale().toString(now.addDays(-30).date(), QLocale::ShortFormat));
}

void tst_app_groupdm::lastActivityOnDmRows()
{
    ClientState *s = f.state();
    s->selectHome();
    QTRY_VERIFY(s->isHome());
    ChannelListModel *list = s->channels();
    QTRY_VERIFY(list->rowOf(m_weekend) >= 0);
    QCOMPARE(list->index(list->rowOf(m_weekend)).data(ChannelListModel::LastActivityRole).toString(), u"now"_s);
    // Guild channels carry none.
    s->selectChannel(m_general);
    QTRY_VERIFY(!s->isHome());
    QCOMPARE(list->index(list->rowOf(m_general)).data(ChannelListModel::LastActivityRole).toString(), QString());
    QTRY_COMPARE(s->readState(m_general).unread, 0); // read above, the screenshot shows no stale count
    s->selectChannel(m_weekend); // read it, so its row shows its time instead of a count
    QTRY_COMPARE(s->currentChannel(), m_weekend);
    QTRY_COMPARE(s->readState(m_weekend).unread, 0);
    QTRY_VERIFY(f.count(u"now you hear it"_s) == 1);
    QVERIFY(saveScreenshot(f.app->window(), u"groupdm-activity.png"_s));
}

void tst_app_groupdm::groupFromFriendRowAndMemberMenu()
{
    MainWindow *w = f.app->window();
    // From a friend's row at Home: the dialog opens with that friend ticked.
    w->rail()->home()->click();
    f.state()->selectChannel(0);
    w->friends()->setTab(FriendsView::Tab::All);
    QTRY_VERIFY(w->friends()->isVisible());
    QTRY_VERIFY(w->friends()->action(m_carolId, u"GroupDm"_s));
    w->friends()->action(m_carolId, u"GroupDm"_s)->click();
    GroupDmDialog *d = nullptr;
    QTRY_VERIFY((d = w->findChild<GroupDmDialog *>()) != nullptr);
    QCOMPARE(d->chosen(), QList<Id>{m_carolId});
    QVERIFY(d->createButton()->isEnabled());
    d->reject();
    QTRY_VERIFY(!w->findChild<GroupDmDialog *>());

    // From the member list's menu, for someone who is not (yet) a friend: listed first, ticked.
    std::unique_ptr<TestClient> erin;
    const Id erinId = f.guest(erin, u"erin"_s, u"Erin"_s, m_code);
    QVERIFY(erinId);
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(!f.state()->isHome());
    MemberListModel *members = f.state()->members();
    int row = -1;
    QTRY_VERIFY([&] {
        for (int i = 0; i < members->rowCount(); ++i)
            if (members->index(i).data(MemberListModel::UserIdRole).toULongLong() == erinId)
                row = i;
        return row >= 0;
    }());
    std::unique_ptr<QMenu> menu(w->makeMemberMenu(members->index(row)));
    QVERIFY(menu);
    QAction *group = actionFor(menu.get(), u"GroupDmAction"_s);
    QVERIFY(group);
    group->trigger();
    QTRY_VERIFY((d = w->findChild<GroupDmDialog *>()) != nullptr);
    QCOMPARE(d->list()->item(0)->text(), u"Erin"_s);
    QCOMPARE(d->chosen(), QList<Id>{erinId});
    d->setChosen(m_palId, true);
    d->createButton()->click();
    QTRY_VERIFY(f.state()->isHome() && f.state()->currentChannel() != 0);
    const Channel made = f.state()->channel(f.state()->currentChannel());
    QCOMPARE(made.type, ChannelType::GroupDm);
    QList<Id> people;
    for (const User &u : made.recipients)
        people.append(u.id);
    std::sort(people.begin(), people.end());
    QList<Id> expected{f.state()->me().id, m_palId, erinId};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(people, expected);
    QTRY_VERIFY(erin->hasEvent(u"channel.created"_s));
}

void tst_app_groupdm::dmActivityAfterRestart()
{
    // Dave's DM exists first; Carol writes later and I read it; then Dave writes while I am
    // away. After a restart the list must know Dave's message is the newest, though unread.
    const TestClient::Result daveDm = m_dave->call(u"dm.open"_s, {{u"user_id"_s, QString::number(f.state()->me().id)}});
    QVERIFY(daveDm.ok);
    const Id dave = daveDm.d.value(u"channel"_s).toObject().value(u"id"_s).toString().toULongLong();
    const TestClient::Result carolDm = m_carol->call(u"dm.open"_s, {{u"user_id"_s, QString::number(f.state()->me().id)}});
    QVERIFY(carolDm.ok);
    const Id carol = carolDm.d.value(u"channel"_s).toObject().value(u"id"_s).toString().toULongLong();
    AppFixture::waitForNextSecond(); // the DM list orders by the second of the last activity
    QVERIFY(send(m_carol.get(), carol, u"read me"_s).ok);
    f.state()->selectChannel(carol);
    QTRY_COMPARE(f.state()->currentChannel(), carol);
    QTRY_VERIFY(f.state()->readState(carol).lastReadId != 0);
    QTRY_COMPARE(f.state()->readState(carol).unread, 0);
    AppFixture::waitForNextSecond();
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(!f.state()->isHome());
    QVERIFY(send(m_dave.get(), dave, u"newest, unread"_s).ok);
    QTRY_COMPARE(f.state()->readState(dave).unread, 1);

    m_pal.reset();
    m_carol.reset();
    m_dave.reset();
    f.stop();
    QVERIFY(f.start(m_dir.path(), true));
    ClientState *s = f.state();
    s->selectHome();
    QTRY_VERIFY(s->isHome());
    ChannelListModel *list = s->channels();
    QTRY_VERIFY(list->rowOf(dave) >= 0 && list->rowOf(carol) >= 0);
    QVERIFY2(list->rowOf(dave) < list->rowOf(carol), "the unread newer DM is listed below an older one");
    QCOMPARE(s->readState(dave).unread, 1);
}

void tst_app_groupdm::cleanupTestCase()
{
    m_pal.reset();
    m_carol.reset();
    m_dave.reset();
    f.stop();
}

QTEST_MAIN(tst_app_groupdm)
#include "tst_app_groupdm.moc"

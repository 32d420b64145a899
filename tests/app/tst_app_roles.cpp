// Roles in the desktop app, against its real embedded server: the member list groups people
// under their highest role (highest first, then the rank groups), a role's colour paints the
// name in the member list and over messages, and role.* / member.updated events move both at
// once. The owner's requests go through the app's own connection, as the app's screens will.
#include "AppFixture.h"
#include "Screenshots.h"
#include "TestClient.h"
#include "ui/MainWindow.h"
#include "ui/MessageView.h"
#include "ui/ServerSettingsDialog.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <optional>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_roles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void noRolesKeepsRankGroups();
    void membersGroupUnderHighestRole();
    void nameTakesTheRoleColour();
    void changesApplyAtOnce();
    void settingsCreateAndEditARole();
    void settingsGiveRolesAndBan();
    void settingsOverviewAndAuditLog();
    void settingsStatistics();
    void categoriesAndChannelColours();
    void cleanupTestCase();

private:
    //! A request on the app's own connection (the owner's): whether it succeeded, and its data.
    bool owner(const char *op, const QJsonObject &d, QJsonObject *reply = nullptr);
    Id createRole(const QString &name, const QString &color);
    //! The member list's rows: display names in order, with the group heading where one starts.
    QStringList memberRows() const;
    int memberRow(Id userId) const;
    ServerSettingsDialog *openSettings();

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_ann, m_bob;
    Id m_annId = 0, m_bobId = 0, m_mods = 0, m_helpers = 0;
    const QColor m_pink{0xe9, 0x1e, 0x63};
    const QColor m_green{0x2e, 0xcc, 0x71};
};

bool tst_app_roles::owner(const char *op, const QJsonObject &d, QJsonObject *reply)
{
    std::optional<bool> ok;
    f.app->connection()->request(QLatin1String(op), d, this, [&](const Reply &r) {
        if (!r.ok)
            qWarning("%s: %s", op, qPrintable(r.error.message));
        if (reply)
            *reply = r.d;
        ok = r.ok;
    });
    return QTest::qWaitFor([&] { return ok.has_value(); }, 10000) && *ok;
}

Id tst_app_roles::createRole(const QString &name, const QString &color)
{
    QJsonObject role;
    if (!owner("role.create",
               {{u"guild_id"_s, idJson(f.state()->currentGuild())}, {u"name"_s, name}, {u"color"_s, color}},
               &role))
        return 0;
    return idFromJson(role.value(u"id"_s));
}

QStringList tst_app_roles::memberRows() const
{
    QStringList out;
    const auto *m = f.state()->members();
    for (int i = 0; i < m->rowCount(); ++i) {
        const QModelIndex ix = m->index(i);
        if (ix.data(MemberListModel::FirstOfRoleRole).toBool()) {
            const QString group = ix.data(MemberListModel::GroupNameRole).toString();
            out << u"["_s
                       + (group.isEmpty() ? u"rank %1"_s.arg(ix.data(MemberListModel::RoleRole).toInt())
                                          : group)
                       + u"]"_s;
        }
        out << ix.data().toString();
    }
    return out;
}

int tst_app_roles::memberRow(Id userId) const
{
    const auto *m = f.state()->members();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i).data(MemberListModel::UserIdRole).toULongLong() == userId)
            return i;
    return -1;
}

void tst_app_roles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start(QDir(m_dir.path()).filePath(u"app"_s), true));
    const QString code = f.createInvite();
    QVERIFY(!code.isEmpty());
    m_annId = f.guest(m_ann, u"ann"_s, u"Ann"_s, code);
    m_bobId = f.guest(m_bob, u"bob"_s, u"Bob"_s, code);
    QVERIFY(m_annId && m_bobId);
    f.app->window()->resize(1200, 760); // the member list in the row
    f.app->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));
    QTRY_COMPARE(f.state()->members()->rowCount(), 3);
}

void tst_app_roles::noRolesKeepsRankGroups()
{
    const int owner = int(Role::Owner), member = int(Role::Member);
    QCOMPARE(memberRows(), (QStringList{u"[rank %1]"_s.arg(owner),
                                        f.state()->me().displayName.isEmpty() ? f.state()->me().username
                                                                              : f.state()->me().displayName,
                                        u"[rank %1]"_s.arg(member), u"Ann"_s, u"Bob"_s}));
    QVERIFY(!f.state()->nameColor(f.state()->currentGuild(), m_annId).isValid());
}

void tst_app_roles::membersGroupUnderHighestRole()
{
    const QJsonValue guild = idJson(f.state()->currentGuild());
    // A new role goes just above @everyone: made first, Moderators ends up above Helpers.
    m_mods = createRole(u"Moderators"_s, u"#e91e63"_s);
    m_helpers = createRole(u"Helpers"_s, u"#2ecc71"_s);
    QVERIFY(m_mods && m_helpers);
    QTRY_COMPARE(f.state()->roles(f.state()->currentGuild()).size(), 3);
    QVERIFY(owner("member.set_roles", {{u"guild_id"_s, guild},
                                       {u"user_id"_s, idJson(m_bobId)},
                                       {u"role_ids"_s, QJsonArray{idJson(m_helpers)}}}));
    QVERIFY(owner("member.set_roles", {{u"guild_id"_s, guild},
                                       {u"user_id"_s, idJson(m_annId)},
                                       {u"role_ids"_s, QJsonArray{idJson(m_helpers), idJson(m_mods)}}}));
    // Ann's highest role is Moderators; Bob's Helpers; the owner, with none, stays in its rank group.
    QTRY_COMPARE(memberRows().mid(0, 4),
                 (QStringList{u"[Moderators]"_s, u"Ann"_s, u"[Helpers]"_s, u"Bob"_s}));
    QCOMPARE(memberRows().value(4), u"[rank %1]"_s.arg(int(Role::Owner)));
}

void tst_app_roles::nameTakesTheRoleColour()
{
    const Id guild = f.state()->currentGuild();
    QCOMPARE(f.state()->nameColor(guild, m_annId), m_pink);
    QCOMPARE(f.state()->nameColor(guild, m_bobId), m_green);
    QCOMPARE(
        f.state()->members()->index(memberRow(m_annId)).data(MemberListModel::NameColorRole).value<QColor>(),
        m_pink);

    // Over her message, Ann's name is drawn in the role's colour.
    QVERIFY(m_ann
                ->call(u"message.send"_s, {{u"channel_id"_s, idJson(f.state()->currentChannel())},
                                           {u"content"_s, u"moderating gently"_s},
                                           {u"nonce"_s, u"ann-1"_s}})
                .ok);
    QTRY_COMPARE(f.count(u"moderating gently"_s), 1);
    MessageView *view = f.view();
    const int row = f.rowOfText(u"moderating gently"_s);
    QVERIFY(row >= 0);
    QTRY_VERIFY(view->visualRect(f.messages()->index(row)).isValid());
    const QRect rect = view->visualRect(f.messages()->index(row));
    QTRY_VERIFY2(pixelsNear(view->viewport()->grab().toImage(),
                            QRect(rect.left() + 40, rect.top(), 300, rect.height()), m_pink)
                     > 10,
                 "the author's name is not in the role's colour");
    // And in the member list.
    QListView *list = f.app->window()->memberList();
    const QRect annRow = list->visualRect(list->model()->index(memberRow(m_annId), 0));
    QTRY_VERIFY(pixelsNear(list->viewport()->grab().toImage(), annRow, m_pink) > 10);
    QVERIFY(saveScreenshot(f.app->window(), u"role-colours.png"_s));
}

void tst_app_roles::changesApplyAtOnce()
{
    const QJsonValue guild = idJson(f.state()->currentGuild());
    // Another colour for Moderators: the name follows without a restart.
    QVERIFY(owner("role.update",
                  {{u"guild_id"_s, guild}, {u"role_id"_s, idJson(m_mods)}, {u"color"_s, u"#3498db"_s}}));
    QTRY_COMPARE(f.state()->nameColor(f.state()->currentGuild(), m_annId), QColor(0x34, 0x98, 0xdb));
    // Moderators gone: Ann falls back to her other role, Helpers, and its colour.
    QVERIFY(owner("role.delete", {{u"guild_id"_s, guild}, {u"role_id"_s, idJson(m_mods)}}));
    QTRY_COMPARE(f.state()->roles(f.state()->currentGuild()).size(), 2);
    QTRY_COMPARE(f.state()->nameColor(f.state()->currentGuild(), m_annId), m_green);
    QTRY_COMPARE(memberRows().mid(0, 3), (QStringList{u"[Helpers]"_s, u"Ann"_s, u"Bob"_s}));
    // Roles taken away: back to the rank group, the text's colour.
    QVERIFY(owner("member.set_roles",
                  {{u"guild_id"_s, guild}, {u"user_id"_s, idJson(m_annId)}, {u"role_ids"_s, QJsonArray{}}}));
    QTRY_VERIFY(!f.state()->nameColor(f.state()->currentGuild(), m_annId).isValid());
    QTRY_COMPARE(memberRows().mid(0, 2), (QStringList{u"[Helpers]"_s, u"Bob"_s}));
}

ServerSettingsDialog *tst_app_roles::openSettings()
{
    delete f.app->window()->findChild<ServerSettingsDialog *>();
    f.app->window()->openServerSettings();
    auto *d = f.app->window()->findChild<ServerSettingsDialog *>();
    if (d)
        (void)QTest::qWaitForWindowExposed(d);
    return d;
}

void tst_app_roles::settingsCreateAndEditARole()
{
    ServerSettingsDialog *d = openSettings();
    QVERIFY(d);
    // The owner sees every section.
    QCOMPARE(d->sections(),
             (QStringList{u"Overview"_s, u"Roles"_s, u"Members"_s, u"Bans"_s, u"Audit log"_s, u"Statistics"_s}));
    d->showSection(u"Roles"_s);
    const Id guild = f.state()->currentGuild();
    QCOMPARE(d->shownRoleOrder(), (QList<Id>{m_helpers, guild})); // highest first, @everyone last
    const int before = int(f.state()->roles(guild).size());
    d->findChild<QPushButton *>(u"CreateRole"_s)->click();
    QTRY_COMPARE(f.state()->roles(guild).size(), before + 1);
    QTRY_COMPARE(d->shownRoleOrder().size(), before + 1);
    // The new role is shown for editing: name it, let it kick, save.
    auto *name = d->findChild<QLineEdit *>(u"RoleName"_s);
    QTRY_COMPARE(name->text(), u"new role"_s);
    name->setText(u"Bouncers"_s);
    auto *kick = d->findChild<QCheckBox *>(u"Permission-kick_members"_s);
    QVERIFY(kick && kick->isEnabled());
    kick->setChecked(true);
    d->findChild<QPushButton *>(u"SaveRole"_s)->click();
    const auto bouncers = [&]() -> GuildRole {
        for (const GuildRole &r : f.state()->roles(guild))
            if (r.name == u"Bouncers"_s)
                return r;
        return {};
    };
    QTRY_VERIFY(bouncers().id);
    QVERIFY(bouncers().permissions.has(Permission::KickMembers));
    QTRY_COMPARE(d->findChild<QLabel *>(u"RoleStatus"_s)->text(), u"Saved."_s);
    auto *roles = d->findChild<QListWidget *>(u"RoleList"_s);
    QVERIFY(roles->findItems(u"Bouncers"_s, Qt::MatchExactly).size() == 1);
    QVERIFY(saveScreenshot(d, u"server-settings-roles.png"_s));
    // Deleting it takes it off the list.
    d->findChild<QPushButton *>(u"DeleteRole"_s)->click();
    QTRY_VERIFY(!bouncers().id);
    QTRY_VERIFY(roles->findItems(u"Bouncers"_s, Qt::MatchExactly).isEmpty());
    d->close();
}

void tst_app_roles::settingsGiveRolesAndBan()
{
    ServerSettingsDialog *d = openSettings();
    QVERIFY(d);
    d->showSection(u"Members"_s);
    auto *table = d->findChild<QTreeWidget *>(u"MemberTable"_s);
    QVERIFY(table && table->isVisible());
    QTreeWidgetItem *bob = nullptr;
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        if (table->topLevelItem(i)->text(0) == u"Bob"_s)
            bob = table->topLevelItem(i);
    QVERIFY(bob);
    QCOMPARE(bob->text(1), u"Helpers"_s); // his roles, as set above
    table->setCurrentItem(bob);
    auto *ban = d->findChild<QPushButton *>(u"BanMember"_s);
    QVERIFY(ban->isEnabled());
    d->findChild<QLineEdit *>(u"BanReason"_s)->setText(u"spam"_s);
    QVERIFY(saveScreenshot(d, u"server-settings-members.png"_s));
    ban->click();
    // Bob is gone from the guild, and the Bans page lists him with the reason.
    QTRY_VERIFY(!f.state()->member(f.state()->currentGuild(), m_bobId));
    d->showSection(u"Bans"_s);
    auto *bans = d->findChild<QTreeWidget *>(u"BanTable"_s);
    QTRY_COMPARE(bans->topLevelItemCount(), 1);
    QCOMPARE(bans->topLevelItem(0)->text(0), u"Bob"_s);
    QCOMPARE(bans->topLevelItem(0)->text(1), u"spam"_s);
    QVERIFY(saveScreenshot(d, u"server-settings-bans.png"_s));
    bans->setCurrentItem(bans->topLevelItem(0));
    d->findChild<QPushButton *>(u"Unban"_s)->click();
    QTRY_COMPARE(bans->topLevelItemCount(), 0);
    QTRY_COMPARE(d->findChild<QLabel *>(u"BanStatus"_s)->text(), u"Nobody is banned."_s);
    d->close();
}

void tst_app_roles::settingsOverviewAndAuditLog()
{
    ServerSettingsDialog *d = openSettings();
    QVERIFY(d);
    // Overview: a description and a place in Explore servers.
    auto *description = d->findChild<QPlainTextEdit *>(u"GuildDescription"_s);
    auto *listed = d->findChild<QCheckBox *>(u"Discoverable"_s);
    QVERIFY(description && listed && !listed->isChecked());
    description->setPlainText(u"Board games on Fridays"_s);
    listed->setChecked(true);
    d->findChild<QPushButton *>(u"SaveOverview"_s)->click();
    const Id guild = f.state()->currentGuild();
    QTRY_VERIFY(f.state()->guild(guild).discoverable);
    QCOMPARE(f.state()->guild(guild).description, u"Board games on Fridays"_s);
    QTRY_COMPARE(d->findChild<QLabel *>(u"OverviewStatus"_s)->text(), u"Saved."_s);
    // Too long a description is said here, not sent.
    description->setPlainText(QString(301, u'x'));
    d->findChild<QPushButton *>(u"SaveOverview"_s)->click();
    QVERIFY(d->findChild<QLabel *>(u"OverviewStatus"_s)->text().contains(u"301"_s));
    QVERIFY(saveScreenshot(d, u"server-settings-overview.png"_s));

    // The audit log lists what this suite did, newest first, with who did it.
    d->showSection(u"Audit log"_s);
    auto *log = d->findChild<QTreeWidget *>(u"AuditTable"_s);
    QTRY_VERIFY(log->topLevelItemCount() >= 5);
    QCOMPARE(log->topLevelItem(0)->text(2), u"guild.update"_s);
    QStringList actions;
    for (int i = 0; i < log->topLevelItemCount(); ++i)
        actions << log->topLevelItem(i)->text(2);
    for (const char *op :
         {"role.create", "role.update", "role.delete", "member.set_roles", "member.ban", "member.unban"})
        QVERIFY2(actions.contains(QLatin1String(op)), op);
    const QString me =
        f.state()->me().displayName.isEmpty() ? f.state()->me().username : f.state()->me().displayName;
    QCOMPARE(log->topLevelItem(0)->text(1), me);
    QVERIFY(saveScreenshot(d, u"server-settings-audit.png"_s));
    d->close();
}

namespace {
//! The count that a chart's description ("key: n; key: n") gives `key`; 0 when absent.
int countIn(const QWidget *chart, const QString &key)
{
    for (const QString &part : chart->accessibleDescription().split(u"; "_s))
        if (part.startsWith(key + u": "_s))
            return part.mid(key.size() + 2).toInt();
    return 0;
}

// Every day's count added up: the run may cross midnight (UTC, the days the server counts in).
int totalIn(const QWidget *chart)
{
    int n = 0;
    for (const QString &part : chart->accessibleDescription().split(u"; "_s))
        n += part.section(u": "_s, 1).toInt();
    return n;
}
} // namespace

void tst_app_roles::settingsStatistics()
{
#ifdef Q_OS_LINUX
    const auto chartsLoaded = [] {
        QFile maps(u"/proc/self/maps"_s);
        return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libQt6Charts");
    };
    QVERIFY2(!chartsLoaded(), "Qt Charts is loaded before anyone opened the statistics");
#endif
    const Id channel = f.state()->currentChannel();
    // What the page shows now, then again after five more messages (three of mine, two of Ann's).
    auto open = [&](int *messageCount, int *annCount) {
        ServerSettingsDialog *d = openSettings();
        QVERIFY(d);
        d->showSection(u"Statistics"_s);
        QWidget *messages = nullptr, *senders = nullptr;
        QTRY_VERIFY((messages = d->findChild<QWidget *>(u"StatsMessages"_s)));
        QVERIFY((senders = d->findChild<QWidget *>(u"StatsSenders"_s)));
        QVERIFY(d->findChild<QWidget *>(u"StatsChannels"_s) && d->findChild<QWidget *>(u"StatsPeakOnline"_s)
                && d->findChild<QWidget *>(u"StatsConnected"_s));
        QCOMPARE(QByteArray(messages->metaObject()->className()), QByteArray("QChartView"));
        *messageCount = totalIn(messages);
        *annCount = countIn(senders, u"Ann"_s);
    };
    int before = 0, annBefore = 0;
    open(&before, &annBefore);
    if (QTest::currentTestFailed())
        return;
#ifdef Q_OS_LINUX
    QVERIFY2(chartsLoaded(), "the statistics page did not load the charts");
#endif
    for (int i = 0; i < 3; ++i)
        QVERIFY(owner("message.send", {{u"channel_id"_s, idJson(channel)},
                                       {u"content"_s, u"counted %1"_s.arg(i)},
                                       {u"nonce"_s, u"stats-%1"_s.arg(i)}}));
    for (int i = 0; i < 2; ++i)
        QVERIFY(m_ann->call(u"message.send"_s, {{u"channel_id"_s, idJson(channel)},
                                                {u"content"_s, u"ann counted %1"_s.arg(i)},
                                                {u"nonce"_s, u"ann-stats-%1"_s.arg(i)}})
                    .ok);
    int after = 0, annAfter = 0;
    open(&after, &annAfter);
    QCOMPARE(after, before + 5);
    QCOMPARE(annAfter, annBefore + 2);
    auto *d = f.app->window()->findChild<ServerSettingsDialog *>();
    QVERIFY(saveScreenshot(d, u"server-settings-statistics.png"_s));
    d->close();
}

void tst_app_roles::categoriesAndChannelColours()
{
    // A category heads its channels in the sidebar and cannot be opened; a channel's colour is
    // its mark. Made by the owner through the app's connection.
    const Id guild = f.state()->currentGuild();
    const Id general = f.state()->currentChannel();
    QJsonObject category, games;
    QVERIFY(
        owner("channel.create",
              {{u"guild_id"_s, idJson(guild)}, {u"name"_s, u"Voice of reason"_s}, {u"type"_s, u"category"_s}},
              &category));
    QVERIFY(owner("channel.create",
                  {{u"guild_id"_s, idJson(guild)},
                   {u"name"_s, u"games"_s},
                   {u"parent_id"_s, category.value(u"id"_s)},
                   {u"color"_s, u"#e67e22"_s}},
                  &games));
    const Id categoryId = idFromJson(category.value(u"id"_s)), gamesId = idFromJson(games.value(u"id"_s));
    auto *model = f.state()->channels();
    QTRY_COMPARE(model->rowCount(), 3);
    // No category first (#general), then the heading, then its channel.
    QCOMPARE(model->index(0).data(ChannelListModel::IdRole).toULongLong(), general);
    QCOMPARE(model->index(1).data(ChannelListModel::IdRole).toULongLong(), categoryId);
    QVERIFY(model->index(1).data(ChannelListModel::IsCategoryRole).toBool());
    QVERIFY(!(model->flags(model->index(1)) & Qt::ItemIsSelectable));
    QCOMPARE(model->index(2).data(ChannelListModel::IdRole).toULongLong(), gamesId);
    QCOMPARE(model->index(2).data(ChannelListModel::ColorRole).value<QColor>(), QColor(0xe6, 0x7e, 0x22));
    // Not a place to go: selecting it does nothing, Alt+Down steps over it, Ctrl+K lists no category.
    f.state()->selectChannel(categoryId);
    QCOMPARE(f.state()->currentChannel(), general);
    f.state()->stepChannel(1);
    QCOMPARE(f.state()->currentChannel(), gamesId);
    f.state()->stepChannel(1);
    QCOMPARE(f.state()->currentChannel(), general);
    for (const Channel &c : f.state()->channelsOf(guild))
        QVERIFY(!c.isCategory());
    QVERIFY(saveScreenshot(f.app->window(), u"channel-categories.png"_s));
}

void tst_app_roles::cleanupTestCase()
{
    m_ann.reset();
    m_bob.reset();
    f.stop();
}

QTEST_MAIN(tst_app_roles)
#include "tst_app_roles.moc"

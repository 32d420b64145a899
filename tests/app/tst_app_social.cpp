// The social layer of the app against its real embedded server, with raw second clients:
// presence dots and my status, idle, the friends view, a DM with typing, unread and mention
// badges, and notifications observed through the Notifier interface.
#include "AppFixture.h"
#include "TestClient.h"
#include "platform/Notifier.h"
#include "shared/Protocol.h"
#include "state/ChannelListModel.h"
#include "state/GuildListModel.h"
#include "state/MemberListModel.h"
#include "ui/ChannelSidebar.h"
#include "ui/FriendsView.h"
#include "ui/IdleWatcher.h"
#include "ui/MessageDelegate.h"
#include "ui/ServerRail.h"
#include "ui/UserFooter.h"

#include <QApplication>
#include <QDir>
#include <QDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QLabel>
#include <QToolButton>

#include "RecordingNotifier.h"
#include "Screenshots.h"

using namespace kith;
using namespace Qt::Literals::StringLiterals;
using namespace kith::app;


class tst_app_social : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void presenceDotsAndMyStatus();
    void idleAfterInactivity();
    void friendsViewFlow();
    void dmFlowWithTyping();
    void unreadBadgesAppearAndClear();
    void notificationsWhenInBackground();
    void dmListRecentFirst();
    void countsAndFriendsComeBackWithReady();
    void friendsScreenshot();
    void blockedAuthorsMessagesAreHidden();
    void cleanupTestCase();

private:
    QString lastPresence(TestClient *c, Id userId) const;
    TestClient::Result send(TestClient *c, Id channel, const QString &content);
    int rowOfMember(const QString &username) const;

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_pal;
    std::unique_ptr<TestClient> m_carol;
    Id m_general = 0;
    Id m_palId = 0;
    Id m_carolId = 0;
    Id m_dm = 0;
    int m_nonce = 0;
};

QString tst_app_social::lastPresence(TestClient *c, Id userId) const
{
    QString status;
    for (const QJsonObject &e : c->events) {
        const QJsonObject d = e.value(u"d"_s).toObject();
        if (e.value(u"ev"_s).toString() == u"presence.updated"_s && d.value(u"user_id"_s).toString() == QString::number(userId))
            status = d.value(u"status"_s).toString();
    }
    return status;
}

TestClient::Result tst_app_social::send(TestClient *c, Id channel, const QString &content)
{
    return c->call(u"message.send"_s, {{u"channel_id"_s, QString::number(channel)}, {u"content"_s, content},
                                      {u"nonce"_s, u"n-%1"_s.arg(++m_nonce)}});
}

int tst_app_social::rowOfMember(const QString &username) const
{
    MemberListModel *members = f.state()->members();
    for (int i = 0; i < members->rowCount(); ++i)
        if (members->index(i).data(MemberListModel::UsernameRole).toString() == username)
            return i;
    return -1;
}

void tst_app_social::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start(m_dir.path(), true));
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    const QString code = f.createInvite();
    QVERIFY(!code.isEmpty());
    m_palId = f.guest(m_pal, u"pal"_s, u"Pal"_s, code);
    m_carolId = f.guest(m_carol, u"carol"_s, u"Carol"_s, code);
    QVERIFY(m_palId && m_carolId);
    QTRY_COMPARE(f.state()->members()->rowCount(), 3);
}

void tst_app_social::presenceDotsAndMyStatus()
{
    // The member list knows who is online, and follows changes live.
    QTRY_COMPARE(f.state()->members()->index(rowOfMember(u"pal"_s)).data(MemberListModel::PresenceRole).toString(), u"online"_s);
    QVERIFY(m_pal->call(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"deep in code"_s}}).ok);
    QTRY_COMPARE(f.state()->members()->index(rowOfMember(u"pal"_s)).data(MemberListModel::PresenceRole).toString(), u"dnd"_s);
    QCOMPARE(f.state()->members()->index(rowOfMember(u"pal"_s)).data(MemberListModel::CustomStatusRole).toString(), u"deep in code"_s);

    // My status through the footer's menu reaches the others.
    UserFooter *footer = f.app->window()->sidebar()->footer();
    QCOMPARE(footer->statusText(), u"Online"_s);
    std::unique_ptr<QMenu> menu(footer->makeStatusMenu());
    QAction *dnd = nullptr;
    for (QAction *a : menu->actions())
        if (a->data().toString() == u"dnd"_s)
            dnd = a;
    QVERIFY(dnd);
    QCOMPARE(dnd->text(), u"Do not disturb"_s);
    dnd->trigger();
    QTRY_COMPARE(lastPresence(m_pal.get(), f.state()->me().id), u"dnd"_s);
    QTRY_COMPARE(footer->statusText(), u"Do not disturb"_s);
    f.state()->setPresence(u"online"_s, u"shipping it"_s);
    QTRY_COMPARE(lastPresence(m_pal.get(), f.state()->me().id), u"online"_s);
    QTRY_COMPARE(footer->statusText(), u"shipping it"_s);
    f.state()->setPresence(u"online"_s, QString());
    QTRY_COMPARE(footer->statusText(), u"Online"_s);
}

void tst_app_social::idleAfterInactivity()
{
    const Id me = f.state()->me().id;
    f.app->idleWatcher()->setTimeout(300);
    QTRY_VERIFY(f.state()->isIdle());
    QTRY_COMPARE(lastPresence(m_pal.get(), me), u"idle"_s);
    QCOMPARE(f.app->window()->sidebar()->footer()->statusText(), u"Idle"_s);
    f.app->idleWatcher()->setTimeout(IdleWatcher::kDefaultIdleMs);
    QTest::keyClick(f.app->window(), Qt::Key_Shift); // any input: back
    QVERIFY(!f.state()->isIdle());
    QTRY_COMPARE(lastPresence(m_pal.get(), me), u"online"_s);
}

void tst_app_social::friendsViewFlow()
{
    MainWindow *w = f.app->window();
    w->rail()->home()->click();
    QTRY_VERIFY(f.state()->isHome());
    QCOMPARE(f.state()->currentChannel(), Id(0));
    FriendsView *friends = w->friends();
    QVERIFY(friends->isVisible());
    QVERIFY(!w->memberList()->isVisible());
    QVERIFY(!friends->emptyText().isEmpty()); // nobody yet
    QTest::keyClicks(friends->addField(), u"nobody_here"_s);
    QTest::keyClick(friends->addField(), Qt::Key_Return);
    QTRY_COMPARE(friends->resultText(), u"Could not send a request to nobody_here: check the username."_s);
    QCOMPARE(friends->addField()->text(), u"nobody_here"_s); // kept, to be corrected

    // I ask pal; pal sees an incoming request and accepts. The field empties once it went.
    friends->addField()->selectAll();
    QTest::keyClicks(friends->addField(), u"pal"_s);
    friends->addButton()->click();
    QTRY_COMPARE(f.state()->relationship(m_palId), u"outgoing"_s);
    QTRY_COMPARE(friends->resultText(), u"Friend request sent to pal."_s);
    QCOMPARE(friends->addField()->text(), QString());
    friends->setTab(FriendsView::Tab::Pending);
    QTRY_VERIFY(friends->action(m_palId, u"Cancel"_s));
    QTRY_VERIFY(m_pal->hasEvent(u"relationship.updated"_s));
    QVERIFY(m_pal->call(u"friend.accept"_s, {{u"user_id"_s, QString::number(f.state()->me().id)}}).ok);
    QTRY_COMPARE(f.state()->relationship(m_palId), u"friend"_s);
    friends->setTab(FriendsView::Tab::Online);
    QTRY_VERIFY(friends->action(m_palId, u"Message"_s)); // pal is dnd: still online

    // Carol asks me: Decline, then again: Accept, then Block and Unblock, all from the rows.
    const auto carolSees = [&] {
        QString type;
        for (const QJsonObject &e : m_carol->events)
            if (e.value(u"ev"_s).toString() == u"relationship.updated"_s)
                type = e.value(u"d"_s).toObject().value(u"type"_s).toString();
        return type;
    };
    QVERIFY(m_carol->call(u"friend.request"_s, {{u"username"_s, f.state()->me().username}}).ok);
    // Waiting for me: a count on Home, on the Pending tab and on Home's Friends entry.
    QTRY_COMPARE(friends->pendingBadge(), u"1"_s);
    QTRY_COMPARE(w->rail()->homeBadge(), u"1"_s);
    QVERIFY(w->sidebar()->friendsEntry()->isVisible());
    QVERIFY(w->sidebar()->friendsEntry()->isChecked());
    QVERIFY2(w->sidebar()->friendsEntry()->text().contains(u"1"_s), qPrintable(w->sidebar()->friendsEntry()->text()));
    friends->setTab(FriendsView::Tab::Pending);
    QTRY_VERIFY(friends->action(m_carolId, u"Decline"_s));
    // Accept and Decline look different and say what they do.
    QPushButton *accept = friends->action(m_carolId, u"Accept"_s);
    QPushButton *decline = friends->action(m_carolId, u"Decline"_s);
    QVERIFY(accept->toolTip().startsWith(u"Accept"_s) && decline->toolTip().startsWith(u"Decline"_s));
    QVERIFY(accept->icon().pixmap(18).toImage() != decline->icon().pixmap(18).toImage());
    friends->action(m_carolId, u"Decline"_s)->click();
    QTRY_COMPARE(carolSees(), u"none"_s);
    QTRY_VERIFY(!friends->action(m_carolId, u"Decline"_s));
    QTRY_COMPARE(friends->pendingBadge(), QString());
    QTRY_COMPARE(w->rail()->homeBadge(), QString());
    QVERIFY(m_carol->call(u"friend.request"_s, {{u"username"_s, f.state()->me().username}}).ok);
    QTRY_VERIFY(friends->action(m_carolId, u"Accept"_s));
    friends->action(m_carolId, u"Accept"_s)->click();
    QTRY_COMPARE(carolSees(), u"friend"_s);
    friends->setTab(FriendsView::Tab::All);
    // Block is no red button on every friend: it lives in the row's "More" menu.
    QTRY_VERIFY(friends->action(m_carolId, u"More"_s));
    QVERIFY(!friends->action(m_carolId, u"Block"_s));
    QVERIFY(friends->moreAction(m_carolId, u"Remove"_s));
    friends->moreAction(m_carolId, u"Block"_s)->trigger();
    QTRY_COMPARE(f.state()->relationship(m_carolId), u"blocked"_s);
    QTRY_COMPARE(carolSees(), u"none"_s);
    QVERIFY(!friends->action(m_carolId, u"More"_s));
    friends->setTab(FriendsView::Tab::Blocked);
    QTRY_VERIFY(friends->action(m_carolId, u"Unblock"_s));
    friends->action(m_carolId, u"Unblock"_s)->click();
    QTRY_COMPARE(f.state()->relationship(m_carolId), QString());
    QTRY_VERIFY(!friends->emptyText().isEmpty());
    friends->setTab(FriendsView::Tab::All);
    QVERIFY(friends->action(m_palId, u"Message"_s));
    // A name shows once when display name and username are the same ("pal"), both otherwise.
    auto nameText = [&](Id id) {
        for (int i = 0; i < friends->list()->count(); ++i)
            if (friends->list()->item(i)->data(Qt::UserRole).toULongLong() == id)
                return friends->list()->itemWidget(friends->list()->item(i))->findChild<QLabel *>(u"FriendName"_s)->text();
        return QString();
    };
    const QString palName = nameText(m_palId);
    QCOMPARE(palName.count(u"pal"_s, Qt::CaseInsensitive), 1);
}

void tst_app_social::dmFlowWithTyping()
{
    MainWindow *w = f.app->window();
    FriendsView *friends = w->friends();
    // As with the window in front (offscreen windows are never active): the open DM is read live.
    f.state()->setViewing(true);
    friends->action(m_palId, u"Message"_s)->click();
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    m_dm = f.state()->currentChannel();
    const Channel dm = f.state()->channel(m_dm);
    QVERIFY(dm.isDm());
    QVERIFY(f.state()->isHome());
    QTRY_VERIFY(w->chat()->isVisible());
    QVERIFY(!friends->isVisible());
    QCOMPARE(dm.name, u"Pal"_s);
    QTRY_VERIFY(m_pal->hasEvent(u"channel.created"_s));
    // The DM list in the sidebar, with pal's presence for the dot.
    ChannelListModel *list = f.state()->channels();
    QTRY_VERIFY(list->rowOf(m_dm) >= 0);
    QCOMPARE(list->index(list->rowOf(m_dm)).data(ChannelListModel::PresenceRole).toString(), u"dnd"_s);

    f.type(u"hello pal, in private"_s);
    // Composing it sent typing once; more keys at once (well within the 5 s it lasts) send
    // nothing more: checked below, once later round trips on each side are answered.
    SentRequests typings(f.app->frameLog(), kith::op::TypingStart);
    QTest::keyClicks(f.composer(), u"still writing"_s);
    QTRY_COMPARE(m_pal->countEvents(u"message.created"_s, u"hello pal, in private"_s), 1);
    QVERIFY(send(m_pal.get(), m_dm, u"hi back"_s).ok);
    QTRY_COMPARE(f.count(u"hi back"_s), 1);
    QTRY_VERIFY(f.state()->readState(m_dm).lastReadId != 0); // read as it arrived
    QCOMPARE(f.state()->readState(m_dm).unread, 0);

    QTRY_COMPARE(m_pal->countEvents(u"typing.started"_s), 1);
    QVERIFY(f.roundTrip());
    QVERIFY(m_pal->call(u"ping"_s, {}).ok);
    QCOMPARE(typings.count, 0);
    QCOMPARE(m_pal->countEvents(u"typing.started"_s), 1);
    // Pal's typing shows under the messages.
    f.composer()->clear();
    QVERIFY(m_pal->call(u"typing.start"_s, {{u"channel_id"_s, QString::number(m_dm)}}).ok);
    QTRY_COMPARE(w->chat()->typingText(), u"Pal is typing…"_s);
    // No stop event: it drops 8 s after the last one. Not at once: it is still shown once
    // later round trips on both sides are answered; then it goes by itself.
    QVERIFY(m_pal->call(u"ping"_s, {}).ok);
    QVERIFY(f.roundTrip());
    QCOMPARE(w->chat()->typingText(), u"Pal is typing…"_s);
    QVERIFY(saveScreenshot(w, u"social-dm.png"_s)); // after: a slow picture must not use up the 8 s
    // Two at once.
    QCOMPARE(ChatPane::typingSentence({u"Pal"_s, u"Carol"_s}), u"Pal and Carol are typing…"_s);
    QTRY_COMPARE_WITH_TIMEOUT(w->chat()->typingText(), QString(), 60000);
    // A message from the typer ends it at once.
    QVERIFY(m_pal->call(u"typing.start"_s, {{u"channel_id"_s, QString::number(m_dm)}}).ok);
    QTRY_COMPARE(w->chat()->typingText(), u"Pal is typing…"_s);
    QVERIFY(send(m_pal.get(), m_dm, u"done typing"_s).ok);
    QTRY_COMPARE(w->chat()->typingText(), QString());

    // A DM from a member's context menu lands on the same channel.
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(rowOfMember(u"pal"_s) >= 0);
    std::unique_ptr<QMenu> menu(w->makeMemberMenu(f.state()->members()->index(rowOfMember(u"pal"_s))));
    QVERIFY(menu);
    QAction *message = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == u"Message"_s)
            message = a;
    QVERIFY(message);
    message->trigger();
    QTRY_COMPARE(f.state()->currentChannel(), m_dm);
}

void tst_app_social::unreadBadgesAppearAndClear()
{
    GuildListModel *guilds = f.state()->guilds();
    const Id gid = guilds->guilds().first().id;
    QCOMPARE(f.state()->currentChannel(), m_dm);
    // A mention of me in general while I am in the DM: bold, a badge on the channel and the guild.
    QVERIFY(send(m_pal.get(), m_general, u"look @%1, a bug"_s.arg(f.state()->me().username)).ok);
    QVERIFY(send(m_pal.get(), m_general, u"and no mention here"_s).ok);
    QTRY_COMPARE(f.state()->readState(m_general).unread, 2);
    QCOMPARE(f.state()->readState(m_general).mentions, 1);
    QCOMPARE(guilds->index(guilds->rowOf(gid)).data(GuildListModel::MentionsRole).toInt(), 1);
    QVERIFY(guilds->index(guilds->rowOf(gid)).data(GuildListModel::UnreadRole).toBool());
    // Viewing general marks it read: the badge clears, the host agrees.
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->readState(m_general).unread, 0);
    // The mention stands out in the view; the other message does not.
    QTRY_VERIFY(f.rowOfText(u"and no mention here"_s) >= 0);
    const int mentionRow = f.rowOfText(u"look @%1, a bug"_s.arg(f.state()->me().username));
    QVERIFY(mentionRow >= 0);
    QVERIFY(f.messages()->index(mentionRow).data(MessageListModel::MentionRole).toBool());
    // A "new" line marks where my reading had stopped (here: never read, so the first), only there.
    QVERIFY(f.messages()->index(mentionRow).data(MessageListModel::NewStartRole).toBool());
    QVERIFY(!f.messages()->index(f.rowOfText(u"and no mention here"_s)).data(MessageListModel::NewStartRole).toBool());
    QVERIFY(!f.messages()->index(f.rowOfText(u"and no mention here"_s)).data(MessageListModel::MentionRole).toBool());
    QCOMPARE(f.state()->readState(m_general).mentions, 0);
    QVERIFY(f.state()->readState(m_general).lastReadId != 0);
    ChannelListModel *channels = f.state()->channels();
    QCOMPARE(channels->index(channels->rowOf(m_general)).data(ChannelListModel::MentionsRole).toInt(), 0);
    QVERIFY(!guilds->index(guilds->rowOf(gid)).data(GuildListModel::UnreadRole).toBool());

    // Away and back: the line now sits between what I read and what came meanwhile.
    f.state()->selectChannel(m_dm);
    QTRY_COMPARE(f.state()->currentChannel(), m_dm);
    QVERIFY(send(m_pal.get(), m_general, u"while you were in the DM"_s).ok);
    QTRY_COMPARE(f.state()->readState(m_general).unread, 1);
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(f.rowOfText(u"while you were in the DM"_s) >= 0);
    QVERIFY(f.messages()->index(f.rowOfText(u"while you were in the DM"_s)).data(MessageListModel::NewStartRole).toBool());
    QVERIFY(!f.messages()->index(f.rowOfText(u"and no mention here"_s)).data(MessageListModel::NewStartRole).toBool());
    QVERIFY(!f.messages()->index(mentionRow).data(MessageListModel::NewStartRole).toBool());
    QTRY_COMPARE(f.state()->readState(m_general).unread, 0);
    QVERIFY(saveScreenshot(f.app->window(), u"social-new-line.png"_s));

    // "Mark as read" on the server's icon, without opening anything; the host agrees.
    f.state()->selectChannel(m_dm);
    QTRY_COMPARE(f.state()->currentChannel(), m_dm);
    QVERIFY(send(m_pal.get(), m_general, u"skim me"_s).ok);
    QTRY_COMPARE(f.state()->readState(m_general).unread, 1);
    QTRY_VERIFY(guilds->index(guilds->rowOf(gid)).data(GuildListModel::UnreadRole).toBool());
    {
        std::unique_ptr<QMenu> menu(f.app->window()->rail()->makeGuildMenu(guilds->index(guilds->rowOf(gid))));
        QAction *markRead = menu->findChild<QAction *>(u"MarkRead"_s);
        QVERIFY(markRead);
        markRead->trigger();
    }
    QTRY_COMPARE(f.state()->readState(m_general).unread, 0);
    QVERIFY(!guilds->index(guilds->rowOf(gid)).data(GuildListModel::UnreadRole).toBool());
    QCOMPARE(f.state()->currentChannel(), m_dm);
    {
        std::unique_ptr<QMenu> menu(f.app->window()->rail()->makeGuildMenu(guilds->index(guilds->rowOf(gid))));
        QVERIFY(!menu->findChild<QAction *>(u"MarkRead"_s)); // nothing left to mark
    }
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);

    // A DM while I read general: a count on Home, gone once I open the DM.
    QVERIFY(send(m_pal.get(), m_dm, u"psst"_s).ok);
    QTRY_COMPARE(f.app->window()->rail()->homeBadge(), u"1"_s);
    QCOMPARE(f.state()->readState(m_dm).unread, 1);
    // The rail shows the waiting DM under Home, as a shortcut: clicking it opens the DM.
    ServerRail *rail = f.app->window()->rail();
    QTRY_COMPARE(rail->dmButtons().size(), 1);
    QToolButton *waiting = rail->dmButtons().first();
    QCOMPARE(waiting->property("channelId").toULongLong(), quint64(m_dm));
    QVERIFY2(waiting->toolTip().contains(u"Pal"_s), qPrintable(waiting->toolTip()));
    QVERIFY(waiting->isVisibleTo(rail));
    QVERIFY(saveScreenshot(f.app->window(), u"social-rail-dm.png"_s));
    waiting->click();
    QTRY_COMPARE(f.state()->currentChannel(), m_dm);
    QTRY_COMPARE(f.state()->readState(m_dm).unread, 0);
    QTRY_COMPARE(f.app->window()->rail()->homeBadge(), QString());
    QTRY_VERIFY(rail->dmButtons().isEmpty());
    // The host kept it: a fresh look from pal's side of the protocol is not needed; my own
    // read state came back from channel.ack with the newest message.
    QVERIFY(f.state()->readState(m_dm).lastReadId != 0);
}

void tst_app_social::notificationsWhenInBackground()
{
    auto *rec = new RecordingNotifier;
    f.app->setNotifier(rec);
    f.app->setFocusProbe([] { return false; }); // the window is in the background
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    f.state()->createChannel(u"elsewhere"_s, QString());
    QTRY_VERIFY(f.state()->currentChannel() != m_general && !f.state()->isHome());
    const Id elsewhere = f.state()->currentChannel();

    QVERIFY(send(m_pal.get(), m_dm, u"are you there?"_s).ok);
    QTRY_COMPARE(rec->shown.size(), 1);
    QCOMPARE(rec->shown.at(0).title, u"Pal"_s);
    QCOMPARE(rec->shown.at(0).body, u"are you there?"_s);
    QCOMPARE(rec->shown.at(0).channel, quint64(m_dm));
    QCOMPARE(rec->sounds, 1);
    QTRY_COMPARE(rec->badge, 1); // the app icon counts the unread DM
    QVERIFY(send(m_pal.get(), m_general, u"@%1 see general"_s.arg(f.state()->me().username)).ok);
    QTRY_COMPARE(rec->shown.size(), 2);
    QCOMPARE(rec->shown.at(1).channel, quint64(m_general));
    QCOMPARE(rec->sounds, 2);
    QTRY_COMPARE(rec->badge, 2);
    QVERIFY(send(m_pal.get(), m_general, u"nothing for you"_s).ok); // no mention: no notification

    // Pop-ups off in settings: the sound alone. Sound off: the pop-up alone.
    f.app->setNotificationsEnabled(false);
    QVERIFY(send(m_pal.get(), m_dm, u"muted by settings"_s).ok);
    QTRY_COMPARE(rec->sounds, 3);
    QCOMPARE(rec->shown.size(), 2);
    f.app->setNotificationsEnabled(true);
    f.app->setSoundEnabled(false);
    QVERIFY(send(m_pal.get(), m_dm, u"no sound"_s).ok);
    QTRY_COMPARE(rec->shown.size(), 3);
    QCOMPARE(rec->shown.at(2).body, u"no sound"_s);
    QCOMPARE(rec->sounds, 3);
    f.app->setSoundEnabled(true);
    // Do not disturb: neither.
    f.state()->setPresence(u"dnd"_s, QString());
    QTRY_COMPARE(f.state()->myStatus(), u"dnd"_s);
    QVERIFY(send(m_pal.get(), m_dm, u"muted by dnd"_s).ok);
    QTRY_COMPARE(f.state()->readState(m_dm).unread, 4);
    QCOMPARE(rec->shown.size(), 3);
    QCOMPARE(rec->sounds, 3);
    f.state()->setPresence(u"online"_s, QString());
    QTRY_COMPARE(f.state()->myStatus(), u"online"_s);

    // In the foreground: nothing either.
    f.app->setFocusProbe([] { return true; });
    QVERIFY(send(m_pal.get(), m_dm, u"seen live"_s).ok);
    QTRY_COMPARE(f.state()->readState(m_dm).unread, 5);
    QCOMPARE(rec->shown.size(), 3);
    QCOMPARE(rec->sounds, 3);

    // Clicking a notification opens its channel.
    QCOMPARE(f.state()->currentChannel(), elsewhere);
    emit rec->activated(m_dm);
    QTRY_COMPARE(f.state()->currentChannel(), m_dm);
    QTRY_COMPARE(f.state()->readState(m_dm).unread, 0);
    QTRY_COMPARE(rec->badge, 1); // the DM is read; the mention in general still counts
}

void tst_app_social::dmListRecentFirst()
{
    ChannelListModel *list = f.state()->channels();
    f.state()->openDm(m_carolId);
    QTRY_VERIFY(f.state()->currentChannel() != m_dm && f.state()->isHome());
    const Id carolDm = f.state()->currentChannel();
    QTRY_COMPARE(list->rowCount(), 2);
    AppFixture::waitForNextSecond(); // the DM list orders by the second of the last activity
    QVERIFY(send(m_pal.get(), m_dm, u"bump"_s).ok);
    QTRY_COMPARE(list->index(0).data(ChannelListModel::IdRole).toULongLong(), quint64(m_dm));
    QCOMPARE(list->index(1).data(ChannelListModel::IdRole).toULongLong(), quint64(carolDm));
    QCOMPARE(list->index(1).data().toString(), u"Carol"_s);
    QCOMPARE(f.state()->currentChannel(), carolDm); // the re-sort keeps what is open
    f.state()->selectChannel(m_dm);
    QTRY_COMPARE(f.state()->readState(m_dm).unread, 0);
}

void tst_app_social::countsAndFriendsComeBackWithReady()
{
    // A restarted host refuses the resume: everything comes again in `ready`.
    const ReadState before = f.state()->readState(m_general);
    QCOMPARE(before.unread, 2); // from the test above: one mention, one not
    QCOMPARE(before.mentions, 1);
    Connection *conn = f.app->connection();
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    QSignalSpy ready(conn, &Connection::ready);
    server->stop();
    QTRY_VERIFY(conn->state() == Connection::State::Reconnecting);
    conn->setBackoff(60000, 60000); // hold the reconnect while pal talks
    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(u"server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    auto relogin = [&](std::unique_ptr<TestClient> &c, const QString &name) {
        c = std::make_unique<TestClient>(server->url());
        QVERIFY(c->waitHello());
        QVERIFY(c->call(u"session.login"_s, {{u"username"_s, name}, {u"password"_s, u"friendly-pass"_s}}).ok);
    };
    relogin(m_pal, u"pal"_s);
    relogin(m_carol, u"carol"_s);
    QVERIFY(send(m_pal.get(), m_general, u"while you were away, @%1"_s.arg(f.state()->me().username)).ok);
    conn->setBackoff(20, 200);
    conn->reconnectNow();
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 1, 10000);
    QTRY_COMPARE(f.state()->readState(m_general).unread, 3);
    QCOMPARE(f.state()->readState(m_general).mentions, 2);
    GuildListModel *guilds = f.state()->guilds();
    QCOMPARE(guilds->index(0).data(GuildListModel::MentionsRole).toInt(), 2);
    QVERIFY(f.state()->channel(m_dm).isDm());
    QTRY_COMPARE(f.state()->relationship(m_palId), u"friend"_s);
    QTRY_COMPARE(f.state()->presence(m_palId).status, u"online"_s);
}

void tst_app_social::friendsScreenshot()
{
    MainWindow *w = f.app->window();
    QVERIFY(m_carol->call(u"friend.request"_s, {{u"username"_s, f.state()->me().username}}).ok);
    w->rail()->home()->click();
    f.state()->selectChannel(0);
    w->friends()->setTab(FriendsView::Tab::All);
    QTRY_VERIFY(w->friends()->isVisible());
    QTRY_VERIFY(w->friends()->action(m_palId, u"Message"_s));
    QVERIFY(saveScreenshot(w, u"social-friends.png"_s));
    w->friends()->setTab(FriendsView::Tab::Pending);
    QTRY_VERIFY(w->friends()->action(m_carolId, u"Accept"_s));
    QVERIFY(saveScreenshot(w, u"social-pending.png"_s));
}

void tst_app_social::blockedAuthorsMessagesAreHidden()
{
    // Carol shares the guild; once I block her, her words no longer show in my view.
    f.state()->selectChannel(m_general);
    f.state()->relate(QLatin1String("user.block"), m_carolId);
    QTRY_COMPARE(f.state()->relationship(m_carolId), u"blocked"_s);
    QVERIFY(send(m_carol.get(), m_general, u"you cannot read this"_s).ok);
    MessageListModel *messages = f.state()->messages();
    auto rowWith = [&](const QString &prefix) {
        for (int row = messages->rowCount() - 1; row >= 0; --row) {
            if (messages->messageAt(row).author.id == m_carolId
                && messages->messageAt(row).content.startsWith(prefix))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(rowWith(u"you cannot"_s) >= 0);
    const QString shown = messages->index(rowWith(u"you cannot"_s)).data(Qt::DisplayRole).toString();
    QVERIFY2(!shown.contains(u"you cannot read this"_s), qPrintable(shown));
    QVERIFY(!shown.isEmpty());
    // "Show message" in the placeholder shows it anyway, with a click on that link.
    MessageView *view = f.view();
    const QModelIndex hidden = messages->index(rowWith(u"you cannot"_s));
    QVERIFY(hidden.data(MessageListModel::HiddenRole).toBool());
    view->scrollTo(hidden);
    QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(hidden)));
    const QRect r = view->visualRect(hidden);
    QPoint link;
    for (int y = r.top(); y <= r.bottom() && link.isNull(); y += 2)
        for (int x = r.left(); x <= r.right() && link.isNull(); x += 3)
            if (view->messageDelegate()->anchorAt(r, hidden, QPoint(x, y)) == MessageListModel::kRevealLink)
                link = QPoint(x, y);
    QVERIFY2(!link.isNull(), "no Show message link in the placeholder");
    QVERIFY(saveScreenshot(f.app->window(), u"social-blocked.png"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link);
    QTRY_COMPARE(messages->index(rowWith(u"you cannot"_s)).data(Qt::DisplayRole).toString(), u"you cannot read this"_s);
    QVERIFY(!messages->index(rowWith(u"you cannot"_s)).data(MessageListModel::HiddenRole).toBool());
    // Hidden again on request; other messages of hers stay hidden meanwhile.
    messages->setRevealed(messages->messageAt(rowWith(u"you cannot"_s)).id, false);
    QVERIFY(messages->index(rowWith(u"you cannot"_s)).data(MessageListModel::HiddenRole).toBool());
    // Unblocked, new messages read normally again.
    f.state()->relate(QLatin1String("user.unblock"), m_carolId);
    QTRY_VERIFY(f.state()->relationship(m_carolId).isEmpty());
    QVERIFY(send(m_carol.get(), m_general, u"hello again"_s).ok);
    QTRY_VERIFY(rowWith(u"hello again"_s) >= 0);
    QCOMPARE(messages->index(rowWith(u"hello again"_s)).data(Qt::DisplayRole).toString(), u"hello again"_s);
}

void tst_app_social::cleanupTestCase()
{
    m_pal.reset();
    m_carol.reset();
    f.stop();
}

QTEST_MAIN(tst_app_social)
#include "tst_app_social.moc"

// The whole app under QT_QPA_PLATFORM=offscreen against its real embedded server: first run,
// sending, a second client live, edit and delete through the UI, older history, keyboard.
#include "AppFixture.h"
#include "TestClient.h"
#include "state/ChannelListModel.h"
#include "state/GuildListModel.h"
#include "state/MemberListModel.h"
#include "ui/Theme.h"
#include "ui/ElidedLabel.h"
#include "ui/SearchField.h"
#include "ui/ChannelSidebar.h"
#include "ui/ConnectionLogDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/DeleteMessageDialog.h"
#include "ui/GuildDialog.h"
#include "ui/FriendsView.h"
#include "ui/InviteDialog.h"
#include "ui/MessageDelegate.h"
#include "ui/QuickSwitcher.h"
#include "ui/UserFooter.h"
#include "ui/WelcomeScreen.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTreeWidget>
#include <QContextMenuEvent>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QToolButton>

using namespace kith;
using namespace Qt::Literals::StringLiterals;
using namespace kith::app;
using M = MessageListModel;

class tst_app_widgets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void welcomeWithoutSavedHosts();
    void connectToAServerFromWelcome();
    void firstRunOpensChat();
    void sendAppears();
    void requestsLeaveAtOnce();
    void secondClientAppearsLive();
    void blockQuoteHasItsBar();
    void ownerManagesRolesAndName();
    void editWithUpArrow();
    void deleteThroughContextMenu();
    void replyThroughContextMenu();
    void olderHistoryKeepsPosition();
    void keyboardNavigation();
    void homeTitleFindsConversations();
    void composerAndSidebarFollowTheOpenChannel();
    void layoutFollowsWidth();
    void headerFitsEveryWidth();
    void wrongInviteKeepsJoinDialogOpen();
    void languageSwitchesWithoutRestart();
    void languageSwitchesInPlace();
    void nextStartSignsInWithoutAsking();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    Id m_general = 0;
};

void tst_app_widgets::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_app_widgets::welcomeWithoutSavedHosts()
{
    QTemporaryDir empty;
    AppController app(AppOptions{empty.path(), false});
    app.start();
    QVERIFY(app.window()->isVisible());
    QVERIFY(!app.window()->isWorkspaceShown());
    QVERIFY(app.window()->welcome()->isVisible());
    QVERIFY(!app.server()->isRunning());
}

void tst_app_widgets::connectToAServerFromWelcome()
{
    // Another host: a server this test runs, reached through the welcome screen's fields.
    QTemporaryDir hostDir, appDir;
    EmbeddedServer host;
    QSignalSpy started(&host, &EmbeddedServer::started);
    host.start(hostDir.path(), 0);
    QTRY_COMPARE(started.size(), 1);
    AppController app(AppOptions{appDir.path(), false});
    app.start();
    WelcomeScreen *welcome = app.window()->welcome();
    auto fields = welcome->findChildren<QLineEdit *>();
    QLineEdit *url = nullptr, *user = nullptr, *password = nullptr;
    for (QLineEdit *e : fields) {
        if (e->placeholderText().startsWith(u"ws://"_s))
            url = e;
        else if (e->placeholderText() == u"Username"_s)
            user = e;
        else if (e->placeholderText() == u"Password"_s)
            password = e;
    }
    QVERIFY(url && user && password);
    QPushButton *create = nullptr, *signIn = nullptr;
    for (QPushButton *b : welcome->findChildren<QPushButton *>()) {
        if (b->text() == u"Create account"_s)
            create = b;
        if (b->text() == u"Sign in"_s)
            signIn = b;
    }
    QVERIFY(create && signIn);

    QTest::keyClicks(url, u"ws://127.0.0.1:1"_s); // nothing listens there
    QTest::keyClicks(user, u"newcomer"_s);
    QTest::keyClicks(password, u"long-enough-pass"_s);
    signIn->click();
    QTRY_VERIFY(welcome->statusText().startsWith(u"Could not reach"_s));
    // It names the address and why.
    QCOMPARE(welcome->statusText(), u"Could not reach 127.0.0.1:1: connection refused."_s);
    QCOMPARE(app.connection()->state(), Connection::State::Offline);
    url->clear();
    user->clear();
    password->clear();

    // Something else listens there (a web server): "not a Kith server".
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost, 0));
    connect(&web, &QTcpServer::newConnection, &web, [&web] {
        QTcpSocket *s = web.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            s->disconnectFromHost();
        });
    });
    QTest::keyClicks(url, u"ws://127.0.0.1:%1"_s.arg(web.serverPort()));
    QTest::keyClicks(user, u"newcomer"_s);
    QTest::keyClicks(password, u"long-enough-pass"_s);
    signIn->click();
    QTRY_COMPARE(welcome->statusText(), u"Could not reach 127.0.0.1:%1: not a Kith server."_s.arg(web.serverPort()));
    url->clear();
    user->clear();
    password->clear();

    QTest::keyClicks(url, host.url().toString());
    QTest::keyClicks(user, u"newcomer"_s);
    QTest::keyClicks(password, u"short"_s);
    signIn->click();
    QVERIFY(welcome->statusText().contains(u"at least"_s)); // checked before any network
    password->clear();
    QTest::keyClicks(password, u"wrong-password"_s);
    signIn->click(); // no such account yet: the host says no, the welcome screen says why
    QTRY_VERIFY(!welcome->statusText().isEmpty() && !welcome->statusText().startsWith(u"Connecting"_s));
    QVERIFY(!app.window()->isWorkspaceShown());
    QCOMPARE(app.connection()->state(), Connection::State::Offline);

    create->click();
    QTRY_VERIFY(app.window()->isWorkspaceShown());
    QCOMPARE(app.state()->me().username, u"newcomer"_s);
    QCOMPARE(app.state()->guilds()->rowCount(), 0);
    QVERIFY(!app.window()->chat()->composer()->isEnabled()); // nowhere to write yet
    app.state()->createGuild(u"Newcomers"_s);
    QTRY_COMPARE(app.state()->channels()->rowCount(), 1);
    QTRY_VERIFY(app.window()->chat()->composer()->isEnabled());
    QVERIFY(!app.server()->isRunning()); // a remote host: nothing embedded
}

void tst_app_widgets::firstRunOpensChat()
{
    QVERIFY(f.start(m_dir.path(), true));
    QVERIFY(f.app->window()->isWorkspaceShown());
    QVERIFY(f.app->server()->isRunning());
    QCOMPARE(f.app->server()->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(f.state()->guilds()->rowCount(), 1);
    QCOMPARE(f.state()->channels()->rowCount(), 1);
    QCOMPARE(f.state()->channels()->index(0).data().toString(), QStringLiteral("general"));
    QCOMPARE(f.state()->members()->rowCount(), 1);
    QCOMPARE(f.state()->myRole(f.state()->currentGuild()), Role::Owner);
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    QCOMPARE(f.app->window()->sidebar()->footer()->statusText(), QStringLiteral("Online"));
    // A new channel is not a blank pane: it says where you are.
    QTRY_VERIFY(f.view()->showsEmptyText());
    QCOMPARE(f.view()->emptyText(), QStringLiteral("This is the beginning of #general. Say hello!"));
}

void tst_app_widgets::sendAppears()
{
    const QString text = QStringLiteral("hello **world** from the app");
    f.type(text);
    QVERIFY(f.composer()->toPlainText().isEmpty());
    QTRY_COMPARE(f.count(text, int(M::Status::Sent)), 1);
    QCOMPARE(f.count(text), 1); // no pending twin left behind
    const QModelIndex ix = f.messages()->index(f.rowOfText(text));
    QVERIFY(ix.data(M::MineRole).toBool());
    QVERIFY(ix.data(M::IdRole).toULongLong() != 0);
    // It is on screen, at the bottom of the view.
    QTRY_VERIFY(f.view()->viewport()->rect().intersects(f.view()->visualRect(ix)));
    QVERIFY(f.view()->isAtBottom());
}

void tst_app_widgets::requestsLeaveAtOnce()
{
    // Handed to the network before request() returns, not at the event loop's next turn: a
    // paint of the window (or any other work on its thread) does not hold a request back.
    QObject context;
    bool answered = false;
    for (int i = 0; i < 3; ++i) {
        f.app->connection()->request(QLatin1String("ping"), {}, &context, [&](const Reply &r) { answered = r.ok; });
        QCOMPARE(f.app->connection()->unsentBytes(), qint64(0));
    }
    QTRY_VERIFY(answered);
}

void tst_app_widgets::blockQuoteHasItsBar()
{
    // A quoted line, then a plain one, in one message: the bar stands beside the quote only.
    const QString text = QStringLiteral("> the quoted line\n\nmy answer to it");
    const QString plain = QStringLiteral("a plain message");
    QVERIFY(m_friend->call(QStringLiteral("message.send"), {{QStringLiteral("channel_id"), QString::number(m_general)},
                                                            {QStringLiteral("content"), text},
                                                            {QStringLiteral("nonce"), QStringLiteral("quote-1")}}).ok);
    f.type(plain);
    // Looked at the moment both are in the model, before the view's delayed layout has had its
    // turn: a paint then shows them too, not an empty list.
    QDeadlineTimer deadline(20000);
    QTimer wake; // so the wait below gives up at the deadline even if nothing else comes
    wake.start(100);
    while ((f.count(plain, int(M::Status::Sent)) != 1 || f.rowOfText(text) < 0) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCOMPARE(f.count(plain, int(M::Status::Sent)), 1);
    QVERIFY(f.view()->isAtBottom());
    const QModelIndex quoted = f.messages()->index(f.rowOfText(text));
    const QModelIndex other = f.messages()->index(f.rowOfText(plain));
    const QColor bar = f.app->theme()->color(QStringLiteral("textFaint"));
    const QImage shot = f.view()->viewport()->grab().toImage();
    // Count rows of pixels, at the body's left edge, in the bar's colour.
    auto barRows = [&](const QRect &r) {
        int n = 0;
        const int x = r.left() + 16 + 36 + 14 + 1; // the message body's left edge (MessageDelegate)
        for (int y = qMax(0, r.top()); y < qMin(shot.height(), r.bottom()); ++y)
            n += QColor(shot.pixel(x, y)) == bar;
        return n;
    };
    QVERIFY2(barRows(f.view()->visualRect(quoted)) >= 8, "no bar beside the quote");
    QCOMPARE(barRows(f.view()->visualRect(other)), 0);
}

void tst_app_widgets::secondClientAppearsLive()
{
    QSignalSpy invite(f.state(), &ClientState::inviteCreated);
    f.state()->createInvite(f.state()->currentGuild());
    QTRY_COMPARE(invite.size(), 1);
    const QString code = invite.at(0).at(0).toString();
    QTRY_VERIFY(f.app->window()->findChild<InviteDialog *>());
    auto *dialog = f.app->window()->findChild<InviteDialog *>();
    QCOMPARE(dialog->findChild<QLineEdit *>(u"InviteCode"_s)->text(), code);
    // The link carries this host's address, for people who are not on it yet.
    QCOMPARE(dialog->findChild<QLineEdit *>(u"InviteLink"_s)->text(),
             u"kith://127.0.0.1:%1/invite/%2"_s.arg(f.app->server()->port()).arg(code));
    f.app->window()->findChild<InviteDialog *>()->close();

    m_friend = std::make_unique<TestClient>(f.app->server()->url());
    QVERIFY(m_friend->waitHello());
    QVERIFY(m_friend->call(QStringLiteral("session.register"),
                           {{u"username"_s, u"friend"_s}, {u"password"_s, u"friendly-pass"_s}, {u"display_name"_s, u"Friend"_s}}).ok);
    QVERIFY(m_friend->call(QStringLiteral("invite.join"), {{u"code"_s, code}}).ok);
    QTRY_COMPARE(f.state()->members()->rowCount(), 2);
    const TestClient::Result r = m_friend->call(QStringLiteral("message.send"),
        {{u"channel_id"_s, QString::number(m_general)}, {u"content"_s, u"hi from a second client"_s}, {u"nonce"_s, u"friend-1"_s}});
    QVERIFY(r.ok);
    QTRY_COMPARE(f.count(QStringLiteral("hi from a second client")), 1);
    const QModelIndex ix = f.messages()->index(f.rowOfText(QStringLiteral("hi from a second client")));
    QCOMPARE(ix.data(M::AuthorNameRole).toString(), QStringLiteral("Friend"));
    QVERIFY(!ix.data(M::MineRole).toBool());
}

void tst_app_widgets::ownerManagesRolesAndName()
{
    const Id gid = f.state()->currentGuild();
    MemberListModel *members = f.state()->members();
    auto friendRow = [&] {
        for (int i = 0; i < members->rowCount(); ++i)
            if (members->index(i).data(MemberListModel::UsernameRole).toString() == u"friend"_s)
                return i;
        return -1;
    };
    QVERIFY(friendRow() >= 0);
    const Id friendId = members->index(friendRow()).data(MemberListModel::UserIdRole).toULongLong();
    f.state()->setRole(gid, friendId, Role::Admin);
    QTRY_COMPARE(members->index(friendRow()).data(MemberListModel::RoleRole).toInt(), int(Role::Admin));
    QTRY_COMPARE(m_friend->countEvents(u"member.updated"_s), 1);
    QVERIFY(members->index(friendRow()).data(MemberListModel::FirstOfRoleRole).toBool()); // under ADMINS
    f.state()->setRole(gid, friendId, Role::Member);
    QTRY_COMPARE(members->index(friendRow()).data(MemberListModel::RoleRole).toInt(), int(Role::Member));

    const QString name = f.state()->guild(gid).name;
    f.state()->renameGuild(gid, u"The Workshop"_s);
    QTRY_COMPARE(f.state()->guilds()->index(0).data().toString(), u"The Workshop"_s);
    QTRY_COMPARE(f.app->window()->sidebar()->findChild<QToolButton *>(u"GuildTitle"_s)->text(), u"The Workshop"_s);
    QTRY_COMPARE(m_friend->countEvents(u"guild.updated"_s), 1);
    f.state()->renameGuild(gid, name);
    QTRY_COMPARE(f.state()->guilds()->index(0).data().toString(), name);
}

void tst_app_widgets::editWithUpArrow()
{
    f.type(QStringLiteral("typo messsage"));
    QTRY_COMPARE(f.count(QStringLiteral("typo messsage"), int(M::Status::Sent)), 1);
    QTest::keyClick(f.composer(), Qt::Key_Up);
    QVERIFY(f.composer()->editing() != 0);
    QCOMPARE(f.composer()->toPlainText(), QStringLiteral("typo messsage"));
    f.composer()->selectAll();
    f.type(QStringLiteral("fixed message"));
    QTRY_COMPARE(f.count(QStringLiteral("fixed message")), 1);
    QCOMPARE(f.count(QStringLiteral("typo messsage")), 0);
    const QModelIndex ix = f.messages()->index(f.rowOfText(QStringLiteral("fixed message")));
    QVERIFY(ix.data(M::EditedAtRole).toLongLong() > 0);
    QCOMPARE(f.composer()->editing(), Id(0));
    QTRY_COMPARE(m_friend->countEvents(QStringLiteral("message.updated"), QStringLiteral("fixed message")), 1);
}

void tst_app_widgets::deleteThroughContextMenu()
{
    const int row = f.rowOfText(QStringLiteral("fixed message"));
    QVERIFY(row >= 0);
    const QRect rect = f.view()->visualRect(f.messages()->index(row));
    bool triggered = false;
    // The menu runs its own loop; act on it from inside, like a user would click.
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("Delete")) {
                a->trigger();
                triggered = true;
            }
        }
        menu->close();
    });
    const QPoint pos = rect.center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, f.view()->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(f.view()->viewport(), &event);
    QVERIFY(triggered);
    // The dialog shows the message itself and a red Delete.
    DeleteMessageDialog *box = nullptr;
    QTRY_VERIFY((box = f.app->window()->findChild<DeleteMessageDialog *>()));
    QCOMPARE(box->preview(), u"fixed message"_s);
    QCOMPARE(box->deleteButton()->property("danger").toBool(), true);
    QVERIFY(!box->windowTitle().isEmpty());
    box->deleteButton()->click();
    QTRY_COMPARE(f.count(QStringLiteral("fixed message")), 0);
    QTRY_COMPARE(m_friend->countEvents(QStringLiteral("message.deleted")), 1);

    // Shift+click on Delete skips the question.
    f.type(u"gone without asking"_s);
    QTRY_COMPARE(f.count(u"gone without asking"_s, int(kith::app::MessageListModel::Status::Sent)), 1);
    const Id id = f.messages()->messageAt(f.rowOfText(u"gone without asking"_s)).id;
    QTest::keyPress(f.view(), Qt::Key_Shift, Qt::ShiftModifier); // held while Delete is clicked
    QCOMPARE(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier, Qt::ShiftModifier);
    emit f.view()->deleteRequested(id);
    QTest::keyRelease(f.view(), Qt::Key_Shift);
    QTRY_COMPARE(f.count(u"gone without asking"_s), 0);
    QVERIFY(!f.app->window()->findChild<DeleteMessageDialog *>());
}

void tst_app_widgets::replyThroughContextMenu()
{
    const QString target = QStringLiteral("hello **world** from the app");
    const int row = f.rowOfText(target);
    QVERIFY(row >= 0);
    const Id targetId = f.messages()->messageAt(row).id;
    const QRect rect = f.view()->visualRect(f.messages()->index(row));
    bool triggered = false;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("Reply")) {
                a->trigger();
                triggered = true;
            }
        }
        menu->close();
    });
    const QPoint pos = rect.center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, f.view()->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(f.view()->viewport(), &event);
    QVERIFY(triggered);
    QCOMPARE(f.composer()->replyingTo(), targetId);
    auto *hint = f.app->window()->findChild<QLabel *>(u"ComposerHint"_s);
    QVERIFY(hint);
    QVERIFY2(hint->text().startsWith(u"Replying to "_s), qPrintable(hint->text()));
    // Escape cancels the reply; Reply again and send.
    QTest::keyClick(f.composer(), Qt::Key_Escape);
    QCOMPARE(f.composer()->replyingTo(), Id(0));
    QCOMPARE(hint->text().trimmed(), QString());
    emit f.view()->replyRequested(targetId, u"someone"_s);
    QCOMPARE(hint->text(), u"Replying to someone · Escape to cancel"_s);
    f.type(u"an answer"_s);
    QTRY_COMPARE(f.count(u"an answer"_s, int(M::Status::Sent)), 1);
    QCOMPARE(f.composer()->replyingTo(), Id(0));
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"an answer"_s));
    QCOMPARE(ix.data(M::ReplyToIdRole).toULongLong(), quint64(targetId));
    QCOMPARE(ix.data(M::ReplyTextRole).toString(), target);
    QTRY_COMPARE(m_friend->countEvents(QStringLiteral("message.created"), QStringLiteral("an answer")), 1);
}

void tst_app_widgets::olderHistoryKeepsPosition()
{
    // 160 more messages from the friend: more than one page of history.
    for (int i = 0; i < 160; ++i) {
        QVERIFY(m_friend->call(QStringLiteral("message.send"),
            {{u"channel_id"_s, QString::number(m_general)}, {u"content"_s, QStringLiteral("bulk %1").arg(i)},
             {u"nonce"_s, QStringLiteral("bulk-%1").arg(i)}}).ok);
    }
    QTRY_COMPARE(f.count(QStringLiteral("bulk 159")), 1);
    // Open another channel and come back: the latest page shows at once, at the bottom.
    f.state()->createChannel(QStringLiteral("random"), QStringLiteral("Anything goes"));
    QTRY_COMPARE(f.state()->channels()->rowCount(), 2);
    QTRY_VERIFY(f.state()->currentChannel() != m_general);
    QSignalSpy loaded(f.state(), &ClientState::historyLoaded);
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(f.messages()->rowCount(), 50);
    QCOMPARE(f.messages()->index(49).data().toString(), QStringLiteral("bulk 159"));
    QScrollBar *sb = f.view()->verticalScrollBar();
    QTRY_VERIFY(sb->maximum() > 0);
    QTRY_VERIFY(f.view()->isAtBottom());

    // Scroll near the top: the next page loads above, and what the user saw stays in place.
    sb->setValue(5);
    // Anchor on a row below the first: the first may lose its header once the page above
    // groups with it, which is right, and moves what is under it by design.
    const QModelIndex top = f.view()->indexAt(QPoint(30, f.view()->viewport()->height() / 2));
    QVERIFY(top.isValid());
    const Id anchor = top.data(M::IdRole).toULongLong();
    const int y = f.view()->visualRect(top).top();
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(f.messages()->rowCount(), 150);
    const QModelIndex again = f.messages()->index(f.messages()->rowOf(anchor));
    QTRY_COMPARE(f.view()->visualRect(again).top(), y);
    QVERIFY(!f.view()->isAtBottom());
}

void tst_app_widgets::keyboardNavigation()
{
    MainWindow *w = f.app->window();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    const Id random = f.state()->channels()->channels().at(1).id;
    QTest::keyClick(w, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(f.state()->currentChannel(), random);
    QTest::keyClick(w, Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);

    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    QuickSwitcher *sw = nullptr;
    QTRY_VERIFY((sw = w->findChild<QuickSwitcher *>()));
    QTest::keyClicks(sw->field(), QStringLiteral("rand"));
    QVERIFY(sw->list()->count() >= 1);
    QVERIFY(sw->list()->currentItem()->text().contains(QStringLiteral("random")));
    QTest::keyClick(sw->field(), Qt::Key_Return);
    QTRY_COMPARE(f.state()->currentChannel(), random);
    QCOMPARE(w->windowTitle().startsWith(QStringLiteral("#random")), true);
}

// Home's sidebar title is a search box, not a guild menu: it opens the quick switcher.
void tst_app_widgets::homeTitleFindsConversations()
{
    auto *title = f.app->window()->sidebar()->findChild<QToolButton *>(u"GuildTitle"_s);
    QVERIFY(title);
    f.state()->selectHome();
    QTRY_COMPARE(title->text(), u"Find or start a conversation"_s);
    QVERIFY(!f.app->window()->findChild<QuickSwitcher *>());
    QTest::mouseClick(title, Qt::LeftButton);
    QPointer<QuickSwitcher> sw;
    QTRY_VERIFY((sw = f.app->window()->findChild<QuickSwitcher *>()));
    QTRY_VERIFY(sw->isVisible());
    QTest::keyClick(sw->field(), Qt::Key_Escape);
    QTRY_VERIFY(!sw || !sw->isVisible());
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(title->text(), f.state()->guild(f.state()->currentGuild()).name);
}

void tst_app_widgets::composerAndSidebarFollowTheOpenChannel()
{
    MainWindow *w = f.app->window();
    QListView *list = w->sidebar()->findChild<QListView *>(u"ChannelList"_s);
    auto highlighted = [&] {
        const QModelIndexList sel = list->selectionModel()->selectedIndexes();
        return sel.size() == 1 ? sel.first().data(ChannelListModel::IdRole).toULongLong() : Id(0);
    };
    // A channel just made opens, named in the composer and highlighted.
    f.state()->createChannel(u"fresh"_s, QString());
    QTRY_COMPARE(f.state()->channel(f.state()->currentChannel()).name, u"fresh"_s);
    QCOMPARE(f.composer()->placeholderText(), u"Message #fresh"_s);
    QTRY_COMPARE(highlighted(), f.state()->currentChannel());
    // Alt+Up, and Ctrl+K.
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(w, Qt::Key_Up, Qt::AltModifier);
    QTRY_VERIFY(f.state()->channel(f.state()->currentChannel()).name != u"fresh"_s);
    QCOMPARE(f.composer()->placeholderText(), u"Message #%1"_s.arg(f.state()->channel(f.state()->currentChannel()).name));
    QTRY_COMPARE(highlighted(), f.state()->currentChannel());
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    QuickSwitcher *sw = nullptr;
    QTRY_VERIFY((sw = w->findChild<QuickSwitcher *>()));
    QTest::keyClicks(sw->field(), u"general"_s);
    QTest::keyClick(sw->field(), Qt::Key_Return);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    QCOMPARE(f.composer()->placeholderText(), u"Message #general"_s);
    QTRY_COMPARE(highlighted(), m_general);

    // A click on empty space below the channels, and a right-click on another row closed with
    // Escape, leave the highlight on the open channel.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(20, list->viewport()->height() - 5));
    QTRY_COMPARE(highlighted(), m_general);
    const int other = f.state()->channels()->rowOf(m_general) == 0 ? 1 : 0;
    const QRect otherRect = list->visualRect(f.state()->channels()->index(other));
    QTimer::singleShot(0, [] {
        if (QWidget *menu = QApplication::activePopupWidget())
            QTest::keyClick(menu, Qt::Key_Escape);
    });
    QTest::mouseClick(list->viewport(), Qt::RightButton, {}, otherRect.center());
    QTRY_VERIFY(!QApplication::activePopupWidget());
    QTRY_COMPARE(highlighted(), m_general);
    QCOMPARE(f.state()->currentChannel(), m_general);
}

void tst_app_widgets::layoutFollowsWidth()
{
    MainWindow *w = f.app->window();
    ChatPane *chat = w->chat();
    QWidget *members = w->memberList();
    QWidget *sidebar = w->sidebar();
    f.state()->selectChannel(m_general);
    w->resize(1600, 1000);
    QTRY_VERIFY(w->membersDocked() && w->channelsDocked());
    QVERIFY(members->isVisible() && sidebar->isVisible());
    QVERIFY(!chat->membersToggle()->isVisible() && !chat->channelsToggle()->isVisible());

    // Below 1,000 px the member list leaves; the header's button shows it over the chat.
    w->resize(900, 700);
    QTRY_VERIFY(!w->membersDocked());
    QVERIFY(w->channelsDocked());
    QVERIFY(!members->isVisible());
    QVERIFY(chat->membersToggle()->isVisible());
    QTest::mouseClick(chat->membersToggle(), Qt::LeftButton);
    QTRY_VERIFY(members->isVisible());
    QCOMPARE(members->geometry().right(), members->parentWidget()->width() - 1); // at the right edge
    QVERIFY(chat->membersToggle()->isChecked());
    QTest::keyClick(chat->composer(), Qt::Key_Escape);
    QTRY_VERIFY(!members->isVisible());
    QTest::mouseClick(chat->membersToggle(), Qt::LeftButton);
    QTRY_VERIFY(members->isVisible());
    QTest::mouseClick(chat->view()->viewport(), Qt::LeftButton, {}, QPoint(10, 10)); // elsewhere
    QTRY_VERIFY(!members->isVisible());

    // Below 700 px the channel list folds away too; opening a channel from it closes it.
    w->resize(650, 600);
    QTRY_VERIFY(!w->channelsDocked());
    QVERIFY(!sidebar->isVisible());
    QVERIFY(chat->channelsToggle()->isVisible());
    QTest::mouseClick(chat->channelsToggle(), Qt::LeftButton);
    QTRY_VERIFY(sidebar->isVisible());
    QCOMPARE(sidebar->geometry().left(), w->rail()->width());
    const Id random = f.state()->channels()->channels().at(1).id;
    f.state()->selectChannel(random);
    QTRY_VERIFY(!sidebar->isVisible());
    QCOMPARE(f.composer()->placeholderText(), u"Message #%1"_s.arg(f.state()->channel(random).name));
    // Home's friends view has the same button.
    f.state()->selectHome();
    QTRY_VERIFY(w->friends()->channelsToggle()->isVisible());

    // Wide again: both back in the row.
    w->resize(1280, 800);
    QTRY_VERIFY(w->membersDocked() && w->channelsDocked());
    QVERIFY(sidebar->isVisible());
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(members->isVisible());
}

void tst_app_widgets::headerFitsEveryWidth()
{
    // The channel's name and the search field stay whole at every width; a topic that does not
    // fit ends in "…" and says the rest in its tooltip.
    MainWindow *w = f.app->window();
    ChatPane *chat = w->chat();
    f.state()->selectChannel(m_general);
    auto *name = chat->findChild<QLabel *>(u"ChatHeaderName"_s);
    QVERIFY(name);
    for (const int width : {1600, 1024, 900, 650}) {
        w->resize(width, 700);
        QTRY_COMPARE(w->width(), width);
        QTRY_COMPARE(name->text(), f.state()->channel(m_general).name);
        const QRect search(chat->searchField()->mapTo(chat, QPoint(0, 0)), chat->searchField()->size());
        QVERIFY2(chat->rect().contains(search), qPrintable(u"search field cut at %1 px"_s.arg(width)));
        QVERIFY(name->geometry().right() < chat->searchField()->geometry().left());
    }
    auto *topic = chat->findChild<QLabel *>(u"ChatHeaderTopic"_s);
    QVERIFY(topic);
    w->resize(1024, 700);
    const QString longTopic = u"Say hello, share what you are working on, and keep the bots in their own channel"_s;
    static_cast<ElidedLabel *>(topic)->setFullText(longTopic);
    QTRY_VERIFY(topic->text().endsWith(QChar(0x2026)));
    QCOMPARE(topic->toolTip(), longTopic);
    QVERIFY(topic->geometry().right() < chat->searchField()->geometry().left());
    w->resize(1600, 800);
    QTRY_COMPARE(topic->text(), longTopic);
    QVERIFY(topic->toolTip().isEmpty());
    static_cast<ElidedLabel *>(topic)->setFullText(f.state()->channel(m_general).topic);
    w->resize(1280, 800);
}

void tst_app_widgets::wrongInviteKeepsJoinDialogOpen()
{
    MainWindow *w = f.app->window();
    w->openGuildDialog(true, u"NoSuchCode1"_s);
    GuildDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w->findChild<GuildDialog *>()));
    QVERIFY(dialog->isVisible());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->isVisible()); // still open, the code there to fix
    QCOMPARE(dialog->rawCode(), u"NoSuchCode1"_s);
    dialog->close();
    QTRY_VERIFY(!w->findChild<GuildDialog *>());
    // A right code (of a guild I am in already: the host says ok) closes it.
    const QString code = f.createInvite();
    QVERIFY(!code.isEmpty());
    w->openGuildDialog(true, code);
    QTRY_VERIFY((dialog = w->findChild<GuildDialog *>()));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!w->findChild<GuildDialog *>()); // accepted, closed and gone
}

void tst_app_widgets::languageSwitchesWithoutRestart()
{
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    f.composer()->setPlainText(u"half a thought"_s);
    const QRect where = f.app->window()->geometry();
    f.app->setLanguage(u"en"_s);
    const QString english = MessageDelegate::timeText(QTime(15, 7));
    QVERIFY2(english.startsWith(u"3:07"_s) && english.endsWith(u"PM"_s), qPrintable(english));
    f.app->setLanguage(u"fr"_s);
    // A new window, in French at once, over the same state, where the old one was; the draft
    // survives, and times follow the French clock.
    QCOMPARE(f.composer()->placeholderText(), u"Message dans #general"_s);
    QCOMPARE(f.app->window()->geometry(), where);
    QCOMPARE(MessageDelegate::timeText(QTime(15, 7)), u"15:07"_s);
    QCOMPARE(f.composer()->toPlainText(), u"half a thought"_s);
    QCOMPARE(f.state()->currentChannel(), m_general);
    QCOMPARE(f.app->settings()->value(u"ui/language"_s).toString(), u"fr"_s);
    f.app->setLanguage(u"en"_s);
    QCOMPARE(f.composer()->placeholderText(), u"Message #general"_s);
    f.composer()->clear();
}

namespace {
//! The texts a person reads or hears in `root` and everything under it (open dialogs too) that
//! are still an English source with a French translation, in the context of a Kith class that
//! holds the widget (the class that set the text) or of the controller.
QStringList leftInEnglish(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        QList<QByteArray> contexts{"kith::app::AppController"};
        for (QObject *o = w; o; o = o->parent())
            for (const QMetaObject *m = o->metaObject(); m; m = m->superClass())
                if (QByteArray(m->className()).startsWith("kith::app::") && !contexts.contains(m->className()))
                    contexts.append(m->className());
        QStringList texts{w->toolTip(), w->accessibleName(), w->accessibleDescription(), w->windowTitle()};
        for (const char *name : {"text", "placeholderText", "title"})
            if (const QVariant v = w->property(name); v.typeId() == QMetaType::QString)
                texts << v.toString();
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                texts << c->itemText(i);
        if (auto *l = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < l->count(); ++i)
                texts << l->item(i)->text();
        if (auto *t = qobject_cast<QTreeWidget *>(w)) {
            for (int c = 0; c < t->columnCount(); ++c)
                texts << t->headerItem()->text(c);
            for (int i = 0; i < t->topLevelItemCount(); ++i)
                for (int c = 0; c < t->columnCount(); ++c)
                    texts << t->topLevelItem(i)->text(c);
        }
        for (QAction *a : w->actions())
            texts << a->text() << a->toolTip();
        for (const QString &text : std::as_const(texts)) {
            if (text.trimmed().isEmpty())
                continue;
            for (const QByteArray &context : std::as_const(contexts))
                if (QCoreApplication::translate(context.constData(), text.toUtf8().constData()) != text)
                    out << u"%1 (%2 in %3): %4"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                                     QString::fromLatin1(context), text);
        }
    }
    return out;
}
} // namespace

void tst_app_widgets::languageSwitchesInPlace()
{
    MainWindow *w = f.app->window();
    w->show();
    QTRY_VERIFY(w->isVisible());
    f.app->setLanguage(u"en"_s);
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    f.composer()->setPlainText(u"a draft in progress"_s);
    const QRect where = w->geometry();
    w->showConnectionLog();
    auto *log = w->findChild<ConnectionLogDialog *>();
    QVERIFY(log && log->isVisible());
    QCOMPARE(log->windowTitle(), u"Connection log"_s);
    UserFooter *footer = w->sidebar()->footer();
    auto *gear = footer->findChild<QToolButton *>(u"SettingsButton"_s);
    auto *help = footer->findChild<QToolButton *>(u"HelpButton"_s);
    QCOMPARE(gear->toolTip(), u"Settings (Ctrl+,)"_s);
    QVERIFY(leftInEnglish(w).isEmpty()); // nothing is French yet, so nothing can be left over

    // Chosen in the open settings: everything there and behind it speaks French at once.
    struct Seen {
        bool sameWindow = false, open = false;
        QRect geometry;
        QStringList sections;
        QString signOut, placeholder, section, friendsEntry, addButton, addField, gear, help, footer, log, logFilter,
            composerText, banner;
        QStringList english;
    } fr, en;
    auto look = [&](SettingsDialog *dialog, Seen &seen) {
        seen.sameWindow = f.app->window() == w;
        seen.open = dialog->isVisible();
        seen.geometry = w->geometry();
        seen.sections = dialog->sections();
        seen.signOut = dialog->findChild<QPushButton *>(u"SignOut"_s)->text();
        seen.placeholder = f.composer()->placeholderText();
        seen.composerText = f.composer()->toPlainText();
        for (QLabel *l : w->sidebar()->findChildren<QLabel *>())
            if (l->property("section").toBool())
                seen.section = l->text();
        seen.friendsEntry = w->sidebar()->friendsEntry()->text();
        seen.addButton = w->friends()->addButton()->text();
        seen.addField = w->friends()->addField()->placeholderText();
        seen.gear = gear->toolTip();
        seen.help = help->toolTip();
        seen.footer = footer->toolTip();
        seen.log = log->windowTitle();
        seen.logFilter = log->findChild<QLineEdit *>(u"ConnectionLogFilter"_s)->placeholderText();
        seen.english = leftInEnglish(w);
        seen.banner = w->chat()->infoText();
    };
    // A banner the app wrote (not a widget's own text) follows the language too.
    f.app->openLink(u"https://example.org/not-an-invite"_s);
    QVERIFY(w->chat()->infoText().contains(u"This link is not a Kith invite: https://example.org/not-an-invite"_s));
    bool ran = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ran = true;
        dialog->showSection(3); // Language
        auto *box = dialog->findChild<QComboBox *>(u"LanguageBox"_s);
        box->setCurrentIndex(box->findData(u"fr"_s));
        look(dialog, fr);
        box->setCurrentIndex(box->findData(u"en"_s));
        look(dialog, en);
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY(ran);

    QVERIFY(fr.sameWindow);
    QCOMPARE(fr.geometry, where);
    QVERIFY(fr.open);
    QCOMPARE(fr.sections.value(0), u"Mon compte"_s);
    QCOMPARE(fr.sections.value(1), u"Apparence"_s);
    QCOMPARE(fr.signOut, u"Se déconnecter"_s);
    QCOMPARE(fr.placeholder, u"Message dans #general"_s);
    QCOMPARE(fr.composerText, u"a draft in progress"_s);
    QCOMPARE(fr.section, u"SALONS TEXTUELS"_s);
    QCOMPARE(fr.friendsEntry, u"Amis"_s);
    QCOMPARE(fr.addButton, u"Envoyer une demande d’ami"_s);
    QCOMPARE(fr.addField, u"Son nom d’utilisateur"_s);
    QCOMPARE(fr.gear, u"Paramètres (Ctrl+,)"_s);
    QCOMPARE(fr.help, u"Aide"_s);
    QCOMPARE(fr.footer, u"Choisir votre statut"_s);
    QCOMPARE(fr.log, u"Journal de connexion"_s);
    QCOMPARE(fr.logFilter, u"Filtrer les trames"_s);
    QVERIFY2(fr.english.isEmpty(), qPrintable(fr.english.join(u'\n')));
    QVERIFY2(fr.banner.contains(u"Ce lien n’est pas une invitation Kith : https://example.org/not-an-invite"_s),
             qPrintable(fr.banner));
    QCOMPARE(f.app->settings()->value(u"ui/language"_s).toString(), u"en"_s);

    // And back to English, in the same window again.
    QVERIFY(en.sameWindow && en.open);
    QCOMPARE(en.geometry, where);
    QCOMPARE(en.sections.value(0), u"My account"_s);
    QCOMPARE(en.signOut, u"Sign out"_s);
    QCOMPARE(en.placeholder, u"Message #general"_s);
    QVERIFY2(en.banner.contains(u"This link is not a Kith invite: https://example.org/not-an-invite"_s), qPrintable(en.banner));
    QCOMPARE(en.section, u"TEXT CHANNELS"_s);
    QCOMPARE(en.friendsEntry, u"Friends"_s);
    QCOMPARE(en.addButton, u"Send friend request"_s);
    QCOMPARE(en.gear, u"Settings (Ctrl+,)"_s);
    QCOMPARE(en.help, u"Help"_s);
    QCOMPARE(en.footer, u"Set your status"_s);
    QCOMPARE(en.log, u"Connection log"_s);
    QCOMPARE(en.composerText, u"a draft in progress"_s);
    QCOMPARE(f.app->window(), w);
    QVERIFY(log->isVisible());
    log->close();
    f.composer()->clear();
}

void tst_app_widgets::nextStartSignsInWithoutAsking()
{
    const int guilds = f.state()->guilds()->rowCount();
    const QString me = f.state()->me().username;
    f.stop(); // closing stops the embedded server
    // No --local this time: the app remembers the local server and signs in by itself.
    // "Usable" is when the open channel's messages are on screen, not when they arrive.
    bool onScreen = false;
    int rows = 0;
    QVERIFY(f.start(m_dir.path(), false, [&] {
        QObject::connect(f.app.get(), &AppController::usable, f.app.get(), [&] {
            onScreen = f.app->window()->isVisible() && f.view()->isVisible();
            rows = f.messages()->rowCount();
        });
    }));
    QVERIFY(onScreen);
    QVERIFY(rows > 0);
    QCOMPARE(f.state()->me().username, me);
    QCOMPARE(f.state()->guilds()->rowCount(), guilds);
    QCOMPARE(f.state()->channels()->rowCount(), 3); // general, random, and "fresh" made above
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.count(QStringLiteral("bulk 159")), 1);
}

void tst_app_widgets::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_widgets)
#include "tst_app_widgets.moc"

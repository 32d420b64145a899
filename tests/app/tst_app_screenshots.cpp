// Saves PNGs of the welcome screen and of the main window with a conversation, in both themes,
// to the folder it prints (KITH_SCREENSHOTS, or a temporary one). Run under Xvfb by
// run-under-xvfb.sh, or offscreen. The pictures are for people to look at; the checks only make
// sure there was something to take a picture of.
#include "AppFixture.h"
#include "Screenshots.h"
#include "ui/SettingsDialog.h"
#include "TestClient.h"
#include "state/ChannelListModel.h"
#include "session/HostSet.h"
#include "ui/ChannelSidebar.h"
#include "ui/ChannelDialog.h"
#include "ui/ChannelSettingsDialog.h"
#include "ui/ExploreDialog.h"
#include "server/Server.h"
#include "ui/GuildDialog.h"
#include "ui/HostPartyDialog.h"
#include "ui/PartyList.h"
#include "ui/InviteDialog.h"
#include "ui/JoinHostDialog.h"
#include "ui/ServerRail.h"
#include "ui/Theme.h"
#include "ui/QuickSwitcher.h"
#include "ui/AttachmentTray.h"
#include "ui/ImageViewer.h"
#include "ui/EmojiPicker.h"
#include "net/Outbox.h"
#include "state/AttachmentCache.h"
#include "ui/MessageDelegate.h"
#include "ui/WelcomeScreen.h"

#include <QApplication>
#include <QPainter>
#include <QProgressBar>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QTimer>
#include <QDir>
#include <QListWidget>
#include <QUdpSocket>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QTemporaryDir>
#include <QToolButton>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_screenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void welcome();
    void conversation();
    void repliesAndReactions();
    void filesAndImages();
    void twoHosts();
    void hostingAParty();
    void partyList();
    void settings();
    void channelKinds();
    void cleanupTestCase();

private:
    void save(QWidget *w, const QString &name);
    //! The main window at 800, 1024 and 1600 px, and its side panels open in a narrow one.
    void atWidths(const QString &view);

    QTemporaryDir m_data;
    QString m_out;
    QString m_announce;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
};

void tst_app_screenshots::initTestCase()
{
    m_out = screenshotDir(); // $KITH_SCREENSHOTS, else a new folder of this run's own
    QVERIFY(QDir(m_out).exists());
    // Beacons from this test's parties, and the list that hears them, stay on loopback.
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    m_announce = u"127.0.0.1:%1"_s.arg(probe.localPort());
    qputenv("KITH_ANNOUNCE", m_announce.toUtf8());
    qInfo("screenshots go to %s (platform %s)", qPrintable(m_out), qPrintable(QGuiApplication::platformName()));
}

void tst_app_screenshots::save(QWidget *w, const QString &name)
{
    // Let queued layout requests run (a banner that just grew), as the screen would show it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    w->repaint();
    const QPixmap pm = w->grab();
    QVERIFY(!pm.isNull());
    const QString path = QDir(m_out).filePath(name);
    QVERIFY(pm.save(path));
    qInfo("saved %s", qPrintable(path));
}

void tst_app_screenshots::welcome()
{
    QTemporaryDir empty;
    AppController app(AppOptions{empty.path(), false});
    app.window()->resize(1280, 800);
    app.start();
    QVERIFY(QTest::qWaitForWindowExposed(app.window()));
    save(app.window(), u"welcome.png"_s);
}

void tst_app_screenshots::conversation()
{
    f.app = std::make_unique<AppController>(AppOptions{m_data.path(), false});
    f.app->window()->resize(1280, 800);
    QSignalSpy usable(f.app.get(), &AppController::usable);
    f.app->start();
    f.app->startLocal(u"Ada Lovelace"_s); // as the welcome screen's button does
    QTRY_VERIFY_WITH_TIMEOUT(usable.size() == 1, 20000);
    const Id general = f.state()->currentChannel();

    QSignalSpy invite(f.state(), &ClientState::inviteCreated);
    f.state()->createInvite(f.state()->currentGuild());
    QTRY_COMPARE(invite.size(), 1);
    QWidget *inviteDialog = nullptr;
    QTRY_VERIFY((inviteDialog = f.app->window()->findChild<InviteDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(inviteDialog));
    save(inviteDialog, u"invite-dialog.png"_s);
    inviteDialog->close();
    m_friend = std::make_unique<TestClient>(f.app->server()->url());
    QVERIFY(m_friend->waitHello());
    QVERIFY(m_friend->call(u"session.register"_s, {{u"username"_s, u"grace"_s}, {u"password"_s, u"grace-password"_s},
                                                   {u"display_name"_s, u"Grace Hopper"_s}}).ok);
    QVERIFY(m_friend->call(u"invite.join"_s, {{u"code"_s, invite.at(0).at(0).toString()}}).ok);
    f.state()->updateChannel(general, u"general"_s, u"Say hello, share what you are working on"_s);
    f.state()->createChannel(u"compilers"_s, QString());
    QTRY_COMPARE(f.state()->channels()->rowCount(), 2);
    f.state()->createChannel(u"off-topic"_s, QString());
    QTRY_COMPARE(f.state()->channels()->rowCount(), 3);
    f.state()->selectChannel(general);
    QTRY_COMPARE(f.state()->currentChannel(), general);

    auto friendSays = [&](const QString &text) {
        static int n = 0;
        QVERIFY(m_friend->call(u"message.send"_s, {{u"channel_id"_s, QString::number(general)},
                                                   {u"content"_s, text}, {u"nonce"_s, QString::number(++n)}}).ok);
        QTRY_VERIFY(f.count(text) == 1);
    };
    auto iSay = [&](const QString &text) {
        f.composer()->insertPlainText(text); // QTest types ASCII only; this text has more
        QTest::keyClick(f.composer(), Qt::Key_Return);
        QTRY_VERIFY(f.count(text, 0) == 1);
    };
    iSay(u"Welcome to the server! Make yourself at home."_s);
    friendSays(u"Thanks for the invite. Nice and **fast** here."_s);
    friendSays(u"Is the engine ready for the demo?"_s);
    iSay(u"Nearly. The loop that computes the *Bernoulli numbers* works; it prints:"_s);
    iSay(u"```\nB1 = -1/2\nB2 = 1/6\nB4 = -1/30\n```"_s);
    friendSays(u"Great. I found a bug in `compile()`: a moth in relay #70. Notes at https://example.org/log"_s);
    friendSays(u"> First actual case of bug being found.\n\nThat goes in the logbook."_s);
    iSay(u"Ha, a real bug. Fixed it"_s);
    QTest::keyClick(f.composer(), Qt::Key_Up);
    f.composer()->selectAll();
    f.type(u"Ha, a real bug. Fixed it, thanks!"_s);
    QTRY_VERIFY(f.count(u"Ha, a real bug. Fixed it, thanks!"_s) == 1);
    QTest::keyClicks(f.composer(), u"Let's try it tomorrow at ten"_s);
    QTRY_VERIFY(f.view()->isAtBottom());
    save(f.app->window(), u"main-dark.png"_s);
    atWidths(u"main"_s);
    f.state()->selectHome();
    QTRY_VERIFY(f.state()->isHome());
    atWidths(u"friends"_s);
    f.state()->selectChannel(general);
    QTRY_COMPARE(f.state()->currentChannel(), general);
    f.app->window()->openQuickSwitcher();
    QuickSwitcher *sw = nullptr;
    QTRY_VERIFY((sw = f.app->window()->findChild<QuickSwitcher *>()));
    QVERIFY(QTest::qWaitForWindowExposed(sw));
    QTest::keyClicks(sw->field(), u"co"_s);
    save(sw, u"quick-switcher.png"_s);
    sw->close();

    // Offline: the banner says so, and what I send waits, greyed, in the outbox.
    f.composer()->clear();
    f.app->server()->stop();
    QTRY_VERIFY(f.app->connection()->state() == Connection::State::Reconnecting);
    f.composer()->insertPlainText(u"Sent while offline: it goes out when the server is back"_s);
    QTest::keyClick(f.composer(), Qt::Key_Return);
    QTRY_VERIFY(f.count(u"Sent while offline: it goes out when the server is back"_s, 1) == 1);
    save(f.app->window(), u"main-offline.png"_s);
    f.app->server()->start(QDir(m_data.path()).filePath(u"server"_s), f.app->server()->port());
    QTRY_VERIFY_WITH_TIMEOUT(f.count(u"Sent while offline: it goes out when the server is back"_s, 0) == 1, 10000);

    // Every theme, the same conversation (main-dark.png is above).
    for (const QString &theme : Theme::names()) {
        if (theme == u"dark" || theme == u"system")
            continue;
        f.app->setTheme(theme);
        f.app->window()->resize(1280, 800);
        QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));
        QTRY_VERIFY(f.view()->isAtBottom());
        save(f.app->window(), u"main-%1.png"_s.arg(theme));
    }
    f.app->setTheme(u"dark"_s);
    // Compact message display: the same conversation, names on the messages' lines.
    f.app->setCompact(true);
    QTRY_VERIFY(f.view()->isAtBottom());
    save(f.app->window(), u"main-compact.png"_s);
    f.app->setCompact(false);
}

void tst_app_screenshots::repliesAndReactions()
{
    // The conversation above goes on with replies (one to a message since deleted), reactions
    // (some mine), and the hover bar; then the emoji picker open over the composer.
    const Id general = f.state()->currentChannel();
    const QString ch = QString::number(general);
    // The server was restarted above: Grace signs in again.
    m_friend = std::make_unique<TestClient>(f.app->server()->url());
    QVERIFY(m_friend->waitHello());
    QVERIFY(m_friend->call(u"session.login"_s, {{u"username"_s, u"grace"_s}, {u"password"_s, u"grace-password"_s}}).ok);
    const auto idOf = [&](const QString &text) { return f.messages()->messageAt(f.rowOfText(text)).id; };
    const Id question = idOf(u"Is the engine ready for the demo?"_s);
    const Id fixed = idOf(u"Ha, a real bug. Fixed it, thanks!"_s);
    QVERIFY(question && fixed);
    auto react = [&](Id id, const QString &emoji) {
        QVERIFY(m_friend->call(u"reaction.add"_s, {{u"channel_id"_s, ch}, {u"message_id"_s, QString::number(id)},
                                                   {u"emoji"_s, emoji}}).ok);
    };
    react(fixed, u"🎉"_s);
    react(fixed, u"👍"_s);
    react(fixed, u"❤️"_s);
    f.state()->toggleReaction(fixed, u"👍"_s);
    QVERIFY(m_friend->call(u"message.send"_s, {{u"channel_id"_s, ch}, {u"reply_to_id"_s, QString::number(fixed)},
                                               {u"content"_s, u"Perfect, see you at ten then."_s}, {u"nonce"_s, u"r1"_s}}).ok);
    QTRY_VERIFY(f.count(u"Perfect, see you at ten then."_s) == 1);
    f.state()->sendMessage(u"Yes, ready: the demo runs on the Analytical Engine."_s, question);
    QTRY_VERIFY(f.count(u"Yes, ready: the demo runs on the Analytical Engine."_s, 0) == 1);
    const TestClient::Result gone = m_friend->call(u"message.send"_s,
        {{u"channel_id"_s, ch}, {u"content"_s, u"(wrong channel, sorry)"_s}, {u"nonce"_s, u"r2"_s}});
    QVERIFY(gone.ok);
    const Id goneId = gone.d.value(u"id"_s).toString().toULongLong();
    QTRY_VERIFY(f.count(u"(wrong channel, sorry)"_s) == 1);
    f.state()->sendMessage(u"No worries."_s, goneId);
    QTRY_VERIFY(f.count(u"No worries."_s, 0) == 1);
    QVERIFY(m_friend->call(u"message.delete"_s, {{u"channel_id"_s, ch}, {u"message_id"_s, QString::number(goneId)}}).ok);
    QTRY_VERIFY(f.count(u"(wrong channel, sorry)"_s) == 0);
    const Id yes = idOf(u"Yes, ready: the demo runs on the Analytical Engine."_s);
    react(yes, u"🚀"_s);
    QTRY_VERIFY(f.state()->messages()->hasMyReaction(fixed, u"👍"_s));
    QTRY_COMPARE(f.messages()->index(f.rowOfText(u"Yes, ready: the demo runs on the Analytical Engine."_s))
                     .data(MessageListModel::ReactionsRole).toList().size(), 1);

    MainWindow *w = f.app->window();
    const QSize before = w->size();
    for (const QSize size : {QSize(800, 600), QSize(1280, 800), QSize(1600, 1000)}) {
        w->resize(size);
        QTRY_COMPARE(w->size(), size);
        QTRY_VERIFY(f.view()->isAtBottom());
        // The mouse over my reply: its hover bar shows.
        const QModelIndex ix = f.messages()->index(f.rowOfText(u"Yes, ready: the demo runs on the Analytical Engine."_s));
        const QRect r = f.view()->visualRect(ix);
        QTest::mouseMove(f.view()->viewport(), QPoint(r.center().x(), r.bottom() - 4));
        QTRY_VERIFY(!f.view()->hoverBar().isEmpty());
        save(w, u"replies-%1.png"_s.arg(size.width()));
    }
    QTest::mouseMove(f.view()->viewport(), QPoint(5, 5));
    f.app->setCompact(true);
    QTRY_VERIFY(f.view()->isAtBottom());
    save(w, u"replies-compact.png"_s);
    f.app->setCompact(false);

    // The picker over the composer, after a search; one pick first, so "recent" shows.
    QTest::mouseClick(w->chat()->emojiButton(), Qt::LeftButton);
    QTRY_VERIFY(w->chat()->emojiPicker() && w->chat()->emojiPicker()->isVisible());
    QTest::keyClicks(w->chat()->emojiPicker()->searchField(), u"rocket"_s);
    QTest::keyClick(w->chat()->emojiPicker()->searchField(), Qt::Key_Return);
    f.composer()->clear();
    w->resize(1280, 800);
    QTRY_COMPARE(w->size(), QSize(1280, 800));
    QTest::mouseClick(w->chat()->emojiButton(), Qt::LeftButton);
    EmojiPicker *picker = nullptr;
    QTRY_VERIFY((picker = w->chat()->emojiPicker()) && picker->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(picker));
    save(picker, u"emoji-picker.png"_s);
    QTest::keyClicks(picker->searchField(), u"heart"_s);
    save(picker, u"emoji-picker-search.png"_s);
    if (QGuiApplication::platformName() == u"xcb") {
        // The popup is a window of its own: the screen shows it over the chat.
        const QRect area = w->frameGeometry();
        const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        QVERIFY(screen.save(QDir(m_out).filePath(u"emoji-picker-open.png"_s)));
    }
    QTest::keyClick(picker->searchField(), Qt::Key_Escape);
    QTRY_VERIFY(!picker->isVisible());
    w->resize(before);
    QTRY_COMPARE(w->size(), before);
}

void tst_app_screenshots::filesAndImages()
{
    // A picture and a file card in the channel, then two files waiting in the composer.
    QImage picture(800, 480, QImage::Format_RGB32);
    {
        QPainter p(&picture);
        QLinearGradient sky(0, 0, 0, 480);
        sky.setColorAt(0, QColor(255, 170, 90));
        sky.setColorAt(1, QColor(120, 60, 140));
        p.fillRect(picture.rect(), sky);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 230, 140));
        p.drawEllipse(QPoint(560, 300), 90, 90);
        p.setBrush(QColor(40, 30, 60));
        p.drawPolygon(QPolygon({QPoint(0, 480), QPoint(0, 340), QPoint(220, 230), QPoint(420, 360),
                                QPoint(640, 260), QPoint(800, 330), QPoint(800, 480)}));
    }
    const QString dir = m_data.filePath(u"files"_s);
    QDir().mkpath(dir);
    const QString sunset = QDir(dir).filePath(u"sunset.png"_s);
    QVERIFY(picture.save(sunset));
    const QString notes = QDir(dir).filePath(u"engine-notes.pdf"_s);
    {
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(184'320, 'x')) > 0);
    }
    f.composer()->addFiles({sunset});
    f.type(u"The view from the workshop tonight"_s);
    f.composer()->addFiles({notes});
    QTest::keyClick(f.composer(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(f.app->outbox()->isEmpty(), true, 15000);
    const auto row = f.rowOfText(u"The view from the workshop tonight"_s);
    QVERIFY(row >= 0);
    const QList<Attachment> list = f.messages()->index(row).data(MessageListModel::AttachmentsRole).value<QList<Attachment>>();
    QCOMPARE(list.size(), 1);
    MainWindow *w = f.app->window();
    w->resize(1280, 800);
    QTRY_VERIFY(f.view()->isAtBottom());
    QTRY_VERIFY_WITH_TIMEOUT(f.state()->attachments()->hasThumbnail(list[0].id), 10000);
    f.view()->viewport()->update();
    save(w, u"files-in-channel.png"_s);
    f.app->setCompact(true);
    QTRY_VERIFY(f.view()->isAtBottom());
    save(w, u"files-compact.png"_s);
    f.app->setCompact(false);
    QTRY_VERIFY(f.view()->isAtBottom());
    const QModelIndex ix = f.messages()->index(row);
    const auto boxes = f.view()->messageDelegate()->attachmentBoxes(f.view()->visualRect(ix), ix);
    QCOMPARE(boxes.size(), 1);
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, boxes[0].rect.center());
    ImageViewer *viewer = nullptr;
    QTRY_VERIFY((viewer = w->findChild<ImageViewer *>()));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 10000);
    save(viewer, u"image-viewer.png"_s);
    viewer->close();

    // Two files picked, not sent yet: their cards above the text.
    QImage pasted(320, 200, QImage::Format_RGB32);
    pasted.fill(QColor(70, 130, 200));
    f.composer()->addImage(pasted);
    f.composer()->addFiles({notes});
    QTRY_COMPARE(w->chat()->attachmentTray()->cardCount(), 2);
    QTest::keyClicks(f.composer(), u"and the notes, for tomorrow"_s);
    save(w, u"files-pending.png"_s);
    f.composer()->takeFiles();
    f.composer()->clear();

    // Sent while the host is away: the row waits with its file, the tray shows the upload
    // (its progress set here as the outbox reports it, a loopback upload being too quick to catch).
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    server->stop();
    QTRY_COMPARE(f.app->connection()->state(), Connection::State::Reconnecting);
    f.composer()->addFiles({notes});
    f.type(u"Notes for tomorrow"_s);
    QTRY_COMPARE(f.app->outbox()->entries().size(), 1);
    emit f.state()->uploadProgress(f.app->outbox()->entries().first().nonce, 73'000, 184'320);
    QTRY_VERIFY(w->chat()->attachmentTray()->progressBar()->isVisible());
    save(w, u"files-uploading.png"_s);
    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(m_data.filePath(u"server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.app->outbox()->isEmpty(), true, 15000);
    QTRY_VERIFY(!w->chat()->attachmentTray()->isVisible());
}

void tst_app_screenshots::atWidths(const QString &view)
{
    MainWindow *w = f.app->window();
    const QSize before = w->size();
    for (const QSize size : {QSize(800, 600), QSize(1024, 768), QSize(1600, 1000)}) {
        w->resize(size);
        QTRY_COMPARE(w->size(), size);
        QTRY_VERIFY(f.state()->isHome() || f.view()->isAtBottom());
        save(w, u"%1-%2.png"_s.arg(view).arg(size.width()));
    }
    // Narrow: the panels open over the chat from the header.
    w->resize(800, 600);
    QTRY_COMPARE(w->size(), QSize(800, 600));
    if (!f.state()->isHome()) {
        w->showMembersOverlay(true);
        QTRY_VERIFY(w->memberList()->isVisible());
        save(w, u"%1-800-members.png"_s.arg(view));
        w->showMembersOverlay(false);
    }
    w->resize(640, 560);
    QTRY_COMPARE(w->size(), QSize(640, 560));
    w->showChannelsOverlay(true);
    QTRY_VERIFY(w->sidebar()->isVisible());
    save(w, u"%1-640-channels.png"_s.arg(view));
    w->showChannelsOverlay(false);
    w->resize(before);
    QTRY_COMPARE(w->size(), before);
}

void tst_app_screenshots::twoHosts()
{
    // A friend's server beside my own: the rail shows both, each under its name.
    QTemporaryDir otherData;
    EmbeddedServer other;
    QSignalSpy started(&other, &EmbeddedServer::started);
    other.start(otherData.path());
    QTRY_COMPARE(started.size(), 1);
    TestClient owner(other.url());
    QVERIFY(owner.waitHello());
    QVERIFY(owner.call(u"session.register"_s, {{u"username"_s, u"linus"_s}, {u"password"_s, u"linus-password"_s}}).ok);
    const TestClient::Result g = owner.call(u"guild.create"_s, {{u"name"_s, u"Kernel hackers"_s}});
    QVERIFY(g.ok);
    const TestClient::Result inv = owner.call(u"invite.create"_s, {{u"guild_id"_s, g.d.value(u"id"_s).toString()}});
    QVERIFY(inv.ok);
    f.app->openLink(u"kith://127.0.0.1:%1/invite/%2"_s.arg(other.port()).arg(inv.d.value(u"code"_s).toString()));
    QWidget *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<JoinHostDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    save(dialog, u"join-host-dialog.png"_s);
    dialog->close();
    Credentials c;
    c.mode = Credentials::Mode::Register;
    c.username = u"ada"_s;
    c.password = u"ada-password"_s;
    f.app->joinHost(other.url(), c, inv.d.value(u"code"_s).toString());
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 2);
    QTRY_VERIFY(f.app->currentHost() != f.app->primaryHost());
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    QVERIFY(owner.call(u"message.send"_s, {{u"channel_id"_s, QString::number(f.state()->currentChannel())},
                                           {u"content"_s, u"Welcome, Ada. Patches go to #general."_s},
                                           {u"nonce"_s, u"s-1"_s}}).ok);
    QTRY_VERIFY(f.count(u"Welcome, Ada. Patches go to #general."_s) == 1);
    save(f.app->window(), u"two-hosts.png"_s);
    f.app->showHost(f.app->primaryHost()->id(), f.app->primaryHost()->state()->guilds()->guilds().first().id);
    QTRY_COMPARE(f.app->currentHost(), f.app->primaryHost());
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    QTRY_VERIFY(f.app->window()->rail()->otherHostLists().size() == 1
                && f.app->window()->rail()->otherHostLists().at(0)->isVisible());
    save(f.app->window(), u"two-hosts-first.png"_s);
    f.app->leaveHost(f.app->hosts()->hosts().last()->id());
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 1);
    other.stopAndWait();
}

void tst_app_screenshots::hostingAParty()
{
    QCOMPARE(qEnvironmentVariable("KITH_PARTY_LISTEN"), u"127.0.0.1"_s); // never the real network
    f.app->window()->resize(1280, 800);
    f.app->openHostPartyDialog();
    HostPartyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<HostPartyDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    save(dialog, u"host-party-form.png"_s);
    for (QLineEdit *e : dialog->findChildren<QLineEdit *>())
        if (e->accessibleName() == u"Party name")
            e->setText(u"Friday LAN"_s);
    dialog->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!f.app->partyLink().isEmpty(), 20000);
    QTRY_COMPARE(dialog->linkText(), f.app->partyLink());
    save(dialog, u"host-party-running.png"_s);
    dialog->close();
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    save(f.app->window(), u"host-party-window.png"_s);
    f.app->endParty();
    QTRY_VERIFY_WITH_TIMEOUT(f.app->connection()->isOnline() && !f.app->isHostingParty(), 20000);
}

void tst_app_screenshots::partyList()
{
    // Two parties on the network (headless ones, announcing on loopback), as a guest finds them.
    QTemporaryDir aData, bData;
    auto party = [this](const QString &dir, const QString &name, const QString &password) {
        server::ServerConfig c;
        c.dataDir = dir;
        c.port = 0;
        c.guests = true;
        c.partyName = name;
        c.partyPassword = password;
        c.tlsSelfSigned = true;
        c.announce = m_announce;
        auto s = std::make_unique<server::Server>(c);
        QString error;
        return s->start(&error) ? std::move(s) : nullptr;
    };
    auto basement = party(aData.path(), u"Basement LAN"_s, u"pizza"_s);
    auto frag = party(bData.path(), u"Friday frag night"_s, {});
    QVERIFY(basement && frag);
    f.app->window()->resize(1280, 800);
    f.app->window()->openGuildDialog(true);
    GuildDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<GuildDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *list = dialog->findChild<QListWidget *>(u"PartyListView"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 10000);
    list->setCurrentRow(0);
    save(dialog, u"party-list.png"_s);
    for (QPushButton *b : dialog->findChild<PartyList *>()->findChildren<QPushButton *>())
        b->click();
    JoinHostDialog *join = nullptr;
    QTRY_VERIFY((join = f.app->window()->findChild<JoinHostDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(join));
    for (QLineEdit *e : join->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == u"Nickname")
            e->setText(u"Ada"_s);
        else if (e->accessibleName() == u"Party password")
            e->setText(u"pizza"_s);
    }
    save(join, u"party-join.png"_s);
    join->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 2);
    HostSession *guest = f.app->hosts()->hosts().last();
    QTRY_VERIFY_WITH_TIMEOUT(guest->connection()->isOnline(), 10000);
    QTRY_VERIFY(f.app->currentHost() == guest && f.state()->currentChannel() != 0);
    f.state()->sendMessage(u"Hi all, Ada here. Who brought the snacks?"_s);
    QTRY_VERIFY(f.count(u"Hi all, Ada here. Who brought the snacks?"_s, 0) == 1);
    save(f.app->window(), u"party-guest-window.png"_s);
    f.app->leaveHost(guest->id());
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 1);
}

void tst_app_screenshots::settings()
{
    bool shot = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (QTest::qWaitForWindowExposed(dialog)) {
            save(dialog, u"settings.png"_s);
            // Every section, as the user opens them one by one.
            const QStringList sections = dialog->sections();
            for (int i = 1; i < sections.size(); ++i) {
                dialog->showSection(i);
                save(dialog, u"settings-%1.png"_s.arg(sections[i].toLower().replace(u' ', u'-')));
            }
            // In French, switched in place: longer words must fit the same window and page.
            auto *language = dialog->findChild<QComboBox *>(u"LanguageBox"_s);
            language->setCurrentIndex(language->findData(u"fr"_s));
            for (int i = 0; i < sections.size(); ++i) {
                dialog->showSection(i);
                save(dialog, u"settings-fr-%1.png"_s.arg(i));
            }
            save(f.app->window(), u"window-fr.png"_s);
            language->setCurrentIndex(language->findData(u"en"_s));
        }
        shot = true;
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY(shot);
}

void tst_app_screenshots::channelKinds()
{
    // Issue 13: a category with a roulette and an unstored channel, their dialogs, and Explore.
    f.app->window()->resize(1280, 800);
    const Id guild = f.state()->currentGuild();
    QVERIFY(guild);
    Channel category;
    category.name = u"Just for fun"_s;
    category.type = ChannelType::Category;
    f.state()->createChannel(category);
    Id categoryId = 0;
    auto find = [this](const QString &name) {
        for (const Channel &c : f.state()->channels()->channels())
            if (c.name == name)
                return c.id;
        return Id(0);
    };
    QTRY_VERIFY((categoryId = find(category.name)));
    Channel roulette;
    roulette.name = u"spin-the-bottle"_s;
    roulette.parentId = categoryId;
    roulette.mode = ChannelMode::Roulette;
    roulette.persistent = false;
    roulette.color = u"#e67e22"_s;
    f.state()->createChannel(roulette);
    Channel fleeting;
    fleeting.name = u"off-the-record"_s;
    fleeting.parentId = categoryId;
    fleeting.persistent = false;
    f.state()->createChannel(fleeting);
    Id fleetingId = 0;
    QTRY_VERIFY(find(roulette.name));
    QTRY_VERIFY((fleetingId = find(fleeting.name)));
    QTRY_COMPARE(f.state()->currentChannel(), fleetingId);
    save(f.app->window(), u"channel-kinds-window.png"_s);

    f.app->window()->openChannelDialog(0);
    ChannelDialog *create = nullptr;
    QTRY_VERIFY((create = f.app->window()->findChild<ChannelDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(create));
    save(create, u"channel-create.png"_s);
    create->reject();

    f.app->window()->openChannelSettings(fleetingId);
    ChannelSettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = f.app->window()->findChild<ChannelSettingsDialog *>()));
    QVERIFY(QTest::qWaitForWindowExposed(settings));
    save(settings, u"channel-settings-overview.png"_s);
    settings->showSection(u"Permissions"_s);
    save(settings, u"channel-settings-permissions.png"_s);
    settings->close();

    // Explore lists this guild once it is discoverable: its row says Open.
    bool listed = false;
    f.state()->admin()->updateGuild(guild, f.state()->guild(guild).name, u"Snacks, board games and code"_s, true,
                                    this, [&](bool ok, const QString &) { listed = ok; });
    QTRY_VERIFY(listed);
    f.app->window()->openExplore();
    ExploreDialog *explore = nullptr;
    QTRY_VERIFY((explore = f.app->window()->findChild<ExploreDialog *>()));
    QTRY_COMPARE(explore->shownGuilds(), QList<Id>{guild});
    QVERIFY(QTest::qWaitForWindowExposed(explore));
    save(explore, u"explore.png"_s);
    explore->close();
}

void tst_app_screenshots::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_screenshots)
#include "tst_app_screenshots.moc"

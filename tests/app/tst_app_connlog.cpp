// Help → Connection log, with the real app and its embedded server: signing in, a message sent
// from the composer and its echo show as frames; the account's token and password never do;
// the log keeps the newest 2,000; the dialog opens from the shortcut and the Help menu and its
// filters, Copy and Clear do what they say.
#include "AppFixture.h"
#include "net/FrameLog.h"
#include "ui/ConnectionLogDialog.h"
#include "ui/Theme.h"
#include "ui/UserFooter.h"

#include <QRegularExpression>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace kith;
using namespace kith::app;
using Dir = FrameLog::Direction;

class tst_app_connlog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signInIsLogged();
    void secretsAreMasked();
    void mask_data();
    void mask();
    void sentMessageIsLogged();
    void capKeepsTheNewest();
    void dropIsNoted();
    void dialogFromShortcut();
    void dialogFromHelpMenu();
    void helpMenuWearsTheTheme();
    void dialogFiltersCopiesAndClears();
    void dialogStaysAcrossThemeSwitch();
    void cleanupTestCase();

private:
    bool has(Dir direction, const QString &needle) const;
    ConnectionLogDialog *dialog() const { return f.app->window()->findChild<ConnectionLogDialog *>(); }

    QTemporaryDir m_data;
    AppFixture f;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

bool tst_app_connlog::has(Dir direction, const QString &needle) const
{
    for (const FrameLog::Entry &e : f.app->frameLog()->entries())
        if (e.direction == direction && e.text().contains(needle))
            return true;
    return false;
}

void tst_app_connlog::initTestCase()
{
    QVERIFY(f.start(m_data.path(), true));
    QVERIFY(f.app->frameLog());
    m_tester = std::make_unique<QAbstractItemModelTester>(f.app->frameLog(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_app_connlog::signInIsLogged()
{
    // First run: the app registers its owner account, then the host says hello and ready.
    QVERIFY(has(Dir::Sent, u"\"op\":\"session.register\""_s));
    QVERIFY(has(Dir::Received, u"\"ev\":\"hello\""_s));
    QVERIFY(has(Dir::Received, u"\"ev\":\"ready\""_s));
    QVERIFY(has(Dir::Note, u"connecting to"_s));
    QVERIFY(has(Dir::Note, u"connected"_s));
    // Every entry names the host it belongs to.
    const QString host = u"127.0.0.1:%1"_s.arg(f.app->server()->url().port());
    for (const FrameLog::Entry &e : f.app->frameLog()->entries())
        QCOMPARE(e.host, host);
    // Newest last: hello comes before ready.
    int hello = -1, ready = -1, i = 0;
    for (const FrameLog::Entry &e : f.app->frameLog()->entries()) {
        if (hello < 0 && e.text().contains(u"\"ev\":\"hello\""_s))
            hello = i;
        if (ready < 0 && e.text().contains(u"\"ev\":\"ready\""_s))
            ready = i;
        ++i;
    }
    QVERIFY(hello < ready);
}

void tst_app_connlog::secretsAreMasked()
{
    const QString token = f.app->connection()->token();
    QVERIFY(token.size() > 8);
    // The owner's random password is on no disk (the key file keeps only the token), so every
    // secret field's value is checked instead: none but the mask, in any frame.
    static const QRegularExpression secret(u"\"(token|password|old_password|new_password)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    int secrets = 0;
    for (const FrameLog::Entry &e : f.app->frameLog()->entries()) {
        const QString text = e.text();
        QVERIFY2(!text.contains(token), qPrintable(text.left(200)));
        for (auto it = secret.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QVERIFY2(m.captured(2) == u"•••"_s, qPrintable(text.left(200)));
            ++secrets;
        }
    }
    QVERIFY(secrets >= 2); // the sign-up's password and the token it returned, at least
    QVERIFY(has(Dir::Sent, u"\"password\":\"•••\""_s));
    QVERIFY(has(Dir::Received, u"\"token\":\"•••\""_s));
}

void tst_app_connlog::mask_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("masked");
    QTest::newRow("login") << u"{\"d\":{\"password\":\"hunter2\",\"username\":\"ann\"},\"id\":1,\"op\":\"session.login\"}"_s
                           << u"{\"d\":{\"password\":\"•••\",\"username\":\"ann\"},\"id\":1,\"op\":\"session.login\"}"_s;
    QTest::newRow("change") << u"{\"d\":{\"new_password\":\"b\",\"old_password\":\"a\"}}"_s
                            << u"{\"d\":{\"new_password\":\"•••\",\"old_password\":\"•••\"}}"_s;
    QTest::newRow("escaped quote") << u"{\"token\":\"ab\\\"cd\",\"x\":1}"_s << u"{\"token\":\"•••\",\"x\":1}"_s;
    QTest::newRow("spaces") << u"{\"token\" : \"abc\"}"_s << u"{\"token\" : \"•••\"}"_s;
    QTest::newRow("other keys stay") << u"{\"invite_token\":\"x\",\"content\":\"my password\\\" is\"}"_s
                                     << u"{\"invite_token\":\"x\",\"content\":\"my password\\\" is\"}"_s;
    QTest::newRow("no secret") << u"{\"ev\":\"typing.started\"}"_s << u"{\"ev\":\"typing.started\"}"_s;
}

void tst_app_connlog::mask()
{
    QFETCH(QString, frame);
    QFETCH(QString, masked);
    QCOMPARE(FrameLog::mask(frame), masked);
}

void tst_app_connlog::sentMessageIsLogged()
{
    const QString text = u"hello, connection log"_s;
    f.type(text);
    QTRY_COMPARE(f.count(text, int(MessageListModel::Status::Sent)), 1);
    QVERIFY(has(Dir::Sent, u"\"op\":\"message.send\""_s));
    QTRY_VERIFY(has(Dir::Received, u"\"ev\":\"message.created\""_s));
    bool sent = false, created = false;
    for (const FrameLog::Entry &e : f.app->frameLog()->entries()) {
        sent |= e.direction == Dir::Sent && e.text().contains(u"\"op\":\"message.send\""_s) && e.text().contains(text);
        created |= e.direction == Dir::Received && e.text().contains(u"\"ev\":\"message.created\""_s) && e.text().contains(text);
    }
    QVERIFY(sent);
    QVERIFY(created);
}

void tst_app_connlog::capKeepsTheNewest()
{
    FrameLog log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy added(&log, &FrameLog::added);
    for (int i = 0; i < 2500; ++i)
        log.record(Dir::Received, u"h:1"_s, u"{\"ev\":\"n\",\"seq\":%1}"_s.arg(i));
    QCOMPARE(added.size(), 2500);
    QCOMPARE(log.rowCount(), FrameLog::kMaxEntries);
    QCOMPARE(log.entries().front().text(), u"{\"ev\":\"n\",\"seq\":500}"_s);
    QCOMPARE(log.entries().back().text(), u"{\"ev\":\"n\",\"seq\":2499}"_s);
    QCOMPARE(log.index(log.rowCount() - 1).data(FrameLog::TextRole).toString(), u"{\"ev\":\"n\",\"seq\":2499}"_s);
    // Big frames: the text stays within about 2 MB, one frame is cut, the newest stays.
    const QString big(100 * 1024, u'x');
    for (int i = 0; i < 40; ++i)
        log.record(Dir::Received, u"h:1"_s, big);
    QVERIFY(log.textBytes() <= FrameLog::kMaxTextBytes);
    QVERIFY(log.rowCount() > 5);
    QVERIFY(log.entries().back().text().size() < big.size());
    QVERIFY(log.entries().back().text().startsWith(u"xxxx"_s));
    log.clear();
    QCOMPARE(log.rowCount(), 0);
    QCOMPARE(log.textBytes(), 0);
}

void tst_app_connlog::dropIsNoted()
{
    // A blip: the log says the connection closed, how, and that it came back.
    const int before = f.app->frameLog()->rowCount();
    f.app->connection()->dropForTest();
    QTRY_VERIFY(has(Dir::Note, u"closed "_s));
    QTRY_VERIFY(f.app->connection()->isOnline());
    QVERIFY(has(Dir::Note, u"reconnecting in"_s));
    QVERIFY(has(Dir::Sent, u"\"op\":\"session.resume\""_s));
    int closed = -1, online = -1, i = 0;
    for (const FrameLog::Entry &e : f.app->frameLog()->entries()) {
        if (e.direction == Dir::Note && e.text().startsWith(u"closed "_s))
            closed = i;
        if (e.direction == Dir::Note && e.text() == u"online"_s)
            online = i;
        ++i;
    }
    QVERIFY(closed >= 0 && closed < online);
    QVERIFY(f.app->frameLog()->rowCount() > before);
}

void tst_app_connlog::dialogFromShortcut()
{
    QWidget *w = f.app->window();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QVERIFY(!dialog()->isModal());
    bool heading = false;
    for (QLabel *l : dialog()->findChildren<QLabel *>())
        heading |= l->property("heading").toBool() && l->text() == u"Connection log"_s;
    QVERIFY(heading);
    // Asking again brings the same one to the front.
    f.app->window()->showConnectionLog();
    QCOMPARE(f.app->window()->findChildren<ConnectionLogDialog *>().size(), 1);
    dialog()->close();
    QTRY_VERIFY(!dialog());
}

void tst_app_connlog::dialogFromHelpMenu()
{
    auto *footer = f.app->window()->findChild<UserFooter *>();
    QVERIFY(footer);
    auto *help = footer->findChild<QToolButton *>(u"HelpButton"_s);
    QVERIFY(help && help->isVisible());
    QCOMPARE(help->accessibleName(), u"Help"_s);
    QVERIFY(help->menu());
    const QList<QAction *> actions = help->menu()->actions();
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first()->text(), u"Connection log"_s);
    actions.first()->trigger();
    QTRY_VERIFY(dialog() && dialog()->isVisible());
}

void tst_app_connlog::helpMenuWearsTheTheme()
{
    // The menu is themed when it opens (not when the window is built): its panel is the theme's.
    auto *help = f.app->window()->findChild<UserFooter *>()->findChild<QToolButton *>(u"HelpButton"_s);
    QMenu *menu = help->menu();
    menu->popup(help->mapToGlobal(QPoint(0, 0)));
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(menu->styleSheet(), f.app->theme()->styleSheet());
    const QImage shot = menu->grab().toImage();
    QCOMPARE(shot.pixelColor(shot.width() / 2, 2), f.app->theme()->color(u"rail"_s));
    menu->hide();
}

void tst_app_connlog::dialogFiltersCopiesAndClears()
{
    ConnectionLogDialog *d = dialog();
    QVERIFY(d);
    QVERIFY(QTest::qWaitForWindowExposed(d));
    FrameLog *log = f.app->frameLog();
    QListView *view = d->view();
    QAbstractItemModel *shown = view->model();
    QCOMPARE(shown->rowCount(), log->rowCount());
    auto *count = d->findChild<QLabel *>(u"ConnectionLogCount"_s);
    QVERIFY(count->text().contains(u"capped at %1"_s.arg(QLocale().toString(FrameLog::kMaxEntries))));
    // Newest last, and a new frame shows at the bottom while the view is there.
    QTRY_VERIFY(view->verticalScrollBar()->value() == view->verticalScrollBar()->maximum());
    log->record(Dir::Note, u"test:1"_s, u"a note from the test"_s);
    QCOMPARE(shown->index(shown->rowCount() - 1, 0).data().toString().endsWith(u"a note from the test"_s), true);
    QTRY_VERIFY(view->verticalScrollBar()->value() == view->verticalScrollBar()->maximum());

    auto *filter = d->findChild<QLineEdit *>(u"ConnectionLogFilter"_s);
    QCOMPARE(filter->placeholderText(), u"Filter frames"_s);
    QTest::keyClicks(filter, u"message.send"_s);
    QVERIFY(shown->rowCount() >= 1);
    QVERIFY(shown->rowCount() < log->rowCount());
    for (int i = 0; i < shown->rowCount(); ++i)
        QVERIFY(shown->index(i, 0).data().toString().contains(u"message.send"_s));
    QVERIFY(count->text().contains(u" of "_s));
    // A sent frame's line names its op up front; the selected frame reads whole below.
    QVERIFY(shown->index(0, 0).data().toString().contains(u"  message.send  {"_s));
    view->setCurrentIndex(shown->index(0, 0));
    QVERIFY(d->detail()->toPlainText().contains(u"\"op\": \"message.send\""_s));
    // Copy takes what the filter shows, whole lines.
    d->findChild<QPushButton *>(u"ConnectionLogCopy"_s)->click();
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied.split(u'\n').size(), shown->rowCount());
    QVERIFY(copied.contains(u"→  127.0.0.1:"_s));
    filter->clear();
    QCOMPARE(shown->rowCount(), log->rowCount());

    auto *direction = d->findChild<QComboBox *>(u"ConnectionLogDirection"_s);
    for (const auto &[label, want] : {std::pair{u"Sent"_s, Dir::Sent}, std::pair{u"Received"_s, Dir::Received}}) {
        direction->setCurrentIndex(direction->findText(label));
        QVERIFY(shown->rowCount() >= 2);
        for (int i = 0; i < shown->rowCount(); ++i)
            QCOMPARE(shown->index(i, 0).data(FrameLog::DirectionRole).toInt(), int(want));
    }
    direction->setCurrentIndex(direction->findText(u"All"_s));
    QCOMPARE(shown->rowCount(), log->rowCount());

    d->findChild<QPushButton *>(u"ConnectionLogClear"_s)->click();
    QCOMPARE(log->rowCount(), 0);
    QCOMPARE(shown->rowCount(), 0);
    // The log goes on after a clear: the next request shows up.
    f.type(u"after the clear"_s);
    QTRY_VERIFY(has(Dir::Sent, u"after the clear"_s));
    QTRY_VERIFY(shown->rowCount() >= 1);
    d->close();
}

void tst_app_connlog::dialogStaysAcrossThemeSwitch()
{
    f.app->window()->showConnectionLog();
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    // A theme rebuilds the window; the log comes back over the new one, entries kept.
    const int rows = f.app->frameLog()->rowCount();
    QVERIFY(rows > 0);
    f.app->setTheme(u"light"_s);
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QCOMPARE(dialog()->view()->model()->rowCount(), f.app->frameLog()->rowCount());
    QVERIFY(f.app->frameLog()->rowCount() >= rows);
    dialog()->close();
}

void tst_app_connlog::cleanupTestCase()
{
    m_tester.reset();
    f.stop();
}

QTEST_MAIN(tst_app_connlog)
#include "tst_app_connlog.moc"

// Mentions in the composer and the message view, against the app's real embedded server and a
// second, raw client: "@" and "#" open a list of the people and channels here, the keyboard
// picks, and sent mentions show as chips with the display name; a channel chip opens it.
#include "AppFixture.h"
#include "Screenshots.h"
#include "TestClient.h"
#include "ui/MentionCompleter.h"
#include "ui/MessageDelegate.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QTemporaryDir>
#include <QTextBlock>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_mentions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tokenRules();
    void listIsNotBuiltAtStart();
    void atOpensPeopleAndEnterInserts();
    void displayNameWordsMatch();
    void escapeClosesAndEnterSends();
    void hashOpensChannels();
    void chipsShowDisplayNames();
    void channelChipOpensTheChannel();
    void cleanupTestCase();

private:
    QAbstractItemView *popup() const;
    bool popupOpen() const { return f.composer()->mentions() && f.composer()->mentions()->isOpen(); }

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    Id m_friendId = 0;
    Id m_general = 0;
    Id m_random = 0;
};

QAbstractItemView *tst_app_mentions::popup() const
{
    return f.composer()->mentions() ? f.composer()->mentions()->completer()->popup() : nullptr;
}

void tst_app_mentions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_friendId = f.startWithGuest(m_dir.path(), m_friend, u"mjones"_s, u"Mary Jones"_s);
    QVERIFY(m_friendId);
    m_general = f.state()->currentChannel();
    QTRY_COMPARE(f.state()->members()->rowCount(), 2);
    f.state()->createChannel(u"random"_s, QString());
    QTRY_VERIFY(f.state()->currentChannel() != m_general && f.state()->currentChannel() != 0);
    m_random = f.state()->currentChannel();
    f.state()->selectChannel(m_general);
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    f.app->window()->resize(1100, 720);
    f.app->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));
    f.app->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.app->window()));
}

void tst_app_mentions::tokenRules()
{
    QChar kind;
    int start = -1;
    QVERIFY(MentionCompleter::tokenBefore(u"hi @mj"_s, 6, &kind, &start));
    QCOMPARE(kind, u'@');
    QCOMPARE(start, 3);
    QVERIFY(MentionCompleter::tokenBefore(u"@"_s, 1, &kind, &start));
    QVERIFY(MentionCompleter::tokenBefore(u"see #ran"_s, 8, &kind, &start));
    QCOMPARE(kind, u'#');
    QVERIFY(!MentionCompleter::tokenBefore(u"mail me@host"_s, 12, &kind, &start)); // an address
    QVERIFY(!MentionCompleter::tokenBefore(u"@mj done"_s, 8, &kind, &start));       // past a space
}

void tst_app_mentions::listIsNotBuiltAtStart()
{
    QVERIFY(f.composer()->mentions());
    QVERIFY(!f.composer()->mentions()->completer()); // made on the first "@"
}

void tst_app_mentions::atOpensPeopleAndEnterInserts()
{
    Composer *c = f.composer();
    c->setFocus();
    QTRY_VERIFY(c->hasFocus());
    QTest::keyClicks(c, u"hello @"_s);
    QTRY_VERIFY(popupOpen());
    // Both of us, by display name; the list sits above the composer.
    QCOMPARE(popup()->model()->rowCount(), 3); // Mary Jones, owner, and @everyone (I own the guild)
    QVERIFY(popup()->mapToGlobal(QPoint(0, popup()->height())).y() <= c->mapToGlobal(QPoint(0, 0)).y());
    QTest::keyClicks(c, u"mj"_s);
    QTRY_COMPARE(popup()->model()->rowCount(), 1);
    QCOMPARE(popup()->model()->index(0, 0).data().toString(), u"Mary Jones"_s);
    QVERIFY(QTest::qWaitFor([&] { return popup()->isVisible(); }));
    QVERIFY(saveScreenshot(popup(), u"mention-list.png"_s)); // a window of its own
    QTest::keyClick(popup(), Qt::Key_Return);
    QTRY_COMPARE(c->toPlainText(), u"hello @mjones "_s);
    QVERIFY(!popupOpen());
    // Nothing was sent by that Enter.
    QCOMPARE(f.count(u"hello @mjones"_s), 0);
    c->clear();
}

void tst_app_mentions::displayNameWordsMatch()
{
    Composer *c = f.composer();
    QTest::keyClicks(c, u"@jon"_s); // a later word of "Mary Jones"
    QTRY_VERIFY(popupOpen());
    QCOMPARE(popup()->model()->rowCount(), 1);
    QTest::keyClick(popup(), Qt::Key_Tab);
    QTRY_COMPARE(c->toPlainText(), u"@mjones "_s);
    c->clear();
    QTest::keyClicks(c, u"@zz"_s);
    QVERIFY(f.roundTrip());
    QVERIFY(!popupOpen()); // nobody: no list
    c->clear();
}

void tst_app_mentions::escapeClosesAndEnterSends()
{
    Composer *c = f.composer();
    QTest::keyClicks(c, u"ping @mj"_s);
    QTRY_VERIFY(popupOpen());
    QTest::keyClick(popup(), Qt::Key_Escape);
    QTRY_VERIFY(!popupOpen());
    QCOMPARE(c->toPlainText(), u"ping @mj"_s);
    QTest::keyClick(c, Qt::Key_Return); // the list is closed: Enter sends
    QTRY_COMPARE(f.count(u"ping @mj"_s), 1);
}

void tst_app_mentions::hashOpensChannels()
{
    Composer *c = f.composer();
    QTest::keyClicks(c, u"go to #ra"_s);
    QTRY_VERIFY(popupOpen());
    QCOMPARE(popup()->model()->rowCount(), 1);
    QCOMPARE(popup()->model()->index(0, 0).data().toString(), u"random"_s);
    QTest::keyClick(popup(), Qt::Key_Return);
    QTRY_COMPARE(c->toPlainText(), u"go to #random "_s);
    c->clear();
}

void tst_app_mentions::chipsShowDisplayNames()
{
    // Sent by the friend: "@owner" and "#random" become chips, "@nobody" stays text.
    const TestClient::Result r = m_friend->call(u"message.send"_s,
        {{u"channel_id"_s, QString::number(m_general)}, {u"content"_s, u"hey @owner, see #random and @nobody"_s},
         {u"nonce"_s, u"m-1"_s}});
    QVERIFY(r.ok);
    QTRY_COMPARE(f.count(u"hey @owner, see #random and @nobody"_s), 1);
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"hey @owner, see #random and @nobody"_s));
    f.view()->scrollTo(ix);
    QTRY_VERIFY(f.view()->isAtBottom());
    // What is drawn: the display name in the chip, the accent tint behind it.
    const QRect rect = f.view()->visualRect(ix);
    const QImage shot = f.view()->viewport()->grab().toImage();
    QColor accent = f.app->theme()->color(u"accent"_s);
    int tinted = 0;
    for (int y = rect.top(); y <= rect.bottom() && y < shot.height(); ++y)
        for (int x = rect.left(); x <= rect.right() && x < shot.width(); ++x) {
            const QColor px(shot.pixel(x, y));
            // The accent at 28% over the chat background: bluer than it is red or green.
            tinted += px.blue() - px.green() > 25 && px.blue() - px.red() > 10 && qAbs(px.blue() - accent.blue()) < 200;
        }
    QVERIFY2(tinted >= 60, qPrintable(u"%1 tinted pixels"_s.arg(tinted)));
    QVERIFY(saveScreenshot(f.app->window(), u"mention-chips.png"_s));
}

void tst_app_mentions::channelChipOpensTheChannel()
{
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"hey @owner, see #random and @nobody"_s));
    const QRect rect = f.view()->visualRect(ix);
    // Find the channel chip by its link under the pointer.
    QPoint at;
    for (int y = rect.top(); y <= rect.bottom() && at.isNull(); y += 2)
        for (int x = rect.left(); x <= rect.right(); x += 2)
            if (f.view()->messageDelegate()->anchorAt(rect, ix, {x, y}).startsWith(MessageDelegate::kChannelLink)) {
                at = {x, y};
                break;
            }
    QVERIFY(!at.isNull());
    QCOMPARE(f.view()->messageDelegate()->anchorAt(rect, ix, at), MessageDelegate::kChannelLink + QString::number(m_random));
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(f.state()->currentChannel(), m_random);
}

void tst_app_mentions::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_mentions)
#include "tst_app_mentions.moc"

// Close codes that arrive: the server's close frame reaches the client also while the client is
// still sending (1009), after it stopped reading for a while (4008), and for invalid UTF-8 (1007).
#include "common/RawWebSocket.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "server/Server.h"
#include "shared/Limits.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_CloseCodes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oversizeWhileSending_data();
    void oversizeWhileSending();
    void oversizeFromQWebSocket();
    void invalidUtf8();
    void slowReaderGetsCode();
    void serverStillServes();

private:
    ServerFixture m_fx;
};

void tst_CloseCodes::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_CloseCodes::oversizeWhileSending_data()
{
    QTest::addColumn<int>("bytes");
    for (int round = 0; round < 3; ++round) {
        QTest::addRow("2 MiB #%d", round) << 2 * 1024 * 1024;
        QTest::addRow("16 MiB #%d", round) << 16 * 1024 * 1024;
    }
}

void tst_CloseCodes::oversizeWhileSending()
{
    QFETCH(int, bytes);
    RawWebSocket raw;
    QVERIFY(raw.open(m_fx.url()));
    QTRY_COMPARE_WITH_TIMEOUT(raw.textFrames().size(), 1, 10000); // hello
    // One frame far over frame_bytes, and no reading until it is all sent, as a client that
    // writes before it reads: the server decides on the header while most of the frame is still
    // on the way, must take the rest without a reset, and the close frame must be there after.
    raw.pauseReading();
    raw.sendText(QByteArray(bytes, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(raw.bytesToWrite() == 0 || raw.isDisconnected(), 60000);
    raw.resumeReading();
    QTRY_VERIFY_WITH_TIMEOUT(raw.closeCode() != -1 || raw.isDisconnected(), 30000);
    QCOMPARE(raw.closeCode(), int(kith::limits::kCloseTooBig));
    QVERIFY(raw.waitDisconnected(15000));
}

void tst_CloseCodes::oversizeFromQWebSocket()
{
    for (int round = 0; round < 3; ++round) {
        auto c = m_fx.connect();
        QVERIFY(c);
        c->socket().sendTextMessage(QString(2 * 1024 * 1024, u'y'));
        QVERIFY(c->waitDisconnected(30000));
        QCOMPARE(c->closeCode(), int(kith::limits::kCloseTooBig));
    }
}

void tst_CloseCodes::invalidUtf8()
{
    RawWebSocket raw;
    QVERIFY(raw.open(m_fx.url()));
    raw.sendText(QByteArray("{\"op\":\"ping\",\"id\":1,\"d\":{\"x\":\"\xC3\x28\xFF\"}}"));
    QTRY_COMPARE_WITH_TIMEOUT(raw.closeCode(), 1007, 15000);
    QVERIFY(raw.waitDisconnected(15000));
}

void tst_CloseCodes::slowReaderGetsCode()
{
    auto sender = m_fx.newUser(u"talker"_s);
    auto slowSetup = m_fx.newUser(u"stalled"_s);
    const GuildRef g = createGuild(*sender);
    QVERIFY(g.valid());
    QVERIFY(joinGuild(*sender, *slowSetup, g));
    const QString slowToken = slowSetup->token();
    slowSetup->close();

    RawWebSocket slow;
    QVERIFY(slow.open(m_fx.url()));
    slow.sendText(QJsonDocument(QJsonObject{{u"op"_s, u"session.login"_s}, {u"id"_s, 1},
                                            {u"d"_s, QJsonObject{{u"token"_s, slowToken}}}})
                      .toJson(QJsonDocument::Compact));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(slow.textFrames().begin(), slow.textFrames().end(),
                                         [](const QByteArray &f) { return f.contains("\"ev\":\"ready\""); }),
                             10000);
    slow.pauseReading();

    // Send until the server gives up on the stalled client, then read: the close code is there,
    // after at most what the kernels held, not a reset.
    const quint64 cutBefore = m_fx.server()->gatewayStats().slowReadersCut;
    QString why;
    QVERIFY2(floodUntil(*sender, g.channelId, [&] { return m_fx.server()->gatewayStats().slowReadersCut != cutBefore; }, &why),
             qPrintable(u"the server never cut off a client that stopped reading: "_s + why));
    slow.resumeReading();
    QTRY_COMPARE_WITH_TIMEOUT(slow.closeCode(), int(kith::limits::kCloseSlowConsumer), 30000);
    QVERIFY(slow.waitDisconnected(30000));
    QVERIFY(sender->request(u"ping"_s).ok);
}

void tst_CloseCodes::serverStillServes()
{
    auto c = m_fx.newUser(u"after"_s);
    QVERIFY(c);
    QVERIFY(c->request(u"ping"_s).ok);
}

QTEST_GUILESS_MAIN(tst_CloseCodes)
#include "tst_closecodes.moc"

// A client that stops reading: the server must cut it off (4008) instead of queueing without
// bound, keep serving everyone else, and let the client come back afterwards.
#include "common/RawWebSocket.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Backpressure : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void slowReaderIsCutOff();

private:
    ServerFixture m_fx;
};

void tst_Backpressure::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_Backpressure::slowReaderIsCutOff()
{
    auto sender = m_fx.newUser(u"talker"_s);
    auto slowSetup = m_fx.newUser(u"stalled"_s);
    const GuildRef g = createGuild(*sender);
    QVERIFY(g.valid());
    QVERIFY(joinGuild(*sender, *slowSetup, g));
    const QString slowToken = slowSetup->token();
    slowSetup->close();

    // The stalled client signs in over a bare TCP socket it can stop reading.
    RawWebSocket slow;
    QVERIFY(slow.open(m_fx.url()));
    slow.sendText(QJsonDocument(QJsonObject{{u"op"_s, u"session.login"_s}, {u"id"_s, 1},
                                            {u"d"_s, QJsonObject{{u"token"_s, slowToken}}}})
                      .toJson(QJsonDocument::Compact));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(slow.textFrames().begin(), slow.textFrames().end(),
                    [](const QByteArray &f) { return f.contains("\"ev\":\"ready\""); }),
        10000);
    slow.pauseReading();

    // Far more than the send buffer plus what the kernels can hold (~4 KB per event).
    const QString content(kith::limits::kMessageLength, u'z');
    const qint64 eventBytes = content.size() + 400;
    const int total = int((kith::limits::kSendBufferBytes + 12 * 1024 * 1024) / eventBytes);
    const int window = 64;
    QList<qint64> inFlight;
    int sent = 0, acked = 0;
    while (acked < total) {
        while (sent < total && inFlight.size() < window) {
            inFlight << sender->send(u"message.send"_s, {{u"channel_id"_s, g.channelId},
                                                         {u"content"_s, content},
                                                         {u"nonce"_s, u"flood-%1"_s.arg(sent)}});
            ++sent;
        }
        const Reply r = sender->waitReply(QJsonValue(inFlight.takeFirst()), 30000);
        QVERIFY2(r.ok, qPrintable(r.describe()));
        ++acked;
        // The sender reads its own events; drop them so the test itself stays small.
        if (acked % 500 == 0)
            sender->clearEvents();
    }
    QVERIFY(sender->isConnected());
    QVERIFY(sender->request(u"ping"_s).ok);

    // Now read what the server kept for the stalled client: it must have given up on it.
    slow.resumeReading();
    QVERIFY2(slow.waitDisconnected(30000),
             "the server kept a client that stopped reading connected");
    int delivered = 0;
    for (const QByteArray &f : slow.textFrames())
        delivered += f.contains("\"ev\":\"message.created\"");
    QVERIFY2(delivered < total,
             qPrintable(u"all %1 events were queued for a client that did not read"_s.arg(total)));
    qInfo("stalled client got %d of %d events before the server cut it off (close code %d)",
          delivered, total, slow.closeCode());
    if (slow.closeCode() != -1)
        QCOMPARE(slow.closeCode(), int(kith::limits::kCloseSlowConsumer));

    // The stalled user can come back (resume or a fresh ready) and sees everything in history.
    auto back = m_fx.connect();
    const Reply in = back->loginWithToken(slowToken);
    QVERIFY2(in.ok, qPrintable(in.describe()));
    const Reply h = back->request(u"message.history"_s, {{u"channel_id"_s, g.channelId},
                                                        {u"limit"_s, 1}});
    QVERIFY(h.ok);
    QCOMPARE(messageIds(h).size(), 1);
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject().value(u"nonce"_s).toString(),
             u"flood-%1"_s.arg(total - 1));
}

QTEST_GUILESS_MAIN(tst_Backpressure)
#include "tst_backpressure.moc"

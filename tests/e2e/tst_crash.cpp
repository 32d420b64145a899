// The real kith-server binary: 1,000 messages with a bounded window of sends in flight, the
// server killed with SIGKILL (or stopped with SIGTERM) mid-stream, then restarted on the same
// data. Every acknowledged message must be there, none twice; resends dedup by nonce.
#include "ServerProcess.h"
#include "common/Scenario.h"
#include "common/TestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

constexpr int kTotal = 1000;
constexpr int kWindow = 32;

QString nonceOf(int i)
{
    return u"e2e-%1"_s.arg(i);
}

} // namespace

class tst_Crash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killNineLosesNothingAcknowledged();
    void sigtermShutsDownCleanly();
    void sigtermTellsBusyClientsGoingAway();

private:
    //! Sends messages indices[...] with at most kWindow in flight. stopAfterAcks >= 0 calls
    //! onStop once that many were acknowledged, and carries on until the connection drops.
    //! Returns index -> message id of every acknowledged send.
    QMap<int, QString> sendWindowed(TestClient &c, const QString &channelId, QList<int> indices,
                                    int stopAfterAcks, const std::function<void()> &onStop);
    //! Every message of the channel, walking history back page by page.
    QList<QJsonObject> wholeHistory(TestClient &c, const QString &channelId);
    QString writeConfig();

    QTemporaryDir m_tmp;
};

void tst_Crash::initTestCase()
{
    QVERIFY(QFile::exists(ServerProcess::binary()));
    QVERIFY(m_tmp.isValid());
}

QString tst_Crash::writeConfig()
{
    // Lift the per-session request rate so 1,000 sends take seconds, not 20 s.
    const QString path = m_tmp.filePath(u"kith.ini"_s);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write("[limits]\nrequests_per_second=100000\nrequest_burst=100000\n");
    return path;
}

QMap<int, QString> tst_Crash::sendWindowed(TestClient &c, const QString &channelId,
                                           QList<int> indices, int stopAfterAcks,
                                           const std::function<void()> &onStop)
{
    QMap<int, QString> acked;
    QList<QPair<qint64, int>> inFlight; // request id, message index
    bool stopped = false;
    while (!indices.isEmpty() || !inFlight.isEmpty()) {
        while (!indices.isEmpty() && inFlight.size() < kWindow && c.isConnected()) {
            const int i = indices.takeFirst();
            inFlight << qMakePair(c.send(u"message.send"_s, {{u"channel_id"_s, channelId},
                                                             {u"content"_s, u"message %1"_s.arg(i)},
                                                             {u"nonce"_s, nonceOf(i)}}),
                                  i);
        }
        if (inFlight.isEmpty())
            break;
        const auto [req, i] = inFlight.takeFirst();
        const Reply r = c.waitReply(QJsonValue(req), 30000);
        if (!r.received) {
            // The server is gone: take whatever replies made it before the drop.
            for (const auto &[req2, i2] : std::as_const(inFlight)) {
                const Reply late = c.waitReply(QJsonValue(req2), 0);
                if (late.ok)
                    acked.insert(i2, late.d.value(u"id"_s).toString());
            }
            break;
        }
        if (r.ok) {
            acked.insert(i, r.d.value(u"id"_s).toString());
        } else if (r.code == u"rate_limited") {
            indices.prepend(i); // a polite client resends the same nonce later
        } else {
            qWarning("send %d failed: %s", i, qPrintable(r.describe()));
        }
        if (!stopped && stopAfterAcks >= 0 && acked.size() >= stopAfterAcks) {
            stopped = true;
            onStop();
        }
    }
    return acked;
}

QList<QJsonObject> tst_Crash::wholeHistory(TestClient &c, const QString &channelId)
{
    QList<QJsonObject> all;
    QString cursor;
    for (int guard = 0; guard < 100; ++guard) {
        QJsonObject d{{u"channel_id"_s, channelId}, {u"limit"_s, 100}};
        if (!cursor.isEmpty())
            d.insert(u"before"_s, cursor);
        const Reply r = c.request(u"message.history"_s, d);
        if (!r.ok) {
            qWarning("history failed: %s", qPrintable(r.describe()));
            break;
        }
        const QJsonArray page = r.d.value(u"messages"_s).toArray();
        if (page.isEmpty())
            break;
        for (const QJsonValue &m : page)
            all << m.toObject();
        cursor = page.last().toObject().value(u"id"_s).toString();
    }
    return all;
}

void tst_Crash::killNineLosesNothingAcknowledged()
{
    QTemporaryDir data;
    const QStringList extra{u"--config"_s, writeConfig()};
    ServerProcess server;
    QString why;
    QVERIFY2(server.start(data.path(), extra, &why), qPrintable(why));

    TestClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.registerUser(u"crash_test"_s, u"a long enough password"_s).ok);
    const GuildRef g = createGuild(c);
    QVERIFY(g.valid());

    QList<int> all;
    for (int i = 0; i < kTotal; ++i)
        all << i;
    const QMap<int, QString> acked = sendWindowed(c, g.channelId, all, 400, [&] {
        server.process().kill(); // SIGKILL: no flush, no goodbye
    });
    QVERIFY(server.waitFinished());
    QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
    QVERIFY2(acked.size() >= 400, qPrintable(QString::number(acked.size())));
    QVERIFY2(acked.size() < kTotal, "the kill came after everything was sent");

    ServerProcess again;
    QVERIFY2(again.start(data.path(), extra, &why), qPrintable(why));
    TestClient d;
    QVERIFY(d.connectTo(again.url()));
    QVERIFY2(d.loginWithToken(c.token()).ok, "the token did not survive kill -9");

    const QList<QJsonObject> history = wholeHistory(d, g.channelId);
    QMap<QString, QString> idByNonce;
    QSet<QString> ids;
    for (const QJsonObject &m : history) {
        const QString nonce = m.value(u"nonce"_s).toString();
        QVERIFY2(!idByNonce.contains(nonce), qPrintable(u"stored twice: "_s + nonce));
        idByNonce.insert(nonce, m.value(u"id"_s).toString());
        ids.insert(m.value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), history.size());
    for (auto it = acked.begin(); it != acked.end(); ++it)
        QVERIFY2(idByNonce.value(nonceOf(it.key())) == it.value(),
                 qPrintable(u"acknowledged message %1 lost"_s.arg(it.key())));
    // Anything beyond what was acknowledged can only be sends that were in flight.
    QVERIFY(history.size() - acked.size() <= kWindow);
    qInfo("%lld acknowledged before the kill; %lld stored after the restart",
          qint64(acked.size()), qint64(history.size()));

    // The client resends everything it did not see acknowledged, with the same nonces.
    QList<int> rest;
    for (int i = 0; i < kTotal; ++i)
        if (!acked.contains(i))
            rest << i;
    const QMap<int, QString> second = sendWindowed(d, g.channelId, rest, -1, {});
    QCOMPARE(second.size(), rest.size());
    for (auto it = second.begin(); it != second.end(); ++it)
        if (idByNonce.contains(nonceOf(it.key())))
            QCOMPARE(it.value(), idByNonce.value(nonceOf(it.key()))); // dedup, not a copy
    const QList<QJsonObject> final = wholeHistory(d, g.channelId);
    QCOMPARE(final.size(), kTotal);
    QSet<QString> nonces;
    for (const QJsonObject &m : final)
        nonces.insert(m.value(u"nonce"_s).toString());
    QCOMPARE(nonces.size(), kTotal);
}

void tst_Crash::sigtermShutsDownCleanly()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() posts WM_CLOSE, which a console program never gets: no clean stop to test "
          "on Windows");
#endif
    QTemporaryDir data;
    const QStringList extra{u"--config"_s, writeConfig()};
    ServerProcess server;
    QString why;
    QVERIFY2(server.start(data.path(), extra, &why), qPrintable(why));
    TestClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.registerUser(u"term_test"_s, u"a long enough password"_s).ok);
    const GuildRef g = createGuild(c);
    QVERIFY(g.valid());
    TestClient idle; // a second device of the same user, reading but not sending
    QVERIFY(idle.connectTo(server.url()));
    QVERIFY(idle.loginWithToken(c.token()).ok);

    QList<int> all;
    for (int i = 0; i < 500; ++i)
        all << i;
    const QMap<int, QString> acked = sendWindowed(c, g.channelId, all, 200, [&] {
        server.process().terminate(); // SIGTERM
    });
    QVERIFY(server.waitFinished());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY(c.waitDisconnected());
    QVERIFY(idle.waitDisconnected());
    QCOMPARE(idle.closeCode(), 1001); // "going away", so clients know to reconnect
    QVERIFY(acked.size() >= 200);

    ServerProcess again;
    QVERIFY2(again.start(data.path(), extra, &why), qPrintable(why));
    TestClient d;
    QVERIFY(d.connectTo(again.url()));
    QVERIFY(d.login(u"term_test"_s, u"a long enough password"_s).ok);
    const QList<QJsonObject> history = wholeHistory(d, g.channelId);
    QMap<QString, QString> idByNonce;
    for (const QJsonObject &m : history) {
        QVERIFY(!idByNonce.contains(m.value(u"nonce"_s).toString()));
        idByNonce.insert(m.value(u"nonce"_s).toString(), m.value(u"id"_s).toString());
    }
    for (auto it = acked.begin(); it != acked.end(); ++it)
        QVERIFY2(idByNonce.value(nonceOf(it.key())) == it.value(),
                 qPrintable(u"acknowledged message %1 lost"_s.arg(it.key())));
    again.process().terminate();
    QVERIFY(again.waitFinished());
    QCOMPARE(again.process().exitCode(), 0);
}

void tst_Crash::sigtermTellsBusyClientsGoingAway()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() posts WM_CLOSE, which a console program never gets: no clean stop to test "
          "on Windows");
#endif
    // A client in the middle of sending must also learn that the server is going away (1001),
    // not see a bare reset it cannot tell from a network failure.
    QTemporaryDir data;
    ServerProcess server;
    QString why;
    QVERIFY2(server.start(data.path(), {u"--config"_s, writeConfig()}, &why), qPrintable(why));
    TestClient c;
    QVERIFY(c.connectTo(server.url()));
    QVERIFY(c.registerUser(u"busy_test"_s, u"a long enough password"_s).ok);
    const GuildRef g = createGuild(c);
    QVERIFY(g.valid());
    QList<int> all;
    for (int i = 0; i < 500; ++i)
        all << i;
    sendWindowed(c, g.channelId, all, 100, [&] { server.process().terminate(); });
    QVERIFY(server.waitFinished());
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY(c.waitDisconnected());
    QVERIFY2(c.closeCode() == 1001,
             qPrintable(u"close code %1, socket error '%2'"_s.arg(c.closeCode())
                            .arg(c.socket().errorString())));
}

QTEST_GUILESS_MAIN(tst_Crash)
#include "tst_crash.moc"

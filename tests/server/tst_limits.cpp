// The edge of the internet: upgrade requests that never complete, oversized headers, too many
// connections from one address (and behind a trusted proxy), accept without descriptors, the
// cap on bytes queued across all sessions, and freed heap given back.
#include "common/RawWebSocket.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "server/Server.h"
#include "server/platform/SystemResources.h"
#include "shared/Limits.h"

#include <QFile>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace kith::test;
using kith::server::SystemResources;

namespace {

bool startFixture(ServerFixture &fx)
{
    fx.config.requestsPerSecond = 100000;
    fx.config.requestBurst = 100000;
    QString err;
    if (!fx.start(&err)) {
        qWarning("%s", qPrintable(err));
        return false;
    }
    return true;
}

std::unique_ptr<QTcpSocket> tcpTo(const QUrl &url)
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(url.host(), quint16(url.port()));
    if (!s->waitForConnected(10000))
        return nullptr;
    return s;
}

QByteArray loginFrame(int id, const QString &username, const QString &password)
{
    return QJsonDocument(QJsonObject{{u"op"_s, u"session.login"_s}, {u"id"_s, id},
                                     {u"d"_s, QJsonObject{{u"username"_s, username}, {u"password"_s, password}}}})
        .toJson(QJsonDocument::Compact);
}

// The reply to request `id` among a raw client's frames, once it arrived.
QByteArray replyTo(const RawWebSocket &raw, int id)
{
    const QByteArray re = "\"re\":" + QByteArray::number(id);
    for (const QByteArray &f : raw.textFrames())
        if (f.contains(re))
            return f;
    return {};
}

std::unique_ptr<RawWebSocket> stalledMember(ServerFixture &fx, TestClient &owner, const GuildRef &g, const QString &name)
{
    auto setup = fx.newUser(name);
    if (!setup || !joinGuild(owner, *setup, g))
        return nullptr;
    const QString token = setup->token();
    setup->close();
    auto raw = std::make_unique<RawWebSocket>();
    if (!raw->open(fx.url()))
        return nullptr;
    raw->sendText(QJsonDocument(QJsonObject{{u"op"_s, u"session.login"_s}, {u"id"_s, 1},
                                            {u"d"_s, QJsonObject{{u"token"_s, token}}}})
                      .toJson(QJsonDocument::Compact));
    if (!QTest::qWaitFor([&] { return !replyTo(*raw, 1).isEmpty(); }, 10000))
        return nullptr;
    raw->pauseReading();
    return raw;
}

} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT
private slots:
    void handshakeTimeout();
    void headersCapped();
    void connectionsPerAddress();
    void trustedProxy();
    void acceptPausesWithoutDescriptors();
    void queuedBytesTotal();
    void heapGivenBack();
    void stopWithConnectionsInHandshake();
};

void tst_Limits::handshakeTimeout()
{
    ServerFixture fx;
    // Short, yet long enough that a client that completes its upgrade is never cut by a
    // stall of the test machine.
    fx.config.handshakeTimeoutMs = 2000;
    QVERIFY(startFixture(fx));

    // Silent: connects and never says a word.
    auto silent = tcpTo(fx.url());
    QVERIFY(silent);
    // Trickling: a byte every 50 ms of a request that never ends.
    auto trickle = tcpTo(fx.url());
    QVERIFY(trickle);
    trickle->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, trickle.get(), [&] { trickle->write("a"); });
    drip.start(50);

    QTRY_VERIFY_WITH_TIMEOUT(silent->state() == QAbstractSocket::UnconnectedState, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(trickle->state() == QAbstractSocket::UnconnectedState, 15000);
    drip.stop();
    QVERIFY(fx.server()->gatewayStats().handshakeTimeouts >= 2);

    // Clients that complete their upgrade in time are not affected.
    auto c = fx.newUser(u"prompt"_s);
    QVERIFY(c);
    QVERIFY(c->request(u"ping"_s).ok);
    QCOMPARE(fx.server()->gatewayStats().handshakeTimeouts, quint64(2));
}

void tst_Limits::headersCapped()
{
    ServerFixture fx;
    QVERIFY(startFixture(fx));
    auto big = tcpTo(fx.url());
    QVERIFY(big);
    QByteArray lines;
    for (int i = 0; i < 5; ++i) // five lines of 4 KiB, none ended by the empty line
        lines += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(4096, 'a') + "\r\n";
    big->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + lines);
    QTRY_VERIFY_WITH_TIMEOUT(big->state() == QAbstractSocket::UnconnectedState, 15000);
    QCOMPARE(fx.server()->gatewayStats().headersTooLarge, quint64(1));
    QCOMPARE(fx.server()->gatewayStats().handshakeTimeouts, quint64(0)); // closed at once, not timed out

    // A large but complete request under the cap still upgrades.
    RawWebSocket ok;
    QVERIFY(ok.open(fx.url(), 10000, lines.left(3 * (4096 + 11))));
}

void tst_Limits::connectionsPerAddress()
{
    ServerFixture fx;
    fx.config.connectionsPerAddress = 3;
    QVERIFY(startFixture(fx));

    // Connections that have not upgraded yet count.
    std::vector<std::unique_ptr<QTcpSocket>> bare;
    for (int i = 0; i < 3; ++i) {
        bare.push_back(tcpTo(fx.url()));
        QVERIFY(bare.back());
    }
    RawWebSocket refused;
    QVERIFY(!refused.open(fx.url(), 5000));
    QCOMPARE(fx.server()->gatewayStats().refused, quint64(1));
    bare.clear();

    // So do open ones; the fourth is closed at once.
    std::vector<std::unique_ptr<RawWebSocket>> open;
    const auto openOne = [&] {
        auto next = std::make_unique<RawWebSocket>();
        if (!next->open(fx.url(), 5000))
            return false;
        open.push_back(std::move(next));
        return true;
    };
    // The bare sockets' slots free up as the server notices them closed.
    QVERIFY(QTest::qWaitFor([&] { return openOne() && open.size() == 3; }, 15000));
    const quint64 refusedBefore = fx.server()->gatewayStats().refused;
    RawWebSocket fourth;
    QVERIFY(!fourth.open(fx.url(), 5000));
    QVERIFY(fourth.isDisconnected());
    QCOMPARE(fx.server()->gatewayStats().refused, refusedBefore + 1);

    // Once one goes, a new one is let in.
    open.pop_back();
    QVERIFY(QTest::qWaitFor(openOne, 15000));
    QCOMPARE(open.size(), size_t(3));
}

void tst_Limits::trustedProxy()
{
    ServerFixture fx;
    fx.config.connectionsPerAddress = 3;
    fx.config.trustedProxies = {QHostAddress(QHostAddress::LocalHost)};
    QVERIFY(startFixture(fx));
    QString username;
    auto owner = fx.newUser(u"proxied"_s, &username); // through the "proxy" without X-Forwarded-For
    QVERIFY(owner);

    // Distinct forwarded clients through one proxy address: none refused.
    std::vector<std::unique_ptr<RawWebSocket>> open;
    for (int i = 0; i < 6; ++i) {
        open.push_back(std::make_unique<RawWebSocket>());
        QVERIFY(open.back()->open(fx.url(), 10000, "X-Forwarded-For: 198.51.100." + QByteArray::number(i + 1) + "\r\n"));
    }
    // One forwarded client is held to the limit, answered 429. Earlier hops the client wrote
    // itself do not count: the proxy's own (last) entry does.
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawWebSocket>());
        QVERIFY(open.back()->open(fx.url(), 10000, "X-Forwarded-For: 10.9.9." + QByteArray::number(i) + ", 203.0.113.9\r\n"));
    }
    RawWebSocket over;
    QVERIFY(!over.open(fx.url(), 5000, "X-Forwarded-For: 203.0.113.9\r\n"));
    QVERIFY2(over.statusLine().startsWith("HTTP/1.1 429"), over.statusLine().constData());

    // The session sees the forwarded address: the wrong-password lockout is per forwarded client.
    RawWebSocket guesser;
    QVERIFY(guesser.open(fx.url(), 10000, "X-Forwarded-For: 192.0.2.1\r\n"));
    bool limited = false;
    for (int id = 1; id <= kith::limits::kLoginFailuresFree + 2 && !limited; ++id) {
        guesser.sendText(loginFrame(id, username, u"wrong password"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!replyTo(guesser, id).isEmpty(), 15000);
        limited = replyTo(guesser, id).contains("rate_limited");
    }
    QVERIFY2(limited, "wrong passwords from one forwarded address were never throttled");
    RawWebSocket other;
    QVERIFY(other.open(fx.url(), 10000, "X-Forwarded-For: 192.0.2.2\r\n"));
    other.sendText(loginFrame(1, username, u"wrong password"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!replyTo(other, 1).isEmpty(), 15000);
    QVERIFY2(replyTo(other, 1).contains("unauthorized"), replyTo(other, 1).constData());
    other.sendText(loginFrame(2, username, ServerFixture::password()));
    QTRY_VERIFY_WITH_TIMEOUT(!replyTo(other, 2).isEmpty(), 15000);
    QVERIFY2(replyTo(other, 2).contains("\"ok\":true"), replyTo(other, 2).constData());
}

void tst_Limits::acceptPausesWithoutDescriptors()
{
#ifndef Q_OS_UNIX
    QSKIP("needs RLIMIT_NOFILE");
#endif
    ServerFixture fx;
    QVERIFY(startFixture(fx));
    auto kept = fx.newUser(u"kept"_s);
    QVERIFY(kept);

    const qint64 oldLimit = SystemResources::openFileLimit();
    QVERIFY(oldLimit > 0);
    QVERIFY(SystemResources::setOpenFileLimit(1024) == 1024);
    // Use up every descriptor but one, which the next client's socket takes: the server's
    // accept then has none.
    std::vector<std::unique_ptr<QFile>> fillers;
    for (;;) {
        auto f = std::make_unique<QFile>(u"/dev/null"_s);
        if (!f->open(QIODevice::ReadOnly))
            break;
        fillers.push_back(std::move(f));
        QVERIFY(fillers.size() < 100000);
    }
    fillers.pop_back();
    const auto before = fx.server()->gatewayStats();
    QTcpSocket pending;
    pending.connectToHost(fx.url().host(), quint16(fx.url().port()));
    QVERIFY(pending.waitForConnected(10000)); // the kernel completes it; accept is what fails
    pending.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(fx.server()->gatewayStats().acceptFailures > before.acceptFailures, 15000);

    // Clients already connected are served meanwhile.
    QVERIFY(kept->request(u"ping"_s).ok);
    // Accepting is retried now and then, not in a loop: each retry fails once.
    QTRY_VERIFY_WITH_TIMEOUT(fx.server()->gatewayStats().acceptRetries >= before.acceptRetries + 3, 30000);
    const auto during = fx.server()->gatewayStats();
    QVERIFY2(during.acceptFailures - before.acceptFailures <= during.acceptRetries - before.acceptRetries + 2,
             qPrintable(u"%1 failed accepts for %2 retries"_s.arg(during.acceptFailures - before.acceptFailures)
                            .arg(during.acceptRetries - before.acceptRetries)));

    // Descriptors free again: the waiting client is taken in, and new ones too.
    fillers.resize(fillers.size() > 64 ? fillers.size() - 64 : 0);
    QTRY_VERIFY_WITH_TIMEOUT(pending.bytesAvailable() > 0 || pending.state() != QAbstractSocket::ConnectedState, 15000);
    QVERIFY(pending.readAll().startsWith("HTTP/1.1 101"));
    auto fresh = fx.connect();
    QVERIFY(fresh);
    fillers.clear();
    SystemResources::setOpenFileLimit(oldLimit);
}

void tst_Limits::queuedBytesTotal()
{
    ServerFixture fx;
    fx.config.queuedBytesTotal = 2 * 1024 * 1024; // far below 4 x the 8 MiB a single reader may hold
    QVERIFY(startFixture(fx));
    auto sender = fx.newUser(u"talker"_s);
    const GuildRef g = createGuild(*sender);
    QVERIFY(g.valid());
    std::vector<std::unique_ptr<RawWebSocket>> stalled;
    for (int i = 0; i < 4; ++i) {
        stalled.push_back(stalledMember(fx, *sender, g, u"stalled"_s));
        QVERIFY(stalled.back());
    }
    QString why;
    QVERIFY2(floodUntil(*sender, g.channelId, [&] { return fx.server()->gatewayStats().budgetCuts >= 4; }, &why),
             qPrintable(u"the stalled clients were never cut off: "_s + why));
    // Every stalled client was cut by the total cap, each with 4008 it can read.
    for (auto &raw : stalled)
        raw->resumeReading();
    for (auto &raw : stalled)
        QTRY_COMPARE_WITH_TIMEOUT(raw->closeCode(), int(kith::limits::kCloseSlowConsumer), 30000);
    QVERIFY(sender->request(u"ping"_s).ok);
    QTRY_VERIFY_WITH_TIMEOUT(fx.server()->gatewayStats().queuedBytes < 64 * 1024, 30000);
}

void tst_Limits::heapGivenBack()
{
    ServerFixture fx;
    fx.config.connectionsPerAddress = 100000;
    QVERIFY(startFixture(fx));
    const qint64 rssBefore = SystemResources::residentBytes();
    std::vector<std::unique_ptr<RawWebSocket>> many;
    for (int i = 0; i < 300; ++i) {
        many.push_back(std::make_unique<RawWebSocket>());
        QVERIFY(many.back()->open(fx.url()));
    }
    const qint64 rssOpen = SystemResources::residentBytes();
    many.clear();
    QTRY_VERIFY_WITH_TIMEOUT(fx.server()->gatewayStats().heapTrims >= 1, 30000);
    qInfo("RSS %lld KB before, %lld KB with 300 connections, %lld KB after they closed", rssBefore / 1024,
          rssOpen / 1024, SystemResources::residentBytes() / 1024);
}


// Stopping the server while connections are still in their handshake: the listener deletes
// those sockets after the gateway's own members are gone, and nothing may touch them then
// (the sanitized run reported exactly that). The data folder serves again afterwards.
void tst_Limits::stopWithConnectionsInHandshake()
{
    ServerFixture fx;
    fx.config.connectionsPerAddress = 2;
    QVERIFY(startFixture(fx));
    auto silent = tcpTo(fx.url());
    QVERIFY(silent);
    auto partial = tcpTo(fx.url());
    QVERIFY(partial);
    partial->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    // Both are held by the gateway once a third is refused.
    RawWebSocket refused;
    QVERIFY(!refused.open(fx.url(), 5000));
    QCOMPARE(fx.server()->gatewayStats().refused, quint64(1));

    QString err;
    QVERIFY2(fx.restart(&err), qPrintable(err));
    QTRY_VERIFY_WITH_TIMEOUT(silent->state() == QAbstractSocket::UnconnectedState, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(partial->state() == QAbstractSocket::UnconnectedState, 15000);
    auto c = fx.newUser(u"after"_s);
    QVERIFY(c);
    QVERIFY(c->request(u"ping"_s).ok);
}

QTEST_GUILESS_MAIN(tst_Limits)
#include "tst_limits.moc"

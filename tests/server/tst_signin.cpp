// Sign-in against guessers (issue 15, "Sign-in"): an unknown username costs a hash like a wrong
// password (counted, never timed), unknown usernames count toward the lockout, a per-username
// lockout holds across client addresses while token sign-ins pass; the hashing queue and the
// store queue are bounded; dm.add/dm.remove read their fields before looking anything up.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "core/Credentials.h"
#include "server/Server.h"
#include "store/WriteQueue.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;
namespace Credentials = kith::server::Credentials;

namespace {

//! A WebSocket client on a chosen loopback source address (127.0.0.x), enough for one request
//! and its reply: QWebSocket cannot bind its source address.
class BoundClient
{
public:
    bool open(const QHostAddress &from, const QUrl &url)
    {
        if (!m_socket.bind(from))
            return false;
        m_socket.connectToHost(QHostAddress(url.host()), quint16(url.port()));
        if (!m_socket.waitForConnected(10000))
            return false;
        m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: " + QByteArray(16, 'k').toBase64()
                       + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return QTest::qWaitFor([this] { return m_in.contains("\r\n\r\n") || !read(); }, 10000)
               && m_in.startsWith("HTTP/1.1 101") && (m_in = m_in.mid(m_in.indexOf("\r\n\r\n") + 4), true);
    }

    //! Sends {op, id:1, d} and waits for the frame with "re":1.
    QJsonObject request(const QString &op, const QJsonObject &d)
    {
        const QByteArray payload = QJsonDocument(QJsonObject{{u"op"_s, op}, {u"id"_s, 1}, {u"d"_s, d}})
                                       .toJson(QJsonDocument::Compact);
        QByteArray f;
        f.append(char(0x81));
        if (payload.size() < 126) {
            f.append(char(0x80 | payload.size()));
        } else {
            f.append(char(0x80 | 126)).append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
        }
        const char mask[4] = {1, 2, 3, 4};
        f.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            f.append(char(payload[i] ^ mask[i % 4]));
        m_socket.write(f);
        QJsonObject reply;
        QTest::qWaitFor([&] {
            for (;;) {
                const QByteArray text = nextFrame();
                if (text.isNull())
                    return !read();
                const QJsonObject o = QJsonDocument::fromJson(text).object();
                if (o.value(u"re"_s) == QJsonValue(1)) {
                    reply = o;
                    return true;
                }
            }
        }, 15000);
        return reply;
    }

private:
    bool read()
    {
        m_socket.waitForReadyRead(20);
        m_in += m_socket.readAll();
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    // One unmasked server frame's payload, or null when not complete yet.
    QByteArray nextFrame()
    {
        if (m_in.size() < 2)
            return {};
        qsizetype len = uchar(m_in[1]) & 0x7f, at = 2;
        if (len == 126) {
            if (m_in.size() < 4)
                return {};
            len = (uchar(m_in[2]) << 8) | uchar(m_in[3]);
            at = 4;
        } else if (len == 127) {
            if (m_in.size() < 10)
                return {};
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | uchar(m_in[i]);
            at = 10;
        }
        if (m_in.size() < at + len)
            return {};
        QByteArray payload = m_in.mid(at, len);
        m_in.remove(0, at + len);
        return payload.isNull() ? QByteArray("") : payload;
    }

    QTcpSocket m_socket;
    QByteArray m_in;
};

QString code(const QJsonObject &reply)
{
    if (reply.isEmpty())
        return u"timeout"_s;
    return reply.value(u"ok"_s).toBool() ? u"ok"_s : reply.value(u"error"_s).toObject().value(u"code"_s).toString();
}

} // namespace

class tst_SignIn : public QObject
{
    Q_OBJECT
private slots:
    void unknownUsernameCostsAHash();
    void unknownUsernamesCountTowardTheLockout();
    void perUsernameLockoutAcrossAddresses();
    void hashQueueIsBounded();
    void storeQueueIsBounded();
    void writeQueueRefusesWithoutAThread();
    void dmFieldsBeforeLookups_data();
    void dmFieldsBeforeLookups();
    void cleanupTestCase()
    {
        m_dmClient.reset();
        m_dmFx.reset();
    }

private:
    std::unique_ptr<ServerFixture> m_dmFx;
    std::unique_ptr<TestClient> m_dmClient;
};

void tst_SignIn::unknownUsernameCostsAHash()
{
    ServerFixture fx;
    QVERIFY(fx.start());
    QString name;
    auto owner = fx.newUser(u"known"_s, &name);
    auto c = fx.connect();
    const quint64 all = Credentials::verifications();
    const quint64 dummy = Credentials::dummyVerifications();
    // Unknown username: one Argon2id verification, against the dummy hash.
    QCOMPARE(outcome(c->login(u"nobody_here"_s, u"some password"_s)), u"unauthorized"_s);
    QCOMPARE(Credentials::dummyVerifications(), dummy + 1);
    QCOMPARE(Credentials::verifications(), all + 1);
    // Known username, wrong password: one verification, against the user's own hash.
    QCOMPARE(outcome(c->login(name, u"wrong password"_s)), u"unauthorized"_s);
    QCOMPARE(Credentials::dummyVerifications(), dummy + 1);
    QCOMPARE(Credentials::verifications(), all + 2);
    // Both answers are the same to the letter.
    const Reply a = c->login(u"nobody_here"_s, u"some password"_s);
    const Reply b = c->login(name, u"wrong password"_s);
    QCOMPARE(a.message, b.message);
}

void tst_SignIn::unknownUsernamesCountTowardTheLockout()
{
    ServerFixture fx;
    QVERIFY(fx.start());
    auto c = fx.connect();
    for (int i = 0; i < kith::limits::kLoginFailuresFree; ++i)
        QCOMPARE(outcome(c->login(u"ghost"_s, u"guess number %1"_s.arg(i))), u"unauthorized"_s);
    const Reply locked = c->login(u"ghost"_s, u"one more guess"_s);
    QCOMPARE(outcome(locked), u"rate_limited"_s);
    QVERIFY(locked.retryAfterMs > 0);
    // Case-insensitively the same name; another name from the same address is not locked.
    QCOMPARE(outcome(c->login(u"GHOST"_s, u"one more guess"_s)), u"rate_limited"_s);
    QCOMPARE(outcome(c->login(u"ghost2"_s, u"one more guess"_s)), u"unauthorized"_s);
}

void tst_SignIn::perUsernameLockoutAcrossAddresses()
{
    ServerFixture fx;
    fx.config.loginFailuresPerUsername = 3;
    QVERIFY(fx.start());
    QString name;
    auto victim = fx.newUser(u"victim"_s, &name);
    const QString token = victim->token();
    // Three wrong passwords, each from its own address: none of them is locked per address.
    for (int i = 0; i < 3; ++i) {
        BoundClient g;
        QVERIFY(g.open(QHostAddress(u"127.0.0.%1"_s.arg(10 + i)), fx.url()));
        QCOMPARE(code(g.request(u"session.login"_s, {{u"username"_s, name}, {u"password"_s, u"guess %1"_s.arg(i)}})),
                 u"unauthorized"_s);
    }
    // The username is now locked from every address, even with the right password.
    BoundClient fresh;
    QVERIFY(fresh.open(QHostAddress(u"127.0.0.20"_s), fx.url()));
    const QJsonObject r = fresh.request(u"session.login"_s, {{u"username"_s, name}, {u"password"_s, ServerFixture::password()}});
    QCOMPARE(code(r), u"rate_limited"_s);
    QVERIFY(r.value(u"error"_s).toObject().value(u"retry_after_ms"_s).toInteger() > 0);
    auto local = fx.connect();
    QCOMPARE(outcome(local->login(name, ServerFixture::password())), u"rate_limited"_s);
    // Other usernames are not affected; token sign-ins and resumes never are.
    BoundClient other;
    QVERIFY(other.open(QHostAddress(u"127.0.0.21"_s), fx.url()));
    QCOMPARE(code(other.request(u"session.login"_s, {{u"username"_s, u"someone_else"_s}, {u"password"_s, u"guess"_s}})),
             u"unauthorized"_s);
    auto byToken = fx.connect();
    QCOMPARE(outcome(byToken->loginWithToken(token)), u"ok"_s);
    const QString session = victim->sessionId();
    const qint64 seq = victim->lastSeq();
    victim->abort();
    auto resumed = fx.connect();
    QCOMPARE(outcome(resumed->resume(token, session, seq)), u"ok"_s);
}

void tst_SignIn::hashQueueIsBounded()
{
    ServerFixture fx;
    fx.config.hashesPerAddress = 1;
    QVERIFY(fx.start());
    // Two registrations at once from one address: the second finds the address's hash slot taken.
    auto a = fx.connect();
    auto b = fx.connect();
    const qint64 first = a->send(u"session.register"_s, {{u"username"_s, u"hash_one"_s}, {u"password"_s, ServerFixture::password()}});
    const qint64 second = b->send(u"session.register"_s, {{u"username"_s, u"hash_two"_s}, {u"password"_s, ServerFixture::password()}});
    const Reply r1 = a->waitReply(QJsonValue(first));
    const Reply r2 = b->waitReply(QJsonValue(second));
    QCOMPARE(outcome(r1), u"ok"_s);
    QCOMPARE(outcome(r2), u"unavailable"_s);
    QVERIFY(r2.retryAfterMs > 0);
    // Once the slot is free again the same request goes through.
    QCOMPARE(outcome(b->registerUser(u"hash_two"_s, ServerFixture::password())), u"ok"_s);
}

void tst_SignIn::storeQueueIsBounded()
{
    ServerFixture fx;
    fx.config.storeQueue = 1;
    fx.config.requestBurst = 1000;
    fx.config.requestsPerSecond = 1000;
    QVERIFY(fx.start());
    auto c = fx.newUser(u"burst"_s);
    const GuildRef g = createGuild(*c);
    QVERIFY(g.valid());
    // A burst of sends with a queue of one: some are answered unavailable with a retry time,
    // every one is answered, and every acknowledged one is in history.
    QList<qint64> ids;
    for (int i = 0; i < 200; ++i)
        ids << c->send(u"message.send"_s, {{u"channel_id"_s, g.channelId}, {u"content"_s, u"m%1"_s.arg(i)},
                                         {u"nonce"_s, u"burst-%1"_s.arg(i)}});
    int busy = 0;
    QStringList acked;
    for (qint64 id : ids) {
        const Reply r = c->waitReply(QJsonValue(id));
        QVERIFY(r.received);
        if (r.ok) {
            acked << r.d.value(u"id"_s).toString();
        } else {
            QCOMPARE(r.code, u"unavailable"_s);
            QVERIFY(r.retryAfterMs > 0);
            ++busy;
        }
    }
    QVERIFY2(busy > 0, "a queue of one job never filled");
    QStringList stored;
    QString before;
    for (;;) {
        QJsonObject d{{u"channel_id"_s, g.channelId}, {u"limit"_s, 100}};
        if (!before.isEmpty())
            d.insert(u"before"_s, before);
        const Reply h = c->request(u"message.history"_s, d);
        if (!h.ok) { // the reader's queue is bounded too: wait for it like a client would
            QCOMPARE(h.code, u"unavailable"_s);
            continue;
        }
        const QStringList page = messageIds(h);
        if (page.isEmpty())
            break;
        stored << page;
        before = page.last();
    }
    for (const QString &id : acked)
        QVERIFY2(stored.contains(id), qPrintable(id));
}

void tst_SignIn::writeQueueRefusesWithoutAThread()
{
    using kith::server::WriteQueue;
    using kith::server::Store;
    using kith::Done;
    QTemporaryDir dir;
    QString error;
    QObject owner;
    // A database that cannot be opened: runSync returns unavailable instead of waiting forever.
    {
        const auto url = kith::server::DatabaseUrl::parse(u"sqlite:"_s + dir.path() + u"/no/such/folder/x.db"_s, dir.path(), &error);
        QVERIFY2(url, qPrintable(error));
        WriteQueue q(&owner, *url, true);
        QVERIFY(!q.open(&error));
        const auto r = q.runSync<Done>([](Store &) { return Done{}; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, kith::ErrorCode::Unavailable);
        bool answered = false;
        q.submit<Done>([](Store &) { return Done{}; }, [&](kith::Result<Done> &&res) { answered = !res.ok(); });
        QTRY_VERIFY(answered); // posted to the owner's thread, like every result
    }
    // After shutdown: the same.
    {
        const auto url = kith::server::DatabaseUrl::parse(QString(), dir.path(), &error);
        QVERIFY2(url, qPrintable(error));
        WriteQueue q(&owner, *url, true);
        QVERIFY2(q.open(&error), qPrintable(error));
        QVERIFY(q.runSync<Done>([](Store &) { return Done{}; }).ok());
        q.shutdown();
        const auto r = q.runSync<Done>([](Store &) { return Done{}; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, kith::ErrorCode::Unavailable);
    }
}

void tst_SignIn::dmFieldsBeforeLookups_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    // An unknown channel and a missing or mistyped user_id: the field wins (PROTOCOL.md 5.2).
    QTest::newRow("dm.add, no user_id") << u"dm.add"_s << QJsonObject{{u"channel_id"_s, u"12345"_s}};
    QTest::newRow("dm.add, numeric user_id") << u"dm.add"_s << QJsonObject{{u"channel_id"_s, u"12345"_s}, {u"user_id"_s, 7}};
    QTest::newRow("dm.remove, no user_id") << u"dm.remove"_s << QJsonObject{{u"channel_id"_s, u"12345"_s}};
    QTest::newRow("dm.remove, bad user_id") << u"dm.remove"_s << QJsonObject{{u"channel_id"_s, u"12345"_s}, {u"user_id"_s, u"x"_s}};
}

void tst_SignIn::dmFieldsBeforeLookups()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    if (!m_dmClient) {
        m_dmFx = std::make_unique<ServerFixture>();
        QVERIFY(m_dmFx->start());
        m_dmClient = m_dmFx->newUser(u"dmorder"_s);
    }
    QCOMPARE(outcome(m_dmClient->request(op, d)), u"bad_request"_s);
}

QTEST_GUILESS_MAIN(tst_SignIn)
#include "tst_signin.moc"

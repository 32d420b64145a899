// Bad frames from a client: each gets its error code, the connection survives where that makes
// sense, and the server keeps serving everyone else.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_BadInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void frameWithoutUsableId_data();
    void frameWithoutUsableId();
    void binaryFrame();
    void badRequestKeepsTheId_data();
    void badRequestKeepsTheId();
    void stringIdsAreEchoed();
    void mistypedFields_data();
    void mistypedFields();
    void largeFrameUnderTheLimitIsAnswered();
    void frameAtTheLimitIsAccepted();
    void oversizeFrameClosesWith1009();
    void floodIsRateLimitedAndSurvives();
    void serverStillServesOthers();

private:
    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_a;
    GuildRef m_g;
};

void tst_BadInput::initTestCase()
{
    // Default limits: the flood test needs the real rate limiter.
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
    m_a = m_fx.newUser(u"fuzzy"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
}

void tst_BadInput::cleanup()
{
    if (m_a && !m_a->isConnected()) {
        // A test that ended the connection hands the next one a fresh one.
        const QString token = m_a->token();
        m_a = m_fx.connect();
        QVERIFY(m_a->loginWithToken(token).ok);
    }
}

void tst_BadInput::frameWithoutUsableId_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("not json") << QByteArray("this is not json");
    QTest::newRow("truncated") << QByteArray(R"({"op":"ping","id":1)");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("array") << QByteArray(R"([{"op":"ping","id":1}])");
    QTest::newRow("string") << QByteArray(R"("ping")");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("no id") << QByteArray(R"({"op":"ping","d":{}})");
    QTest::newRow("negative id") << QByteArray(R"({"op":"ping","id":-3})");
    QTest::newRow("fractional id") << QByteArray(R"({"op":"ping","id":0.5})");
    QTest::newRow("object id") << QByteArray(R"({"op":"ping","id":{"x":1}})");
    QTest::newRow("65-char id") << (R"({"op":"ping","id":")" + QByteArray(65, 'i') + R"("})");
    QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']'));
}

void tst_BadInput::frameWithoutUsableId()
{
    QFETCH(QByteArray, frame);
    m_a->sendRawText(frame);
    const Reply r = m_a->waitNullReply();
    QVERIFY2(r.received, "no re:null reply");
    QCOMPARE(r.code, u"bad_request"_s);
    QVERIFY(r.raw.contains(u"re"_s));
    QVERIFY(m_a->request(u"ping"_s).ok); // still connected and served
}

void tst_BadInput::binaryFrame()
{
    m_a->sendRawBinary(QByteArray(R"({"op":"ping","id":9})"));
    const Reply r = m_a->waitNullReply();
    QVERIFY2(r.received, "no reply to a binary frame");
    QCOMPARE(r.code, u"bad_request"_s);
    QVERIFY(!m_a->hasReply(QJsonValue(9))); // a binary frame is never read as a request
    QVERIFY(m_a->request(u"ping"_s).ok);
}

void tst_BadInput::badRequestKeepsTheId_data()
{
    QTest::addColumn<QByteArray>("frame"); // all with id 4242
    QTest::newRow("unknown op") << QByteArray(R"({"op":"message.explode","id":4242,"d":{}})");
    QTest::newRow("op of other case") << QByteArray(R"({"op":"PING","id":4242})");
    QTest::newRow("op not a string") << QByteArray(R"({"op":7,"id":4242})");
    QTest::newRow("missing op") << QByteArray(R"({"id":4242,"d":{}})");
    QTest::newRow("d is an array") << QByteArray(R"({"op":"guild.create","id":4242,"d":["x"]})");
    QTest::newRow("d is a string") << QByteArray(R"({"op":"guild.create","id":4242,"d":"x"})");
    QTest::newRow("pre-auth op twice") << QByteArray(R"({"op":"session.register","id":4242,"d":{}})");
}

void tst_BadInput::badRequestKeepsTheId()
{
    QFETCH(QByteArray, frame);
    m_a->sendRawText(frame);
    const Reply r = m_a->waitReply(QJsonValue(4242));
    QVERIFY2(r.received, "no reply carrying the request's id");
    QVERIFY2(r.code == u"bad_request" || (QByteArray(QTest::currentDataTag()).startsWith("pre-auth")
                                          && (r.code == u"conflict" || r.code == u"bad_request")),
             qPrintable(r.describe()));
    QVERIFY(!r.message.isEmpty());
    QVERIFY(m_a->request(u"ping"_s).ok);
}

void tst_BadInput::stringIdsAreEchoed()
{
    m_a->sendRawText(QByteArray(R"({"op":"ping","id":"req-7","d":{}})"));
    const Reply r = m_a->waitReply(QJsonValue(u"req-7"_s));
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QByteArray id64 = QByteArray(64, 'k');
    m_a->sendRawText(R"({"op":"ping","id":")" + id64 + R"("})");
    QVERIFY(m_a->waitReply(QJsonValue(QString::fromLatin1(id64))).ok);
    m_a->sendRawText(QByteArray(R"({"op":"ping","id":9007199254740991})"));
    QVERIFY(m_a->waitReply(QJsonValue(qint64(9007199254740991))).ok);
}

void tst_BadInput::mistypedFields_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    QTest::newRow("guild.create name number") << u"guild.create"_s << QJsonObject{{u"name"_s, 1}};
    QTest::newRow("guild.create name object")
        << u"guild.create"_s << QJsonObject{{u"name"_s, QJsonObject{}}};
    QTest::newRow("guild.members no guild") << u"guild.members"_s << QJsonObject{};
    QTest::newRow("guild.members id number")
        << u"guild.members"_s << QJsonObject{{u"guild_id"_s, 5}};
    QTest::newRow("guild.members id array")
        << u"guild.members"_s << QJsonObject{{u"guild_id"_s, QJsonArray{u"5"_s}}};
    QTest::newRow("channel.create no name") << u"channel.create"_s << QJsonObject{{u"guild_id"_s, u"$g"_s}};
    QTest::newRow("channel.create topic number")
        << u"channel.create"_s
        << QJsonObject{{u"guild_id"_s, u"$g"_s}, {u"name"_s, u"x"_s}, {u"topic"_s, 3}};
    QTest::newRow("message.history limit string")
        << u"message.history"_s << QJsonObject{{u"channel_id"_s, u"$c"_s}, {u"limit"_s, u"5"_s}};
    QTest::newRow("message.history id overflow")
        << u"message.history"_s << QJsonObject{{u"channel_id"_s, u"99999999999999999999999"_s}};
    QTest::newRow("message.send content null")
        << u"message.send"_s
        << QJsonObject{{u"channel_id"_s, u"$c"_s}, {u"content"_s, QJsonValue::Null}, {u"nonce"_s, u"x"_s}};
    QTest::newRow("invite.join code bool") << u"invite.join"_s << QJsonObject{{u"code"_s, true}};
    QTest::newRow("session.resume seq string")
        << u"session.resume"_s
        << QJsonObject{{u"token"_s, u"t"_s}, {u"session"_s, u"s"_s}, {u"seq"_s, u"1"_s}};
}

void tst_BadInput::mistypedFields()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (it.value() == QJsonValue(u"$g"_s))
            it.value() = m_g.guildId;
        else if (it.value() == QJsonValue(u"$c"_s))
            it.value() = m_g.channelId;
    }
    const Reply r = m_a->request(op, d);
    QVERIFY2(r.code == u"bad_request"
                 || (op == u"session.resume" && r.code == u"conflict"), // already signed in
             qPrintable(r.describe()));
    QVERIFY(m_a->request(u"ping"_s).ok);
}

void tst_BadInput::largeFrameUnderTheLimitIsAnswered()
{
    // 60 KB of content: the frame is allowed, the content is not.
    const QString content(60 * 1000, u'x');
    const Reply r = sendMessage(*m_a, m_g.channelId, content);
    QCOMPARE(outcome(r), u"too_large"_s);
    QVERIFY(m_a->isConnected());
    QVERIFY(m_a->request(u"ping"_s).ok);
}

//! A message.send frame of exactly `bytes` bytes (content padded to fit).
static QByteArray frameOfSize(const QString &channelId, qint64 bytes)
{
    const QByteArray head = R"({"op":"message.send","id":77,"d":{"channel_id":")"
                            + channelId.toUtf8() + R"(","nonce":"edge","content":")";
    const QByteArray tail = "\"}}";
    return head + QByteArray(bytes - head.size() - tail.size(), 'x') + tail;
}

void tst_BadInput::frameAtTheLimitIsAccepted()
{
    const QByteArray frame = frameOfSize(m_g.channelId, kith::limits::kFrameBytes);
    QCOMPARE(frame.size(), kith::limits::kFrameBytes);
    m_a->sendRawText(frame);
    const Reply r = m_a->waitReply(QJsonValue(77));
    QCOMPARE(outcome(r), u"too_large"_s); // read and answered: the content is too long
    QVERIFY(m_a->isConnected());
}

void tst_BadInput::oversizeFrameClosesWith1009()
{
    auto bystander = m_fx.newUser(u"bystander"_s);
    const QByteArray frame = frameOfSize(m_g.channelId, kith::limits::kFrameBytes + 1);
    m_a->sendRawText(frame);
    QVERIFY2(m_a->waitDisconnected(), "an oversize frame did not end the connection");
    QCOMPARE(m_a->closeCode(), int(kith::limits::kCloseTooBig));
    QVERIFY(bystander->request(u"ping"_s).ok);
    // Nothing of it was stored.
    auto again = m_fx.connect();
    QVERIFY(again->loginWithToken(m_a->token()).ok);
    const Reply h = again->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY(h.ok);
    for (const QJsonValue &m : h.d.value(u"messages"_s).toArray())
        QVERIFY(m.toObject().value(u"nonce"_s).toString() != u"edge");
}

void tst_BadInput::floodIsRateLimitedAndSurvives()
{
    auto calm = m_fx.newUser(u"calm"_s);
    auto flooder = m_fx.newUser(u"flood"_s);
    const int n = kith::limits::kRequestBurst * 3;
    QList<qint64> ids;
    for (int i = 0; i < n; ++i)
        ids << flooder->send(u"ping"_s);
    int ok = 0, limited = 0;
    qint64 retry = -1;
    for (qint64 id : ids) {
        const Reply r = flooder->waitReply(QJsonValue(id));
        QVERIFY2(r.received, qPrintable(u"no reply to request %1"_s.arg(id)));
        if (r.ok) {
            ++ok;
        } else {
            QCOMPARE(r.code, u"rate_limited"_s);
            QVERIFY2(r.retryAfterMs > 0, "rate_limited without retry_after_ms");
            QVERIFY(r.retryAfterMs <= 60 * 1000);
            retry = r.retryAfterMs;
            ++limited;
        }
    }
    QVERIFY2(limited > 0, "300 requests at once were all served");
    QVERIFY(ok >= kith::limits::kRequestBurst); // the burst itself is served
    QVERIFY(retry > 0);
    QVERIFY(flooder->isConnected());
    // Another session is not slowed by it, and the flooder is served again after waiting.
    QVERIFY(calm->request(u"ping"_s).ok);
    QTRY_VERIFY_WITH_TIMEOUT(flooder->request(u"ping"_s).ok, int(retry) + 5000);
}

void tst_BadInput::serverStillServesOthers()
{
    auto late = m_fx.newUser(u"late"_s);
    QVERIFY(late->isConnected());
    QVERIFY(late->request(u"ping"_s).ok);
    const GuildRef g = createGuild(*late);
    QVERIFY(g.valid());
    QVERIFY(sendMessage(*late, g.channelId, u"all good"_s).ok);
}

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"

// Resume after a dropped socket: what was missed arrives exactly once with its original seq,
// then live events follow. Unknown sessions get a fresh ready; bad tokens are refused.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Resume : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void resumeDeliversMissedExactlyOnce();
    void resumeBeforeTheServerNoticedTheDrop();
    void resumeWithNothingMissed();
    void unknownSessionGetsFreshReady();
    void backlogOverflowGivesFreshReady();
    void anotherUsersSessionIsNotHanded();
    void badTokenIsUnauthorized();
    void resumeWhenSignedInIsRefused();

private:
    QList<Reply> sendSome(int n, const QString &prefix);

    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_b;
    GuildRef m_g;
};

void tst_Resume::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_Resume::init()
{
    m_a = m_fx.newUser(u"alice"_s);
    m_b = m_fx.newUser(u"bob"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    QVERIFY(m_b->waitEvent(u"guild.created"_s));
}

void tst_Resume::cleanup()
{
    m_a.reset();
    m_b.reset();
}

QList<Reply> tst_Resume::sendSome(int n, const QString &prefix)
{
    QList<Reply> out;
    for (int i = 0; i < n; ++i) {
        const Reply r = sendMessage(*m_a, m_g.channelId, u"%1 %2"_s.arg(prefix).arg(i),
                                    u"%1-%2"_s.arg(prefix).arg(i));
        if (!r.ok)
            qWarning("send failed: %s", qPrintable(r.describe()));
        out << r;
    }
    return out;
}

void tst_Resume::resumeDeliversMissedExactlyOnce()
{
    QVERIFY(!sendSome(2, u"before"_s).isEmpty());
    QVERIFY(m_b->waitEventWhere(u"message.created"_s, [](const Event &e) {
        return e.d.value(u"nonce"_s).toString() == u"before-1";
    }));
    const qint64 seenSeq = m_b->lastSeq();
    const QString token = m_b->token(), session = m_b->sessionId();
    m_b->abort(); // the network fails: no close handshake

    const QList<Reply> missed = sendSome(5, u"missed"_s);
    // Something other than messages is missed too.
    const Reply ch = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                       {u"name"_s, u"while-away"_s}});
    QVERIFY(ch.ok);

    auto b2 = m_fx.connect();
    const Reply r = b2->resume(token, session, seenSeq);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"resumed"_s).toBool(), true);
    QVERIFY(b2->waitEvent(u"channel.created"_s));
    // Live events keep the same numbering.
    QVERIFY(sendSome(1, u"live"_s).value(0).ok);
    QVERIFY(b2->waitEventWhere(u"message.created"_s, [](const Event &e) {
        return e.d.value(u"nonce"_s).toString() == u"live-0";
    }));

    QCOMPARE(b2->countEvents(u"ready"_s), 0);
    QVERIFY2(b2->seqProblems().isEmpty(), qPrintable(b2->seqProblems().join(u'\n')));
    const QList<Event> got = b2->eventsNamed(u"message.created"_s);
    QStringList nonces;
    for (const Event &e : got)
        nonces << e.d.value(u"nonce"_s).toString();
    QCOMPARE(nonces, (QStringList{u"missed-0"_s, u"missed-1"_s, u"missed-2"_s, u"missed-3"_s,
                                  u"missed-4"_s, u"live-0"_s}));
    QCOMPARE(got.first().seq, seenSeq + 1); // the original seq, nothing before it again
    QCOMPARE(got.first().d, missed.first().d);
    QCOMPARE(b2->events().first().seq, seenSeq + 1);
    // The resumed session is the live one: its requests work.
    QVERIFY(b2->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
}

void tst_Resume::resumeBeforeTheServerNoticedTheDrop()
{
    // The client reconnects at once, possibly before the server saw the old socket go.
    const qint64 seenSeq = m_b->lastSeq();
    const QString token = m_b->token(), session = m_b->sessionId();
    m_b->abort();
    auto b2 = m_fx.connect();
    const Reply r = b2->resume(token, session, seenSeq);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    if (!r.d.value(u"resumed"_s).toBool())
        QVERIFY(b2->waitEvent(u"ready"_s)); // allowed, but then a complete fresh start
    QVERIFY(sendSome(3, u"after"_s).value(2).ok);
    QVERIFY(b2->waitEventWhere(u"message.created"_s, [](const Event &e) {
        return e.d.value(u"nonce"_s).toString() == u"after-2";
    }));
    QCOMPARE(b2->countEvents(u"message.created"_s), 3);
    QVERIFY2(b2->seqProblems().isEmpty(), qPrintable(b2->seqProblems().join(u'\n')));
}

void tst_Resume::resumeWithNothingMissed()
{
    const qint64 seenSeq = m_b->lastSeq();
    const QString token = m_b->token(), session = m_b->sessionId();
    m_b->close();
    auto b2 = m_fx.connect();
    const Reply r = b2->resume(token, session, seenSeq);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"resumed"_s).toBool(), true);
    QVERIFY(sendSome(1, u"next"_s).value(0).ok);
    const auto ev = b2->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->seq, seenSeq + 1);
    QCOMPARE(b2->events().size(), 1);
}

void tst_Resume::unknownSessionGetsFreshReady()
{
    const QString token = m_b->token();
    m_b->abort();
    auto b2 = m_fx.connect();
    const Reply r = b2->resume(token, u"no-such-session"_s, 17);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"resumed"_s).toBool(), false);
    const auto ready = b2->waitEvent(u"ready"_s);
    QVERIFY(ready);
    QCOMPARE(ready->seq, 1);
    QCOMPARE(ready->d.value(u"user"_s).toObject().value(u"id"_s), m_b->user().value(u"id"_s));
    QVERIFY(ready->d.value(u"session"_s).toString() != u"no-such-session");
    QCOMPARE(ready->d.value(u"guilds"_s).toArray().size(), 1);
    // And it is a working session from there on.
    QVERIFY(sendSome(1, u"fresh"_s).value(0).ok);
    const auto ev = b2->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->seq, 2);
    // A session id with a seq from the future is not trusted either.
    auto b3 = m_fx.connect();
    const Reply future = b3->resume(token, b2->sessionId(), 1000000);
    QVERIFY2(future.ok || future.code == u"bad_request", qPrintable(future.describe()));
    if (future.ok && !future.d.value(u"resumed"_s).toBool())
        QVERIFY(b3->waitEvent(u"ready"_s));
}

void tst_Resume::backlogOverflowGivesFreshReady()
{
    // More events than a session keeps while away: resuming cannot be complete, so the
    // client must get a fresh ready rather than a replay with a hole in it.
    const qint64 seenSeq = m_b->lastSeq();
    const QString token = m_b->token(), session = m_b->sessionId();
    m_b->abort();
    const int n = kith::limits::kResumeBacklogEvents + 10;
    QList<qint64> inFlight;
    for (int i = 0; i < n; ++i) {
        inFlight << m_a->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                  {u"content"_s, u"x"_s},
                                                  {u"nonce"_s, u"many-%1"_s.arg(i)}});
        if (inFlight.size() >= 64 || i == n - 1) {
            for (qint64 id : std::as_const(inFlight))
                QVERIFY(m_a->waitReply(QJsonValue(id)).ok);
            inFlight.clear();
            m_a->clearEvents();
        }
    }
    auto b2 = m_fx.connect();
    const Reply r = b2->resume(token, session, seenSeq);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"resumed"_s).toBool(), false);
    const auto ready = b2->waitEvent(u"ready"_s);
    QVERIFY(ready);
    QCOMPARE(ready->seq, 1);
    QCOMPARE(b2->countEvents(u"message.created"_s), 0);
    const Reply h = b2->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId},
                                                      {u"limit"_s, 1}});
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject().value(u"nonce"_s).toString(),
             u"many-%1"_s.arg(n - 1));
}

void tst_Resume::anotherUsersSessionIsNotHanded()
{
    // Alice's token with Bob's session id must never deliver Bob's events.
    const QString bobSession = m_b->sessionId();
    const qint64 bobSeq = m_b->lastSeq();
    m_b->abort();
    QVERIFY(sendSome(2, u"for-bob"_s).value(1).ok);
    auto x = m_fx.connect();
    const Reply r = x->resume(m_a->token(), bobSession, bobSeq);
    QVERIFY2(!r.ok || !r.d.value(u"resumed"_s).toBool(),
             "resume handed over another user's session");
    if (r.ok) {
        const auto ready = x->waitEvent(u"ready"_s);
        QVERIFY(ready);
        QCOMPARE(ready->d.value(u"user"_s).toObject().value(u"id"_s).toString(), m_a->userId());
    } else {
        QCOMPARE(r.code, u"unauthorized"_s);
    }
}

void tst_Resume::badTokenIsUnauthorized()
{
    const QString session = m_b->sessionId();
    m_b->abort();
    auto b2 = m_fx.connect();
    QCOMPARE(outcome(b2->resume(u"not-a-token"_s, session, 1)), u"unauthorized"_s);
    QCOMPARE(b2->events().size(), 0);
    QCOMPARE(outcome(b2->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"unauthorized"_s);
    QCOMPARE(outcome(b2->request(u"session.resume"_s, {{u"session"_s, session}, {u"seq"_s, 1}})),
             u"bad_request"_s);
}

void tst_Resume::resumeWhenSignedInIsRefused()
{
    // A signed-in connection cannot swap itself into another session.
    const Reply r = m_a->request(u"session.resume"_s, {{u"token"_s, m_b->token()},
                                                       {u"session"_s, m_b->sessionId()},
                                                       {u"seq"_s, m_b->lastSeq()}});
    QVERIFY2(!r.ok, qPrintable(r.describe()));
    QVERIFY(m_b->request(u"ping"_s).ok);
    QVERIFY(m_a->request(u"ping"_s).ok);
}

QTEST_GUILESS_MAIN(tst_Resume)
#include "tst_resume.moc"

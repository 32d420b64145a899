// Presence between real sessions: online, idle only when every session is idle, dnd, invisible
// (offline to others, invisible to oneself), offline shortly after the last connection closes,
// events only when what a watcher sees changes, ready.presences, and the connection log.
#include "SocialFixture.h"

#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
QJsonObject presence(const QString &userId, const QString &status, const QJsonValue &custom = QJsonValue::Null)
{
    return {{u"user_id"_s, userId}, {u"status"_s, status}, {u"custom_status"_s, custom}};
}
} // namespace

class tst_Presence : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void readyCarriesPresences();
    void newFriendsSeeEachOtherAtOnce();
    void newGuildMatesSeeEachOtherAtOnce();
    void idleOnlyWhenEverySessionIsIdle();
    void dndAndCustomStatus();
    void customStatusLimits_data();
    void customStatusLimits();
    void invisibleLooksOfflineToOthers();
    void offlineAfterLastConnectionCloses();
    void quickReconnectShowsNothing();
    void remainingIdleSessionMakesIdle();
    void connectionLogGetsRows();

private:
    //! Every watcher got exactly `expected` about a since forget, and nothing more.
    void expectSeen(const QList<TestClient *> &watchers, const QList<QJsonObject> &expected);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a1, m_a2, m_b, m_c, m_d;
    GuildRef m_g;
};

void tst_Presence::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a has two sessions; b is a's friend, c shares a guild with a, d is unrelated.
void tst_Presence::init()
{
    m_a1 = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a1);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_d = m_fx.user(u"dan"_s);
    QVERIFY(m_fx.befriend(*m_a1, *m_b));
    m_g = createGuild(*m_c);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_c, *m_a1, m_g));
    m_fx.forget({m_a1.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
}

void tst_Presence::cleanup()
{
    for (auto *c : {m_a1.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    // The outsider never hears of a.
    if (m_d && m_a1) {
        QVERIFY(SocialFixture::flush(*m_d));
        QCOMPARE(m_fx.presenceEvents(*m_d, m_a1->userId()).size(), 0);
    }
    m_a1.reset();
    m_a2.reset();
    m_b.reset();
    m_c.reset();
    m_d.reset();
}

void tst_Presence::expectSeen(const QList<TestClient *> &watchers, const QList<QJsonObject> &expected)
{
    for (TestClient *w : watchers) {
        QVERIFY(SocialFixture::flush(*w));
        QList<QJsonObject> got;
        for (const Event &e : m_fx.presenceEvents(*w, m_a1->userId()))
            got << e.d;
        QCOMPARE(got, expected);
    }
}

void tst_Presence::readyCarriesPresences()
{
    const QString a = m_a1->userId();
    // A friend and a guild mate see a online; the outsider does not.
    const auto b2 = m_fx.secondSession(*m_b);
    QCOMPARE(SocialFixture::presenceIn(b2->readyData(), a), presence(a, u"online"_s));
    QCOMPARE(SocialFixture::presenceIn(b2->readyData(), m_b->userId()), presence(m_b->userId(), u"online"_s));
    const auto c2 = m_fx.secondSession(*m_c);
    QCOMPARE(SocialFixture::presenceIn(c2->readyData(), a), presence(a, u"online"_s));
    QVERIFY(SocialFixture::presenceIn(c2->readyData(), m_b->userId()).isEmpty()); // no link between b and c
    const auto d2 = m_fx.secondSession(*m_d);
    QVERIFY(SocialFixture::presenceIn(d2->readyData(), a).isEmpty());
    // With a status: dnd and its text in ready.
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"deep work"_s}}).ok);
    const auto b3 = m_fx.secondSession(*m_b);
    QCOMPARE(SocialFixture::presenceIn(b3->readyData(), a), presence(a, u"dnd"_s, u"deep work"_s));
    // Every entry has the three fields, and nobody offline is listed.
    for (const QJsonValue &p : b3->readyData().value(u"presences"_s).toArray()) {
        QCOMPARE(p.toObject().keys(), (QStringList{u"custom_status"_s, u"status"_s, u"user_id"_s}));
        QVERIFY(p.toObject().value(u"status"_s).toString() != u"offline");
    }
}

void tst_Presence::newFriendsSeeEachOtherAtOnce()
{
    auto x = m_fx.user(u"xan"_s);
    auto y = m_fx.user(u"yul"_s);
    QVERIFY(x->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"busy"_s}}).ok);
    m_fx.forget({x.get(), y.get()});
    // Strangers: no presence flows before the friendship.
    QVERIFY(x->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*y)}}).ok);
    QVERIFY(SocialFixture::flush(*y));
    QCOMPARE(m_fx.count(*y, u"presence.updated"_s), 0);
    QVERIFY(y->request(u"friend.accept"_s, {{u"user_id"_s, x->userId()}}).ok);
    const auto atY = m_fx.waitPresence(*y, x->userId(), u"dnd"_s);
    QVERIFY(atY);
    QCOMPARE(atY->d, presence(x->userId(), u"dnd"_s, u"busy"_s));
    const auto atX = m_fx.waitPresence(*x, y->userId(), u"online"_s);
    QVERIFY(atX);
    QCOMPARE(atX->d, presence(y->userId(), u"online"_s));
    // From now on changes flow.
    QVERIFY(y->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}}).ok);
    QVERIFY(m_fx.waitPresence(*x, y->userId(), u"dnd"_s));
    // A new friend who is invisible is not revealed.
    auto z = m_fx.user(u"zed"_s);
    QVERIFY(z->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}}).ok);
    m_fx.forget(*x);
    QVERIFY(m_fx.befriend(*z, *x));
    QVERIFY(SocialFixture::flush(*x));
    for (const Event &e : m_fx.presenceEvents(*x, z->userId()))
        QCOMPARE(e.d.value(u"status"_s).toString(), u"offline"_s);
}

void tst_Presence::newGuildMatesSeeEachOtherAtOnce()
{
    // x joins the guild a is in: x learns a's presence and a learns x's, without asking.
    auto x = m_fx.user(u"xan"_s);
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}}).ok);
    m_fx.forget({x.get(), m_a1.get(), m_a2.get()});
    QVERIFY(joinGuild(*m_c, *x, m_g));
    const auto atX = m_fx.waitPresence(*x, m_a1->userId(), u"dnd"_s);
    QVERIFY(atX);
    QCOMPARE(atX->d, presence(m_a1->userId(), u"dnd"_s));
    for (TestClient *s : {m_a1.get(), m_a2.get()}) {
        const auto atA = m_fx.waitPresence(*s, x->userId(), u"online"_s);
        QVERIFY(atA);
        QCOMPARE(atA->d, presence(x->userId(), u"online"_s));
    }
    // b, a's friend, already knew a and shares nothing with x: b hears nothing new.
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.presenceEvents(*m_b, x->userId()).size(), 0);
    QCOMPARE(m_fx.presenceEvents(*m_b, m_a1->userId()).size(), 1); // the dnd above
}

void tst_Presence::idleOnlyWhenEverySessionIsIdle()
{
    const QString a = m_a1->userId();
    // One of two sessions idle: a is still online, to everyone and to a itself.
    const Reply r = m_a1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, presence(a, u"online"_s));
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, {});
    // Both idle: idle for everyone, own sessions included.
    QCOMPARE(m_a2->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).d, presence(a, u"idle"_s));
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, {presence(a, u"idle"_s)});
    // Idle again changes nothing.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, {presence(a, u"idle"_s)});
    // One comes back: online.
    QCOMPARE(m_a1->request(u"presence.set"_s, {{u"status"_s, u"online"_s}}).d, presence(a, u"online"_s));
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, {presence(a, u"idle"_s), presence(a, u"online"_s)});
    // Both idle again, then a new (active) session signs in: online.
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    const auto a3 = m_fx.secondSession(*m_a1);
    QCOMPARE(SocialFixture::presenceIn(a3->readyData(), a), presence(a, u"online"_s));
    expectSeen({m_b.get(), m_c.get()},
               {presence(a, u"idle"_s), presence(a, u"online"_s), presence(a, u"idle"_s), presence(a, u"online"_s)});
}

void tst_Presence::dndAndCustomStatus()
{
    const QString a = m_a1->userId();
    const Reply r = m_a1->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"in a meeting"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, presence(a, u"dnd"_s, u"in a meeting"_s));
    QList<QJsonObject> seen{presence(a, u"dnd"_s, u"in a meeting"_s)};
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, seen);
    // dnd is per user: the other session's idle does not show through it.
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    // The same again, and custom_status absent (kept): nothing new.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}}).ok);
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, seen);
    // A new text, then null clears, then a text and "" clears.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"lunch"_s}}).ok);
    seen << presence(a, u"dnd"_s, u"lunch"_s);
    QCOMPARE(m_a2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, QJsonValue::Null}}).d,
             presence(a, u"dnd"_s));
    seen << presence(a, u"dnd"_s);
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"back soon"_s}}).ok);
    seen << presence(a, u"dnd"_s, u"back soon"_s);
    QCOMPARE(m_a2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u""_s}}).d,
             presence(a, u"dnd"_s));
    seen << presence(a, u"dnd"_s);
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, seen);
    // Leaving dnd: a2 reports active, so online.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"online"_s}}).ok);
    seen << presence(a, u"online"_s);
    expectSeen({m_a1.get(), m_a2.get(), m_b.get(), m_c.get()}, seen);
}

void tst_Presence::customStatusLimits_data()
{
    QTest::addColumn<QJsonObject>("d");
    QTest::addColumn<QString>("code");
    const int max = kith::limits::kCustomStatusMax;
    QCOMPARE(max, 128);
    QTest::newRow("128 chars") << QJsonObject{{u"status"_s, u"online"_s}, {u"custom_status"_s, QString(max, u'x')}}
                               << u"ok"_s;
    QTest::newRow("128 accented chars")
        << QJsonObject{{u"status"_s, u"online"_s}, {u"custom_status"_s, QString(max, QChar(0xE9))}} << u"ok"_s;
    QTest::newRow("129 chars") << QJsonObject{{u"status"_s, u"online"_s}, {u"custom_status"_s, QString(max + 1, u'x')}}
                               << u"bad_request"_s;
    QTest::newRow("custom not a string") << QJsonObject{{u"status"_s, u"online"_s}, {u"custom_status"_s, 5}}
                                         << u"bad_request"_s;
    QTest::newRow("status offline") << QJsonObject{{u"status"_s, u"offline"_s}} << u"bad_request"_s;
    QTest::newRow("status unknown") << QJsonObject{{u"status"_s, u"away"_s}} << u"bad_request"_s;
    QTest::newRow("status missing") << QJsonObject{{u"custom_status"_s, u"hi"_s}} << u"bad_request"_s;
    QTest::newRow("status a number") << QJsonObject{{u"status"_s, 1}} << u"bad_request"_s;
}

void tst_Presence::customStatusLimits()
{
    QFETCH(QJsonObject, d);
    QFETCH(QString, code);
    const Reply r = m_a1->request(u"presence.set"_s, d);
    QCOMPARE(outcome(r), code);
    if (code == u"ok") {
        QCOMPARE(r.d.value(u"custom_status"_s), d.value(u"custom_status"_s));
        const auto ev = m_fx.waitPresence(*m_b, m_a1->userId(), u"online"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"custom_status"_s), d.value(u"custom_status"_s));
    } else {
        expectSeen({m_b.get()}, {});
    }
}

void tst_Presence::invisibleLooksOfflineToOthers()
{
    const QString a = m_a1->userId();
    const Reply r = m_a1->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}, {u"custom_status"_s, u"secret"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, presence(a, u"invisible"_s, u"secret"_s));
    QList<QJsonObject> own{presence(a, u"invisible"_s, u"secret"_s)}, others{presence(a, u"offline"_s)};
    expectSeen({m_a1.get(), m_a2.get()}, own);
    expectSeen({m_b.get(), m_c.get()}, others);
    // ready: others do not list a; a's own new session lists itself as invisible.
    const auto b2 = m_fx.secondSession(*m_b);
    QVERIFY(SocialFixture::presenceIn(b2->readyData(), a).isEmpty());
    const auto a3 = m_fx.secondSession(*m_a1);
    QCOMPARE(SocialFixture::presenceIn(a3->readyData(), a), presence(a, u"invisible"_s, u"secret"_s));
    // discover.online leaves a out.
    const Reply disc = m_b->request(u"discover.online"_s);
    QVERIFY(disc.ok);
    for (const QJsonValue &u : disc.d.value(u"users"_s).toArray())
        QVERIFY(u.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() != a);
    // While invisible: idle and a new text change nothing others see; a's sessions see the text.
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QVERIFY(a3->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}, {u"custom_status"_s, u"hidden"_s}}).ok);
    own << presence(a, u"invisible"_s, u"hidden"_s);
    expectSeen({m_a1.get(), m_a2.get()}, own);
    expectSeen({m_b.get(), m_c.get()}, others);
    // Back to online: everyone sees it with the text.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"online"_s}}).ok);
    own << presence(a, u"online"_s, u"hidden"_s);
    others << presence(a, u"online"_s, u"hidden"_s);
    expectSeen({m_a1.get(), m_a2.get()}, own);
    expectSeen({m_b.get(), m_c.get()}, others);
    // Invisible once more: offline to others, with no text.
    QVERIFY(m_a2->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}}).ok);
    others << presence(a, u"offline"_s);
    expectSeen({m_b.get(), m_c.get()}, others);
}

void tst_Presence::offlineAfterLastConnectionCloses()
{
    const QString a = m_a1->userId();
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"online"_s}, {u"custom_status"_s, u"around"_s}}).ok);
    QList<QJsonObject> seen{presence(a, u"online"_s, u"around"_s)};
    expectSeen({m_b.get(), m_c.get()}, seen);
    // One of two sessions goes: nothing changes for anyone.
    m_a2->close();
    expectSeen({m_b.get(), m_c.get()}, seen);
    // The last one drops (no close handshake): offline follows within a few seconds.
    m_a1->abort();
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.presenceEvents(*m_b, a).size() == 2, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.presenceEvents(*m_c, a).size() == 2, 20000);
    seen << presence(a, u"offline"_s);
    expectSeen({m_b.get(), m_c.get()}, seen);
    const auto b2 = m_fx.secondSession(*m_b);
    QVERIFY(SocialFixture::presenceIn(b2->readyData(), a).isEmpty());
    // Coming back: online again, with the custom status kept.
    auto back = m_fx.server().connect();
    QVERIFY(back->loginWithToken(m_a1->token()).ok);
    QVERIFY(m_fx.waitPresence(*m_b, a, u"online"_s));
    seen << presence(a, u"online"_s, u"around"_s);
    expectSeen({m_b.get(), m_c.get()}, seen);
    // A polite close of the only connection: offline as well.
    back->close();
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.presenceEvents(*m_b, a).size() == 4, 20000);
    QCOMPARE(m_fx.presenceEvents(*m_b, a).last().d, presence(a, u"offline"_s));
}

void tst_Presence::quickReconnectShowsNothing()
{
    const QString a = m_a1->userId();
    // x is b's friend and closes at the same moment as a: when b sees x offline, a's grace
    // period has run out as well, without waiting on a clock here.
    auto x = m_fx.user(u"xan"_s);
    QVERIFY(m_fx.befriend(*x, *m_b));
    m_fx.forget(*m_b);
    m_a2->close();
    m_a1->close();
    x->close();
    auto back = m_fx.server().connect();
    QVERIFY(back->loginWithToken(m_a1->token()).ok);
    QVERIFY(m_fx.waitPresence(*m_b, x->userId(), u"offline"_s));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.presenceEvents(*m_b, a).size(), 0);
    QCOMPARE(SocialFixture::presenceIn(back->readyData(), a), presence(a, u"online"_s));
}

void tst_Presence::remainingIdleSessionMakesIdle()
{
    const QString a = m_a1->userId();
    QVERIFY(m_a1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    expectSeen({m_b.get()}, {});
    // The active session closes; the one left is idle, so a is idle now, not after a delay.
    m_a2->close();
    const auto ev = m_fx.waitPresence(*m_b, a, u"idle"_s);
    QVERIFY(ev);
    QVERIFY(m_fx.waitPresence(*m_a1, a, u"idle"_s));
    expectSeen({m_b.get(), m_c.get()}, {presence(a, u"idle"_s)});
}

void tst_Presence::connectionLogGetsRows()
{
    // This suite's server: a second Server in the process would share its SQL connection name.
    SocialFixture &fx = m_fx;
    auto u1 = fx.user(u"logged"_s);            // connect 1
    auto w = fx.user(u"watch"_s);
    QVERIFY(fx.befriend(*u1, *w));
    auto u2 = fx.secondSession(*u1);           // connect 2
    const QString userId = u1->userId();
    const QString s1 = u1->sessionId(), s2 = u2->sessionId();
    QVERIFY(u1->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    fx.forget(*w);
    u2->close();                               // disconnect 1; u1 alone is idle, which w sees
    QVERIFY(fx.waitPresence(*w, userId, u"idle"_s));
    u1->close();                               // disconnect 2
    // A resume counts as a connection.
    auto again = fx.server().connect();
    const Reply r = again->resume(u1->token(), s1, u1->lastSeq());
    QVERIFY2(r.ok && r.d.value(u"resumed"_s).toBool(), qPrintable(r.describe())); // connect 3
    again->close();                            // disconnect 3
    QVERIFY(fx.waitPresence(*w, userId, u"offline"_s));
    // The server shuts down; its log must be on disk.
    cleanup();
    fx.server().stop();
    QString kinds, sessions;
    int rows = 0;
    bool addressesAndTimes = true;
    QVERIFY(fx.server().withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.prepare(u"SELECT kind, session, address, at FROM connection_log WHERE user_id = ? ORDER BY id"_s))
            return false;
        q.addBindValue(userId.toLongLong());
        if (!q.exec())
            return false;
        QStringList k, ss;
        while (q.next()) {
            k << q.value(0).toString();
            ss << q.value(1).toString();
            addressesAndTimes &= q.value(2).toString() == u"127.0.0.1" && q.value(3).toLongLong() > 1700000000000LL;
        }
        kinds = k.join(u',');
        sessions = ss.join(u',');
        QSqlQuery all(u"SELECT COUNT(*) FROM connection_log"_s, db);
        if (!all.next())
            return false;
        rows = all.value(0).toInt();
        return true;
    }));
    QVERIFY2(addressesAndTimes, "every row has the client's address and a time");
    QString err;
    QVERIFY2(fx.server().start(&err), qPrintable(err)); // for any test that runs after
    QCOMPARE(kinds, u"connect,connect,disconnect,disconnect,connect,disconnect"_s);
    QCOMPARE(sessions, QStringList({s1, s2, s2, s1, s1, s1}).join(u','));
    QVERIFY2(rows >= 7, qPrintable(QString::number(rows))); // w and the other tests' users connected too
}

QTEST_GUILESS_MAIN(tst_Presence)
#include "tst_presence.moc"

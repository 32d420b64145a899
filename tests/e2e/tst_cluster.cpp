// Two real kith-server processes on one PostgreSQL database, as a self-hoster runs them behind
// a load balancer: a user on each chats in a guild and a DM, sees the other's presence and
// typing; a session resumed on the other node starts afresh; kill -9 of one node shows its
// user offline on the other.
#include "ServerProcess.h"
#include "common/Scenario.h"
#include "common/TestClient.h"
#include "common/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_E2eCluster : public QObject
{
    Q_OBJECT
private slots:
    void twoProcessesChatAndAKilledNodeGoesOffline();
};

void tst_E2eCluster::twoProcessesChatAndAKilledNodeGoesOffline()
{
    QVERIFY2(TestDatabase::postgres(), "this suite runs on PostgreSQL (ctest -R tst_e2e_cluster_pg)");
    TestDatabase db;
    QTemporaryDir dirA, dirB;
    ServerProcess a, b;
    QString why;
    QVERIFY2(a.start(dirA.path(), {u"--db"_s, db.url()}, &why), qPrintable(why));
    QVERIFY2(b.start(dirB.path(), {u"--db"_s, db.url()}, &why), qPrintable(why));

    TestClient ann, bob;
    QVERIFY(ann.connectTo(a.url()));
    QVERIFY(bob.connectTo(b.url()));
    QVERIFY(ann.registerUser(u"ann"_s, u"correct horse battery"_s).ok);
    QVERIFY(bob.registerUser(u"bob"_s, u"correct horse battery"_s).ok);

    // A guild made on A, joined from B.
    const GuildRef g = createGuild(ann, u"Two processes"_s);
    const Reply inv = ann.request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(inv.ok);
    Reply joined;
    QTRY_VERIFY2((joined = bob.request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}})).ok, qPrintable(joined.describe()));

    // Presence both ways.
    QTRY_COMPARE(statusSeen(ann, bob.userId()), u"online"_s);
    QTRY_COMPARE(statusSeen(bob, ann.userId()), u"online"_s);

    // Guild messages both ways, and typing.
    const Reply m1 = sendMessage(bob, g.channelId, u"hello from node B"_s);
    QVERIFY2(m1.ok, qPrintable(m1.describe()));
    QVERIFY(ann.waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == m1.d.value(u"id"_s); }));
    const Reply m2 = sendMessage(ann, g.channelId, u"hello from node A"_s);
    QVERIFY(m2.ok);
    QVERIFY(bob.waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == m2.d.value(u"id"_s); }));
    QVERIFY(ann.request(u"typing.start"_s, {{u"channel_id"_s, g.channelId}}).ok);
    QVERIFY(bob.waitEventWhere(u"typing.started"_s, [&](const Event &e) { return e.d.value(u"user_id"_s).toString() == ann.userId(); }));

    // A direct message opened on B, answered on A.
    const Reply dm = bob.request(u"dm.open"_s, {{u"user_id"_s, ann.userId()}});
    QVERIFY2(dm.ok, qPrintable(dm.describe()));
    const QString dmId = dm.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    const Reply d1 = sendMessage(bob, dmId, u"psst"_s);
    QVERIFY2(d1.ok, qPrintable(d1.describe()));
    QVERIFY(ann.waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == d1.d.value(u"id"_s); }));
    Reply d2;
    QTRY_VERIFY2((d2 = sendMessage(ann, dmId, u"yes?"_s)).ok, qPrintable(d2.describe()));
    QVERIFY(bob.waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == d2.d.value(u"id"_s); }));

    // Bob's session resumed on node A (a load balancer sent him elsewhere): not resumed there,
    // a fresh ready instead, with everything he needs.
    TestClient bobOnA;
    QVERIFY(bobOnA.connectTo(a.url()));
    const Reply resumed = bobOnA.resume(bob.token(), bob.sessionId(), bob.lastSeq());
    QVERIFY2(resumed.ok, qPrintable(resumed.describe()));
    QCOMPARE(resumed.d.value(u"resumed"_s).toBool(true), false);
    QVERIFY(bobOnA.waitEvent(u"ready"_s));
    bobOnA.close();

    // kill -9 of node B: no goodbye, only silence. Ann sees bob offline within 15 s.
    QElapsedTimer t;
    t.start();
    b.process().kill();
    QVERIFY(b.waitFinished());
    // Dead after 11 s of silence, checked each second: 30 s leaves room for a slow machine.
    QTRY_COMPARE_WITH_TIMEOUT(statusSeen(ann, bob.userId()), u"offline"_s, 30000);
    qInfo("bob shown offline %lld ms after node B was killed", t.elapsed());
    // Node A carries on: ann still writes.
    QVERIFY(sendMessage(ann, g.channelId, u"still here"_s).ok);
}

QTEST_GUILESS_MAIN(tst_E2eCluster)
#include "tst_cluster.moc"

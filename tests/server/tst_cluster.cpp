// Several servers on one PostgreSQL database: node ids leased so that no two live nodes share
// one, a configured id that a live node holds refused with its holder named.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "server/Server.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Cluster : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void nodesLeaseDistinctIds();
    void heldIdIsRefused();
    void chatAcrossNodes();
};

void tst_Cluster::initTestCase()
{
    QVERIFY2(TestDatabase::postgres(), "this suite runs on PostgreSQL (ctest -R tst_server_cluster_pg)");
}

void tst_Cluster::nodesLeaseDistinctIds()
{
    ServerFixture a;
    ServerFixture b;
    b.config.databaseUrl = a.config.databaseUrl;
    ServerFixture c;
    c.config.databaseUrl = a.config.databaseUrl;
    QString err;
    QVERIFY2(a.start(&err), qPrintable(err));
    QVERIFY2(b.start(&err), qPrintable(err));
    QCOMPARE(a.server()->nodeId(), 0);
    QCOMPARE(b.server()->nodeId(), 1);
    // Ids made by the two differ in their node bits even in the same millisecond.
    auto ua = a.newUser(u"ana"_s);
    auto ub = b.newUser(u"bob"_s);
    QCOMPARE((ua->userId().toULongLong() >> 12) & 1023, 0ull);
    QCOMPARE((ub->userId().toULongLong() >> 12) & 1023, 1ull);
    // A node that stops gives its id back at once.
    a.stop();
    QVERIFY2(c.start(&err), qPrintable(err));
    QCOMPARE(c.server()->nodeId(), 0);
}

void tst_Cluster::heldIdIsRefused()
{
    ServerFixture a;
    a.config.nodeId = 5;
    ServerFixture b;
    b.config.databaseUrl = a.config.databaseUrl;
    b.config.nodeId = 5;
    QString err;
    QVERIFY2(a.start(&err), qPrintable(err));
    QCOMPARE(a.server()->nodeId(), 5);
    QVERIFY(!b.start(&err));
    QVERIFY2(err.contains(u"node id 5 is held by a live node"_s), qPrintable(err));
    QVERIFY2(err.contains(u"pid"_s), qPrintable(err));
    // Once the first is gone the id is free.
    a.stop();
    QVERIFY2(b.start(&err), qPrintable(err));
    QCOMPARE(b.server()->nodeId(), 5);
}

void tst_Cluster::chatAcrossNodes()
{
    // Ann on node A, Bob on node B, one database: what one does, the other sees live.
    ServerFixture a;
    ServerFixture b;
    b.config.databaseUrl = a.config.databaseUrl;
    QString err;
    QVERIFY2(a.start(&err), qPrintable(err));
    QVERIFY2(b.start(&err), qPrintable(err));
    auto ann = a.newUser(u"ann"_s);
    auto bob = b.newUser(u"bob"_s);
    const GuildRef g = createGuild(*ann, u"Both nodes"_s);
    const Reply inv = ann->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(inv.ok);
    // The invite is in the database at once; the guild reaches B's memory over the bus.
    Reply joined;
    QTRY_VERIFY2((joined = bob->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}})).ok, qPrintable(joined.describe()));
    QVERIFY(ann->waitEventWhere(u"member.joined"_s, [&](const Event &e) {
        return e.d.value(u"member"_s).toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == bob->userId();
    }));

    // Guild messages both ways.
    const Reply fromBob = sendMessage(*bob, g.channelId, u"hello from B"_s);
    QVERIFY2(fromBob.ok, qPrintable(fromBob.describe()));
    QVERIFY(ann->waitEventWhere(u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == fromBob.d.value(u"id"_s) && e.d.value(u"content"_s).toString() == u"hello from B";
    }));
    const Reply fromAnn = sendMessage(*ann, g.channelId, u"hello from A"_s);
    QVERIFY(fromAnn.ok);
    QVERIFY(bob->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == fromAnn.d.value(u"id"_s); }));
    // Both nodes page the same history.
    const Reply ha = ann->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    const Reply hb = bob->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    QVERIFY(ha.ok && hb.ok);
    QCOMPARE(messageIds(ha), messageIds(hb));
    QCOMPARE(messageIds(ha).size(), 2);

    // Typing and presence.
    QVERIFY(bob->request(u"typing.start"_s, {{u"channel_id"_s, g.channelId}}).ok);
    QVERIFY(ann->waitEventWhere(u"typing.started"_s, [&](const Event &e) { return e.d.value(u"user_id"_s).toString() == bob->userId(); }));
    QVERIFY(bob->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}}).ok);
    QVERIFY(ann->waitEventWhere(u"presence.updated"_s, [&](const Event &e) {
        return e.d.value(u"user_id"_s).toString() == bob->userId() && e.d.value(u"status"_s).toString() == u"dnd";
    }));

    // A direct message, opened on A, answered on B.
    const Reply dm = ann->request(u"dm.open"_s, {{u"user_id"_s, bob->userId()}});
    QVERIFY2(dm.ok, qPrintable(dm.describe()));
    const QString dmId = dm.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    QVERIFY(bob->waitEventWhere(u"channel.created"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == dmId; }));
    Reply answer;
    QTRY_VERIFY2((answer = sendMessage(*bob, dmId, u"hi ann, from B"_s)).ok, qPrintable(answer.describe()));
    QVERIFY(ann->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == answer.d.value(u"id"_s); }));
}

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"

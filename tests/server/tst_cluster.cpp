// Several servers on one PostgreSQL database: node ids leased so that no two live nodes share
// one, a configured id that a live node holds refused with its holder named.
#include "common/ClusterPair.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "common/TcpProxy.h"
#include "server/Server.h"
#include "server/cluster/Cluster.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
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
    void repliesAndReactionsAcrossNodes();
    void presenceMergesAcrossNodes();
    void lateNodeLearnsPresence();
    void aLoneNodeIsQuietUntilAnotherStarts();
    void stoppedNodeShowsItsUsersOffline();
    void busLossReadsTheDirectoryAgain();
    void guildDirectoryAcrossNodes();
    void visibilityAcrossNodes();
};

namespace {
//! joiner, on another node than owner, joins owner's guild by invite; the guild may still be on
//! its way to joiner's node (unavailable, retried).
bool joinFromOtherNode(TestClient &owner, TestClient &joiner, const GuildRef &g)
{
    const Reply inv = owner.request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    return inv.ok && QTest::qWaitFor([&] {
        return joiner.request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}}).ok;
    }, 10000);
}
} // namespace

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
    // A message too large for one notification (8,000 bytes of UTF-8) travels by reference, in
    // order with the small ones around it.
    const Reply big = sendMessage(*ann, g.channelId, QString(4000, QChar(0x00e9)));
    const Reply after = sendMessage(*ann, g.channelId, u"after the big one"_s);
    QVERIFY(big.ok && after.ok);
    QVERIFY(bob->waitEventWhere(u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == big.d.value(u"id"_s) && e.d.value(u"content"_s).toString().size() == 4000;
    }));
    QVERIFY(bob->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == after.d.value(u"id"_s); }));
    // Both nodes page the same history.
    const Reply ha = ann->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    const Reply hb = bob->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    QVERIFY(ha.ok && hb.ok);
    QCOMPARE(messageIds(ha), messageIds(hb));
    QCOMPARE(messageIds(ha).size(), 4);

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

void tst_Cluster::repliesAndReactionsAcrossNodes()
{
    // Issue 12: a reply and reaction events made on one node reach the other like messages do.
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
    Reply joined;
    QTRY_VERIFY2((joined = bob->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}})).ok, qPrintable(joined.describe()));
    const Reply orig = sendMessage(*ann, g.channelId, u"from A"_s);
    QVERIFY(orig.ok);
    const QString id = orig.d.value(u"id"_s).toString();
    Reply reply;
    QTRY_VERIFY2((reply = bob->request(u"message.send"_s, {{u"channel_id"_s, g.channelId}, {u"content"_s, u"re from B"_s},
                                                           {u"nonce"_s, newNonce()}, {u"reply_to_id"_s, id}})).ok,
                 qPrintable(reply.describe()));
    QVERIFY(ann->waitEventWhere(u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == reply.d.value(u"id"_s)
               && e.d.value(u"reply_to"_s).toObject().value(u"content"_s).toString() == u"from A";
    }));
    QVERIFY(bob->request(u"reaction.add"_s, {{u"channel_id"_s, g.channelId}, {u"message_id"_s, id}, {u"emoji"_s, u"👍"_s}}).ok);
    const auto match = [&](const Event &e) {
        return e.d.value(u"message_id"_s).toString() == id && e.d.value(u"user_id"_s).toString() == bob->userId()
               && e.d.value(u"emoji"_s).toString() == u"👍";
    };
    QVERIFY(ann->waitEventWhere(u"reaction.added"_s, match));
    QVERIFY(bob->request(u"reaction.remove"_s, {{u"channel_id"_s, g.channelId}, {u"message_id"_s, id}, {u"emoji"_s, u"👍"_s}}).ok);
    QVERIFY(ann->waitEventWhere(u"reaction.removed"_s, match));
    QVERIFY(ann->request(u"reaction.add"_s, {{u"channel_id"_s, g.channelId}, {u"message_id"_s, id}, {u"emoji"_s, u"🎉"_s}}).ok);
    QVERIFY(bob->waitEventWhere(u"reaction.added"_s, [&](const Event &e) { return e.d.value(u"emoji"_s).toString() == u"🎉"; }));
}

void tst_Cluster::presenceMergesAcrossNodes()
{
    ClusterPair n;
    QString err;
    QVERIFY2(n.start(&err), qPrintable(err));
    auto &ann = n.ann;
    auto &bob = n.bob;
    const GuildRef g = createGuild(*ann, u"Presence"_s);
    QVERIFY(joinFromOtherNode(*ann, *bob, g));
    // Each sees the other online, whichever node they are on.
    QTRY_COMPARE(statusSeen(*ann, bob->userId()), u"online"_s);
    QTRY_COMPARE(statusSeen(*bob, ann->userId()), u"online"_s);

    // Ann signs in on node B too. Idle only when idle on every node.
    auto ann2 = n.b.connect();
    QVERIFY(ann2->loginWithToken(ann->token()).ok);
    QVERIFY(ann->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QVERIFY(ann2->request(u"ping"_s).ok);
    QCOMPARE(statusSeen(*bob, ann->userId()), u"online"_s); // her session on B is active
    QVERIFY(ann2->request(u"presence.set"_s, {{u"status"_s, u"idle"_s}}).ok);
    QTRY_COMPARE(statusSeen(*bob, ann->userId()), u"idle"_s);
    QTRY_COMPARE(statusSeen(*ann, ann->userId()), u"idle"_s); // her own view on A merges B's too

    // The chosen status is the user's, on every node: set on B, seen on A and by her A session.
    QVERIFY(ann2->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"in a meeting"_s}}).ok);
    QTRY_COMPARE(statusSeen(*ann, ann->userId()), u"dnd"_s);
    QTRY_COMPARE(statusSeen(*bob, ann->userId()), u"dnd"_s);
    QVERIFY(ann->waitEventWhere(u"presence.updated"_s, [&](const Event &e) {
        return e.d.value(u"user_id"_s).toString() == ann->userId() && e.d.value(u"custom_status"_s).toString() == u"in a meeting";
    }));

    // She leaves B: still dnd (present on A). She leaves A too: offline after the grace period.
    ann2->close();
    QCOMPARE(statusSeen(*bob, ann->userId()), u"dnd"_s);
    ann->close();
    QTRY_COMPARE_WITH_TIMEOUT(statusSeen(*bob, ann->userId()), u"offline"_s, 15000);
    // Every presence change reached bob once, not once per node.
    QStringList seen;
    for (const Event &e : bob->eventsNamed(u"presence.updated"_s))
        if (e.d.value(u"user_id"_s).toString() == ann->userId())
            seen.append(e.d.value(u"status"_s).toString());
    QCOMPARE(seen.join(u','), u"online,idle,dnd,offline"_s);
}

void tst_Cluster::lateNodeLearnsPresence()
{
    ClusterPair n;
    QString err;
    QVERIFY2(n.a.start(&err), qPrintable(err));
    auto ann = n.a.newUser(u"ann"_s);
    QVERIFY(ann->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}}).ok);
    const GuildRef g = createGuild(*ann, u"Late"_s);
    const Reply inv = ann->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    // Node B starts after ann is online: it learns her presence from A.
    n.b.config.databaseUrl = n.a.config.databaseUrl;
    QVERIFY2(n.b.start(&err), qPrintable(err));
    auto bob = n.b.newUser(u"bob"_s);
    Reply joined;
    QTRY_VERIFY2((joined = bob->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}})).ok, qPrintable(joined.describe()));
    QTRY_COMPARE(statusSeen(*bob, ann->userId()), u"dnd"_s);
    // And a new session on B gets it in ready.
    auto bob2 = n.b.connect();
    QVERIFY(bob2->loginWithToken(bob->token()).ok);
    QCOMPARE(statusSeen(*bob2, ann->userId()), u"dnd"_s);
}

void tst_Cluster::aLoneNodeIsQuietUntilAnotherStarts()
{
    // Alone on its database a node publishes heartbeats only. A node that starts later still
    // knows everything the first one did (it reads the database once the first has answered)
    // and, from then on, hears its changes and events live.
    ServerFixture a;
    QString err;
    QVERIFY2(a.start(&err), qPrintable(err));
    QVERIFY(a.withDb([&](QSqlDatabase &db) {
        QStringList heard;
        QObject::connect(db.driver(), &QSqlDriver::notification, db.driver(),
                         [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                             heard << payload.toString();
                         });
        if (!db.driver()->subscribeToNotification(u"kith_bus"_s))
            return false;
        const auto published = [&] {
            qsizetype n = 0;
            for (const QString &m : std::as_const(heard))
                n += !m.contains(u"\"hb\""_s) && !m.contains(u"\"hi\""_s);
            return n;
        };
        auto ann = a.newUser(u"ann"_s);
        const GuildRef g = createGuild(*ann, u"Alone"_s);
        const Reply ch = ann->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"quiet"_s}});
        const Reply inv = ann->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
        if (!ch.ok || !inv.ok || !sendMessage(*ann, g.channelId, u"nobody else"_s).ok)
            return false;
        // Our own listener hears what the node says: a heartbeat, but nothing of the above.
        const qsizetype before = heard.size();
        if (!QTest::qWaitFor([&] { return heard.size() > before; }, 2 * kith::server::Cluster::kHeartbeatMs))
            return false;
        if (published() != 0) {
            qWarning() << "a lone node published" << heard;
            return false;
        }
        ServerFixture b;
        b.config.databaseUrl = a.config.databaseUrl;
        if (!b.start(&err))
            return false;
        // B knows the guild and its new channel at once: no waiting for the bus.
        auto bob = b.newUser(u"bob"_s);
        const Reply joined = bob->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}});
        if (!joined.ok) {
            qWarning() << joined.describe();
            return false;
        }
        const Reply inQuiet = sendMessage(*bob, ch.d.value(u"id"_s).toString(), u"hello from B"_s);
        if (!inQuiet.ok || !ann->waitEventWhere(u"message.created"_s, [](const Event &e) {
                return e.d.value(u"content"_s).toString() == u"hello from B"_s;
            }))
            return false;
        if (!sendMessage(*ann, g.channelId, u"now someone listens"_s).ok)
            return false;
        return bob->waitEventWhere(u"message.created"_s, [](const Event &e) {
            return e.d.value(u"content"_s).toString() == u"now someone listens"_s;
        }) && published() > 0;
    }));
}

void tst_Cluster::stoppedNodeShowsItsUsersOffline()
{
    ClusterPair n;
    QString err;
    QVERIFY2(n.start(&err), qPrintable(err));
    auto &ann = n.ann;
    auto &bob = n.bob;
    const GuildRef g = createGuild(*ann, u"Stop"_s);
    QVERIFY(joinFromOtherNode(*ann, *bob, g));
    QTRY_COMPARE(statusSeen(*ann, bob->userId()), u"online"_s);
    // A node that stops says so: its users go offline at once, not after a missed heartbeat.
    // No clock: a listener on the bus sees B's goodbye, then counts node A's heartbeats until
    // the offline. A counts B as gone only after B was silent for more than two of A's
    // heartbeat periods, so an offline by missed heartbeats comes after two or more of them.
    const QByteArray fromA = "{\"n\":" + QByteArray::number(n.a.server()->nodeId()) + ',';
    const QByteArray fromB = "{\"n\":" + QByteArray::number(n.b.server()->nodeId()) + ',';
    QVERIFY(n.a.withDb([&](QSqlDatabase &db) {
        QList<QByteArray> heard;
        QObject::connect(db.driver(), &QSqlDriver::notification, db.driver(),
                         [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                             heard << payload.toString().toUtf8();
                         });
        if (!db.driver()->subscribeToNotification(u"kith_bus"_s))
            return false;
        n.b.stop();
        if (!QTest::qWaitFor([&] { return statusSeen(*ann, bob->userId()) == u"offline"_s; }, 60000)) {
            qWarning("bob never shown offline");
            return false;
        }
        // NOTIFYs are delivered in commit order: once our own marker is heard, so is every
        // heartbeat A published before the offline.
        QSqlQuery marker(db);
        if (!marker.exec(u"NOTIFY kith_bus, 'tst_cluster marker'"_s)
            || !QTest::qWaitFor([&] { return heard.contains("tst_cluster marker"); }, 10000))
            return false;
        qsizetype lastFromB = -1;
        for (qsizetype i = 0; i < heard.size(); ++i)
            if (heard.at(i).startsWith(fromB))
                lastFromB = i;
        if (lastFromB < 0 || !heard.at(lastFromB).contains("\"bye\"")) {
            qWarning() << "no goodbye from the stopped node:" << heard;
            return false;
        }
        int heartbeatsOfA = 0;
        for (qsizetype i = lastFromB + 1; i < heard.size(); ++i)
            heartbeatsOfA += heard.at(i).startsWith(fromA) && heard.at(i).contains("\"hb\"");
        if (heartbeatsOfA >= 2) {
            qWarning() << "offline only after" << heartbeatsOfA << "heartbeats of A:" << heard;
            return false;
        }
        return true;
    }));
}

void tst_Cluster::busLossReadsTheDirectoryAgain()
{
    // Node B reaches the database through a relay that the test cuts: B's bus hears nothing
    // while A changes things; once the relay is back B reads what it missed.
    ServerFixture a;
    ServerFixture b;
    TcpProxy proxy(QUrl(a.config.databaseUrl));
    QVERIFY(proxy.start());
    b.config.databaseUrl = proxy.relayedUrl();
    QString err;
    QVERIFY2(a.start(&err), qPrintable(err));
    QVERIFY2(b.start(&err), qPrintable(err));
    auto ann = a.newUser(u"ann"_s);
    auto bob = b.newUser(u"bob"_s);
    const GuildRef g = createGuild(*ann, u"Cut"_s);
    QVERIFY(joinFromOtherNode(*ann, *bob, g));

    proxy.cut();
    // While B is deaf, A makes a channel: B's memory never hears of it.
    const Reply ch = ann->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"while-away"_s}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    const QString channelId = ch.d.value(u"id"_s).toString();
    QVERIFY(proxy.restore());
    // B notices its bus went quiet, reconnects and reads the directory again: a message in the
    // new channel reaches bob, and bob may write there.
    Reply sent;
    QTRY_VERIFY_WITH_TIMEOUT((sent = sendMessage(*bob, channelId, u"I see it"_s)).ok, 40000);
    QVERIFY(ann->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == sent.d.value(u"id"_s); }));
    const Reply fromAnn = sendMessage(*ann, channelId, u"welcome back"_s);
    QVERIFY(fromAnn.ok);
    QVERIFY(bob->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == fromAnn.d.value(u"id"_s); }));
}

void tst_Cluster::guildDirectoryAcrossNodes()
{
    // Listing, online counts, guild.join and the audit log with Ann on node A and Bob on node B.
    ClusterPair n;
    QString err;
    QVERIFY2(n.start(&err), qPrintable(err));
    auto &ann = n.ann;
    auto &bob = n.bob;
    const GuildRef g = createGuild(*ann, u"Across qzcluster"_s);
    QVERIFY(g.valid());
    QVERIFY(ann->request(u"guild.update"_s, {{u"guild_id"_s, g.guildId}, {u"discoverable"_s, true}}).ok);
    auto listed = [](TestClient &c) {
        const Reply r = c.request(u"directory.search"_s, {{u"query"_s, u"qzcluster"_s}});
        const QJsonArray guilds = r.d.value(u"guilds"_s).toArray();
        return guilds.size() == 1 ? guilds.first().toObject() : QJsonObject();
    };
    // B learns the listing over the bus, and Ann's presence (online on A) with it.
    QTRY_COMPARE(listed(*bob).value(u"online_count"_s).toInt(), 1);
    QCOMPARE(listed(*bob).value(u"id"_s).toString(), g.guildId);
    const Reply joined = bob->request(u"guild.join"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY2(joined.ok, qPrintable(joined.describe()));
    QVERIFY(ann->waitEventWhere(u"member.joined"_s, [&](const Event &e) {
        return e.d.value(u"member"_s).toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == bob->userId();
    }));
    // A counts Bob (online on B) too.
    QTRY_COMPARE(listed(*ann).value(u"member_count"_s).toInt(), 2);
    QTRY_COMPARE(listed(*ann).value(u"online_count"_s).toInt(), 2);
    // The log is in the shared database: what A wrote, read through B (once Bob may read it).
    const Reply role = ann->request(u"role.create"_s, {{u"guild_id"_s, g.guildId},
                                                       {u"name"_s, u"Auditors"_s},
                                                       {u"permissions"_s, QJsonArray{u"view_audit_log"_s}}});
    QVERIFY(role.ok);
    QVERIFY(ann->request(u"member.set_roles"_s, {{u"guild_id"_s, g.guildId},
                                                 {u"user_id"_s, bob->userId()},
                                                 {u"role_ids"_s, QJsonArray{role.d.value(u"id"_s)}}})
                .ok);
    Reply log;
    QTRY_VERIFY((log = bob->request(u"guild.audit_log"_s, {{u"guild_id"_s, g.guildId}})).ok);
    QStringList actions;
    for (const QJsonValue &e : log.d.value(u"entries"_s).toArray())
        actions.append(e.toObject().value(u"action"_s).toString());
    QCOMPARE(actions, (QStringList{u"member.set_roles"_s, u"role.create"_s, u"guild.update"_s}));
}

void tst_Cluster::visibilityAcrossNodes()
{
    // Ann owns the guild on node A; Bob, a member, is on node B. A channel hidden from @everyone
    // disappears for Bob on B, nothing of it reaches him, and a role that lets him see it brings
    // it back, history included.
    ClusterPair n;
    QString err;
    QVERIFY2(n.start(&err), qPrintable(err));
    auto &ann = n.ann;
    auto &bob = n.bob;
    const GuildRef g = createGuild(*ann, u"Private across nodes"_s);
    QVERIFY(g.valid());
    QVERIFY(joinFromOtherNode(*ann, *bob, g));
    const Reply made = ann->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"staff"_s}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    const QString staff = made.d.value(u"id"_s).toString();
    QVERIFY(bob->waitEventWhere(u"channel.created"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == staff; }));

    const Reply hidden = ann->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, staff},
                                                                   {u"role_id"_s, g.guildId},
                                                                   {u"allow"_s, QJsonArray{}},
                                                                   {u"deny"_s, QJsonArray{u"view_channel"_s}}});
    QVERIFY2(hidden.ok, qPrintable(hidden.describe()));
    QVERIFY(bob->waitEventWhere(u"channel.deleted"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == staff; }));
    QCOMPARE(outcome(bob->request(u"message.history"_s, {{u"channel_id"_s, staff}})), u"not_found"_s);

    // A message in the hidden channel, then one in #general: Bob gets the second only.
    const Reply secret = sendMessage(*ann, staff, u"for staff only"_s);
    const Reply open = sendMessage(*ann, g.channelId, u"for everyone"_s);
    QVERIFY(secret.ok && open.ok);
    QVERIFY(bob->waitEventWhere(u"message.created"_s, [&](const Event &e) { return e.d.value(u"id"_s) == open.d.value(u"id"_s); }));
    for (const Event &e : bob->events())
        QVERIFY2(e.d.value(u"channel_id"_s).toString() != staff || e.name == u"channel.deleted",
                 qPrintable(u"Bob got %1 of the hidden channel"_s.arg(e.name)));

    // A role allowed in the channel, given to Bob on A: B shows him the channel again.
    const Reply role = ann->request(u"role.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"Staff"_s}});
    QVERIFY2(role.ok, qPrintable(role.describe()));
    const QString roleId = role.d.value(u"id"_s).toString();
    QVERIFY(ann->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, staff},
                                                      {u"role_id"_s, roleId},
                                                      {u"allow"_s, QJsonArray{u"view_channel"_s}},
                                                      {u"deny"_s, QJsonArray{}}})
                .ok);
    QVERIFY(ann->request(u"member.set_roles"_s, {{u"guild_id"_s, g.guildId},
                                                 {u"user_id"_s, bob->userId()},
                                                 {u"role_ids"_s, QJsonArray{roleId}}})
                .ok);
    QVERIFY(bob->waitEventWhere(u"channel.created"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == staff; }));
    const Reply history = bob->request(u"message.history"_s, {{u"channel_id"_s, staff}});
    QVERIFY2(history.ok, qPrintable(history.describe()));
    QCOMPARE(messageIds(history), QStringList{secret.d.value(u"id"_s).toString()});
}

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"

// Several servers on one PostgreSQL database: node ids leased so that no two live nodes share
// one, a configured id that a live node holds refused with its holder named.
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

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"

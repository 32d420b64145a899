#include "NodeTable.h"

#include "store/SqlConnection.h"

#include <QSet>
#include <QVariant>

namespace kith::server::NodeTable {

Result<NodeLease> lease(SqlConnection &s, int wanted, const QString &holder, qint64 ttlMs)
{
    if (!s.isPostgres())
        return Error::internal(QStringLiteral("node leases are kept in PostgreSQL only"));
    // One lease at a time across every node: the lock ends with the transaction.
    QSqlQuery &lock = s.prepared("SELECT pg_advisory_xact_lock(74200002)");
    if (!s.exec(lock, "node lock"))
        return storageError();
    lock.finish();
    QSqlQuery &live = s.prepared("SELECT id, holder, expires_at - " KITH_PG_NOW_MS " FROM nodes WHERE expires_at > " KITH_PG_NOW_MS);
    if (!s.exec(live, "live nodes"))
        return storageError();
    QSet<int> taken;
    QList<int> servers;
    while (live.next()) {
        const int id = live.value(0).toInt();
        taken.insert(id);
        if (!live.value(1).toString().startsWith(kToolHolderPrefix) && live.value(1).toString() != holder)
            servers.append(id);
        if (id == wanted && live.value(1).toString() != holder) {
            const QString other = live.value(1).toString();
            const qint64 left = live.value(2).toLongLong();
            live.finish();
            return Error::conflict(QStringLiteral("node id %1 is held by a live node (%2; its lease ends in %3 s "
                                                  "unless renewed)")
                                       .arg(wanted)
                                       .arg(other)
                                       .arg((left + 999) / 1000));
        }
    }
    live.finish();
    int id = wanted;
    if (id < 0) {
        for (id = 0; id < 1024 && taken.contains(id); ++id) {
        }
        if (id == 1024)
            return Error::conflict(QStringLiteral("all 1024 node ids are held by live nodes"));
    }
    QSqlQuery &put = s.prepared("INSERT INTO nodes (id, holder, expires_at, started_at) "
                                "VALUES (?, ?, " KITH_PG_NOW_MS " + ?, " KITH_PG_NOW_MS ") "
                                "ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, "
                                "expires_at = excluded.expires_at, started_at = excluded.started_at");
    put.bindValue(0, id);
    put.bindValue(1, holder);
    put.bindValue(2, ttlMs);
    if (!s.exec(put, "lease node"))
        return storageError();
    servers.removeAll(id);
    return NodeLease{id, servers};
}

Result<bool> renew(SqlConnection &s, int nodeId, const QString &holder, qint64 ttlMs)
{
    QSqlQuery &q = s.prepared("UPDATE nodes SET expires_at = " KITH_PG_NOW_MS " + ? WHERE id = ? AND holder = ?");
    q.bindValue(0, ttlMs);
    q.bindValue(1, nodeId);
    q.bindValue(2, holder);
    if (!s.exec(q, "renew node"))
        return storageError();
    return q.numRowsAffected() == 1;
}

Result<Done> release(SqlConnection &s, int nodeId, const QString &holder)
{
    QSqlQuery &q = s.prepared("DELETE FROM nodes WHERE id = ? AND holder = ?");
    q.bindValue(0, nodeId);
    q.bindValue(1, holder);
    return s.run(q, "release node");
}

} // namespace kith::server::NodeTable

#pragma once
//! Node id leases of servers sharing one PostgreSQL database, timed by the database's clock.
//! Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace NodeTable {
//! Holders of leases taken by tools for a moment (kith-server admin), not by serving nodes.
inline const QString kToolHolderPrefix = QStringLiteral("kith-server admin");
Result<NodeLease> lease(SqlConnection &s, int wanted, const QString &holder, qint64 ttlMs);
Result<bool> renew(SqlConnection &s, int nodeId, const QString &holder, qint64 ttlMs);
Result<Done> release(SqlConnection &s, int nodeId, const QString &holder);
} // namespace NodeTable

} // namespace kith::server

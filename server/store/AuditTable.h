#pragma once
//! Guilds' audit logs in SQL (issue 13). Runs on the store thread; SqlStore forwards the Store
//! interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace AuditTable {
//! Appends the entry and drops the guild's entries with ids below pruneBefore.
Result<Done> insert(SqlConnection &s, const AuditEntry &entry, Id pruneBefore);
//! Entries with ids in [notBefore, before) (before 0: no upper bound), newest first.
Result<QList<AuditEntry>> page(SqlConnection &s, Id guildId, Id before, Id notBefore, int limit);
} // namespace AuditTable

} // namespace kith::server

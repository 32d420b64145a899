#include "AuditTable.h"

#include "store/SqlConnection.h"

#include <QJsonDocument>
#include <QVariant>

#include <limits>

namespace kith::server::AuditTable {

Result<Done> insert(SqlConnection &s, const AuditEntry &entry, Id pruneBefore)
{
    // Pruning here keeps the log bounded without a timer: each insert walks the guild's index
    // below the cut-off, which holds at most the entries that expired since the last insert.
    QSqlQuery &p = s.prepared("DELETE FROM audit_log WHERE guild_id = ? AND id < ?");
    p.bindValue(0, qint64(entry.guildId));
    p.bindValue(1, qint64(pruneBefore));
    if (auto r = s.run(p, "prune audit log"); !r)
        return r;
    QSqlQuery &q =
        s.prepared("INSERT INTO audit_log (id, guild_id, action, actor_id, target_id, reason, changes) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(entry.id));
    q.bindValue(1, qint64(entry.guildId));
    q.bindValue(2, entry.action);
    q.bindValue(3, qint64(entry.actorId));
    q.bindValue(4,
                entry.targetId ? QVariant(qint64(entry.targetId)) : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(5,
                entry.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entry.reason));
    q.bindValue(6, QString::fromUtf8(QJsonDocument(entry.changes).toJson(QJsonDocument::Compact)));
    return s.run(q, "insert audit entry");
}

Result<QList<AuditEntry>> page(SqlConnection &s, Id guildId, Id before, Id notBefore, int limit)
{
    QSqlQuery &q = s.prepared("SELECT id, action, actor_id, target_id, reason, changes FROM audit_log "
                              "WHERE guild_id = ? AND id < ? AND id >= ? ORDER BY id DESC LIMIT ?");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, before ? qint64(before) : std::numeric_limits<qint64>::max());
    q.bindValue(2, qint64(notBefore));
    q.bindValue(3, limit);
    if (!s.exec(q, "audit log"))
        return storageError();
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = Id(q.value(0).toLongLong());
        e.guildId = guildId;
        e.action = q.value(1).toString();
        e.actorId = Id(q.value(2).toLongLong());
        e.targetId = q.value(3).isNull() ? 0 : Id(q.value(3).toLongLong());
        e.reason = q.value(4).toString();
        e.changes = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out.append(std::move(e));
    }
    q.finish();
    return out;
}

} // namespace kith::server::AuditTable

#include "AuditLog.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Id oldestKept()
{
    return snowflake::fromTimestampMs(nowMs() - limits::kAuditRetentionMs);
}

QJsonObject toJson(const AuditEntry &e)
{
    return {{QLatin1String("id"), idJson(e.id)},
            {QLatin1String("action"), e.action},
            {QLatin1String("actor_id"), idJson(e.actorId)},
            {QLatin1String("target_id"), e.targetId ? idJson(e.targetId) : QJsonValue()},
            {QLatin1String("reason"), e.reason.isEmpty() ? QJsonValue() : QJsonValue(e.reason)},
            {QLatin1String("changes"), e.changes},
            {QLatin1String("created_at"), isoTime(snowflake::timestampMs(e.id))}};
}
} // namespace

AuditEntry AuditLog::entry(ServiceContext &ctx, Id guildId, QLatin1String action, Id actorId, Id targetId,
                           QJsonObject changes, QString reason)
{
    return {ctx.ids.next(), guildId,           QString(action),   actorId,
            targetId,       std::move(reason), std::move(changes)};
}

Result<Done> AuditLog::write(Store &s, const AuditEntry &entry)
{
    return s.insertAudit(entry, oldestKept());
}

std::optional<Error> AuditLog::readReason(const QJsonObject &d, QString *reason)
{
    JsonFields f(d);
    *reason = f.optString(QLatin1String("reason")).value_or(QString()).trimmed();
    if (!f.ok())
        return f.error();
    if (reason->size() > limits::kModerationReasonLength)
        return Error::badRequest(
            QStringLiteral("reason is longer than %1 characters").arg(limits::kModerationReasonLength));
    return std::nullopt;
}

void AuditLog::change(QJsonObject &changes, QLatin1String key, const QJsonValue &old, const QJsonValue &now)
{
    if (old != now)
        changes.insert(key, QJsonObject{{QLatin1String("old"), old}, {QLatin1String("new"), now}});
}

void AuditLog::list(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(QLatin1String("guild_id"));
    const Id before = f.optId(QLatin1String("before")).value_or(0);
    const int limit =
        int(f.optInt(QLatin1String("limit"), 1, limits::kAuditPageMax).value_or(limits::kAuditPageDefault));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::ViewAuditLog,
                            QStringLiteral("see the audit log"), &e))
        return call.fail(e);
    // On the writer: an entry is readable as soon as the op that wrote it has replied.
    const Id notBefore = oldestKept();
    m_ctx.store.submit<QList<AuditEntry>>(
        [guildId, before, notBefore, limit](Store &s) {
            return s.auditLog(guildId, before, notBefore, limit);
        },
        [call](Result<QList<AuditEntry>> &&r) {
            if (!r)
                return call.fail(r.error());
            QJsonArray entries;
            for (const AuditEntry &e : r.value())
                entries.append(toJson(e));
            call.ok({{QLatin1String("entries"), entries}});
        });
}

} // namespace kith::server

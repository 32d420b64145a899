#pragma once
//! guild.audit_log (issue 13), and how the services record what they change: each op that
//! changes a guild writes its entry in the same store job, so the entry commits with the change.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "store/Store.h"

#include <optional>

namespace kith::server {

class AuditLog
{
public:
    explicit AuditLog(ServiceContext &ctx)
        : m_ctx(ctx)
    { }

    void list(const Call &call);

    //! A new entry, stamped now (its id), for `action` (an op name) in a guild.
    static AuditEntry entry(ServiceContext &ctx, Id guildId, QLatin1String action, Id actorId,
                            Id targetId = 0, QJsonObject changes = {}, QString reason = {});
    //! Inside a store job: writes the entry and drops the guild's entries past the retention.
    static Result<Done> write(Store &s, const AuditEntry &entry);
    //! A store job doing `job`, then writing the entry: both commit or neither.
    template <class Job> static auto with(AuditEntry entry, Job job)
    {
        return [entry = std::move(entry), job = std::move(job)](Store &s) -> Result<Done> {
            if (Result<Done> r = job(s); !r)
                return r;
            return write(s, entry);
        };
    }
    //! The optional `reason` of a moderation op (kick, ban, timeout): trimmed, "" when absent or null;
    //! an error when longer than kModerationReasonLength.
    static std::optional<Error> readReason(const QJsonObject &d, QString *reason);
    //! Adds {key: {old, new}} to `changes` when the two differ.
    static void change(QJsonObject &changes, QLatin1String key, const QJsonValue &old, const QJsonValue &now);

private:
    ServiceContext &m_ctx;
};

} // namespace kith::server

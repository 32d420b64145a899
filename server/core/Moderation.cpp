#include "Moderation.h"

#include "Log.h"
#include "core/Access.h"
#include "core/Attachments.h"
#include "core/AuditLog.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "ServerConfig.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kUserId{"user_id"};
const QLatin1String kReason{"reason"};
const QLatin1String kDeleteMessageSeconds{"delete_message_seconds"};

//! What a ban took with it.
struct Banned {
    QList<QPair<Id, Id>> deleted; //!< (message, channel)
    QStringList unusedFiles;
};
} // namespace

void Moderation::ban(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    const QString reason = f.optString(kReason).value_or(QString()).trimmed();
    const qint64 seconds = f.optInt(kDeleteMessageSeconds, 0, limits::kBanDeleteMessageSeconds).value_or(0);
    if (!f.ok())
        return call.fail(f.error());
    if (reason.size() > limits::kBanReasonLength)
        return call.fail(Error::badRequest(
            QStringLiteral("reason is longer than %1 characters").arg(limits::kBanReasonLength)));
    const Directory &dir = m_ctx.directory;
    Error e;
    const Member *me = access::memberWith(dir, guildId, call.userId(), Permission::BanMembers,
                                          QStringLiteral("ban members"), &e);
    if (!me)
        return call.fail(e);
    if (!dir.user(userId))
        return call.fail(Error::notFound(QStringLiteral("unknown user")));
    if (userId == call.userId())
        return call.fail(Error::forbidden(QStringLiteral("you cannot ban yourself; leave the guild instead")));
    // Someone who is not a member (any more) may be banned too: they stay out.
    const Member *target = dir.member(guildId, userId);
    if (target && target->role == Role::Owner)
        return call.fail(Error::forbidden(QStringLiteral("nobody can ban the owner")));
    if (target
        && !permissions::mayActOn(me->role, dir.topPosition(guildId, *me), target->role,
                                  dir.topPosition(guildId, *target)))
        return call.fail(Error::forbidden(me->role == Role::Admin
                                              ? QStringLiteral("only the owner may ban an admin")
                                              : QStringLiteral("you may only ban members below you")));
    const bool guest = dir.isGuest(userId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<Id> channels = seconds > 0 ? dir.guild(guildId)->channels : QList<Id>{};
    const Id since = snowflake::fromTimestampMs(now - seconds * 1000);
    const GuildBan record{userId, reason, now};
    QJsonObject changes;
    if (seconds)
        AuditLog::change(changes, kDeleteMessageSeconds, QJsonValue(), seconds);
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberBan, call.userId(), userId, changes, reason);
    m_ctx.store.submit<Banned>(
        [guildId, record, channels, since, audit](Store &s) -> Result<Banned> {
            if (auto r = s.ban(guildId, record); !r)
                return r.error();
            if (auto r = s.deleteMember(guildId, record.userId); !r)
                return r.error();
            if (auto r = AuditLog::write(s, audit); !r)
                return r.error();
            Banned out;
            if (channels.isEmpty())
                return out;
            auto messages = s.messagesOf(record.userId, channels, since);
            if (!messages)
                return messages.error();
            for (const auto &[messageId, channelId] : messages.value()) {
                auto unused = s.releaseAttachments(messageId);
                if (!unused)
                    return unused.error();
                out.unusedFiles += unused.value();
                if (auto r = s.deleteMessage(messageId); !r)
                    return r.error();
            }
            out.deleted = std::move(messages.value());
            return out;
        },
        [this, call, guildId, userId, guest](Result<Banned> &&r) {
            if (!r)
                return call.fail(r.error());
            Attachments::removeUnused(m_ctx.store, m_ctx.config.attachmentsDir, r->unusedFiles);
            call.ok({{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
            Directory &dir = m_ctx.directory;
            if (dir.member(guildId, userId)) {
                // As member.kick: everyone, the banned one included, hears it before it goes.
                m_ctx.hub.toGuild(guildId, ev::MemberLeft, {{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
                dir.removeMember(guildId, userId);
            }
            for (const auto &[messageId, channelId] : std::as_const(r->deleted))
                if (const Channel *c = dir.channel(channelId))
                    m_ctx.hub.toUsers(dir.viewers(*c), ev::MessageDeleted,
                                      QJsonObject{{QLatin1String("id"), idJson(messageId)},
                                                  {QLatin1String("channel_id"), idJson(channelId)},
                                                  {kGuildId, idJson(guildId)}});
            if (guest && dir.guildCountOf(userId) == 0) {
                // A guest has nothing but the party: out of it, as member.kick does.
                dir.markKicked(userId);
                m_ctx.hub.endSessionsOfUser(userId, limits::kCloseKicked, QStringLiteral("banned from the party"));
            }
            qCInfo(lcServer) << "user" << userId << "banned from guild" << guildId << "by" << call.userId()
                             << r->deleted.size() << "messages deleted";
        });
}

void Moderation::unban(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::BanMembers,
                            QStringLiteral("lift bans"), &e))
        return call.fail(e);
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberUnban, call.userId(), userId);
    m_ctx.store.submit<bool>([guildId, userId, audit](Store &s) -> Result<bool> {
                                 auto r = s.unban(guildId, userId);
                                 if (!r || !r.value()) // no ban, nothing done: nothing to log
                                     return r;
                                 if (auto w = AuditLog::write(s, audit); !w)
                                     return w.error();
                                 return true;
                             },
                             [call, guildId, userId](Result<bool> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 if (!r.value())
                                     return call.fail(Error::notFound(QStringLiteral("that user is not banned")));
                                 call.ok({{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
                             });
}

void Moderation::bans(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::BanMembers,
                            QStringLiteral("see the bans"), &e))
        return call.fail(e);
    m_ctx.store.submit<QList<GuildBan>>([guildId](Store &s) { return s.bans(guildId); },
                                        [this, call](Result<QList<GuildBan>> &&r) {
                                            if (!r)
                                                return call.fail(r.error());
                                            QJsonArray out;
                                            for (const GuildBan &b : r.value())
                                                out.append(QJsonObject{
                                                    {QLatin1String("user"),
                                                     m_ctx.directory.userOrPlaceholder(b.userId).toJson()},
                                                    {kReason, b.reason.isEmpty() ? QJsonValue() : QJsonValue(b.reason)},
                                                    {QLatin1String("created_at"), isoTime(b.createdAtMs)}});
                                            call.ok({{QLatin1String("bans"), out}});
                                        });
}

void Moderation::timeout(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    // `until` must be there: a time, or null to lift the timeout.
    QString reason;
    if (auto bad = AuditLog::readReason(call.data(), &reason))
        return call.fail(*bad);
    const QJsonValue until = call.data().value(QLatin1String("until"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 untilMs = 0;
    if (until.isString()) {
        const QDateTime at = QDateTime::fromString(until.toString(), Qt::ISODateWithMs);
        if (!at.isValid())
            return call.fail(Error::badRequest(QStringLiteral("until must be a time such as 2026-01-02T03:04:05.678Z")));
        untilMs = at.toMSecsSinceEpoch();
        if (untilMs <= now)
            return call.fail(Error::badRequest(QStringLiteral("until must be in the future (null lifts a timeout)")));
        if (untilMs > now + limits::kTimeoutMaxMs)
            return call.fail(Error::badRequest(QStringLiteral("until must be at most 28 days ahead")));
    } else if (!until.isNull()) {
        return call.fail(Error::badRequest(QStringLiteral("field \"until\" must be a time string or null")));
    }
    const Directory &dir = m_ctx.directory;
    Error e;
    const Member *me = access::memberWith(dir, guildId, call.userId(), Permission::ModerateMembers,
                                          QStringLiteral("time out members"), &e);
    if (!me)
        return call.fail(e);
    const Member *target = dir.member(guildId, userId);
    if (!target)
        return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
    if (userId == call.userId())
        return call.fail(Error::forbidden(QStringLiteral("you cannot time yourself out")));
    if (target->role == Role::Owner)
        return call.fail(Error::forbidden(QStringLiteral("nobody can time out the owner")));
    if (!permissions::mayActOn(me->role, dir.topPosition(guildId, *me), target->role, dir.topPosition(guildId, *target)))
        return call.fail(Error::forbidden(me->role == Role::Admin
                                              ? QStringLiteral("only the owner may time out an admin")
                                              : QStringLiteral("you may only time out members below you")));
    auto timeJson = [](qint64 ms) { return ms ? QJsonValue(isoTime(ms)) : QJsonValue(); };
    const qint64 wasMs = target->timeoutUntilMs > now ? target->timeoutUntilMs : 0;
    QJsonObject changes;
    AuditLog::change(changes, QLatin1String("timeout_until"), timeJson(wasMs), timeJson(untilMs));
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberTimeout, call.userId(), userId, changes, reason);
    m_ctx.store.submit<Done>(
        AuditLog::with(audit, [guildId, userId, untilMs](Store &s) { return s.setTimeout(guildId, userId, untilMs); }),
        [this, call, guildId, userId, untilMs](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            Directory &dir = m_ctx.directory;
            const Member *now = dir.member(guildId, userId);
            if (!now)
                return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
            Member updated = *now;
            updated.timeoutUntilMs = untilMs;
            updated.user = dir.userOrPlaceholder(userId);
            dir.putMember(guildId, updated);
            const QJsonObject member = updated.toJson();
            call.ok(member);
            m_ctx.hub.toGuild(guildId, ev::MemberUpdated, {{kGuildId, idJson(guildId)}, {QLatin1String("member"), member}});
        });
}

} // namespace kith::server

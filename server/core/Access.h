#pragma once
//! Authorisation checks shared by the services. What a user may not see is not_found, so that
//! its existence does not leak; what they see but may not change is forbidden.

#include "core/Directory.h"
#include "shared/ErrorCode.h"

#include <QDateTime>
#include <optional>

namespace kith::server::access {

//! The caller's membership of a guild they can see.
inline const Member *member(const Directory &dir, Id guildId, Id userId, Error *error)
{
    const Member *m = dir.member(guildId, userId);
    if (!m)
        *error = Error::notFound(QStringLiteral("unknown guild"));
    return m;
}

//! A channel the caller can see (a guild channel of theirs, or a DM they are in), and their
//! guild membership (null for DMs).
inline const Channel *channel(const Directory &dir, Id channelId, Id userId, const Member **member,
                              Error *error)
{
    const Channel *c = dir.channel(channelId);
    if (!c || !dir.canView(userId, *c)) {
        *error = Error::notFound(QStringLiteral("unknown channel"));
        return nullptr;
    }
    if (member)
        *member = c->isDm() ? nullptr : dir.member(c->guildId, userId);
    return c;
}

//! A channel the caller can see that holds messages: a category holds none (bad_request).
inline const Channel *messageChannel(const Directory &dir, Id channelId, Id userId, const Member **member,
                                     Error *error)
{
    const Channel *c = channel(dir, channelId, userId, member, error);
    if (c && c->isCategory()) {
        *error = Error::badRequest(QStringLiteral("a category holds no messages"));
        return nullptr;
    }
    return c;
}

//! A channel whose messages are stored, for the ops on stored messages (reactions, edits):
//! the messages of a channel that is not stored are gone once delivered (bad_request).
inline std::optional<Error> notStored(const Channel &channel)
{
    if (channel.persistent)
        return std::nullopt;
    return Error::badRequest(QStringLiteral("messages of this channel are not stored"));
}

//! A guild channel the caller can see; DMs are managed with dm.* ops.
inline const Channel *guildChannel(const Directory &dir, Id channelId, Id userId, const Member **member,
                                   Error *error)
{
    const Channel *c = channel(dir, channelId, userId, member, error);
    if (c && c->isDm()) {
        *error = Error::badRequest(QStringLiteral("direct-message channels are changed with the dm.* ops"));
        return nullptr;
    }
    return c;
}

inline bool atLeast(const Member *m, Role role, const QString &action, Error *error)
{
    if (m && int(m->role) >= int(role))
        return true;
    *error = Error::forbidden(QStringLiteral("only the guild's %1 may %2")
                                  .arg(role == Role::Owner ? QStringLiteral("owner")
                                                           : QStringLiteral("owner or admins"),
                                       action));
    return false;
}

//! The caller's membership of a guild they can see, with at least `role` to do `action`.
inline const Member *memberWithRole(const Directory &dir, Id guildId, Id userId, Role role,
                                    const QString &action, Error *error)
{
    const Member *m = member(dir, guildId, userId, error);
    return m && atLeast(m, role, action, error) ? m : nullptr;
}

//! What someone without `permission` is told when they try `action`.
inline Error lacks(Permission permission, const QString &action)
{
    return Error::forbidden(
        QStringLiteral("you need the %1 permission to %2").arg(permissionName(permission), action));
}

//! The caller's membership of a guild they can see, with `permission` there to do `action`.
inline const Member *memberWith(const Directory &dir, Id guildId, Id userId, Permission permission,
                                const QString &action, Error *error)
{
    const Member *m = member(dir, guildId, userId, error);
    if (m && !dir.permissionsOf(guildId, *m).has(permission)) {
        *error = lacks(permission, action);
        return nullptr;
    }
    return m;
}

//! Whether a member has `permission` in the guild (for checks after the membership is known).
inline bool allowed(const Directory &dir, Id guildId, const Member *m, Permission permission,
                    const QString &action, Error *error)
{
    if (m && dir.permissionsOf(guildId, *m).has(permission))
        return true;
    *error = lacks(permission, action);
    return false;
}

//! Whether the caller may do `permission` in a channel they can see (DMs have their own rules:
//! there everything is allowed here).
inline bool allowedIn(const Directory &dir, const Channel &channel, Id userId, Permission permission,
                      const QString &action, Error *error)
{
    if (channel.isDm())
        return true;
    const Member *m = dir.member(channel.guildId, userId);
    if (m && dir.permissionsIn(channel, *m).has(permission))
        return true;
    *error = lacks(permission, action);
    return false;
}

//! A member timed out in the channel's guild (member.timeout) may not write, type or react there.
inline std::optional<Error> timedOut(const Directory &dir, const Channel &channel, Id userId)
{
    const Member *m = channel.isDm() ? nullptr : dir.member(channel.guildId, userId);
    if (!m || !m->timeoutUntilMs || m->timeoutUntilMs <= QDateTime::currentMSecsSinceEpoch())
        return std::nullopt;
    return Error::forbidden(QStringLiteral("you are timed out in this guild until %1").arg(isoTime(m->timeoutUntilMs)));
}

//! A 1:1 DM across a block (either way): nobody writes into it, reactions included.
inline std::optional<Error> blockedDm(const Directory &dir, const Channel &channel, Id userId)
{
    if (channel.type == ChannelType::Dm) {
        for (const User &r : channel.recipients)
            if (r.id != userId && dir.blockedEitherWay(userId, r.id))
                return Error::forbidden(QStringLiteral("you cannot message this user"));
    }
    return std::nullopt;
}

//! What a LAN party's guest may not do: they came to chat, not to run the server.
inline Error guestsCannot(const QString &action)
{
    return Error::forbidden(QStringLiteral("guests cannot %1").arg(action));
}

} // namespace kith::server::access

#include "Roles.h"

#include "Log.h"
#include "core/Access.h"
#include "core/AuditLog.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Visibility.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QJsonArray>

#include <algorithm>

namespace kith::server {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kRoleId{"role_id"};
const QLatin1String kRoleIds{"role_ids"};
const QLatin1String kUserId{"user_id"};
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kName{"name"};
const QLatin1String kColor{"color"};
const QLatin1String kPermissions{"permissions"};
const QLatin1String kMentionable{"mentionable"};
const QLatin1String kAllow{"allow"};
const QLatin1String kDeny{"deny"};

//! `color`: absent or null (nullopt: unchanged, or none for a new role; PROTOCOL.md treats an
//! optional null as absent), "" (empty: none) or "#rrggbb" (stored lower-case).
bool readColor(const QJsonObject &d, std::optional<QString> *out, Error *error)
{
    const QJsonValue v = d.value(kColor);
    if (v.isUndefined() || v.isNull())
        return true;
    const QString text = v.isString() ? v.toString() : QStringLiteral("?");
    if (const QString why = text.isEmpty() ? QString() : validate::color(text); !why.isEmpty()) {
        *error = Error::badRequest(why);
        return false;
    }
    *out = text.toLower();
    return true;
}

QJsonArray idsJson(const QList<Id> &ids)
{
    QJsonArray out;
    for (Id id : ids)
        out.append(idJson(id));
    return out;
}

QJsonValue colorJson(const QString &color)
{
    return color.isEmpty() ? QJsonValue() : QJsonValue(color);
}

QJsonObject overwriteJson(const PermissionOverwrite &o)
{
    return {{kRoleId, idJson(o.roleId)}, {kAllow, o.allow.toJson()}, {kDeny, o.deny.toJson()}};
}

//! What the audit log keeps of a role's change (a new role: every field, from null).
QJsonObject roleChanges(const GuildRole &old, const GuildRole &now, bool created)
{
    QJsonObject changes;
    auto was = [created](const QJsonValue &v) { return created ? QJsonValue() : v; };
    AuditLog::change(changes, kName, was(old.name), now.name);
    AuditLog::change(changes, kColor, was(colorJson(old.color)), colorJson(now.color));
    AuditLog::change(changes, kPermissions, was(old.permissions.toJson()), now.permissions.toJson());
    AuditLog::change(changes, kMentionable, was(old.mentionable), now.mentionable);
    return changes;
}

Permissions changedBits(Permissions a, Permissions b)
{
    return (a & ~b) | (b & ~a);
}

//! Nobody but the owner touches a role at or above their own highest role.
bool below(const Roles::Actor &a, const GuildRole &role, const QString &action, Error *error)
{
    if (a.owner || role.position < a.top)
        return true;
    *error = Error::forbidden(QStringLiteral("you may only %1 roles below your highest role").arg(action));
    return false;
}

//! Nobody but the owner grants or takes a permission they do not have themselves.
bool mayChange(const Roles::Actor &a, Permissions changed, Error *error)
{
    const Permissions missing = changed & ~a.permissions;
    if (a.owner || missing.isEmpty())
        return true;
    *error = Error::forbidden(QStringLiteral("you cannot grant or take permissions you do not have (%1)")
                                  .arg(missing.names().join(QLatin1String(", "))));
    return false;
}

const PermissionOverwrite *overwriteOf(const Channel &c, Id roleId)
{
    for (const PermissionOverwrite &o : c.overwrites)
        if (o.roleId == roleId)
            return &o;
    return nullptr;
}
} // namespace

bool Roles::actor(const Call &call, Id guildId, const QString &action, Actor *out, Error *error) const
{
    const Directory &dir = m_ctx.directory;
    const Member *m = access::memberWith(dir, guildId, call.userId(), Permission::ManageRoles, action, error);
    if (!m)
        return false;
    *out = {m, dir.permissionsOf(guildId, *m), dir.topPosition(guildId, *m), m->role == Role::Owner};
    return true;
}

const Channel *Roles::channelActor(const Call &call, Id channelId, Actor *out, Error *error) const
{
    const Directory &dir = m_ctx.directory;
    const Member *m = nullptr;
    const Channel *c = access::guildChannel(dir, channelId, call.userId(), &m, error);
    if (!c || !m)
        return nullptr;
    const Permissions here = dir.permissionsIn(*c, *m);
    if (!here.has(Permission::ManageRoles)) {
        *error = access::lacks(Permission::ManageRoles, QStringLiteral("change a channel's permissions"));
        return nullptr;
    }
    *out = {m, here, dir.topPosition(c->guildId, *m), m->role == Role::Owner};
    return c;
}

void Roles::toGuild(Id guildId, QLatin1String ev, const GuildRole &role) const
{
    m_ctx.hub.toGuild(guildId, ev, {{kGuildId, idJson(guildId)}, {QLatin1String("role"), role.toJson()}});
}

void Roles::create(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const QString name = validate::normalizedName(f.string(kName));
    const Permissions permissions = f.optPermissions(kPermissions).value_or(Permissions());
    const bool mentionable = f.optBool(kMentionable).value_or(false);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    std::optional<QString> color;
    if (!readColor(call.data(), &color, &e))
        return call.fail(e);
    Actor a;
    if (!actor(call, guildId, QStringLiteral("create roles"), &a, &e))
        return call.fail(e);
    if (QString why = validate::roleName(name); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    // The new role takes position 1 and the caller's roles move up: it is below theirs if they have one.
    if (!a.owner && a.top < 1)
        return call.fail(
            Error::forbidden(QStringLiteral("you may only create roles below your highest role")));
    if (!mayChange(a, permissions, &e))
        return call.fail(e);
    if (m_ctx.directory.roles(guildId).size() >= limits::kRolesPerGuild)
        return call.fail(Error::conflict(QStringLiteral("this guild has too many roles")));

    GuildRole role;
    role.id = m_ctx.ids.next();
    role.name = name;
    role.color = color.value_or(QString());
    role.position = 1;
    role.permissions = permissions;
    role.mentionable = mentionable;
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::RoleCreate, call.userId(), role.id,
                                             roleChanges(GuildRole(), role, true));
    m_ctx.store.submit<Done>(AuditLog::with(audit, [guildId, role](Store &s) { return s.createRole(guildId, role); }),
                             [this, call, guildId, role](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 Directory &dir = m_ctx.directory;
                                 if (!dir.guild(guildId))
                                     return call.fail(Error::notFound(QStringLiteral("unknown guild")));
                                 // As the store did: the roles at 1 and above move up to make room.
                                 QList<GuildRole> moved;
                                 for (GuildRole other : dir.roles(guildId)) {
                                     if (other.position >= 1) {
                                         ++other.position;
                                         dir.putRole(guildId, other);
                                         moved.append(other);
                                     }
                                 }
                                 dir.putRole(guildId, role);
                                 call.ok(role.toJson());
                                 for (const GuildRole &other : std::as_const(moved))
                                     toGuild(guildId, ev::RoleUpdated, other);
                                 toGuild(guildId, ev::RoleCreated, role);
                                 qCInfo(lcServer) << "role" << role.id << "created in guild" << guildId
                                                  << "by" << call.userId();
                             });
}

void Roles::update(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id roleId = f.id(kRoleId);
    std::optional<QString> name = f.optString(kName);
    const std::optional<Permissions> permissions = f.optPermissions(kPermissions);
    const std::optional<bool> mentionable = f.optBool(kMentionable);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    std::optional<QString> color;
    if (!readColor(call.data(), &color, &e))
        return call.fail(e);
    Actor a;
    if (!actor(call, guildId, QStringLiteral("change roles"), &a, &e))
        return call.fail(e);
    const GuildRole *current = m_ctx.directory.role(guildId, roleId);
    if (!current)
        return call.fail(Error::notFound(QStringLiteral("unknown role")));
    if (!below(a, *current, QStringLiteral("change"), &e))
        return call.fail(e);
    if (name) {
        name = validate::normalizedName(*name);
        if (roleId == guildId && *name != current->name)
            return call.fail(Error::badRequest(QStringLiteral("the @everyone role keeps its name")));
        if (QString why = validate::roleName(*name); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    }
    GuildRole next = *current;
    next.name = name.value_or(next.name);
    next.color = color.value_or(next.color);
    next.permissions = permissions.value_or(next.permissions);
    next.mentionable = mentionable.value_or(next.mentionable);
    if (!mayChange(a, changedBits(next.permissions, current->permissions), &e))
        return call.fail(e);
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::RoleUpdate, call.userId(), roleId,
                                             roleChanges(*current, next, false));
    m_ctx.store.submit<Done>(AuditLog::with(audit, [guildId, next](Store &s) { return s.updateRole(guildId, next); }),
                             [this, call, guildId, next](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 const GuildRole *now = m_ctx.directory.role(guildId, next.id);
                                 if (!now)
                                     return call.fail(Error::notFound(QStringLiteral("unknown role")));
                                 GuildRole role =
                                     *now; // its position as it is now (a create may have moved it)
                                 role.name = next.name;
                                 role.color = next.color;
                                 role.permissions = next.permissions;
                                 role.mentionable = next.mentionable;
                                 const Visibility seen(m_ctx.directory, guildId);
                                 m_ctx.directory.putRole(guildId, role);
                                 call.ok(role.toJson());
                                 toGuild(guildId, ev::RoleUpdated, role);
                                 seen.announce(m_ctx.directory, m_ctx.hub);
                             });
}

void Roles::remove(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id roleId = f.id(kRoleId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    Actor a;
    if (!actor(call, guildId, QStringLiteral("delete roles"), &a, &e))
        return call.fail(e);
    const GuildRole *current = m_ctx.directory.role(guildId, roleId);
    if (!current)
        return call.fail(Error::notFound(QStringLiteral("unknown role")));
    if (roleId == guildId)
        return call.fail(Error::badRequest(QStringLiteral("the @everyone role cannot be deleted")));
    if (!below(a, *current, QStringLiteral("delete"), &e))
        return call.fail(e);
    QJsonObject changes;
    AuditLog::change(changes, kName, current->name, QJsonValue());
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::RoleDelete, call.userId(), roleId, changes);
    m_ctx.store.submit<Done>(AuditLog::with(audit, [guildId, roleId](Store &s) { return s.deleteRole(guildId, roleId); }),
                             [this, call, guildId, roleId](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 Directory &dir = m_ctx.directory;
                                 const GuildRole *gone = dir.role(guildId, roleId);
                                 if (!gone)
                                     return call.fail(Error::notFound(QStringLiteral("unknown role")));
                                 const int at = gone->position;
                                 const Visibility seen(dir, guildId);
                                 dir.removeRole(guildId, roleId);
                                 // As the store did: the roles above close the gap.
                                 QList<GuildRole> moved;
                                 for (GuildRole other : dir.roles(guildId)) {
                                     if (other.position > at) {
                                         --other.position;
                                         dir.putRole(guildId, other);
                                         moved.append(other);
                                     }
                                 }
                                 call.ok({});
                                 m_ctx.hub.toGuild(guildId, ev::RoleDeleted,
                                                   {{kGuildId, idJson(guildId)}, {kRoleId, idJson(roleId)}});
                                 for (const GuildRole &other : std::as_const(moved))
                                     toGuild(guildId, ev::RoleUpdated, other);
                                 seen.announce(dir, m_ctx.hub);
                             });
}

void Roles::reorder(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const QList<Id> order = f.ids(kRoleIds, limits::kRolesPerGuild);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    Actor a;
    if (!actor(call, guildId, QStringLiteral("reorder roles"), &a, &e))
        return call.fail(e);
    QList<GuildRole> current = m_ctx.directory.roles(guildId);
    current.removeIf([guildId](const GuildRole &r) { return r.id == guildId; });
    if (order.size() != current.size()
        || !std::all_of(current.cbegin(), current.cend(),
                        [&](const GuildRole &r) { return order.contains(r.id); }))
        return call.fail(Error::badRequest(QStringLiteral(
            "role_ids must list every role of the guild but @everyone, each once, lowest first")));
    for (const GuildRole &r : std::as_const(current)) {
        const int to = int(order.indexOf(r.id)) + 1;
        if (to != r.position && !a.owner && (r.position >= a.top || to >= a.top))
            return call.fail(
                Error::forbidden(QStringLiteral("you may only move roles below your highest role")));
    }
    QList<Id> before(current.size());
    for (const GuildRole &r : std::as_const(current))
        if (r.position >= 1 && r.position <= before.size())
            before[r.position - 1] = r.id;
    QJsonObject changes;
    AuditLog::change(changes, kRoleIds, idsJson(before), idsJson(order));
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::RoleReorder, call.userId(), 0, changes);
    m_ctx.store.submit<Done>(AuditLog::with(audit, [guildId, order](Store &s) { return s.reorderRoles(guildId, order); }),
                             [this, call, guildId, order](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 Directory &dir = m_ctx.directory;
                                 QList<GuildRole> moved;
                                 for (qsizetype i = 0; i < order.size(); ++i) {
                                     const GuildRole *now = dir.role(guildId, order[i]);
                                     if (!now || now->position == int(i + 1))
                                         continue;
                                     GuildRole role = *now;
                                     role.position = int(i + 1);
                                     moved.append(role);
                                 }
                                 for (const GuildRole &role : std::as_const(moved))
                                     dir.putRole(guildId, role);
                                 call.ok({});
                                 for (const GuildRole &role : std::as_const(moved))
                                     toGuild(guildId, ev::RoleUpdated, role);
                             });
}

void Roles::setMemberRoles(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    QList<Id> roleIds = f.ids(kRoleIds, limits::kRolesPerGuild);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    Actor a;
    if (!actor(call, guildId, QStringLiteral("change members' roles"), &a, &e))
        return call.fail(e);
    const Directory &dir = m_ctx.directory;
    const Member *target = dir.member(guildId, userId);
    if (!target)
        return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
    for (Id id : std::as_const(roleIds)) {
        if (id == guildId)
            return call.fail(
                Error::badRequest(QStringLiteral("@everyone is everyone's: leave it out of role_ids")));
        if (!dir.role(guildId, id))
            return call.fail(Error::notFound(QStringLiteral("unknown role")));
    }
    std::sort(roleIds.begin(), roleIds.end());
    if (!a.owner) {
        if (userId != call.userId()
            && !permissions::mayActOn(a.member->role, a.top, target->role, dir.topPosition(guildId, *target)))
            return call.fail(
                Error::forbidden(QStringLiteral("you may only change the roles of members below you")));
        for (const GuildRole &r : dir.roles(guildId)) {
            const bool given = roleIds.contains(r.id), held = target->roleIds.contains(r.id);
            if (given != held && !below(a, r, QStringLiteral("give or take"), &e))
                return call.fail(e);
        }
    }
    QList<Id> held = target->roleIds;
    std::sort(held.begin(), held.end());
    QJsonObject changes;
    AuditLog::change(changes, kRoleIds, idsJson(held), idsJson(roleIds));
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberSetRoles, call.userId(), userId, changes);
    m_ctx.store.submit<Done>(
        AuditLog::with(audit, [guildId, userId, roleIds](Store &s) { return s.setMemberRoles(guildId, userId, roleIds); }),
        [this, call, guildId, userId, roleIds](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            Directory &dir = m_ctx.directory;
            const Member *now = dir.member(guildId, userId);
            if (!now)
                return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
            Member updated = *now;
            updated.roleIds = roleIds;
            updated.user = dir.userOrPlaceholder(userId);
            const Visibility seen(dir, guildId);
            dir.putMember(guildId, updated);
            const QJsonObject member = updated.toJson();
            call.ok(member);
            m_ctx.hub.toGuild(guildId, ev::MemberUpdated,
                              {{kGuildId, idJson(guildId)}, {QLatin1String("member"), member}});
            seen.announce(dir, m_ctx.hub);
        });
}

void Roles::changed(const Call &call, const Channel &channel)
{
    const Visibility seen(m_ctx.directory, channel.guildId);
    m_ctx.directory.putChannel(channel);
    const QJsonObject json = channel.toJson();
    call.ok(json);
    // Who still sees it gets the update; who lost or gained it, channel.deleted or created.
    m_ctx.hub.toUsers(seen.kept(m_ctx.directory, channel.id), ev::ChannelUpdated, json);
    seen.announce(m_ctx.directory, m_ctx.hub);
}

void Roles::setOverwrite(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    PermissionOverwrite overwrite;
    overwrite.roleId = f.id(kRoleId);
    overwrite.allow = f.permissions(kAllow);
    overwrite.deny = f.permissions(kDeny);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    Actor a;
    const Channel *channel = channelActor(call, channelId, &a, &e);
    if (!channel)
        return call.fail(e);
    const Id guildId = channel->guildId;
    const GuildRole *role = m_ctx.directory.role(guildId, overwrite.roleId);
    if (!role)
        return call.fail(Error::notFound(QStringLiteral("unknown role")));
    if (!(overwrite.allow & overwrite.deny).isEmpty())
        return call.fail(Error::badRequest(QStringLiteral("a permission cannot be both allowed and denied")));
    if (!below(a, *role, QStringLiteral("change the permissions of"), &e))
        return call.fail(e);
    const PermissionOverwrite old = [&] {
        const PermissionOverwrite *o = overwriteOf(*channel, overwrite.roleId);
        return o ? *o : PermissionOverwrite{overwrite.roleId, {}, {}};
    }();
    if (!mayChange(a, changedBits(overwrite.allow, old.allow) | changedBits(overwrite.deny, old.deny), &e))
        return call.fail(e);
    QJsonObject changes;
    const PermissionOverwrite *had = overwriteOf(*channel, overwrite.roleId);
    AuditLog::change(changes, QLatin1String("overwrite"), had ? overwriteJson(*had) : QJsonValue(), overwriteJson(overwrite));
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::ChannelSetOverwrite, call.userId(), channelId, changes);
    m_ctx.store.submit<Done>(
        AuditLog::with(audit, [guildId, channelId, overwrite](Store &s) { return s.setOverwrite(guildId, channelId, overwrite); }),
        [this, call, channelId, overwrite](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            const Channel *now = m_ctx.directory.channel(channelId);
            if (!now)
                return call.fail(Error::notFound(QStringLiteral("unknown channel")));
            Channel channel = *now;
            auto same =
                std::find_if(channel.overwrites.begin(), channel.overwrites.end(),
                             [&](const PermissionOverwrite &o) { return o.roleId == overwrite.roleId; });
            if (same != channel.overwrites.end())
                *same = overwrite;
            else
                channel.overwrites.append(overwrite);
            changed(call, channel);
        });
}

void Roles::deleteOverwrite(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    const Id roleId = f.id(kRoleId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    Actor a;
    const Channel *channel = channelActor(call, channelId, &a, &e);
    if (!channel)
        return call.fail(e);
    const PermissionOverwrite *old = overwriteOf(*channel, roleId);
    if (!old) // nothing to take away: done already (a retry after a lost reply lands here)
        return call.ok(channel->toJson());
    if (const GuildRole *role = m_ctx.directory.role(channel->guildId, roleId);
        role && !below(a, *role, QStringLiteral("change the permissions of"), &e))
        return call.fail(e);
    if (!mayChange(a, old->allow | old->deny, &e))
        return call.fail(e);
    QJsonObject changes;
    AuditLog::change(changes, QLatin1String("overwrite"), overwriteJson(*old), QJsonValue());
    const AuditEntry audit =
        AuditLog::entry(m_ctx, channel->guildId, op::ChannelDeleteOverwrite, call.userId(), channelId, changes);
    m_ctx.store.submit<Done>(AuditLog::with(audit, [channelId, roleId](Store &s) { return s.deleteOverwrite(channelId, roleId); }),
                             [this, call, channelId, roleId](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 const Channel *now = m_ctx.directory.channel(channelId);
                                 if (!now)
                                     return call.fail(Error::notFound(QStringLiteral("unknown channel")));
                                 Channel channel = *now;
                                 channel.overwrites.removeIf(
                                     [&](const PermissionOverwrite &o) { return o.roleId == roleId; });
                                 changed(call, channel);
                             });
}

} // namespace kith::server

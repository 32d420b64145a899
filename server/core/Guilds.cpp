#include "Guilds.h"

#include "Log.h"
#include "core/Access.h"
#include "core/Attachments.h"
#include "core/AuditLog.h"
#include "core/Credentials.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"
#include "core/Visibility.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kUserId{"user_id"};
const QLatin1String kName{"name"};

QString defaultChannelName()
{
    return QStringLiteral("general");
}
} // namespace

void Guilds::create(const Call &call)
{
    JsonFields f(call.data());
    const QString name = validate::normalizedName(f.string(kName));
    if (!f.ok())
        return call.fail(f.error());
    if (m_ctx.directory.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("create guilds")));
    if (QString why = validate::guildName(name); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    if (m_ctx.directory.guildCountOf(call.userId()) >= limits::kGuildsPerUser)
        return call.fail(Error::conflict(QStringLiteral("you are in too many guilds")));

    const Guild guild{m_ctx.ids.next(), name, call.userId()};
    const Member owner{m_ctx.directory.userOrPlaceholder(call.userId()), Role::Owner,
                       QDateTime::currentMSecsSinceEpoch()};
    Channel general;
    general.id = m_ctx.ids.next();
    general.guildId = guild.id;
    general.name = defaultChannelName();
    m_ctx.store.submit<Done>(
        [guild, owner, general](Store &s) -> Result<Done> {
            if (auto r = s.insertGuild(guild); !r)
                return r;
            if (auto r = s.insertMember(guild.id, owner); !r)
                return r.error();
            return s.insertChannel(general);
        },
        [this, call, guild, owner, general](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            m_ctx.directory.putGuild(guild);
            m_ctx.directory.putMember(guild.id, owner);
            m_ctx.directory.putChannel(general);
            const QJsonObject full = m_ctx.directory.guildJson(guild.id, call.userId());
            call.ok(full);
            m_ctx.hub.toUser(call.userId(), ev::GuildCreated, full);
            qCInfo(lcServer) << "guild" << guild.id << "created by" << call.userId();
        });
}

void Guilds::update(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const std::optional<Id> icon = f.nullableId(QLatin1String("icon_attachment_id"));
    const std::optional<bool> discoverable = f.optBool(QLatin1String("discoverable"));
    std::optional<QString> description = f.optString(QLatin1String("description"));
    // name was required before icons; a request with none of the fields is still refused for it.
    const bool renames = f.has(kName) || (!icon && !discoverable && !description);
    const QString name = renames ? validate::normalizedName(f.string(kName)) : QString();
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Member *me = access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::ManageGuild,
                                          renames ? QStringLiteral("rename the guild") : QStringLiteral("change the guild"),
                                          &e);
    if (!me)
        return call.fail(e);
    if (renames)
        if (QString why = validate::guildName(name); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    if (description) {
        description = description->trimmed();
        if (QString why = validate::guildDescription(*description); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    }
    // Sent once stored, over what the Directory holds then.
    auto finish = [this, call, guildId, renames, name, icon, discoverable, description](Result<Done> &&r) {
        if (!r)
            return call.fail(r.error());
        const auto *held = m_ctx.directory.guild(guildId);
        if (!held)
            return call.fail(Error::notFound(QStringLiteral("unknown guild")));
        Guild guild = held->guild;
        if (renames)
            guild.name = name;
        if (icon)
            guild.icon = *icon ? profileImagePath(*icon) : QString();
        guild.discoverable = discoverable.value_or(guild.discoverable);
        guild.description = description.value_or(guild.description);
        m_ctx.directory.putGuild(guild);
        call.ok(guild.toJson());
        m_ctx.hub.toGuild(guild.id, ev::GuildUpdated, guild.toJson());
    };
    const Guild before = m_ctx.directory.guild(guildId)->guild;
    Guild guild = before;
    guild.name = renames ? name : guild.name;
    guild.discoverable = discoverable.value_or(guild.discoverable);
    guild.description = description.value_or(guild.description);
    QJsonObject changes;
    AuditLog::change(changes, kName, before.name, guild.name);
    if (icon) {
        const QString now = *icon ? profileImagePath(*icon) : QString();
        if (now != before.icon)
            AuditLog::change(changes, QLatin1String("icon"), before.icon.isEmpty() ? QJsonValue() : QJsonValue(before.icon),
                             now.isEmpty() ? QJsonValue() : QJsonValue(now));
    }
    AuditLog::change(changes, QLatin1String("discoverable"), before.discoverable, guild.discoverable);
    AuditLog::change(changes, QLatin1String("description"), before.description, guild.description);
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::GuildUpdate, call.userId(), guildId, changes);
    if (!icon)
        return m_ctx.store.submit<Done>(
            [guild, audit](Store &s) -> Result<Done> {
                if (auto r = s.updateGuild(guild); !r)
                    return r;
                return AuditLog::write(s, audit);
            },
            std::move(finish));
    if (!m_attachments)
        return call.fail(Error::unavailable(QStringLiteral("this server stores no files")));
    const bool stores = renames || discoverable || description;
    m_attachments->setProfileImage(
        call.userId(), *icon,
        [guild, stores, audit, uploader = call.userId(), id = *icon](Store &s) -> Result<QStringList> {
            if (stores)
                if (auto r = s.updateGuild(guild); !r)
                    return r.error();
            if (auto r = AuditLog::write(s, audit); !r)
                return r.error();
            return s.setGuildIcon(guild.id, uploader, id);
        },
        std::move(finish));
}

void Guilds::remove(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Member *me = access::memberWithRole(m_ctx.directory, guildId, call.userId(), Role::Owner,
                                              QStringLiteral("delete the guild"), &e);
    if (!me)
        return call.fail(e);
    m_ctx.store.submit<Done>([guildId](Store &s) { return s.deleteGuild(guildId); },
                             [this, call, guildId](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 const QJsonObject d{{QLatin1String("id"), idJson(guildId)}};
                                 call.ok(d);
                                 m_ctx.hub.toGuild(guildId, ev::GuildDeleted, d);
                                 m_ctx.directory.removeGuild(guildId);
                                 qCInfo(lcServer) << "guild" << guildId << "deleted";
                             });
}

void Guilds::leave(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Member *me = access::member(m_ctx.directory, guildId, call.userId(), &e);
    if (!me)
        return call.fail(e);
    if (me->role == Role::Owner)
        return call.fail(Error::conflict(
            QStringLiteral("the owner cannot leave: delete the guild or hand it over first")));
    const Id userId = call.userId();
    m_ctx.store.submit<Done>([guildId, userId](Store &s) { return s.deleteMember(guildId, userId); },
                             [this, call, guildId, userId](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 call.ok({});
                                 m_ctx.hub.toGuild(guildId, ev::MemberLeft,
                                                   {{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
                                 m_ctx.directory.removeMember(guildId, userId);
                             });
}

void Guilds::members(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::member(m_ctx.directory, guildId, call.userId(), &e))
        return call.fail(e);
    QJsonArray list;
    for (const Member &m : m_ctx.directory.members(guildId))
        list.append(m.toJson());
    call.ok({{QLatin1String("members"), list}});
}

void Guilds::setRole(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    const QString roleText = f.string(QLatin1String("role"));
    if (!f.ok())
        return call.fail(f.error());
    Role role;
    if (!roleFromName(roleText, &role) || role == Role::Guest)
        return call.fail(Error::badRequest(QStringLiteral("role must be owner, admin or member")));
    Error e;
    const Member *me = access::memberWithRole(m_ctx.directory, guildId, call.userId(), Role::Owner,
                                              QStringLiteral("change roles"), &e);
    if (!me)
        return call.fail(e);
    const Member *target = m_ctx.directory.member(guildId, userId);
    if (!target)
        return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
    if (userId == call.userId())
        return call.fail(Error::conflict(QStringLiteral("the owner's role changes only by handing the guild over")));

    const Id ownerId = call.userId();
    QJsonObject changes;
    AuditLog::change(changes, QLatin1String("role"), roleName(target->role), roleName(role));
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberSetRole, ownerId, userId, changes);
    m_ctx.store.submit<Done>(
        [guildId, userId, ownerId, role, audit](Store &s) -> Result<Done> {
            if (auto r = s.setRole(guildId, userId, role); !r)
                return r;
            if (auto r = AuditLog::write(s, audit); !r || role != Role::Owner)
                return r;
            // Handing over: the old owner stays as an admin.
            if (auto r = s.setRole(guildId, ownerId, Role::Admin); !r)
                return r;
            return s.setGuildOwner(guildId, userId);
        },
        [this, call, guildId, userId, ownerId, role](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            const Member *cur = m_ctx.directory.member(guildId, userId);
            if (!cur)
                return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
            Member updated = *cur;
            updated.role = role;
            updated.user = m_ctx.directory.userOrPlaceholder(userId);
            const Visibility seen(m_ctx.directory, guildId); // an admin sees past overwrites
            m_ctx.directory.putMember(guildId, updated);
            call.ok(updated.toJson());
            m_ctx.hub.toGuild(guildId, ev::MemberUpdated, {{kGuildId, idJson(guildId)}, {QLatin1String("member"), updated.toJson()}});
            if (role == Role::Owner) {
                if (const Member *old = m_ctx.directory.member(guildId, ownerId)) {
                    Member demoted = *old;
                    demoted.role = Role::Admin;
                    demoted.user = m_ctx.directory.userOrPlaceholder(ownerId);
                    m_ctx.directory.putMember(guildId, demoted);
                    m_ctx.hub.toGuild(guildId, ev::MemberUpdated, {{kGuildId, idJson(guildId)}, {QLatin1String("member"), demoted.toJson()}});
                }
                Guild g = m_ctx.directory.guild(guildId)->guild;
                g.ownerId = userId;
                m_ctx.directory.putGuild(g);
                m_ctx.hub.toGuild(guildId, ev::GuildUpdated, g.toJson());
            }
            seen.announce(m_ctx.directory, m_ctx.hub);
        });
}

void Guilds::createInvite(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    if (m_ctx.directory.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("create invites")));
    Error e;
    const Member *me = access::memberWithRole(m_ctx.directory, guildId, call.userId(), Role::Admin,
                                              QStringLiteral("create invites"), &e);
    if (!me)
        return call.fail(e);
    const QString code = Credentials::newInviteCode();
    const Id inviter = call.userId();
    // The code stays out of the log: whoever reads the log may not be allowed to invite.
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::InviteCreate, inviter);
    m_ctx.store.submit<Done>(
        [code, guildId, inviter, audit](Store &s) -> Result<Done> {
            if (auto r = s.insertInvite(code, guildId, inviter, QDateTime::currentMSecsSinceEpoch()); !r)
                return r;
            return AuditLog::write(s, audit);
        },
        [call, code, guildId](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            call.ok({{QLatin1String("code"), code}, {kGuildId, idJson(guildId)}});
        });
}

void Guilds::joinInvite(const Call &call)
{
    JsonFields f(call.data());
    const QString code = f.string(QLatin1String("code")).trimmed();
    if (!f.ok())
        return call.fail(f.error());
    if (m_ctx.directory.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("join other guilds")));
    if (code.isEmpty() || code.size() > 64)
        return call.fail(Error::notFound(QStringLiteral("unknown invite code")));
    // At the limit only a guild one is already in may be "joined" (ok, nothing changes).
    const bool full = m_ctx.directory.guildCountOf(call.userId()) >= limits::kGuildsPerUser;
    const Member joiner{m_ctx.directory.userOrPlaceholder(call.userId()), Role::Member,
                        QDateTime::currentMSecsSinceEpoch()};
    struct Joined {
        Id guildId;
        bool added;
    };
    m_ctx.store.submit<Joined>(
        [code, joiner, full](Store &s) -> Result<Joined> {
            auto g = s.useInvite(code);
            if (!g)
                return g.error();
            // A banned user stays out (the failed job takes the invite's use back).
            auto banned = s.isBanned(g.value(), joiner.user.id);
            if (!banned)
                return banned.error();
            if (banned.value())
                return Error::forbidden(QStringLiteral("you are banned from this guild"));
            if (full) {
                auto in = s.isMember(g.value(), joiner.user.id);
                if (!in)
                    return in.error();
                if (!in.value())
                    return Error::conflict(QStringLiteral("you are in too many guilds"));
            }
            auto added = s.insertMember(g.value(), joiner);
            if (!added)
                return added.error();
            return Joined{g.value(), added.value()};
        },
        [this, call, joiner](Result<Joined> &&r) {
            if (!r)
                return call.fail(r.error());
            admit(call, joiner, r->guildId, r->added);
        });
}

void Guilds::join(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    if (!f.ok())
        return call.fail(f.error());
    if (m_ctx.directory.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("join other guilds")));
    const auto *entry = m_ctx.directory.guild(guildId);
    if (!entry || !entry->guild.discoverable)
        return call.fail(Error::notFound(QStringLiteral("unknown guild")));
    const bool full = m_ctx.directory.guildCountOf(call.userId()) >= limits::kGuildsPerUser;
    const Member joiner{m_ctx.directory.userOrPlaceholder(call.userId()), Role::Member,
                        QDateTime::currentMSecsSinceEpoch()};
    m_ctx.store.submit<bool>(
        [guildId, joiner, full](Store &s) -> Result<bool> {
            // As invite.join: a banned user stays out, a full one may only "join" a guild of theirs.
            auto banned = s.isBanned(guildId, joiner.user.id);
            if (!banned)
                return banned.error();
            if (banned.value())
                return Error::forbidden(QStringLiteral("you are banned from this guild"));
            if (full) {
                auto in = s.isMember(guildId, joiner.user.id);
                if (!in)
                    return in.error();
                if (!in.value())
                    return Error::conflict(QStringLiteral("you are in too many guilds"));
            }
            return s.insertMember(guildId, joiner);
        },
        [this, call, joiner, guildId](Result<bool> &&r) {
            if (!r)
                return call.fail(r.error());
            admit(call, joiner, guildId, r.value());
        });
}

void Guilds::admit(const Call &call, const Member &joiner, Id guildId, bool added)
{
    // Stored, but made on another node whose news has not arrived yet: come back soon
    // (the join is stored; the retry finishes it below).
    if (!m_ctx.directory.guild(guildId))
        return call.fail(Error::unavailable(QStringLiteral("the guild is still on its way to this node"), 200));
    if (!added && m_ctx.directory.member(guildId, joiner.user.id)) {
        call.ok(m_ctx.directory.guildJson(guildId, joiner.user.id));
        return;
    }
    // Who was seen before the join already knows the joiner's presence.
    const QSet<Id> knewJoiner = m_ctx.directory.audienceOf(joiner.user.id);
    m_ctx.directory.putMember(guildId, joiner);
    const QJsonObject full = m_ctx.directory.guildJson(guildId, joiner.user.id);
    call.ok(full);
    m_ctx.hub.toUser(joiner.user.id, ev::GuildCreated, full);
    m_ctx.hub.toGuild(guildId, ev::MemberJoined, {{kGuildId, idJson(guildId)}, {QLatin1String("member"), joiner.toJson()}});
    for (Id other : m_ctx.directory.memberIds(guildId))
        if (other != joiner.user.id && !knewJoiner.contains(other))
            m_presence.introduce(joiner.user.id, other);
    qCInfo(lcServer) << "user" << joiner.user.id << "joined guild" << guildId;
}

} // namespace kith::server

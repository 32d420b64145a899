#include "Party.h"

#include "Log.h"
#include "ServerConfig.h"
#include "core/Access.h"
#include "core/Accounts.h"
#include "core/AuditLog.h"
#include "core/Credentials.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/LoginThrottle.h"
#include "core/Presence.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>

namespace kith::server {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kUserId{"user_id"};
const QString kPartyKey = QStringLiteral("party_guild_id");
const QString kHostKey = QStringLiteral("party_host_id");
// The party guild's owner until an account exists: a user nobody can sign in as (the name
// is no valid username, the password hash is empty) and who is no member.
const QString kHostName = QStringLiteral("~host");
// Wrong party passwords are throttled like account passwords, under one name per address.
const QString kThrottleName = QStringLiteral("#party");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString partyName(const ServerConfig &config)
{
    const QString name = validate::normalizedName(config.partyName);
    return name.isEmpty() ? config.serverName : name.left(limits::kGuildNameMax);
}

//! Nicknames: 1-32 characters once trimmed, no control characters; anything else may be in them.
QString nicknameProblem(const QString &nick)
{
    if (nick.isEmpty() || nick.size() > limits::kUsernameMax)
        return QStringLiteral("nickname: 1 to %1 characters").arg(limits::kUsernameMax);
    for (QChar c : nick)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.category() == QChar::Other_Surrogate)
            return QStringLiteral("nickname: no control characters");
    return {};
}
} // namespace

bool Party::load(QString *error)
{
    if (!m_ctx.config.guests)
        return true;
    // The oldest account owns a party guild made now; with none yet, the placeholder does.
    std::optional<Member> owner;
    for (Id uid : m_ctx.directory.userIds()) {
        const User *u = m_ctx.directory.user(uid);
        if (u && !u->guest && u->username != kHostName && (!owner || uid < owner->user.id))
            owner = Member{*u, Role::Owner, nowMs()};
    }
    Made made;
    made.guild = Guild{m_ctx.ids.next(), partyName(m_ctx.config), 0};
    made.general.id = m_ctx.ids.next();
    made.general.guildId = made.guild.id;
    made.general.name = QStringLiteral("general");
    const Id placeholder = m_ctx.ids.next();
    auto r = m_ctx.store.runSync<Made>([made, owner, placeholder](Store &s) {
        return ensureGuild(s, made, owner, placeholder);
    });
    if (!r) {
        *error = QStringLiteral("cannot set up the party guild: %1").arg(r.error().message);
        return false;
    }
    putGuild(r.value());
    qCInfo(lcServer) << "party guild" << m_guildId << (r->created ? "created" : "loaded");
    return true;
}

Result<Party::Made> Party::ensureGuild(Store &s, Made made, std::optional<Member> owner, Id placeholderId)
{
    auto existing = s.meta(kPartyKey);
    if (!existing)
        return existing.error();
    if (existing.value()) {
        made.guild.id = existing.value()->toULongLong();
        made.created = false;
        return made; // the Directory has it from the database already
    }
    Id ownerId = owner ? owner->user.id : 0;
    if (!owner) {
        auto host = s.insertUser(User{placeholderId, kHostName, made.guild.name}, QStringLiteral(""), nowMs());
        if (!host)
            return host.error();
        ownerId = placeholderId;
        if (auto m = s.setMeta(kHostKey, QString::number(placeholderId)); !m)
            return m.error();
    }
    made.guild.ownerId = ownerId;
    if (auto r = s.insertGuild(made.guild); !r)
        return r.error();
    if (owner) {
        if (auto r = s.insertMember(made.guild.id, *owner); !r)
            return r.error();
    }
    if (auto r = s.insertChannel(made.general); !r)
        return r.error();
    if (auto r = s.setMeta(kPartyKey, QString::number(made.guild.id)); !r)
        return r.error();
    made.created = true;
    return made;
}

void Party::putGuild(const Made &made)
{
    m_guildId = made.guild.id;
    if (!made.created)
        return;
    if (!m_ctx.directory.user(made.guild.ownerId)) // the placeholder, made with the guild
        m_ctx.directory.putUser(User{made.guild.ownerId, kHostName, made.guild.name});
    m_ctx.directory.putGuild(made.guild);
    m_ctx.directory.putChannel(made.general);
    if (const User *owner = m_ctx.directory.user(made.guild.ownerId); owner && owner->username != kHostName)
        m_ctx.directory.putMember(made.guild.id, Member{*owner, Role::Owner, nowMs()});
}

void Party::announceJoin(Id guildId, const Member &member)
{
    const QSet<Id> knew = m_ctx.directory.audienceOf(member.user.id);
    m_ctx.directory.putMember(guildId, member);
    m_ctx.hub.toGuild(guildId, ev::MemberJoined, {{kGuildId, idJson(guildId)}, {QLatin1String("member"), member.toJson()}});
    for (Id other : m_ctx.directory.memberIds(guildId))
        if (other != member.user.id && !knew.contains(other))
            m_presence.introduce(member.user.id, other);
}

void Party::admit(const User &user, std::function<void()> then)
{
    const Directory::GuildEntry *entry = m_guildId ? m_ctx.directory.guild(m_guildId) : nullptr;
    const Guild *g = entry ? &entry->guild : nullptr;
    if (!g || user.guest || m_ctx.directory.member(m_guildId, user.id))
        return then();
    const User *owner = m_ctx.directory.user(g->ownerId);
    // The first account takes the party over from the placeholder.
    const bool takeOver = owner && owner->username == kHostName;
    const Member member{user, takeOver ? Role::Owner : Role::Member, nowMs()};
    const Id guildId = m_guildId;
    m_ctx.store.submit<Done>(
        [guildId, member, takeOver](Store &s) -> Result<Done> {
            if (takeOver) {
                if (auto r = s.setGuildOwner(guildId, member.user.id); !r)
                    return r;
            }
            if (auto r = s.insertMember(guildId, member); !r)
                return r.error();
            return Done{};
        },
        [this, guildId, member, takeOver, then = std::move(then)](Result<Done> &&r) {
            if (!r) {
                qCWarning(lcServer) << "could not add" << member.user.id << "to the party:" << r.error().message;
                return then();
            }
            if (takeOver) {
                Guild g = m_ctx.directory.guild(guildId)->guild;
                g.ownerId = member.user.id;
                m_ctx.directory.putGuild(g);
                m_ctx.hub.toGuild(guildId, ev::GuildUpdated, g.toJson());
            }
            announceJoin(guildId, member);
            then();
        });
}

void Party::guest(const Call &call)
{
    const ServerConfig &config = m_ctx.config;
    if (!config.guests)
        return call.fail(Error::forbidden(QStringLiteral("this server takes no guests")));
    JsonFields f(call.data());
    const QString nickname = validate::normalizedName(f.string(QLatin1String("nickname")));
    const std::optional<QString> password = f.optString(QLatin1String("password"));
    if (!f.ok())
        return call.fail(f.error());
    if (const QString why = nicknameProblem(nickname); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    EventSink *sink = call.sink();
    if (!sink)
        return;
    if (!config.partyPassword.isEmpty()) {
        const QString address = sink->peerAddress();
        if (const qint64 wait = m_ctx.loginThrottle.retryAfterMs(address, kThrottleName, nowMs()); wait > 0)
            return call.fail(Error::rateLimited(wait, QStringLiteral("too many wrong party passwords; wait before trying again")));
        if (!password || *password != config.partyPassword) {
            m_ctx.loginThrottle.recordFailure(address, kThrottleName, nowMs());
            return call.fail(Error::unauthorized(password ? QStringLiteral("wrong party password")
                                                          : QStringLiteral("this party needs a password")));
        }
        m_ctx.loginThrottle.recordSuccess(address, kThrottleName);
    }
    const User wanted{m_ctx.ids.next(), nickname, nickname, true};
    const QString token = Credentials::newToken();
    const QByteArray tokenHash = Credentials::tokenHash(token);
    Made made;
    made.guild = Guild{m_ctx.ids.next(), partyName(config), 0};
    made.general.id = m_ctx.ids.next();
    made.general.guildId = made.guild.id;
    made.general.name = QStringLiteral("general");
    const Id placeholder = m_ctx.ids.next();
    struct Joined {
        User user;
        Made made;
        qint64 at;
    };
    m_ctx.store.submit<Joined>(
        [wanted, tokenHash, made, placeholder](Store &s) -> Result<Joined> {
            const qint64 now = nowMs();
            auto user = s.insertGuest(wanted, now);
            if (!user)
                return user.error();
            if (auto t = s.insertToken(tokenHash, user->id, now); !t)
                return t.error();
            auto party = ensureGuild(s, made, std::nullopt, placeholder);
            if (!party)
                return party.error();
            if (auto m = s.insertMember(party->guild.id, Member{user.value(), Role::Guest, now}); !m)
                return m.error();
            return Joined{user.value(), party.value(), now};
        },
        [this, call, token](Result<Joined> &&r) {
            if (!r)
                return call.fail(r.error());
            m_ctx.directory.putUser(r->user);
            putGuild(r->made);
            m_guildId = r->made.guild.id;
            announceJoin(m_guildId, Member{r->user, Role::Guest, r->at});
            qCInfo(lcAuth) << "guest" << r->user.username << r->user.id << "joined the party";
            m_accounts.startSession(call, r->user, token, false);
        });
}

void Party::kick(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(kGuildId);
    const Id userId = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    QString reason;
    if (auto bad = AuditLog::readReason(call.data(), &reason))
        return call.fail(*bad);
    Error e;
    const Member *me = access::member(m_ctx.directory, guildId, call.userId(), &e);
    if (!me)
        return call.fail(e);
    const Member *target = m_ctx.directory.member(guildId, userId);
    if (!target)
        return call.fail(Error::notFound(QStringLiteral("that user is not a member of this guild")));
    if (!access::allowed(m_ctx.directory, guildId, me, Permission::KickMembers,
                         QStringLiteral("kick members"), &e))
        return call.fail(e);
    if (userId == call.userId())
        return call.fail(Error::forbidden(QStringLiteral("you cannot kick yourself; leave the guild instead")));
    if (target->role == Role::Owner)
        return call.fail(Error::forbidden(QStringLiteral("nobody can kick the owner")));
    // Rank first (only the owner kicks an admin), then between members their highest roles.
    if (!permissions::mayActOn(me->role, m_ctx.directory.topPosition(guildId, *me), target->role,
                               m_ctx.directory.topPosition(guildId, *target)))
        return call.fail(Error::forbidden(me->role == Role::Admin
                                              ? QStringLiteral("only the owner may kick an admin")
                                              : QStringLiteral("you may only kick members below you")));
    const bool guest = target->user.guest;
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::MemberKick, call.userId(), userId, {}, reason);
    m_ctx.store.submit<Done>(AuditLog::with(audit, [guildId, userId](Store &s) { return s.deleteMember(guildId, userId); }),
                             [this, call, guildId, userId, guest](Result<Done> &&r) {
        if (!r)
            return call.fail(r.error());
        call.ok({{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
        // Everyone, the kicked one included, hears it before the membership goes.
        m_ctx.hub.toGuild(guildId, ev::MemberLeft, {{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}});
        m_ctx.directory.removeMember(guildId, userId);
        qCInfo(lcServer) << "user" << userId << "kicked from guild" << guildId << "by" << call.userId();
        if (guest) {
            // A guest has nothing but the party: out of it, and out until the server restarts.
            m_ctx.directory.markKicked(userId);
            m_ctx.hub.endSessionsOfUser(userId, limits::kCloseKicked, QStringLiteral("kicked from the party"));
        }
    });
}

} // namespace kith::server

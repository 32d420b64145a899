#include "Dms.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
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
const QLatin1String kChannel{"channel"};
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kUserId{"user_id"};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error acrossBlock()
{
    return Error::forbidden(QStringLiteral("you cannot message this user"));
}

QJsonObject deletedJson(Id channelId)
{
    return {{QLatin1String("id"), idJson(channelId)}, {QLatin1String("guild_id"), QJsonValue(QJsonValue::Null)}};
}
} // namespace

void Dms::open(const Call &call)
{
    JsonFields f(call.data());
    const Id other = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    const Id me = call.userId();
    if (other == me)
        return call.fail(Error::badRequest(QStringLiteral("you cannot open a DM with yourself")));
    if (!m_ctx.directory.user(other))
        return call.fail(Error::notFound(QStringLiteral("unknown user")));
    if (m_ctx.directory.blockedEitherWay(me, other))
        return call.fail(acrossBlock());
    if (const Id existing = m_ctx.directory.dmOfPair(me, other))
        return call.ok({{kChannel, m_ctx.directory.dmWithUsers(existing).toJson()}});

    Channel fresh;
    fresh.id = m_ctx.ids.next();
    fresh.type = ChannelType::Dm;
    fresh.recipients = {User{me, {}, {}}, User{other, {}, {}}};
    // Two opens racing meet in storage: the pair's row decides which channel is the one.
    m_ctx.store.submit<DmOpen>(
        [fresh, me, other](Store &s) { return s.openDm(fresh, me, other, nowMs()); },
        [this, call, fresh](Result<DmOpen> &&r) {
            if (!r)
                return call.fail(r.error());
            if (r->created) {
                m_ctx.directory.putDm(fresh);
                const QJsonObject json = m_ctx.directory.dmWithUsers(fresh.id).toJson();
                call.ok({{kChannel, json}});
                m_ctx.hub.toUsers(m_ctx.directory.viewers(fresh), ev::ChannelCreated, json);
                return;
            }
            call.ok({{kChannel, m_ctx.directory.dmWithUsers(r->channelId).toJson()}});
        });
}

void Dms::createGroup(const Call &call)
{
    const QJsonValue ids = call.data().value(QLatin1String("user_ids"));
    JsonFields f(call.data());
    const std::optional<QString> name = f.optString(QLatin1String("name"));
    if (!f.ok())
        return call.fail(f.error());
    if (!ids.isArray())
        return call.fail(Error::badRequest(QStringLiteral("field \"user_ids\" must be a list of user ids")));
    const Id me = call.userId();
    QList<Id> members{me};
    for (const QJsonValue &v : ids.toArray()) {
        Id id = 0;
        if (!v.isString() || !snowflake::parse(v.toString(), &id))
            return call.fail(Error::badRequest(QStringLiteral("field \"user_ids\" must be a list of user ids")));
        if (!members.contains(id))
            members.append(id);
    }
    if (members.size() < 2)
        return call.fail(Error::badRequest(QStringLiteral("a group DM needs at least one other person")));
    if (members.size() > limits::kGroupDmMembers)
        return call.fail(Error::badRequest(
            QStringLiteral("a group DM holds at most %1 people, you included").arg(limits::kGroupDmMembers)));
    QString cleanName;
    if (name && !name->trimmed().isEmpty()) {
        cleanName = validate::normalizedName(*name);
        if (QString why = validate::channelName(cleanName); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    }
    for (Id u : members) {
        if (!m_ctx.directory.user(u))
            return call.fail(Error::notFound(QStringLiteral("unknown user")));
        if (u != me && m_ctx.directory.blockedEitherWay(me, u))
            return call.fail(acrossBlock());
    }
    Channel c;
    c.id = m_ctx.ids.next();
    c.type = ChannelType::GroupDm;
    c.name = cleanName;
    c.ownerId = me;
    for (Id u : members)
        c.recipients.append(User{u, {}, {}});
    m_ctx.store.submit<Done>([c](Store &s) { return s.insertGroupDm(c, nowMs()); },
                             [this, call, c](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 m_ctx.directory.putDm(c);
                                 const QJsonObject json = m_ctx.directory.dmWithUsers(c.id).toJson();
                                 call.ok({{kChannel, json}});
                                 m_ctx.hub.toUsers(m_ctx.directory.viewers(c), ev::ChannelCreated, json);
                             });
}

const Channel *Dms::group(const Call &call, Error *error) const
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    if (!f.ok()) {
        *error = f.error();
        return nullptr;
    }
    const Channel *c = access::channel(m_ctx.directory, channelId, call.userId(), nullptr, error);
    if (!c)
        return nullptr;
    if (c->type != ChannelType::GroupDm) {
        *error = Error::badRequest(QStringLiteral("only group DMs have members to add or remove"));
        return nullptr;
    }
    return c;
}

void Dms::announceUpdate(Id channelId)
{
    const Channel c = m_ctx.directory.dmWithUsers(channelId);
    m_ctx.hub.toUsers(m_ctx.directory.viewers(c), ev::ChannelUpdated, c.toJson());
}

void Dms::add(const Call &call)
{
    // Every field is read before anything is looked up: a missing user_id is bad_request,
    // never not_found (docs/PROTOCOL.md 5.2).
    JsonFields f(call.data());
    const Id userId = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Channel *c = group(call, &e);
    if (!c)
        return call.fail(e);
    if (!m_ctx.directory.user(userId))
        return call.fail(Error::notFound(QStringLiteral("unknown user")));
    if (m_ctx.directory.canView(userId, *c))
        return call.ok(m_ctx.directory.dmWithUsers(c->id).toJson());
    if (m_ctx.directory.blockedEitherWay(call.userId(), userId))
        return call.fail(acrossBlock());
    if (c->recipients.size() >= limits::kGroupDmMembers)
        return call.fail(Error::conflict(QStringLiteral("this group DM is full")));
    const Id channelId = c->id;
    m_ctx.store.submit<Done>(
        [channelId, userId](Store &s) -> Result<Done> {
            // Counted in storage: two adds racing for the last seat must not both get it.
            auto n = s.recipientCount(channelId);
            if (!n)
                return n.error();
            if (n.value() >= limits::kGroupDmMembers)
                return Error::conflict(QStringLiteral("this group DM is full"));
            return s.addRecipient(channelId, userId, nowMs());
        },
        [this, call, channelId, userId](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            const Channel *cur = m_ctx.directory.channel(channelId);
            if (!cur)
                return call.fail(Error::notFound(QStringLiteral("unknown channel")));
            // Two people added the same user at once: the first add did it all.
            if (m_ctx.directory.canView(userId, *cur))
                return call.ok(m_ctx.directory.dmWithUsers(channelId).toJson());
            Channel next = *cur;
            next.recipients.append(User{userId, {}, {}});
            m_ctx.directory.putDm(next);
            const QJsonObject json = m_ctx.directory.dmWithUsers(channelId).toJson();
            call.ok(json);
            m_ctx.hub.toUser(userId, ev::ChannelCreated, json);
            QList<Id> rest = m_ctx.directory.viewers(next);
            rest.removeAll(userId);
            m_ctx.hub.toUsers(rest, ev::ChannelUpdated, json);
        });
}

void Dms::remove(const Call &call)
{
    // Every field is read before anything is looked up: a missing user_id is bad_request,
    // never not_found (docs/PROTOCOL.md 5.2).
    JsonFields f(call.data());
    const Id userId = f.id(kUserId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Channel *c = group(call, &e);
    if (!c)
        return call.fail(e);
    if (c->ownerId != call.userId())
        return call.fail(Error::forbidden(QStringLiteral("only the group's owner may remove people")));
    if (!m_ctx.directory.canView(userId, *c))
        return call.fail(Error::notFound(QStringLiteral("that user is not in this group")));
    if (userId == call.userId())
        return call.fail(Error::badRequest(QStringLiteral("use dm.leave to leave")));
    dropMember(call, c->id, userId);
}

void Dms::leave(const Call &call)
{
    Error e;
    const Channel *c = group(call, &e);
    if (!c)
        return call.fail(e);
    dropMember(call, c->id, call.userId());
}

void Dms::dropMember(const Call &call, Id channelId, Id userId)
{
    const Channel current = *m_ctx.directory.channel(channelId);
    Channel next = current;
    next.recipients.erase(std::remove_if(next.recipients.begin(), next.recipients.end(),
                                         [userId](const User &u) { return u.id == userId; }),
                          next.recipients.end());
    // An owner who leaves hands over to the longest-standing member.
    if (next.ownerId == userId && !next.recipients.isEmpty())
        next.ownerId = next.recipients.first().id;
    const bool empty = next.recipients.isEmpty();
    m_ctx.store.submit<Done>(
        [channelId, userId, next, empty](Store &s) -> Result<Done> {
            if (empty)
                return s.deleteChannel(channelId);
            if (auto r = s.removeRecipient(channelId, userId); !r)
                return r;
            return s.setDmOwner(channelId, next.ownerId);
        },
        [this, call, channelId, userId, next, empty](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            if (empty)
                m_ctx.directory.removeDm(channelId);
            else
                m_ctx.directory.putDm(next);
            call.ok(empty || userId == call.userId() ? deletedJson(channelId)
                                                     : m_ctx.directory.dmWithUsers(channelId).toJson());
            m_ctx.hub.toUser(userId, ev::ChannelDeleted, deletedJson(channelId));
            if (!empty)
                announceUpdate(channelId);
        });
}

} // namespace kith::server

#include "Social.h"

#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"
#include "shared/JsonFields.h"
#include "shared/Protocol.h"
#include "store/SocialTable.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
using RT = RelationshipType;

Error nothingToDo()
{
    return Error::notFound(QStringLiteral("there is no such request or friendship"));
}
} // namespace

QJsonObject Social::view(Id userId, Id otherId) const
{
    return {{QLatin1String("user"), m_ctx.directory.userOrPlaceholder(otherId).toJson()},
            {QLatin1String("type"), relationshipTypeName(m_ctx.directory.relationship(userId, otherId))}};
}

const User *Social::target(const Call &call, Error *error) const
{
    JsonFields f(call.data());
    const Id other = f.id(QLatin1String("user_id"));
    if (!f.ok()) {
        *error = f.error();
        return nullptr;
    }
    if (other == call.userId()) {
        *error = Error::badRequest(QStringLiteral("that is you"));
        return nullptr;
    }
    const User *u = m_ctx.directory.user(other);
    if (!u)
        *error = Error::notFound(QStringLiteral("unknown user"));
    return u;
}

void Social::apply(const Call &call, Id other, QList<Change> changes)
{
    const Id me = call.userId();
    if (changes.isEmpty())
        return call.ok(view(me, other));
    m_ctx.store.submit<Done>(
        [changes](SqlStore &s) -> Result<Done> {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const Change &c : changes)
                if (auto r = SocialTable::setRelationship(s, c.userId, c.otherId, c.type, now); !r)
                    return r;
            return Done{};
        },
        [this, call, me, other, changes](Result<Done> &&r) {
            if (!r)
                return call.fail(r.error());
            const bool wereFriends = m_ctx.directory.relationship(me, other) == RT::Friend;
            QList<Id> changed;
            for (const Change &c : changes) {
                if (m_ctx.directory.relationship(c.userId, c.otherId) == c.type)
                    continue;
                m_ctx.directory.setRelationship(c.userId, c.otherId, c.type);
                changed.append(c.userId);
            }
            call.ok(view(me, other));
            for (Id u : changed)
                m_ctx.hub.toUser(u, ev::RelationshipUpdated, view(u, u == me ? other : me));
            if (!wereFriends && m_ctx.directory.relationship(me, other) == RT::Friend)
                m_presence.introduce(me, other);
        });
}

void Social::request(const Call &call)
{
    JsonFields f(call.data());
    const QString username = f.string(QLatin1String("username")).trimmed();
    if (!f.ok())
        return call.fail(f.error());
    const Id me = call.userId();
    const User *u = m_ctx.directory.userByName(username);
    if (!u)
        return call.fail(Error::notFound(QStringLiteral("no user is called %1").arg(username.left(32))));
    if (u->id == me)
        return call.fail(Error::badRequest(QStringLiteral("you cannot befriend yourself")));
    const Id other = u->id;
    const RT mine = m_ctx.directory.relationship(me, other);
    if (mine == RT::Blocked)
        return call.fail(Error::conflict(QStringLiteral("you block this user; unblock them first")));
    if (m_ctx.directory.blocks(other, me))
        return call.fail(Error::forbidden(QStringLiteral("this user does not accept your requests")));
    if (mine == RT::Friend || mine == RT::Outgoing)
        return apply(call, other, {});
    if (mine == RT::Incoming) // they asked first: this accepts
        return apply(call, other, {{me, other, RT::Friend}, {other, me, RT::Friend}});
    apply(call, other, {{me, other, RT::Outgoing}, {other, me, RT::Incoming}});
}

void Social::accept(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId();
    if (m_ctx.directory.relationship(me, u->id) != RT::Incoming)
        return call.fail(nothingToDo());
    apply(call, u->id, {{me, u->id, RT::Friend}, {u->id, me, RT::Friend}});
}

void Social::decline(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId();
    if (m_ctx.directory.relationship(me, u->id) != RT::Incoming)
        return call.fail(nothingToDo());
    apply(call, u->id, {{me, u->id, RT::None}, {u->id, me, RT::None}});
}

void Social::cancel(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId();
    if (m_ctx.directory.relationship(me, u->id) != RT::Outgoing)
        return call.fail(nothingToDo());
    apply(call, u->id, {{me, u->id, RT::None}, {u->id, me, RT::None}});
}

void Social::remove(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId();
    if (m_ctx.directory.relationship(me, u->id) != RT::Friend)
        return call.fail(nothingToDo());
    apply(call, u->id, {{me, u->id, RT::None}, {u->id, me, RT::None}});
}

void Social::list(const Call &call)
{
    const Id me = call.userId();
    auto users = [&](RT type) {
        QJsonArray out;
        for (Id u : m_ctx.directory.related(me, type))
            out.append(m_ctx.directory.userOrPlaceholder(u).toJson());
        return out;
    };
    call.ok({{QLatin1String("friends"), users(RT::Friend)},
             {QLatin1String("incoming"), users(RT::Incoming)},
             {QLatin1String("outgoing"), users(RT::Outgoing)},
             {QLatin1String("blocked"), users(RT::Blocked)}});
}

void Social::block(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId(), other = u->id;
    QList<Change> changes{{me, other, RT::Blocked}};
    // Their view loses any friendship or request; a block of theirs stays, so ours is not revealed.
    const RT theirs = m_ctx.directory.relationship(other, me);
    if (theirs == RT::Friend || theirs == RT::Incoming || theirs == RT::Outgoing)
        changes.append({other, me, RT::None});
    apply(call, other, changes);
}

void Social::unblock(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId();
    if (m_ctx.directory.relationship(me, u->id) != RT::Blocked)
        return call.fail(Error::notFound(QStringLiteral("you do not block this user")));
    apply(call, u->id, {{me, u->id, RT::None}});
}

} // namespace kith::server

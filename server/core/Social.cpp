#include "Social.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"
#include "shared/JsonFields.h"
#include "shared/Protocol.h"
#include "store/Store.h"
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

void Social::apply(const Call &call, Id other, Plan plan)
{
    const Id me = call.userId();
    // Decided against storage, not the Directory: a write still in flight (the other side
    // asking at the same moment) is already visible there.
    m_ctx.store.submit<QList<Change>>(
        [me, other, plan](Store &s) -> Result<QList<Change>> {
            auto mine = s.relationship(me, other);
            if (!mine)
                return mine.error();
            auto theirs = s.relationship(other, me);
            if (!theirs)
                return theirs.error();
            auto changes = plan(mine.value(), theirs.value());
            if (!changes)
                return changes;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const Change &c : changes.value())
                if (auto r = s.setRelationship(c.userId, c.otherId, c.type, now); !r)
                    return r.error();
            return changes;
        },
        [this, call, me, other](Result<QList<Change>> &&r) {
            if (!r)
                return call.fail(r.error());
            const bool wereFriends = m_ctx.directory.relationship(me, other) == RT::Friend;
            QList<Id> changed;
            for (const Change &c : r.value()) {
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
    if (m_ctx.directory.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("send friend requests")));
    const Id me = call.userId();
    const User *u = m_ctx.directory.userByName(username);
    if (!u)
        return call.fail(Error::notFound(QStringLiteral("no user is called %1").arg(username.left(32))));
    if (u->id == me)
        return call.fail(Error::badRequest(QStringLiteral("you cannot befriend yourself")));
    const Id other = u->id;
    apply(call, other, [me, other](RT mine, RT theirs) -> Result<QList<Change>> {
        if (mine == RT::Blocked)
            return Error::conflict(QStringLiteral("you block this user; unblock them first"));
        if (theirs == RT::Blocked)
            return Error::forbidden(QStringLiteral("this user does not accept your requests"));
        if (mine == RT::Friend || mine == RT::Outgoing)
            return QList<Change>{};
        if (mine == RT::Incoming) // they asked first: this accepts
            return QList<Change>{{me, other, RT::Friend}, {other, me, RT::Friend}};
        return QList<Change>{{me, other, RT::Outgoing}, {other, me, RT::Incoming}};
    });
}

namespace {
//! A plan for ops that act on one kind of relationship (mine must be `needed`): both sides become `to`.
template <class Change>
auto both(Id me, Id other, RelationshipType needed, RelationshipType to)
{
    return [me, other, needed, to](RelationshipType mine, RelationshipType) -> Result<QList<Change>> {
        if (mine != needed)
            return nothingToDo();
        return QList<Change>{{me, other, to}, {other, me, to}};
    };
}
} // namespace

void Social::accept(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    apply(call, u->id, both<Change>(call.userId(), u->id, RT::Incoming, RT::Friend));
}

void Social::decline(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    apply(call, u->id, both<Change>(call.userId(), u->id, RT::Incoming, RT::None));
}

void Social::cancel(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    apply(call, u->id, both<Change>(call.userId(), u->id, RT::Outgoing, RT::None));
}

void Social::remove(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    apply(call, u->id, both<Change>(call.userId(), u->id, RT::Friend, RT::None));
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
    apply(call, other, [me, other](RT, RT theirs) -> Result<QList<Change>> {
        QList<Change> changes{{me, other, RT::Blocked}};
        // Their view loses any friendship or request; a block of theirs stays, so ours is not revealed.
        if (theirs == RT::Friend || theirs == RT::Incoming || theirs == RT::Outgoing)
            changes.append({other, me, RT::None});
        return changes;
    });
}

void Social::unblock(const Call &call)
{
    Error e;
    const User *u = target(call, &e);
    if (!u)
        return call.fail(e);
    const Id me = call.userId(), other = u->id;
    apply(call, other, [me, other](RT mine, RT) -> Result<QList<Change>> {
        if (mine != RT::Blocked)
            return Error::notFound(QStringLiteral("you do not block this user"));
        return QList<Change>{{me, other, RT::None}};
    });
}

} // namespace kith::server

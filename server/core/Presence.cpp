#include "Presence.h"

#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Stats.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QTimer>

namespace kith::server {

namespace {
const QLatin1String kCustomStatus{"custom_status"};
} // namespace

Presence::Presence(ServiceContext &ctx, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
{
    connect(&ctx.hub, &Hub::attached, this, &Presence::onAttached);
    connect(&ctx.hub, &Hub::detached, this, &Presence::onDetached);
}

Presence::Local Presence::local(Id userId, const State &st) const
{
    Local l;
    for (const SessionRecord *s : m_ctx.hub.sessionsOf(userId)) {
        if (s->sink) {
            l.present = true;
            l.idle = l.idle && s->idle;
        }
    }
    if (!l.present && st.graceActive) // others go on seeing what they saw, for a few seconds
        l = {true, st.graceIdle};
    return l;
}

Presence::View Presence::compute(Id userId, bool self) const
{
    static const State kDefault;
    auto found = m_states.constFind(userId);
    const State *it = found == m_states.cend() ? &kDefault : &*found;
    Local l = local(userId, *it);
    for (auto r = it->remote.cbegin(); r != it->remote.cend(); ++r)
        l = {true, (l.present ? l.idle : true) && r.value()};
    if (!l.present)
        return {};
    View v;
    v.customStatus = it->customStatus;
    if (it->chosen == PresenceStatus::Dnd || it->chosen == PresenceStatus::Invisible)
        v.status = it->chosen;
    else
        v.status = l.idle ? PresenceStatus::Idle : PresenceStatus::Online;
    if (!self && v.status == PresenceStatus::Invisible)
        return {};
    return v;
}

Presence::View Presence::publicView(Id userId) const
{
    return compute(userId, false);
}

Presence::View Presence::selfView(Id userId) const
{
    return compute(userId, true);
}

QJsonObject Presence::json(Id userId, const View &view) const
{
    return {{QLatin1String("user_id"), idJson(userId)},
            {QLatin1String("status"), presenceStatusName(view.status)},
            {kCustomStatus, view.customStatus.isEmpty() || view.status == PresenceStatus::Offline
                                ? QJsonValue(QJsonValue::Null)
                                : QJsonValue(view.customStatus)}};
}

QJsonArray Presence::readyFor(Id userId) const
{
    QJsonArray out;
    QList<Id> seen = m_ctx.directory.audienceOf(userId).values();
    std::sort(seen.begin(), seen.end());
    for (Id u : seen) {
        const View v = publicView(u);
        if (v.status != PresenceStatus::Offline)
            out.append(json(u, v));
    }
    const View me = selfView(userId);
    if (me.status != PresenceStatus::Offline)
        out.append(json(userId, me));
    return out;
}

void Presence::introduce(Id a, Id b)
{
    const View va = publicView(a), vb = publicView(b);
    if (vb.status != PresenceStatus::Offline)
        m_ctx.hub.toUser(a, ev::PresenceUpdated, json(b, vb));
    if (va.status != PresenceStatus::Offline)
        m_ctx.hub.toUser(b, ev::PresenceUpdated, json(a, va));
}

void Presence::publish(Id userId)
{
    State &st = m_states[userId];
    const View pub = publicView(userId);
    const View self = selfView(userId);
    // This node's sessions only: every node merges the same facts and tells its own.
    if (!(pub == st.lastPublic)) {
        const bool wasOnline = st.lastPublic.status != PresenceStatus::Offline;
        st.lastPublic = pub;
        if (m_onlineChanged && wasOnline != (pub.status != PresenceStatus::Offline))
            m_onlineChanged(userId, !wasOnline);
        m_ctx.hub.toUsersHere(m_ctx.directory.audienceOf(userId).values(), ev::PresenceUpdated, json(userId, pub));
    }
    if (!(self == st.lastSelf)) {
        st.lastSelf = self;
        m_ctx.hub.toUsersHere({userId}, ev::PresenceUpdated, json(userId, self));
    }
    const Local l = local(userId, st);
    if (l.present && !st.graceActive)
        st.liveIdle = l.idle;
    if (!m_announce)
        return;
    if (l.present != st.announcedPresent || (l.present && l.idle != st.announcedIdle) || st.chosenAt != st.announcedAt) {
        st.announcedPresent = l.present;
        st.announcedIdle = l.idle;
        st.announcedAt = st.chosenAt;
        m_announce(fact(userId, st, l));
    }
}

QJsonObject Presence::fact(Id userId, const State &st, const Local &l) const
{
    return {{QLatin1String("u"), idJson(userId)},
            {QLatin1String("on"), l.present},
            {QLatin1String("i"), l.idle},
            {QLatin1String("s"), presenceStatusName(st.chosen)},
            {QLatin1String("cs"), st.customStatus},
            {QLatin1String("t"), st.chosenAt}};
}

void Presence::applyRemote(int node, const QJsonObject &fact)
{
    const Id userId = idFromJson(fact.value(QLatin1String("u")));
    if (!userId)
        return;
    State &st = m_states[userId];
    if (fact.value(QLatin1String("on")).toBool()) {
        st.remote.insert(node, fact.value(QLatin1String("i")).toBool());
        m_usersOfNode[node].insert(userId);
    } else {
        st.remote.remove(node);
        m_usersOfNode[node].remove(userId);
    }
    const qint64 at = qint64(fact.value(QLatin1String("t")).toDouble());
    PresenceStatus chosen;
    if (at > st.chosenAt && presenceStatusFromName(fact.value(QLatin1String("s")).toString(), &chosen)) {
        st.chosen = chosen;
        st.customStatus = fact.value(QLatin1String("cs")).toString();
        st.chosenAt = st.announcedAt = at; // learnt, not ours to announce again
    }
    publish(userId);
    forgetIfIdle(userId);
}

void Presence::replaceRemote(int node, const QJsonArray &facts)
{
    QSet<Id> gone = m_usersOfNode.value(node);
    for (const QJsonValue &f : facts) {
        gone.remove(idFromJson(f.toObject().value(QLatin1String("u"))));
        applyRemote(node, f.toObject());
    }
    for (Id u : gone)
        applyRemote(node, {{QLatin1String("u"), idJson(u)}, {QLatin1String("on"), false}});
}

void Presence::dropNode(int node)
{
    const QSet<Id> users = m_usersOfNode.take(node);
    for (Id u : users) {
        auto it = m_states.find(u);
        if (it == m_states.end())
            continue;
        it->remote.remove(node);
        publish(u);
        forgetIfIdle(u);
    }
}

QJsonArray Presence::localFacts() const
{
    QJsonArray out;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        const Local l = local(it.key(), *it);
        if (l.present || it->chosenAt > 0)
            out.append(fact(it.key(), *it, l));
    }
    return out;
}

void Presence::forgetIfIdle(Id userId)
{
    auto it = m_states.find(userId);
    if (it != m_states.end() && !it->graceActive && it->remote.isEmpty() && m_ctx.hub.sessionsOf(userId).isEmpty()
        && it->chosen == PresenceStatus::Online && it->customStatus.isEmpty() && it->lastPublic.status == PresenceStatus::Offline
        && it->lastSelf.status == PresenceStatus::Offline)
        m_states.erase(it); // nothing worth remembering
}

void Presence::set(const Call &call)
{
    JsonFields f(call.data());
    const QString statusText = f.string(QLatin1String("status"));
    const std::optional<QString> custom = f.optString(kCustomStatus);
    if (!f.ok())
        return call.fail(f.error());
    PresenceStatus status;
    if (!presenceStatusFromName(statusText, &status) || status == PresenceStatus::Offline)
        return call.fail(Error::badRequest(QStringLiteral("status must be online, idle, dnd or invisible")));
    if (custom) {
        if (const QString why = validate::customStatus(*custom); !why.isEmpty())
            return call.fail(Error::badRequest(why));
    }
    const Id userId = call.userId();
    State &st = m_states[userId];
    SessionRecord *session = call.session().get();
    if (status == PresenceStatus::Idle) {
        session->idle = true;
    } else {
        session->idle = false;
        st.chosen = status;
        st.chosenAt = qMax(QDateTime::currentMSecsSinceEpoch(), st.chosenAt + 1);
    }
    // Absent leaves the custom status as it is; null or "" clears it.
    if (call.data().contains(kCustomStatus)) {
        st.customStatus = custom.value_or(QString()).trimmed();
        st.chosenAt = qMax(QDateTime::currentMSecsSinceEpoch(), st.chosenAt + 1);
    }
    call.ok(json(userId, selfView(userId)));
    publish(userId);
}

void Presence::onAttached(SessionRecord *session)
{
    State &st = m_states[session->userId];
    st.graceActive = false;
    ++st.graceEpoch;
    log(session, QStringLiteral("connect"));
    publish(session->userId);
}

void Presence::onDetached(SessionRecord *session)
{
    const Id userId = session->userId;
    log(session, QStringLiteral("disconnect"));
    if (m_ctx.hub.isConnected(userId)) {
        publish(userId); // the remaining sessions may all be idle
        return;
    }
    // Offline follows within a few seconds, so a quick reconnect shows nothing to anyone.
    State &st = m_states[userId];
    st.graceIdle = st.liveIdle;
    st.graceActive = true;
    const quint64 epoch = ++st.graceEpoch;
    QTimer::singleShot(limits::kOfflineGraceMs, this, [this, userId, epoch] {
        auto it = m_states.find(userId);
        if (it == m_states.end() || it->graceEpoch != epoch)
            return;
        it->graceActive = false;
        publish(userId);
        forgetIfIdle(userId);
    });
}

void Presence::log(SessionRecord *session, const QString &kind)
{
    const Id userId = session->userId;
    const QString id = session->id, address = session->address;
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    // A session's start counts once for statistics, in the log's own job: a resume is no new one.
    const bool started = kind == u"connect" && !std::exchange(session->counted, true);
    m_ctx.store.submit<Done>(
        [userId, id, kind, at, address, started](Store &s) -> Result<Done> {
            if (auto r = s.logConnection(userId, id, kind, at, address); !r || !started)
                return r;
            return s.countSessionStart(userId, Stats::dayOf(at));
        },
        [](Result<Done> &&) {});
}

} // namespace kith::server

#include "Presence.h"

#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
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

Presence::View Presence::compute(Id userId, bool self) const
{
    static const State kDefault;
    auto found = m_states.constFind(userId);
    const State *it = found == m_states.cend() ? &kDefault : &*found;
    bool connected = false;
    bool allIdle = true;
    for (const SessionRecord *s : m_ctx.hub.sessionsOf(userId)) {
        if (s->sink) {
            connected = true;
            allIdle = allIdle && s->idle;
        }
    }
    if (!connected) // in the grace period others go on seeing what they saw
        return it->graceActive ? (self ? it->lastSelf : it->lastPublic) : View{};
    View v;
    v.customStatus = it->customStatus;
    if (it->chosen == PresenceStatus::Dnd || it->chosen == PresenceStatus::Invisible)
        v.status = it->chosen;
    else
        v.status = allIdle ? PresenceStatus::Idle : PresenceStatus::Online;
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
    if (!(pub == st.lastPublic)) {
        st.lastPublic = pub;
        m_ctx.hub.toUsers(m_ctx.directory.audienceOf(userId).values(), ev::PresenceUpdated, json(userId, pub));
    }
    if (!(self == st.lastSelf)) {
        st.lastSelf = self;
        m_ctx.hub.toUser(userId, ev::PresenceUpdated, json(userId, self));
    }
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
    if (custom && custom->size() > limits::kCustomStatusMax)
        return call.fail(Error::badRequest(
            QStringLiteral("custom_status must be at most %1 characters").arg(limits::kCustomStatusMax)));
    const Id userId = call.userId();
    State &st = m_states[userId];
    SessionRecord *session = call.session().get();
    if (status == PresenceStatus::Idle) {
        session->idle = true;
    } else {
        session->idle = false;
        st.chosen = status;
    }
    // Absent leaves the custom status as it is; null or "" clears it.
    if (call.data().contains(kCustomStatus))
        st.customStatus = custom.value_or(QString()).trimmed();
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
    st.graceActive = true;
    const quint64 epoch = ++st.graceEpoch;
    QTimer::singleShot(limits::kOfflineGraceMs, this, [this, userId, epoch] {
        auto it = m_states.find(userId);
        if (it == m_states.end() || it->graceEpoch != epoch)
            return;
        it->graceActive = false;
        publish(userId);
        if (!m_ctx.hub.isConnected(userId) && m_ctx.hub.sessionsOf(userId).isEmpty()
            && it->chosen == PresenceStatus::Online && it->customStatus.isEmpty())
            m_states.erase(it); // nothing worth remembering
    });
}

void Presence::log(SessionRecord *session, const QString &kind)
{
    const Id userId = session->userId;
    const QString id = session->id, address = session->address;
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    m_ctx.store.submit<Done>(
        [userId, id, kind, at, address](Store &s) {
            return s.logConnection(userId, id, kind, at, address);
        },
        [](Result<Done> &&) {});
}

} // namespace kith::server

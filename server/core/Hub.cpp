#include "Hub.h"

#include "Log.h"
#include "core/Directory.h"
#include "core/EventSink.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>

namespace kith::server {

namespace {

QString newSessionId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

//! One recipient's frame: the shared body in its own envelope, built in a reused buffer.
const QByteArray &frameFor(QLatin1String ev, qint64 seq, const QByteArray &body)
{
    thread_local QByteArray f;
    f.resize(0); // keeps the capacity
    f.reserve(body.size() + ev.size() + 40);
    f.append(R"({"ev":")");
    f.append(ev.data(), ev.size());
    f.append(R"(","seq":)");
    char digits[24];
    f.append(digits, std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(seq)));
    f.append(R"(,"d":)");
    f.append(body);
    f.append('}');
    return f;
}

} // namespace

Hub::Hub(const Directory &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    m_sweep.setInterval(10 * 1000);
    connect(&m_sweep, &QTimer::timeout, this, &Hub::sweep);
    m_sweep.start();
}

std::shared_ptr<SessionRecord> Hub::createSession(Id userId, const QByteArray &tokenHash,
                                                  EventSink *sink)
{
    auto s = std::make_shared<SessionRecord>();
    s->id = newSessionId();
    s->userId = userId;
    s->tokenHash = tokenHash;
    s->sink = sink;
    s->address = sink->peerAddress();
    m_sessions.insert(s->id, s);
    m_byUser[userId].append(s.get());
    return s;
}

void Hub::detach(SessionRecord *session)
{
    if (!session->sink)
        return;
    session->sink = nullptr;
    session->detachedAtMs = QDateTime::currentMSecsSinceEpoch();
    emit detached(session);
}

void Hub::announce(SessionRecord *session)
{
    if (session->sink)
        emit attached(session);
}

bool Hub::isConnected(Id userId) const
{
    for (const SessionRecord *s : m_byUser.value(userId))
        if (s->sink)
            return true;
    return false;
}

std::shared_ptr<SessionRecord> Hub::resume(const QString &sessionId, const QByteArray &tokenHash,
                                           qint64 seq, EventSink *sink)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return nullptr;
    std::shared_ptr<SessionRecord> s = *it;
    if (s->tokenHash != tokenHash || seq < 0 || seq > s->seq)
        return nullptr;
    // Every event after seq must still be kept, or the client would miss some.
    const qint64 firstKept = s->backlog.empty() ? s->seq + 1 : s->backlog.front().seq;
    if (seq + 1 < firstKept)
        return nullptr;
    if (s->sink && s->sink != sink) // taken over from a connection that has not noticed it died
        s->sink->closeSink(limits::kCloseTakenOver, QStringLiteral("session resumed elsewhere"));
    s->sink = sink;
    s->detachedAtMs = 0;
    s->address = sink->peerAddress();
    sink->bindSession(s);
    return s;
}

void Hub::replay(SessionRecord *s, qint64 afterSeq)
{
    for (const auto &e : s->backlog) {
        if (e.seq > afterSeq && s->sink)
            s->sink->sendFrame(frameFor(e.event->ev, e.seq, e.event->body));
    }
}

void Hub::endSession(const QString &sessionId)
{
    auto s = m_sessions.take(sessionId);
    if (!s)
        return;
    detach(s.get());
    auto &list = m_byUser[s->userId];
    list.removeAll(s.get());
    if (list.isEmpty())
        m_byUser.remove(s->userId);
}

void Hub::endSessionsOfToken(const QByteArray &tokenHash, quint16 code, const QString &reason)
{
    QList<QString> ids;
    for (const auto &s : std::as_const(m_sessions))
        if (s->tokenHash == tokenHash)
            ids.append(s->id);
    for (const QString &id : ids) {
        auto s = m_sessions.value(id);
        EventSink *sink = s->sink;
        endSession(id);
        if (sink)
            sink->closeSink(code, reason);
    }
}

void Hub::endSessionsOfUser(Id userId, quint16 code, const QString &reason, const QString &exceptSessionId)
{
    QList<QString> ids;
    for (SessionRecord *s : m_byUser.value(userId))
        if (s->id != exceptSessionId)
            ids.append(s->id);
    for (const QString &id : ids) {
        auto s = m_sessions.value(id);
        EventSink *sink = s ? s->sink : nullptr;
        endSession(id);
        if (sink)
            sink->closeSink(code, reason);
    }
}

void Hub::prune(SessionRecord *s, qint64 nowMs)
{
    while (!s->backlog.empty()
           && (int(s->backlog.size()) > limits::kResumeBacklogEvents
               || nowMs - s->backlog.front().event->atMs > limits::kResumeWindowMs))
        s->backlog.pop_front();
}

void Hub::deliver(SessionRecord *s, const std::shared_ptr<const SessionRecord::Event> &event)
{
    const qint64 seq = ++s->seq;
    if (s->sink) {
        ++m_delivered;
        s->sink->sendFrame(frameFor(event->ev, seq, event->body));
    }
    s->backlog.push_back({seq, event});
    // Only the count here; age is pruned by the periodic sweep, off the delivery path.
    if (int(s->backlog.size()) > limits::kResumeBacklogEvents)
        s->backlog.pop_front();
}

namespace {
std::shared_ptr<const SessionRecord::Event> makeEvent(QLatin1String ev, const QByteArray &body)
{
    return std::make_shared<const SessionRecord::Event>(
        SessionRecord::Event{ev, body, QDateTime::currentMSecsSinceEpoch()});
}
} // namespace

void Hub::toSession(SessionRecord *session, QLatin1String ev, const QJsonObject &d)
{
    deliver(session, makeEvent(ev, encodeBody(d)));
}

void Hub::toUser(Id userId, QLatin1String ev, const QJsonObject &d)
{
    toUsers({userId}, ev, d);
}

void Hub::toUsers(const QList<Id> &userIds, QLatin1String ev, const QJsonObject &d)
{
    // Serialise only if someone is connected to receive it (here, or maybe on another node).
    if (m_relay)
        return toUsers(userIds, ev, encodeBody(d));
    for (Id u : userIds) {
        if (m_byUser.contains(u))
            return toUsers(userIds, ev, encodeBody(d));
    }
}

void Hub::toUsers(const QList<Id> &userIds, QLatin1String ev, const QByteArray &body)
{
    deliverLocal(userIds, ev, body);
    if (m_relay)
        m_relay(userIds, ev, body);
}

void Hub::toUsersHere(const QList<Id> &userIds, QLatin1String ev, const QJsonObject &d)
{
    for (Id u : userIds) {
        if (m_byUser.contains(u))
            return deliverLocal(userIds, ev, encodeBody(d));
    }
}

void Hub::deliverLocal(const QList<Id> &userIds, QLatin1String ev, const QByteArray &body)
{
    std::shared_ptr<const SessionRecord::Event> event;
    for (Id u : userIds) {
        auto it = m_byUser.constFind(u);
        if (it == m_byUser.cend())
            continue;
        if (!event)
            event = makeEvent(ev, body);
        for (SessionRecord *s : *it)
            deliver(s, event);
    }
}

void Hub::toGuild(Id guildId, QLatin1String ev, const QJsonObject &d)
{
    toUsers(m_directory.memberIds(guildId), ev, d);
}

int Hub::attachedCount() const
{
    int n = 0;
    for (const auto &s : m_sessions)
        n += s->sink ? 1 : 0;
    return n;
}

int Hub::connectedUserCount() const
{
    int n = 0;
    for (auto it = m_byUser.cbegin(); it != m_byUser.cend(); ++it)
        n += std::any_of(it->cbegin(), it->cend(), [](const SessionRecord *s) { return s->sink != nullptr; }) ? 1 : 0;
    return n;
}

void Hub::closeAll(quint16 code, const QString &reason)
{
    const auto all = m_sessions.values();
    for (const auto &s : all) {
        if (EventSink *sink = s->sink) {
            detach(s.get());
            sink->closeSink(code, reason);
        }
    }
}

void Hub::sweep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QString> expired;
    for (const auto &s : std::as_const(m_sessions)) {
        if (!s->sink && s->detachedAtMs && now - s->detachedAtMs > limits::kResumeWindowMs)
            expired.append(s->id);
        else
            prune(s.get(), now);
    }
    for (const QString &id : expired)
        endSession(id);
    if (expired.isEmpty())
        return;
    qCDebug(lcGateway) << expired.size() << "detached sessions expired";
    // A hash keeps its buckets after its entries go: after a mass disconnect, give them back.
    if (expired.size() >= kMassDisconnect) {
        m_sessions.squeeze();
        m_byUser.squeeze();
    }
    emit sessionsExpired(int(expired.size()));
}

} // namespace kith::server

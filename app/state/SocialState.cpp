#include "SocialState.h"

#include "ClientState.h"
#include "ShownName.h"
#include "net/Connection.h"
#include "shared/Protocol.h"

#include <QJsonArray>

#include <algorithm>

namespace kith::app {

namespace {
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kUserId{"user_id"};
constexpr int kTypingShownMs = 8000;   // the protocol: drop 8 s after the last typing.started
constexpr int kTypingResendMs = 5000;  // the host passes one on per 5 s anyway
} // namespace

// User-visible strings use ClientState::tr: they keep the context translations/ knows them by.

SocialState::SocialState(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    m_typingTimer.setInterval(500);
    connect(&m_typingTimer, &QTimer::timeout, this, &SocialState::expireTyping);
    // Going offline or coming back changes how everyone's presence shows.
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        const bool online = state == Connection::State::Online;
        if (online == m_wasOnline)
            return;
        m_wasOnline = online;
        for (auto it = m_presence.cbegin(); it != m_presence.cend(); ++it)
            emit presenceChanged(it.key());
        for (auto it = m_relations.cbegin(); it != m_relations.cend(); ++it)
            if (!m_presence.contains(it.key()))
                emit presenceChanged(it.key());
    });
}

Presence SocialState::presence(Id userId) const
{
    if (userId != m_me && m_connection->state() != Connection::State::Online)
        return {QStringLiteral("unknown"), QString()};
    return m_presence.value(userId);
}

void SocialState::setChosenPresence(const QString &status, const QString &customStatus)
{
    if (status != u"online" && status != u"dnd" && status != u"invisible")
        return;
    m_myStatus = status;
    m_myCustom = customStatus;
    m_chosen = true;
}

QString SocialState::loadReady(const QJsonObject &d)
{
    m_relations.clear();
    for (const QJsonValue &v : d.value(QLatin1String("friends")).toArray()) {
        const User u = User::fromJson(v.toObject());
        m_relations.insert(u.id, {u, QStringLiteral("friend")});
    }
    m_presence.clear();
    for (const QJsonValue &v : d.value(QLatin1String("presences")).toArray()) {
        const QJsonObject o = v.toObject();
        m_presence.insert(idFromJson(o.value(kUserId)),
                          {o.value(QLatin1String("status")).toString(), o.value(QLatin1String("custom_status")).toString()});
    }
    // The first ready tells what I chose (maybe on another device); on later ones (a restarted
    // host forgets presence) my choice stands and goes out again in afterReady().
    const QString mine = m_presence.value(m_me).status;
    if (!m_ready && !m_chosen && (mine == u"dnd" || mine == u"invisible" || mine == u"online")) {
        m_myStatus = mine;
        m_myCustom = m_presence.value(m_me).customStatus;
    }
    m_ready = true;
    m_typing.clear();
    return mine;
}

void SocialState::afterReady(const QString &hostStatus)
{
    refreshRelationships();
    if (m_myCustom != m_presence.value(m_me).customStatus) {
        setPresence(m_myStatus, m_myCustom); // the host forgot my custom text: say it again
        return;
    }
    if (m_idle || (m_myStatus != hostStatus && !(m_myStatus == u"online" && hostStatus == u"idle")))
        setIdle(m_idle); // a new session starts active and online: tell the host what we are
}

void SocialState::onEvent(const QString &name, const QJsonObject &d)
{
    if (name == ev::RelationshipUpdated) {
        applyRelationship(User::fromJson(d.value(QLatin1String("user")).toObject()),
                          d.value(QLatin1String("type")).toString());
    } else if (name == ev::PresenceUpdated) {
        applyPresence(d);
    } else if (name == ev::TypingStarted) {
        const Id cid = idFromJson(d.value(kChannelId));
        const Id uid = idFromJson(d.value(kUserId));
        if (uid == m_me)
            return;
        m_typing[cid].insert(uid, QDeadlineTimer(kTypingShownMs));
        if (!m_typingTimer.isActive())
            m_typingTimer.start();
        emit typingChanged(cid);
    }
}

// ---- relationships ----

QList<User> SocialState::friendsOutside(const Channel &c) const
{
    QList<User> out;
    for (const Relationship &r : m_relations) {
        if (r.type != u"friend")
            continue;
        const bool in = std::any_of(c.recipients.begin(), c.recipients.end(),
                                    [&](const User &u) { return u.id == r.user.id; });
        if (!in)
            out.append(r.user);
    }
    std::sort(out.begin(), out.end(), [](const User &a, const User &b) {
        return shownName(a).compare(shownName(b), Qt::CaseInsensitive) < 0;
    });
    return out;
}

void SocialState::applyRelationship(const User &user, const QString &type)
{
    if (!user.id)
        return;
    if (type.isEmpty() || type == u"none")
        m_relations.remove(user.id);
    else
        m_relations.insert(user.id, {user, type});
    emit relationshipsChanged();
}

void SocialState::renameUser(const User &user)
{
    auto it = m_relations.find(user.id);
    if (it == m_relations.end())
        return;
    it->user = user;
    emit relationshipsChanged();
}

void SocialState::refreshRelationships()
{
    m_connection->request(op::FriendList, {}, this, [this](const Reply &r) {
        if (!r.ok)
            return;
        m_relations.clear();
        for (const char *type : {"friends", "incoming", "outgoing", "blocked"}) {
            // The list names are plural, the relationship types singular (friends -> friend).
            QString t = QString::fromLatin1(type);
            if (t == u"friends")
                t = QStringLiteral("friend");
            for (const QJsonValue &v : r.d.value(QLatin1String(type)).toArray()) {
                const User u = User::fromJson(v.toObject());
                m_relations.insert(u.id, {u, t});
            }
        }
        emit relationshipsChanged();
    });
}

void SocialState::requestFriend(const QString &username)
{
    m_connection->request(op::FriendRequest, {{QLatin1String("username"), username}}, this, [this, username](const Reply &r) {
        emit friendRequestAnswered(username, r.ok);
        if (!r.ok)
            return;
        applyRelationship(User::fromJson(r.d.value(QLatin1String("user")).toObject()),
                          r.d.value(QLatin1String("type")).toString());
    });
}

void SocialState::relate(QLatin1String op, Id userId)
{
    m_connection->request(op, {{kUserId, idJson(userId)}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(ClientState::tr("Changing the friendship"), r.error);
            return;
        }
        applyRelationship(User::fromJson(r.d.value(QLatin1String("user")).toObject()),
                          r.d.value(QLatin1String("type")).toString());
    });
}

// ---- presence ----

void SocialState::applyPresence(const QJsonObject &d)
{
    const Id uid = idFromJson(d.value(kUserId));
    const QString status = d.value(QLatin1String("status")).toString();
    m_presence.insert(uid, {status, d.value(QLatin1String("custom_status")).toString()});
    if (uid == m_me && (status == u"online" || status == u"dnd" || status == u"invisible")) {
        m_myStatus = status;
        if (d.contains(QLatin1String("custom_status")))
            m_myCustom = d.value(QLatin1String("custom_status")).toString();
    }
    emit presenceChanged(uid);
}

void SocialState::setPresence(const QString &status, const QString &customStatus)
{
    m_myStatus = status;
    m_myCustom = customStatus;
    m_chosen = true;
    m_idle = false;
    emit presenceChosen(status, customStatus);
    m_connection->request(op::PresenceSet,
                          {{QLatin1String("status"), status}, {QLatin1String("custom_status"), customStatus}},
                          this, [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(ClientState::tr("Changing your status"), r.error);
                                  return;
                              }
                              applyPresence(r.d);
                          });
}

void SocialState::setIdle(bool idle)
{
    m_idle = idle;
    if (!m_ready || m_connection->state() != Connection::State::Online)
        return;
    // custom_status absent: left as it is.
    m_connection->request(op::PresenceSet, {{QLatin1String("status"), idle ? QStringLiteral("idle") : m_myStatus}},
                          this, [this](const Reply &r) {
                              if (r.ok)
                                  applyPresence(r.d);
                          });
}

// ---- typing ----

QList<Id> SocialState::typingUsers(Id channelId) const
{
    const auto users = m_typing.value(channelId);
    QList<QPair<qint64, Id>> order;
    for (auto it = users.begin(); it != users.end(); ++it)
        if (!it.value().hasExpired())
            order.append({it.value().deadline(), it.key()});
    std::sort(order.begin(), order.end());
    QList<Id> out;
    out.reserve(order.size());
    for (const auto &p : order)
        out.append(p.second);
    return out;
}

void SocialState::expireTyping()
{
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        const Id cid = it.key();
        const qsizetype before = it->size();
        it->removeIf([](const auto &entry) { return entry.value().hasExpired(); });
        const bool changed = it->size() != before;
        it = it->isEmpty() ? m_typing.erase(it) : std::next(it);
        if (changed)
            emit typingChanged(cid);
    }
    if (m_typing.isEmpty())
        m_typingTimer.stop();
}

void SocialState::noteTyping(Id channelId)
{
    if (!channelId || m_connection->state() != Connection::State::Online)
        return;
    if (m_typingChannel == channelId && m_typingSent.isValid() && m_typingSent.elapsed() < kTypingResendMs)
        return;
    m_typingChannel = channelId;
    m_typingSent.start();
    m_connection->request(op::TypingStart, {{kChannelId, idJson(channelId)}}, this, [](const Reply &) {});
}

void SocialState::stopTyping(Id channelId, Id userId)
{
    if (m_typing.contains(channelId) && m_typing[channelId].remove(userId))
        emit typingChanged(channelId);
}

} // namespace kith::app

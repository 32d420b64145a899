#pragma once
//! Sessions and fan-out: who is connected as whom, and delivery of events to them.
//! An event body is serialised once; each session adds only its own header with its seq.

#include "core/SessionRecord.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace kith::server {

class Directory;
class EventSink;

class Hub : public QObject
{
    Q_OBJECT
public:
    explicit Hub(const Directory &directory, QObject *parent = nullptr);
    //! This many closed connections or expired sessions at once is a mass disconnect: the
    //! memory they held is worth giving back to the system.
    static constexpr int kMassDisconnect = 256;

    std::shared_ptr<SessionRecord> createSession(Id userId, const QByteArray &tokenHash,
                                                 EventSink *sink);
    //! Tells watchers (presence, the connection log) that the session's connection is up;
    //! called once the client has what it needs first (ready, or the replayed events).
    void announce(SessionRecord *session);
    //! The session's socket is gone; keep it for resume.
    void detach(SessionRecord *session);
    //! Re-attaches a detached session and replays every kept event after seq.
    //! Returns null if the session is unknown, belongs to another token, or missed events are gone.
    std::shared_ptr<SessionRecord> resume(const QString &sessionId, const QByteArray &tokenHash,
                                          qint64 seq, EventSink *sink);
    //! Sends the kept events after afterSeq again, with their original seq.
    void replay(SessionRecord *session, qint64 afterSeq);
    //! Forgets a session at once (logout).
    void endSession(const QString &sessionId);
    //! Closes every session signed in with this token (revoked).
    void endSessionsOfToken(const QByteArray &tokenHash, quint16 code, const QString &reason);
    //! Closes and forgets every session of a user, resumable ones included.
    void endSessionsOfUser(Id userId, quint16 code, const QString &reason, const QString &exceptSessionId = {});

    void toSession(SessionRecord *session, QLatin1String ev, const QJsonObject &d);
    void toUser(Id userId, QLatin1String ev, const QJsonObject &d);
    void toUsers(const QList<Id> &userIds, QLatin1String ev, const QJsonObject &d);
    //! The same with a body already serialised by encodeBody.
    void toUsers(const QList<Id> &userIds, QLatin1String ev, const QByteArray &body);
    void toGuild(Id guildId, QLatin1String ev, const QJsonObject &d);
    //! To this node's sessions only: what every node works out for its own (presence).
    void toUsersHere(const QList<Id> &userIds, QLatin1String ev, const QJsonObject &d);
    //! Delivers to this node's sessions only: an event another node relayed.
    void deliverLocal(const QList<Id> &userIds, QLatin1String ev, const QByteArray &body);
    //! Every event fanned out to users is also handed here (to other nodes), after local delivery.
    using Relay = std::function<void(const QList<Id> &userIds, QLatin1String ev, const QByteArray &body)>;
    void setRelay(Relay relay) { m_relay = std::move(relay); }

    //! Every session of a user, attached or not.
    QList<SessionRecord *> sessionsOf(Id userId) const { return m_byUser.value(userId); }
    bool isConnected(Id userId) const;

    int sessionCount() const { return int(m_sessions.size()); }
    //! Events handed to sessions since start, one per session per event.
    quint64 deliveredCount() const { return m_delivered; }
    int attachedCount() const;
    //! Users with at least one live connection (a LAN party's head count).
    int connectedUserCount() const;
    void closeAll(quint16 code, const QString &reason);

signals:
    //! A connection now speaks for the session (sign-in or resume).
    void attached(kith::server::SessionRecord *session);
    //! The session lost its connection (it may resume) or ended.
    void detached(kith::server::SessionRecord *session);
    //! Detached sessions outlived the resume window and were freed (their memory can go back).
    void sessionsExpired(int count);

private:
    void deliver(SessionRecord *session, const std::shared_ptr<const SessionRecord::Event> &event);
    void prune(SessionRecord *session, qint64 nowMs);
    void sweep();

    const Directory &m_directory;
    Relay m_relay;
    QHash<QString, std::shared_ptr<SessionRecord>> m_sessions;
    QHash<Id, QList<SessionRecord *>> m_byUser;
    QTimer m_sweep;
    quint64 m_delivered = 0; // gateway thread only
};

} // namespace kith::server

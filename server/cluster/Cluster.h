#pragma once
//! This node's part among nodes sharing one PostgreSQL. Over the bus (PgBus) it publishes the
//! Directory changes and fanned-out events of this node, in order, and delivers the other
//! nodes'; it heartbeats, notices a node that went silent and drops that node's part of
//! presence, shares presence facts, and recovers when its own bus connection dropped.
//!
//! A bus message is one JSON object from node "n" with any of: "d" Directory ops, "e" an event
//! {u, ev, b}, "p" presence facts, "pf" all of a node's facts, "hb" heartbeat, "hi" the node
//! (re)started, "want" a node asks for everyone's facts, "bye" the node stops.

#include "store/DatabaseUrl.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>

namespace kith::server {

class Directory;
class Hub;
class PgBus;
class Presence;

class Cluster : public QObject
{
    Q_OBJECT
public:
    Cluster(DatabaseUrl database, Directory &directory, Hub &hub, int node, QObject *parent = nullptr);
    ~Cluster() override;

    //! Connects the bus and starts publishing Directory changes and events.
    bool start(QString *error);
    //! Shares presence from now on, and asks the other nodes for theirs.
    void setPresence(Presence *presence);
    //! Publishes what is still pending, then "bye": the other nodes show this node's users
    //! offline at once. Idempotent.
    void stop();

    //! Heartbeat period; a node silent for two of them (and a little) counts as gone.
    static constexpr int kHeartbeatMs = 5000;
    static constexpr int kDeadAfterMs = 2 * kHeartbeatMs + 1000;

signals:
    //! The bus was lost and is back: changes published meanwhile were missed, so what is
    //! stored must be read again.
    void resync();
    //! `kith-server admin` changed something (see control/Control.h).
    void control(const QJsonArray &actions);

private:
    void heard(const QByteArray &message);
    void queueOp(const QJsonObject &op);
    void queueFact(const QJsonObject &fact);
    void flushSoon();
    //! Sends pending ops and facts, then `extra` keys (an event, a heartbeat...) in one message.
    void flush(const QJsonObject &extra = {});
    void heartbeat();
    void checkPeers();

    Directory &m_directory;
    Hub &m_hub;
    Presence *m_presence = nullptr;
    const int m_node;
    std::unique_ptr<PgBus> m_bus;
    QJsonArray m_ops;       //!< Directory changes not yet published
    QJsonArray m_facts;     //!< presence facts not yet published
    bool m_flushQueued = false;
    QHash<int, qint64> m_lastHeard;  //!< other nodes, by the monotonic clock below
    qint64 m_lastSelfHeard = 0;      //!< our own heartbeat came back: the bus works both ways
    bool m_reconnecting = false;
    QElapsedTimer m_clock;
    QTimer m_heartbeat;
    QTimer m_check;
};

} // namespace kith::server

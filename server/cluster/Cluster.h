#pragma once
//! This node's part among nodes sharing one PostgreSQL. Over the bus (PgBus) it publishes the
//! Directory changes and fanned-out events of this node, in order, and delivers the other
//! nodes'; it heartbeats, notices a node that went silent and drops that node's part of
//! presence, shares presence facts, and recovers when its own bus connection dropped.
//!
//! A bus message is one JSON object from node "n" (always its first key) with any of: "es" the
//! Directory changes {d} and events {u, ev, b} of one event-loop turn in commit order, "p"
//! presence facts, "pf" all of a node's facts, "ack" the node whose "hi" this answers, "hb"
//! heartbeat, "hi" the node (re)started, "want" a node asks for everyone's facts, "bye" the node
//! stops. Earlier versions sent "d" (changes) and "e" (one event); both are still read.
//!
//! A node publishes changes, events and facts only while it hears other nodes: alone on its
//! database it pays nothing for the bus but heartbeats.

#include "store/DatabaseUrl.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
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
    //! Shares presence from now on, and says "hi": the other nodes answer with their facts.
    void setPresence(Presence *presence);
    //! Runs the event loop until each of `nodes` answered this node's "hi" (so it publishes to
    //! this node from then on), or for timeoutMs. Returns the nodes that did not answer.
    QList<int> waitForPeers(const QList<int> &nodes, int timeoutMs);
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
    //! Every node waitForPeers waits for has answered.
    void peersAnswered();

private:
    void heard(const QByteArray &message);
    void queueOp(const QJsonObject &op);
    void queueEvent(const QByteArray &item);
    QByteArray ownPrefix() const; //!< how this node's messages start
    void deliver(const QJsonObject &event);
    void apply(const QJsonObject &op);
    void queueFact(const QJsonObject &fact);
    void flushSoon();
    //! Sends pending ops and facts, then `extra` keys (an event, a heartbeat...) in one message.
    void flush(const QJsonObject &extra = {});
    void heartbeat();
    void checkPeers();
    //! Publishes while other nodes are heard, and stops (and drops what is pending) when none are.
    void updatePublishing();

    Directory &m_directory;
    Hub &m_hub;
    Presence *m_presence = nullptr;
    const int m_node;
    std::unique_ptr<PgBus> m_bus;
    QJsonArray m_facts;     //!< presence facts not yet published
    QByteArray m_events;    //!< changes and events not yet published: JSON objects, comma-separated
    bool m_flushQueued = false;
    bool m_publishing = false;
    QSet<int> m_awaited;             //!< nodes whose answer to "hi" waitForPeers waits for
    QHash<int, qint64> m_lastHeard;  //!< other nodes, by the monotonic clock below
    qint64 m_lastSelfHeard = 0;      //!< our own heartbeat came back: the bus works both ways
    bool m_reconnecting = false;
    QElapsedTimer m_clock;
    QTimer m_heartbeat;
    QTimer m_check;
};

} // namespace kith::server

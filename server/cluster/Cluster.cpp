#include "Cluster.h"

#include "Log.h"
#include "cluster/PgBus.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <set>
#include <string>

namespace kith::server {

namespace {
const QLatin1String kNode{"n"}, kOps{"d"}, kEvent{"e"}, kFacts{"p"}, kAllFacts{"pf"}, kHeartbeat{"hb"},
    kHello{"hi"}, kWant{"want"}, kBye{"bye"};
constexpr int kCheckMs = 1000;

// Events keep their name as a QLatin1String for the life of a session's backlog: names heard on
// the bus are kept here, once each (a node-based set: the strings never move).
QLatin1String internedName(const QString &name)
{
    static std::set<std::string> names;
    return QLatin1String(names.insert(name.toStdString()).first->c_str());
}
} // namespace

Cluster::Cluster(DatabaseUrl database, Directory &directory, Hub &hub, int node, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_hub(hub)
    , m_node(node)
    , m_bus(std::make_unique<PgBus>(std::move(database)))
{
    m_clock.start();
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &Cluster::heartbeat);
    m_check.setInterval(kCheckMs);
    connect(&m_check, &QTimer::timeout, this, &Cluster::checkPeers);
}

Cluster::~Cluster()
{
    stop();
}

bool Cluster::start(QString *error)
{
    if (!m_bus->start(error))
        return false;
    connect(m_bus.get(), &PgBus::received, this, &Cluster::heard);
    connect(m_bus.get(), &PgBus::reconnected, this, [this] {
        m_reconnecting = false;
        m_lastSelfHeard = m_clock.elapsed();
        // Others may have given this node up, and it missed what they said meanwhile.
        if (m_presence)
            flush({{kWant, true}, {kAllFacts, m_presence->localFacts()}});
        emit resync();
    });
    m_directory.setJournal([this](const QJsonObject &op) { queueOp(op); });
    m_hub.setRelay([this](const QList<Id> &users, QLatin1String ev, const QByteArray &body) {
        QJsonArray ids;
        for (Id u : users)
            ids.append(QString::number(u));
        flush({{kEvent, QJsonObject{{QLatin1String("u"), ids}, {QLatin1String("ev"), QString(ev)},
                                    {QLatin1String("b"), QString::fromUtf8(body)}}}});
    });
    m_lastSelfHeard = m_clock.elapsed();
    m_heartbeat.start();
    m_check.start();
    return true;
}

void Cluster::setPresence(Presence *presence)
{
    m_presence = presence;
    if (!presence)
        return;
    presence->setAnnounce([this](const QJsonObject &fact) { queueFact(fact); });
    flush({{kHello, true}});
}

void Cluster::stop()
{
    if (!m_heartbeat.isActive())
        return;
    m_heartbeat.stop();
    m_check.stop();
    flush({{kBye, true}});
    m_directory.setJournal({});
    m_hub.setRelay({});
    if (m_presence)
        m_presence->setAnnounce({});
    m_presence = nullptr;
    m_bus->stop();
}

void Cluster::queueOp(const QJsonObject &op)
{
    m_ops.append(op);
    flushSoon();
}

void Cluster::queueFact(const QJsonObject &fact)
{
    m_facts.append(fact);
    flushSoon();
}

void Cluster::flushSoon()
{
    // Everything one event-loop turn changed goes out in one message.
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_flushQueued = false;
        flush();
    });
}

void Cluster::flush(const QJsonObject &extra)
{
    // Changes go before the event that follows them, so the other node knows what it names.
    QJsonObject m{{kNode, m_node}};
    if (!m_ops.isEmpty()) {
        m.insert(kOps, m_ops);
        m_ops = QJsonArray();
    }
    if (!m_facts.isEmpty()) {
        m.insert(kFacts, m_facts);
        m_facts = QJsonArray();
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        m.insert(it.key(), it.value());
    if (m.size() > 1)
        m_bus->publish(QJsonDocument(m).toJson(QJsonDocument::Compact));
}

void Cluster::heartbeat()
{
    flush({{kHeartbeat, true}});
}

void Cluster::checkPeers()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_lastHeard.begin(); it != m_lastHeard.end();) {
        if (now - it.value() > kDeadAfterMs) {
            qCWarning(lcServer) << "node" << it.key() << "went silent: its users are offline";
            if (m_presence)
                m_presence->dropNode(it.key());
            it = m_lastHeard.erase(it);
        } else {
            ++it;
        }
    }
    // Our own heartbeats come back through LISTEN; when they stop, so did the bus.
    if (!m_reconnecting && now - m_lastSelfHeard > kDeadAfterMs) {
        qCWarning(lcServer) << "bus: not hearing this node's own heartbeats, reconnecting";
        m_reconnecting = true;
        m_bus->reconnect();
    }
}

void Cluster::heard(const QByteArray &message)
{
    const QJsonObject m = QJsonDocument::fromJson(message).object();
    if (m.contains(QLatin1String("admin"))) // from `kith-server admin`, not a node
        return emit control(m.value(QLatin1String("admin")).toArray());
    const int node = m.value(kNode).toInt(-1);
    if (node < 0)
        return;
    if (node == m_node) {
        m_lastSelfHeard = m_clock.elapsed();
        return; // our own
    }
    const bool known = m_lastHeard.contains(node);
    m_lastHeard.insert(node, m_clock.elapsed());
    for (const QJsonValue &op : m.value(kOps).toArray())
        if (!m_directory.apply(op.toObject()))
            qCWarning(lcServer) << "bus: unknown change" << op.toObject().value(QLatin1String("o")).toString();
    if (m_presence) {
        if (m.contains(kHello))
            m_presence->dropNode(node); // it restarted: what it had is gone
        if (m.contains(kAllFacts))
            m_presence->replaceRemote(node, m.value(kAllFacts).toArray());
        for (const QJsonValue &f : m.value(kFacts).toArray())
            m_presence->applyRemote(node, f.toObject());
        if (m.contains(kBye)) {
            m_presence->dropNode(node);
            m_lastHeard.remove(node);
        }
        // A node that (re)started or lost track gets everyone's facts; so does one this node
        // had given up on and hears again (it may have been cut off, not dead).
        if (m.contains(kHello) || m.contains(kWant))
            flush({{kAllFacts, m_presence->localFacts()}});
        else if (!known && !m.contains(kBye) && !m.contains(kAllFacts))
            flush({{kWant, true}, {kAllFacts, m_presence->localFacts()}});
    }
    const QJsonObject e = m.value(kEvent).toObject();
    if (e.isEmpty())
        return;
    QList<Id> users;
    for (const QJsonValue &u : e.value(QLatin1String("u")).toArray())
        users.append(u.toString().toULongLong());
    m_hub.deliverLocal(users, internedName(e.value(QLatin1String("ev")).toString()),
                       e.value(QLatin1String("b")).toString().toUtf8());
}

} // namespace kith::server

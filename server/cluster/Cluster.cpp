#include "Cluster.h"

#include "Log.h"
#include "cluster/PgBus.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <set>
#include <string>

namespace kith::server {

namespace {
const QLatin1String kNode{"n"}, kOps{"d"}, kEvent{"e"}, kEvents{"es"}, kFacts{"p"}, kAllFacts{"pf"}, kHeartbeat{"hb"},
    kHello{"hi"}, kWant{"want"}, kBye{"bye"}, kAck{"ack"};
constexpr int kCheckMs = 1000;
// Events of one event-loop turn share a bus message up to this size, under NOTIFY's payload
// limit with room for the changes and facts beside them.
constexpr qsizetype kEventBytes = 6000;

//! `{"u":[ids],"ev":name,"b":"body"}`; the body is compact JSON, so only quotes and
//! backslashes need escaping to carry it as a string.
QByteArray eventItem(const QList<Id> &users, QLatin1String ev, const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + users.size() * 22 + ev.size() + 32);
    out += "{\"u\":[";
    for (qsizetype i = 0; i < users.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        out += QByteArray::number(users[i]);
        out += '"';
    }
    out += "],\"ev\":\"";
    out += QByteArrayView(ev.data(), ev.size());
    out += "\",\"b\":\"";
    for (char c : body) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += "\"}";
    return out;
}

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

QList<int> Cluster::waitForPeers(const QList<int> &nodes, int timeoutMs)
{
    m_awaited = QSet<int>(nodes.begin(), nodes.end());
    m_awaited.remove(m_node);
    if (!m_awaited.isEmpty()) {
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &Cluster::peersAnswered, &loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
        loop.exec();
    }
    const QList<int> silent(m_awaited.begin(), m_awaited.end());
    m_awaited.clear();
    return silent;
}

void Cluster::updatePublishing()
{
    const bool on = !m_lastHeard.isEmpty();
    if (on == m_publishing)
        return;
    m_publishing = on;
    qCInfo(lcServer) << (on ? "bus: other nodes are up, publishing changes and events"
                            : "bus: no other node is up, publishing heartbeats only");
    if (on) {
        m_directory.setJournal([this](const QJsonObject &op) { queueOp(op); });
        m_hub.setRelay([this](const QList<Id> &users, QLatin1String ev, const QByteArray &body) {
            queueEvent(eventItem(users, ev, body));
        });
    } else {
        m_directory.setJournal({});
        m_hub.setRelay({});
        m_events.clear();
        m_facts = QJsonArray();
    }
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

void Cluster::queueEvent(const QByteArray &item)
{
    if (!m_events.isEmpty() && m_events.size() + item.size() > kEventBytes)
        flush();
    if (!m_events.isEmpty())
        m_events += ',';
    m_events += item;
    flushSoon();
}

void Cluster::queueOp(const QJsonObject &op)
{
    // In the same stream as events, so that another node applies changes and delivers events
    // in the order this node made them.
    queueEvent("{\"d\":" + QJsonDocument(op).toJson(QJsonDocument::Compact) + '}');
}

void Cluster::queueFact(const QJsonObject &fact)
{
    if (!m_publishing)
        return; // nobody to tell; a node that comes asks for all facts
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
    if (m_facts.isEmpty() && m_events.isEmpty() && extra.isEmpty())
        return;
    QJsonObject head;
    if (!m_facts.isEmpty()) {
        head.insert(kFacts, m_facts);
        m_facts = QJsonArray();
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        head.insert(it.key(), it.value());
    // The node first, so that this node knows its own messages without parsing them.
    QByteArray m = ownPrefix();
    const QByteArray rest = head.isEmpty() ? QByteArray() : QJsonDocument(head).toJson(QJsonDocument::Compact);
    if (!rest.isEmpty())
        m += QByteArrayView(rest).sliced(1, rest.size() - 2);
    if (!m_events.isEmpty()) {
        // Events are already JSON: spliced in, not parsed and written again.
        if (!rest.isEmpty())
            m += ',';
        m += "\"es\":[";
        m += m_events;
        m += ']';
        m_events.clear();
    }
    m += '}';
    m_bus->publish(m);
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
    updatePublishing();
    // Our own heartbeats come back through LISTEN; when they stop, so did the bus.
    if (!m_reconnecting && now - m_lastSelfHeard > kDeadAfterMs) {
        qCWarning(lcServer) << "bus: not hearing this node's own heartbeats, reconnecting";
        m_reconnecting = true;
        m_bus->reconnect();
    }
}

QByteArray Cluster::ownPrefix() const
{
    return "{\"n\":" + QByteArray::number(m_node) + ',';
}

void Cluster::heard(const QByteArray &message)
{
    // Every node hears its own messages too: they only tell that the bus works.
    if (message.startsWith(ownPrefix())) {
        m_lastSelfHeard = m_clock.elapsed();
        return;
    }
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
    if (m.value(kAck).toInt(-1) == m_node && m_awaited.remove(node) && m_awaited.isEmpty())
        emit peersAnswered();
    const bool known = m_lastHeard.contains(node);
    m_lastHeard.insert(node, m_clock.elapsed());
    updatePublishing(); // before answering: what this node does next reaches that one
    for (const QJsonValue &op : m.value(kOps).toArray())
        apply(op.toObject());
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
            updatePublishing();
        }
        // A node that (re)started or lost track gets everyone's facts; so does one this node
        // had given up on and hears again (it may have been cut off, not dead).
        if (m.contains(kHello) || m.contains(kWant))
            flush({{kAllFacts, m_presence->localFacts()}, {kAck, node}});
        else if (!known && !m.contains(kBye) && !m.contains(kAllFacts))
            flush({{kWant, true}, {kAllFacts, m_presence->localFacts()}});
    }
    // "es": the Directory changes and events of one turn, in commit order. Earlier versions sent
    // changes in "d" and one event in "e".
    if (m.contains(kEvent))
        deliver(m.value(kEvent).toObject());
    for (const QJsonValue &v : m.value(kEvents).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.contains(kOps))
            apply(item.value(kOps).toObject());
        else
            deliver(item);
    }
}

void Cluster::apply(const QJsonObject &op)
{
    if (!m_directory.apply(op))
        qCWarning(lcServer) << "bus: unknown change" << op.value(QLatin1String("o")).toString();
}

void Cluster::deliver(const QJsonObject &e)
{
    QList<Id> users;
    for (const QJsonValue &u : e.value(QLatin1String("u")).toArray())
        users.append(u.toString().toULongLong());
    m_hub.deliverLocal(users, internedName(e.value(QLatin1String("ev")).toString()),
                       e.value(QLatin1String("b")).toString().toUtf8());
}

} // namespace kith::server

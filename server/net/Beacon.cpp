#include "Beacon.h"

#include "shared/Limits.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkInterface>

// Its own category under the server's name: the app links this without the rest of the server.
Q_LOGGING_CATEGORY(lcBeacon, "kith.server", QtInfoMsg)

namespace kith::server {

namespace {

bool isAny(const QHostAddress &a)
{
    return a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6;
}

QString hostText(const QHostAddress &a)
{
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4);
    if (v4)
        return QHostAddress(ip4).toString();
    return QLatin1Char('[') + a.toString() + QLatin1Char(']');
}

//! This machine's address on the network `towards` is on (the interface whose subnet holds it).
QHostAddress localAddressTowards(const QHostAddress &towards)
{
    QHostAddress fallback;
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        if (!(nic.flags() & QNetworkInterface::IsUp) || (nic.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : nic.addressEntries()) {
            if (e.ip().protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            if (!towards.isNull() && towards.isInSubnet(e.ip(), e.prefixLength()))
                return e.ip();
            if (fallback.isNull())
                fallback = e.ip();
        }
    }
    return fallback.isNull() ? QHostAddress(QHostAddress::LocalHost) : fallback;
}

} // namespace

std::optional<Beacon::Target> Beacon::Target::parse(const QString &text, QString *error)
{
    Target t;
    QString host = text.trimmed();
    QString port;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close > 0) {
            port = host.mid(close + 2);
            host = host.mid(1, close - 1);
        }
    } else if (host.count(u':') == 1) {
        port = host.section(u':', 1);
        host = host.section(u':', 0, 0);
    }
    t.port = limits::kDiscoveryPort;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535) {
            *error = QStringLiteral("bad announce port \"%1\"").arg(port);
            return std::nullopt;
        }
        t.port = quint16(p);
    }
    if (host.compare(u"broadcast", Qt::CaseInsensitive) == 0) {
        t.everyInterface = true;
        return t;
    }
    if (host == u"localhost")
        host = QStringLiteral("127.0.0.1");
    if (!t.host.setAddress(host)) {
        *error = QStringLiteral("bad announce address \"%1\": give HOST:PORT with an IP address, or broadcast").arg(text);
        return std::nullopt;
    }
    return t;
}

QString Beacon::Target::toString() const
{
    return QStringLiteral("%1:%2").arg(everyInterface ? QStringLiteral("broadcast") : hostText(host)).arg(port);
}

Beacon::Beacon(const Target &target, const QString &scheme, const QHostAddress &listen, quint16 port, Body body,
               QObject *parent)
    : QObject(parent), m_target(target), m_scheme(scheme), m_listen(listen), m_port(port), m_body(std::move(body))
{
    m_timer.setInterval(limits::kBeaconIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Beacon::send);
}

void Beacon::start()
{
    qCInfo(lcBeacon) << "announcing" << urlFor(m_target.host) << "to" << m_target.toString();
    send();
    m_timer.start();
}

void Beacon::stop()
{
    m_timer.stop();
}

QString Beacon::urlFor(const QHostAddress &interfaceAddress) const
{
    QHostAddress host = m_listen;
    if (isAny(m_listen)) {
        if (interfaceAddress.isLoopback())
            host = QHostAddress(QHostAddress::LocalHost);
        else if (m_target.everyInterface && !interfaceAddress.isNull())
            host = interfaceAddress;
        else
            host = localAddressTowards(interfaceAddress);
    }
    return QStringLiteral("%1://%2:%3").arg(m_scheme, hostText(host)).arg(m_port);
}

void Beacon::send()
{
    QJsonObject body = m_body();
    body.insert(QLatin1String("kith"), 1);
    auto datagram = [&](const QHostAddress &from) {
        body.insert(QLatin1String("url"), urlFor(from));
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    if (!m_target.everyInterface) {
        m_socket.writeDatagram(datagram(m_target.host), m_target.host, m_target.port);
        return;
    }
    // Each network gets its own beacon: the URL in it must be this machine's address there.
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        const auto flags = nic.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning)
            || !(flags & QNetworkInterface::CanBroadcast) || (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : nic.addressEntries())
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol && !e.broadcast().isNull())
                m_socket.writeDatagram(datagram(e.ip()), e.broadcast(), m_target.port);
    }
}

} // namespace kith::server

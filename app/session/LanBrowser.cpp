#include "LanBrowser.h"

#include "net/Beacon.h"
#include "shared/InviteLink.h"
#include "shared/Limits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <algorithm>

Q_LOGGING_CATEGORY(lcLan, "kith.app.lan")

namespace kith::app {

namespace {
constexpr int kMaxParties = 64;   // a flood of fake beacons must not grow the list forever
constexpr int kNameMax = 64;
} // namespace

LanBrowser::LanBrowser(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_expiry.setInterval(limits::kBeaconIntervalMs / 2);
    connect(&m_expiry, &QTimer::timeout, this, &LanBrowser::expire);
    connect(&m_socket, &QUdpSocket::readyRead, this, &LanBrowser::readPending);
}

QString LanBrowser::target(const QString &setting, bool loopbackOnly)
{
    const QString env = qEnvironmentVariable("KITH_ANNOUNCE").trimmed();
    if (!env.isEmpty())
        return env;
    if (!setting.trimmed().isEmpty())
        return setting.trimmed();
    return loopbackOnly ? QStringLiteral("127.0.0.1:%1").arg(limits::kDiscoveryPort) : QStringLiteral("broadcast");
}

bool LanBrowser::isTarget(const QString &text)
{
    QString why;
    return server::Beacon::Target::parse(text, &why).has_value();
}

bool LanBrowser::start()
{
    if (m_users++ > 0)
        return isListening();
    QString why;
    const auto t = server::Beacon::Target::parse(m_target.isEmpty() ? target({}) : m_target, &why);
    if (!t) {
        m_error = why;
        return false;
    }
    // Several apps on one machine may listen for the same broadcasts.
    const QHostAddress where = t->everyInterface ? QHostAddress(QHostAddress::AnyIPv4) : t->host;
    if (!m_socket.bind(where, t->port, QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        m_error = tr("Cannot listen for parties on UDP port %1: %2").arg(t->port).arg(m_socket.errorString());
        qCWarning(lcLan) << m_error;
        return false;
    }
    m_error.clear();
    qCInfo(lcLan) << "listening for parties on" << where.toString() << t->port;
    m_expiry.start();
    return true;
}

void LanBrowser::stop()
{
    if (m_users == 0 || --m_users > 0)
        return;
    m_socket.close();
    m_expiry.stop();
    if (!m_parties.isEmpty()) {
        m_parties.clear();
        emit partiesChanged();
    }
}

QList<LanBrowser::Party> LanBrowser::parties() const
{
    QList<Party> out = m_parties;
    std::sort(out.begin(), out.end(), [](const Party &a, const Party &b) {
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.url.toString() < b.url.toString();
    });
    return out;
}

bool LanBrowser::parse(const QByteArray &datagram, Party *party)
{
    if (datagram.size() > 2048)
        return false;
    const QJsonObject o = QJsonDocument::fromJson(datagram).object();
    if (o.value(QLatin1String("kith")).toInt() != 1)
        return false;
    const QUrl url(o.value(QLatin1String("url")).toString());
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") || url.host().isEmpty() || url.port() <= 0)
        return false;
    QString name = o.value(QLatin1String("name")).toString().simplified().left(kNameMax);
    name.removeIf([](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; });
    const QJsonValue fp = o.value(QLatin1String("fingerprint"));
    Party p;
    p.name = name.isEmpty() ? url.host() : name;
    p.url = url;
    p.people = qBound(0, o.value(QLatin1String("people")).toInt(), 1000000);
    p.password = o.value(QLatin1String("password")).toBool();
    p.fingerprint = fp.isString() ? InviteLink::normalizeFingerprint(fp.toString()) : QString();
    if (url.scheme() == u"wss" && fp.isString() && p.fingerprint.isEmpty())
        return false; // a fingerprint that is not one: nothing to trust it by
    *party = p;
    return true;
}

void LanBrowser::readPending()
{
    bool changed = false;
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram(4096);
        Party p;
        if (!parse(d.data(), &p))
            continue;
        p.seenMs = m_clock.elapsed();
        auto it = std::find_if(m_parties.begin(), m_parties.end(), [&](const Party &q) { return q.url == p.url; });
        if (it != m_parties.end()) {
            changed |= it->name != p.name || it->people != p.people || it->password != p.password
                || it->fingerprint != p.fingerprint;
            *it = p;
        } else if (m_parties.size() < kMaxParties) {
            m_parties.append(p);
            changed = true;
        }
    }
    if (changed)
        emit partiesChanged();
}

void LanBrowser::expire()
{
    const qint64 now = m_clock.elapsed();
    const auto gone = std::remove_if(m_parties.begin(), m_parties.end(),
                                     [now](const Party &p) { return now - p.seenMs > limits::kBeaconExpiryMs; });
    if (gone == m_parties.end())
        return;
    m_parties.erase(gone, m_parties.end());
    emit partiesChanged();
}

} // namespace kith::app

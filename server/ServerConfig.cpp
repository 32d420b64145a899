#include "ServerConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace kith::server {

namespace {

using Setter = std::function<bool(ServerConfig &, const QString &, QString *)>;

// "HOST:PORT", "[v6]:PORT", "HOST" or ":PORT" into its parts; either may come back empty.
bool splitAddress(const QString &text, QString *hostPart, QString *portPart, QString *why)
{
    *hostPart = text;
    portPart->clear();
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            *why = QStringLiteral("bad address \"%1\": missing ]").arg(text);
            return false;
        }
        *hostPart = text.mid(1, close - 1);
        if (text.size() > close + 1) {
            if (text.at(close + 1) != u':') {
                *why = QStringLiteral("bad address \"%1\"").arg(text);
                return false;
            }
            *portPart = text.mid(close + 2);
        }
    } else if (text.count(u':') == 1) {
        const qsizetype colon = text.indexOf(u':');
        *hostPart = text.left(colon);
        *portPart = text.mid(colon + 1);
    }
    return true;
}

bool parseHost(const QString &text, QHostAddress *out, QString *why)
{
    if (text == u"localhost") {
        *out = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    QHostAddress a;
    if (!a.setAddress(text)) {
        *why = QStringLiteral("bad host \"%1\": give an IP address").arg(text);
        return false;
    }
    *out = a;
    return true;
}

bool parsePort(const QString &text, quint16 *out, QString *why)
{
    bool ok = false;
    const uint p = text.toUInt(&ok);
    if (!ok || p > 65535) {
        *why = QStringLiteral("bad port \"%1\": expected 0-65535").arg(text);
        return false;
    }
    *out = quint16(p);
    return true;
}

bool parseBool(const QString &text, bool *out, QString *why)
{
    const QString v = text.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"1") {
        *out = true;
        return true;
    }
    if (v == u"false" || v == u"no" || v == u"off" || v == u"0") {
        *out = false;
        return true;
    }
    *why = QStringLiteral("expected true or false, not \"%1\"").arg(text);
    return false;
}

Setter text(QString ServerConfig::*member)
{
    return [member](ServerConfig &c, const QString &v, QString *) {
        c.*member = v;
        return true;
    };
}

Setter boolean(bool ServerConfig::*member)
{
    return [member](ServerConfig &c, const QString &v, QString *why) { return parseBool(v, &(c.*member), why); };
}

Setter number(int ServerConfig::*member, int min, int max)
{
    return [member, min, max](ServerConfig &c, const QString &v, QString *why) {
        bool ok = false;
        const int n = v.trimmed().toInt(&ok);
        if (!ok || n < min || n > max) {
            *why = QStringLiteral("expected a number from %1 to %2, not \"%3\"").arg(min).arg(max).arg(v);
            return false;
        }
        c.*member = n;
        return true;
    };
}

Setter number64(qint64 ServerConfig::*member, qint64 min, qint64 max)
{
    return [member, min, max](ServerConfig &c, const QString &v, QString *why) {
        bool ok = false;
        const qint64 n = v.trimmed().toLongLong(&ok);
        if (!ok || n < min || n > max) {
            *why = QStringLiteral("expected a number from %1 to %2, not \"%3\"").arg(min).arg(max).arg(v);
            return false;
        }
        c.*member = n;
        return true;
    };
}

// "ADDR, ADDR ..." (commas or spaces); empty clears the list.
bool parseAddressList(const QString &text, QList<QHostAddress> *out, QString *why)
{
    QList<QHostAddress> list;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QHostAddress a;
        if (!a.setAddress(part)) {
            *why = QStringLiteral("bad address \"%1\": give IP addresses separated by commas").arg(part);
            return false;
        }
        list.append(a);
    }
    *out = list;
    return true;
}

Setter oneOf(QString ServerConfig::*member, const QStringList &allowed)
{
    return [member, allowed](ServerConfig &c, const QString &v, QString *why) {
        const QString lower = v.trimmed().toLower();
        if (!allowed.contains(lower)) {
            *why = QStringLiteral("expected %1, not \"%2\"").arg(allowed.join(QStringLiteral(", ")), v);
            return false;
        }
        c.*member = lower;
        return true;
    };
}

QList<ConfigSetting> makeSettings()
{
    auto s = [](const char *section, const char *key, const char *flag, const char *valueName, const QString &help,
                Setter set, bool path = false) {
        return ConfigSetting{QLatin1String(section), QLatin1String(key), QLatin1String(flag), QLatin1String(valueName),
                             help, path, std::move(set)};
    };
    return {
        s("server", "listen", "listen", "HOST:PORT",
          QStringLiteral("Address and port to listen on (default 127.0.0.1:%1; port 0 picks a free one).")
              .arg(limits::kDefaultPort),
          [](ServerConfig &c, const QString &v, QString *why) { return c.setListen(v, why); }),
        s("server", "data", "data", "DIR", QStringLiteral("Data folder (default ./kith-data)."),
          text(&ServerConfig::dataDir), true),
        s("server", "db", "db", "URL",
          QStringLiteral("Database: postgresql://USER:PASSWORD@HOST:PORT/DB, or sqlite:FILE "
                         "(default: SQLite file kith.db in the data folder)."),
          text(&ServerConfig::databaseUrl)),
        s("server", "name", "", "", QStringLiteral("The server's name, shown to clients (default Kith)."),
          text(&ServerConfig::serverName)),
        s("server", "node_id", "node-id", "N",
          QStringLiteral("This node's id, 0-1023, unique among servers sharing one PostgreSQL "
                         "(default: the lowest free one, leased from the database)."),
          number(&ServerConfig::nodeId, 0, 1023)),
        s("server", "metrics", "metrics", "HOST:PORT",
          QStringLiteral("Serve /healthz and Prometheus /metrics over HTTP on this address; a port alone "
                         "binds 127.0.0.1 (default: off)."),
          [](ServerConfig &c, const QString &v, QString *why) { return c.setMetrics(v, why); }),
        s("server", "log_level", "log-level", "LEVEL", QStringLiteral("debug, info, warning or error (default info)."),
          oneOf(&ServerConfig::logLevel, {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                          QStringLiteral("error")})),
        s("server", "registration", "registration", "MODE",
          QStringLiteral("Who may sign up: open (anyone, the default), invite (with a guild invite code) or closed "
                         "(accounts come from kith-server admin create-user)."),
          oneOf(&ServerConfig::registration, {QStringLiteral("open"), QStringLiteral("invite"), QStringLiteral("closed")})),
        s("party", "guests", "guests", "",
          QStringLiteral("Host a LAN party: guests join with a nickname (session.guest) into the party guild."),
          boolean(&ServerConfig::guests)),
        s("party", "name", "party-name", "NAME", QStringLiteral("The party guild's name (with --guests)."),
          text(&ServerConfig::partyName)),
        s("party", "password", "party-password", "PW", QStringLiteral("Guests must give this password (with --guests)."),
          text(&ServerConfig::partyPassword)),
        s("party", "announce", "announce", "HOST:PORT",
          QStringLiteral("Announce the server on the LAN: beacons to HOST:PORT, or to every network's broadcast "
                         "address with \"broadcast\" (UDP port %1).")
              .arg(limits::kDiscoveryPort),
          text(&ServerConfig::announce)),
        s("tls", "self_signed", "tls-self-signed", "",
          QStringLiteral("Serve wss:// with a certificate made once and kept in the data folder."),
          boolean(&ServerConfig::tlsSelfSigned)),
        s("tls", "cert", "tls-cert", "FILE", QStringLiteral("Serve wss:// with this PEM certificate (chain)."),
          text(&ServerConfig::tlsCert), true),
        s("tls", "key", "tls-key", "FILE", QStringLiteral("The PEM private key of --tls-cert."),
          text(&ServerConfig::tlsKey), true),
        s("limits", "requests_per_second", "", "",
          QStringLiteral("Requests per second per connection (default %1).").arg(limits::kRequestsPerSecond),
          number(&ServerConfig::requestsPerSecond, 1, 1000000)),
        s("limits", "request_burst", "", "",
          QStringLiteral("Burst of requests per connection (default %1).").arg(limits::kRequestBurst),
          number(&ServerConfig::requestBurst, 1, 1000000)),
        s("limits", "login_failures_per_username", "", "",
          QStringLiteral("Wrong passwords for one username from all addresses before it is locked (default %1).")
              .arg(limits::kLoginFailuresPerUsername),
          number(&ServerConfig::loginFailuresPerUsername, 1, 1000000)),
        s("limits", "login_window_per_username_ms", "", "",
          QStringLiteral("How long those wrong passwords are remembered (default %1).").arg(limits::kLoginWindowPerUsernameMs),
          number(&ServerConfig::loginWindowPerUsernameMs, 1000, 86400000)),
        s("limits", "hash_queue", "", "",
          QStringLiteral("Password hashes waiting or running; beyond, sign-ins get unavailable (default %1).")
              .arg(limits::kHashQueue),
          number(&ServerConfig::hashQueue, 1, 100000)),
        s("limits", "hashes_per_address", "", "",
          QStringLiteral("Password hashes one client address may have waiting or running (default %1).")
              .arg(limits::kHashesPerAddress),
          number(&ServerConfig::hashesPerAddress, 1, 100000)),
        s("limits", "store_queue", "", "",
          QStringLiteral("Storage jobs waiting; beyond, requests get unavailable (default 100000)."),
          number(&ServerConfig::storeQueue, 1, 100000000)),
        s("limits", "handshake_timeout_ms", "", "",
          QStringLiteral("Milliseconds a new connection has to complete its upgrade request (default 10000)."),
          number(&ServerConfig::handshakeTimeoutMs, 100, 3600000)),
        s("limits", "connections_per_address", "", "",
          QStringLiteral("Connections (upgrading or open) per client address; more are refused (default 256)."),
          number(&ServerConfig::connectionsPerAddress, 1, 10000000)),
        s("limits", "queued_bytes_total", "", "",
          QStringLiteral("Bytes queued for sending across all connections; past it the slowest readers are cut "
                         "with 4008 (default 268435456)."),
          number64(&ServerConfig::queuedBytesTotal, 65536, Q_INT64_C(1) << 50)),
        s("server", "trusted_proxies", "trusted-proxies", "ADDRS",
          QStringLiteral("Reverse proxies in front of the server, comma-separated: their connections are not counted "
                         "per address, and the client address comes from their X-Forwarded-For (default: none)."),
          [](ServerConfig &c, const QString &v, QString *why) { return parseAddressList(v, &c.trustedProxies, why); }),
        s("limits", "attachment_bytes", "", "",
          QStringLiteral("Largest file one upload may carry, in bytes (default %1).").arg(limits::kAttachmentBytes),
          number64(&ServerConfig::attachmentBytes, 1, Q_INT64_C(1) << 40)),
        s("limits", "http_body_timeout_ms", "", "",
          QStringLiteral("Milliseconds an HTTP request body may go without a byte before the connection is closed "
                         "(default 30000)."),
          number(&ServerConfig::httpBodyTimeoutMs, 100, 3600000)),
        s("storage", "attachments", "attachments", "DIR",
          QStringLiteral("Folder for uploaded files, stored once per content (default: attachments in the data "
                         "folder; nodes sharing a database share it too)."),
          text(&ServerConfig::attachmentsDir), true),
        s("storage", "synchronous", "", "",
          QStringLiteral("SQLite durability: full (default) or normal."),
          [](ServerConfig &c, const QString &v, QString *why) {
              const QString lower = v.trimmed().toLower();
              if (lower != u"full" && lower != u"normal") {
                  *why = QStringLiteral("expected full or normal, not \"%1\"").arg(v);
                  return false;
              }
              c.syncFull = lower == u"full";
              return true;
          }),
    };
}

} // namespace

QString ConfigSetting::envName() const
{
    const QString name = section == u"server" ? key : section + QLatin1Char('_') + key;
    return QStringLiteral("KITH_") + name.toUpper();
}

const QList<ConfigSetting> &ServerConfig::settings()
{
    static const QList<ConfigSetting> all = makeSettings();
    return all;
}

const ConfigSetting *ServerConfig::setting(const QString &section, const QString &key)
{
    for (const ConfigSetting &s : settings())
        if (s.section == section && s.key == key)
            return &s;
    return nullptr;
}

bool ServerConfig::apply(const ConfigSetting &s, const QString &value, const QString &source, QString *error)
{
    QString why;
    if (s.set(*this, value, &why))
        return true;
    *error = source + QStringLiteral(": ") + why;
    return false;
}

bool ServerConfig::setListen(const QString &listen, QString *error)
{
    QString hostPart, portPart;
    if (!splitAddress(listen, &hostPart, &portPart, error))
        return false;
    QHostAddress h = host;
    quint16 p = port;
    if (!hostPart.isEmpty() && !parseHost(hostPart, &h, error))
        return false;
    if (!portPart.isEmpty() && !parsePort(portPart, &p, error))
        return false;
    host = h;
    port = p;
    return true;
}

bool ServerConfig::setMetrics(const QString &value, QString *error)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        metrics = false;
        return true;
    }
    QString hostPart, portPart;
    bool digitsOnly = false;
    (void)v.toUInt(&digitsOnly);
    if (digitsOnly)
        portPart = v; // "9100": a port alone
    else if (!splitAddress(v, &hostPart, &portPart, error))
        return false;
    if (portPart.isEmpty()) {
        *error = QStringLiteral("bad address \"%1\": give a port (HOST:PORT or PORT)").arg(value);
        return false;
    }
    QHostAddress h(QHostAddress::LocalHost);
    quint16 p = 0;
    if (!hostPart.isEmpty() && !parseHost(hostPart, &h, error))
        return false;
    if (!parsePort(portPart, &p, error))
        return false;
    metrics = true;
    metricsHost = h;
    metricsPort = p;
    return true;
}

bool ServerConfig::loadFile(const QString &path, QString *error)
{
    if (!QFileInfo(path).isReadable()) {
        *error = QStringLiteral("cannot read config file %1").arg(path);
        return false;
    }
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        *error = QStringLiteral("cannot parse config file %1").arg(path);
        return false;
    }
    const QDir base = QFileInfo(path).absoluteDir();
    for (const QString &iniKey : ini.allKeys()) {
        const qsizetype slash = iniKey.indexOf(u'/');
        const QString section = slash < 0 ? QStringLiteral("General") : iniKey.left(slash);
        const QString key = slash < 0 ? iniKey : iniKey.mid(slash + 1);
        const QString source = QStringLiteral("config file %1, [%2] %3").arg(path, section, key);
        const ConfigSetting *s = setting(section, key);
        if (!s) {
            // A typo would otherwise be a setting silently left at its default.
            *error = source + (slash < 0 ? QStringLiteral(": unknown key (settings go in a section such as [server])")
                                         : QStringLiteral(": unknown key"));
            return false;
        }
        // An unquoted comma makes QSettings split the value into a list.
        const QVariant raw = ini.value(iniKey);
        QString value = raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QStringLiteral(", "))
                                                               : raw.toString();
        if (value.isEmpty())
            continue; // "key =" leaves the default, as if the key were not there
        if (s->path)
            value = base.absoluteFilePath(value);
        if (!apply(*s, value, source, error))
            return false;
    }
    return true;
}

bool ServerConfig::loadEnvironment(QString *error, const QProcessEnvironment &env)
{
    for (const ConfigSetting &s : settings()) {
        const QString value = env.value(s.envName());
        if (!value.isEmpty() && !apply(s, value, s.envName(), error))
            return false;
    }
    return true;
}

} // namespace kith::server

#include "ServerConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace kith::server {

bool ServerConfig::setListen(const QString &listen, QString *error)
{
    QString hostPart = listen;
    QString portPart;
    if (listen.startsWith(u'[')) {
        const qsizetype close = listen.indexOf(u']');
        if (close < 0) {
            *error = QStringLiteral("bad --listen value \"%1\": missing ]").arg(listen);
            return false;
        }
        hostPart = listen.mid(1, close - 1);
        if (listen.size() > close + 1) {
            if (listen.at(close + 1) != u':') {
                *error = QStringLiteral("bad --listen value \"%1\"").arg(listen);
                return false;
            }
            portPart = listen.mid(close + 2);
        }
    } else if (listen.count(u':') == 1) {
        const qsizetype colon = listen.indexOf(u':');
        hostPart = listen.left(colon);
        portPart = listen.mid(colon + 1);
    }
    if (!hostPart.isEmpty()) {
        QHostAddress a;
        if (hostPart == u"localhost")
            a = QHostAddress(QHostAddress::LocalHost);
        else if (!a.setAddress(hostPart)) {
            *error = QStringLiteral("bad --listen host \"%1\": give an IP address").arg(hostPart);
            return false;
        }
        host = a;
    }
    if (!portPart.isEmpty()) {
        bool ok = false;
        const uint p = portPart.toUInt(&ok);
        if (!ok || p > 65535) {
            *error = QStringLiteral("bad --listen port \"%1\"").arg(portPart);
            return false;
        }
        port = quint16(p);
    }
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
    const QString base = QFileInfo(path).absolutePath();
    if (ini.contains(QStringLiteral("server/listen")) && !setListen(ini.value(QStringLiteral("server/listen")).toString(), error))
        return false;
    if (ini.contains(QStringLiteral("server/data")))
        dataDir = QDir(base).absoluteFilePath(ini.value(QStringLiteral("server/data")).toString());
    if (ini.contains(QStringLiteral("server/db")))
        databaseUrl = ini.value(QStringLiteral("server/db")).toString();
    if (ini.contains(QStringLiteral("server/name")))
        serverName = ini.value(QStringLiteral("server/name")).toString();
    auto readInt = [&](const QString &key, int min, int max, int *out) {
        if (!ini.contains(key))
            return true;
        bool ok = false;
        const int v = ini.value(key).toInt(&ok);
        if (!ok || v < min || v > max) {
            *error = QStringLiteral("config %1: expected a number from %2 to %3").arg(key).arg(min).arg(max);
            return false;
        }
        *out = v;
        return true;
    };
    if (!readInt(QStringLiteral("server/node_id"), 0, 1023, &nodeId)
        || !readInt(QStringLiteral("limits/requests_per_second"), 1, 1000000, &requestsPerSecond)
        || !readInt(QStringLiteral("limits/request_burst"), 1, 1000000, &requestBurst))
        return false;
    if (ini.contains(QStringLiteral("party/guests")))
        guests = ini.value(QStringLiteral("party/guests")).toBool();
    if (ini.contains(QStringLiteral("party/name")))
        partyName = ini.value(QStringLiteral("party/name")).toString();
    if (ini.contains(QStringLiteral("party/password")))
        partyPassword = ini.value(QStringLiteral("party/password")).toString();
    if (ini.contains(QStringLiteral("party/announce")))
        announce = ini.value(QStringLiteral("party/announce")).toString();
    if (ini.contains(QStringLiteral("tls/self_signed")))
        tlsSelfSigned = ini.value(QStringLiteral("tls/self_signed")).toBool();
    if (ini.contains(QStringLiteral("tls/cert")))
        tlsCert = QDir(base).absoluteFilePath(ini.value(QStringLiteral("tls/cert")).toString());
    if (ini.contains(QStringLiteral("tls/key")))
        tlsKey = QDir(base).absoluteFilePath(ini.value(QStringLiteral("tls/key")).toString());
    if (ini.contains(QStringLiteral("storage/synchronous"))) {
        const QString v = ini.value(QStringLiteral("storage/synchronous")).toString().toLower();
        if (v != u"full" && v != u"normal") {
            *error = QStringLiteral("config storage/synchronous: expected full or normal");
            return false;
        }
        syncFull = v == u"full";
    }
    return true;
}

} // namespace kith::server

#include "Control.h"

#include "Log.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

namespace kith::server {

namespace {
constexpr qint64 kMaxMessage = 1 << 20;
constexpr int kTimeoutMs = 5000;
} // namespace

void applyControl(Directory &directory, Hub &hub, const QJsonArray &actions)
{
    for (const QJsonValue &value : actions) {
        const QJsonObject a = value.toObject();
        const QString kind = a.value(QLatin1String("a")).toString();
        if (kind == u"user") {
            const User user = User::fromJson(a.value(QLatin1String("v")).toObject());
            if (!user.id)
                continue;
            directory.apply({{QLatin1String("o"), QStringLiteral("user")}, {QLatin1String("v"), user.toJson()}});
            hub.deliverLocal(directory.holdersOf(user.id), ev::UserUpdated,
                             encodeBody({{QLatin1String("user"), user.toJson()}}));
        } else if (kind == u"guild-") {
            const Id guildId = idFromJson(a.value(QLatin1String("id")));
            const QList<Id> members = directory.memberIds(guildId);
            directory.apply({{QLatin1String("o"), QStringLiteral("guild-")}, {QLatin1String("id"), QString::number(guildId)}});
            hub.deliverLocal(members, ev::GuildDeleted, encodeBody({{QLatin1String("id"), idJson(guildId)}}));
        } else if (kind == u"end") {
            hub.endSessionsOfUser(idFromJson(a.value(QLatin1String("u"))), limits::kCloseLoggedOut,
                                  QStringLiteral("signed out by the server's admin"));
        } else {
            qCWarning(lcServer) << "control: unknown action" << kind;
        }
    }
}

ControlSocket::ControlSocket(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->bytesAvailable() > kMaxMessage) {
                    s->abort();
                    return;
                }
                if (!s->canReadLine())
                    return;
                const QJsonDocument doc = QJsonDocument::fromJson(s->readLine());
                if (!doc.isArray()) {
                    s->write("bad\n");
                    s->disconnectFromServer();
                    return;
                }
                emit received(doc.array());
                s->write("ok\n");
                s->disconnectFromServer();
            });
        }
    });
}

ControlSocket::~ControlSocket() = default;

QString ControlSocket::nameFor(const QString &dataDir)
{
    // A short name, the same for every spelling of the folder: socket paths are limited.
    const QByteArray path = QDir(dataDir).canonicalPath().toUtf8();
    return QStringLiteral("kith-server-")
           + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(20));
}

bool ControlSocket::listen(const QString &dataDir, QString *error)
{
    const QString name = nameFor(dataDir);
    // The folder lock is ours: a socket left by a server that died is stale.
    QLocalServer::removeServer(name);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(name)) {
        *error = QStringLiteral("cannot listen on the control socket %1: %2").arg(name, m_server->errorString());
        return false;
    }
    return true;
}

bool ControlSocket::send(const QString &dataDir, const QJsonArray &actions, QString *error)
{
    QLocalSocket s;
    s.connectToServer(nameFor(dataDir));
    if (!s.waitForConnected(kTimeoutMs)) {
        *error = s.errorString();
        return false;
    }
    s.write(QJsonDocument(actions).toJson(QJsonDocument::Compact) + '\n');
    if (!s.waitForBytesWritten(kTimeoutMs)) {
        *error = s.errorString();
        return false;
    }
    while (!s.canReadLine()) {
        if (!s.waitForReadyRead(kTimeoutMs)) {
            *error = QStringLiteral("the server did not answer");
            return false;
        }
    }
    if (s.readLine().trimmed() != "ok") {
        *error = QStringLiteral("the server refused the change");
        return false;
    }
    return true;
}

} // namespace kith::server

#include "SingleInstance.h"

#include "platform/FolderLock.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcInstance, "kith.app.instance")

namespace kith::app {

namespace {
constexpr qint64 kMaxMessage = 64 * 1024; // arguments, not a file
const QByteArray kAck = QByteArrayLiteral("ok\n");
} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent), m_dataDir(QDir(dataDir).absolutePath())
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketName(const QString &dataDir)
{
    // Short (Unix socket paths are limited), per user and per folder.
    const QByteArray key = QDir(dataDir).absolutePath().toUtf8();
    return QStringLiteral("kith-") + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(20));
}

SingleInstance::Claim SingleInstance::claim(const QStringList &arguments, QString *error, int timeoutMs)
{
    if (!QDir().mkpath(m_dataDir)) {
        *error = QStringLiteral("data folder %1 cannot be created").arg(QDir::toNativeSeparators(m_dataDir));
        return Claim::Failed;
    }
    m_lock = std::make_unique<server::FolderLock>(m_dataDir, QStringLiteral("kith.lock"));
    qint64 holder = 0;
    switch (m_lock->tryLock(&holder)) {
    case server::FolderLock::Outcome::Locked:
        return Claim::Primary;
    case server::FolderLock::Outcome::Error:
        *error = QStringLiteral("cannot lock data folder %1").arg(QDir::toNativeSeparators(m_dataDir));
        m_lock.reset();
        return Claim::Failed;
    case server::FolderLock::Outcome::HeldByOther:
        m_lock.reset();
        break;
    }
    // The holder may be starting and not listen yet: try until the deadline.
    const QByteArray message = QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(socketName(m_dataDir));
        if (!socket.waitForConnected(int(qMax<qint64>(1, deadline.remainingTime())))) {
            QThread::msleep(25); // nobody listens yet; not a test, a start-up race
            continue;
        }
        socket.write(message);
        QByteArray answer;
        while (!answer.endsWith('\n') && socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            answer += socket.readAll();
        if (answer == kAck)
            return Claim::Forwarded;
        break;
    }
    *error = server::FolderLock::inUseMessage(QDir::toNativeSeparators(m_dataDir), holder)
        + QStringLiteral(", which does not answer");
    return Claim::Failed;
}

bool SingleInstance::listen(QString *error)
{
    if (!m_lock || !m_lock->isLocked()) {
        *error = QStringLiteral("the data folder is not locked by this process");
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString name = socketName(m_dataDir);
    // We hold the folder's lock, so a socket of that name is a leftover of a crash.
    QLocalServer::removeServer(name);
    if (!m_server->listen(name)) {
        *error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    return true;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxMessage) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine(kMaxMessage));
            socket->write(kAck);
            socket->flush();
            socket->disconnectFromServer();
            QStringList args;
            for (const QJsonValue &v : doc.array())
                args.append(v.toString());
            qCInfo(lcInstance) << "another start handed over" << args;
            emit argumentsReceived(args);
        });
    }
}

} // namespace kith::app

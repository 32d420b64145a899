#include "Relay.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace kith::bench {

Relay::Relay(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
    , m_server(new QWebSocketServer(QStringLiteral("kith-relay"), QWebSocketServer::NonSecureMode,
                                    this))
{
    // Our own QTcpServer so accepted sockets get TCP_NODELAY (QWebSocketServer leaves Nagle on,
    // and Nagle against the client's delayed ACK stalls small frames for up to 40 ms).
    m_tcp->setMaxPendingConnections(1 << 16);
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_server->handleConnection(socket);
        }
    });
    m_server->setMaxPendingConnections(1 << 16);
    connect(m_server, &QWebSocketServer::newConnection, this, &Relay::onNewConnection);
}

bool Relay::listen(const QHostAddress &host, quint16 port, QString *error)
{
    if (m_tcp->listen(host, port))
        return true;
    *error = m_tcp->errorString();
    return false;
}

quint16 Relay::port() const
{
    return m_tcp->serverPort();
}

void Relay::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        m_clients.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
            // Same work per recipient as the real server's fan-out: one frame write each.
            for (QWebSocket *client : std::as_const(m_clients))
                client->sendTextMessage(frame);
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_clients.removeOne(socket);
            socket->deleteLater();
        });
    }
}

} // namespace kith::bench

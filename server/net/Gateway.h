#pragma once
//! The WebSocket listener: accepts connections, greets them with hello and owns their Sessions.

#include <QHostAddress>
#include <QObject>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace kith::server {

class Hub;
class Router;
class Session;
struct ServerConfig;

class Gateway : public QObject
{
    Q_OBJECT
public:
    //! With `tls`, every port speaks wss:// only.
    Gateway(const Router &router, Hub &hub, const ServerConfig &config, std::optional<QSslConfiguration> tls = {},
            QObject *parent = nullptr);
    ~Gateway() override;

    //! `addressInUse` tells a taken port from other failures.
    bool listen(QString *error, bool *addressInUse = nullptr);
    //! One more port on the same address, with the same sessions and limits.
    bool listenAlso(quint16 port, QString *error);
    void stopListening();
    quint16 port() const;
    bool isListening() const; //!< the main port accepts connections
    QList<quint16> ports() const;
    int connectionCount() const { return int(m_sessions.size()); }
    //! Closes every connection, signed in or not, and waits briefly for the frames to leave.
    void closeAll(quint16 code, const QString &reason);

private:
    void onNewConnection();
    void acceptFrom(QTcpServer *listener);
    QTcpServer *makeListener();

    const Router &m_router;
    Hub &m_hub;
    const ServerConfig &m_config;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_tcp;          //!< accepts, so each socket gets TCP_NODELAY before the upgrade
    QList<QTcpServer *> m_extra; //!< listenAlso's ports
    QWebSocketServer *m_server; //!< only performs the WebSocket handshake
    QHash<QPair<QString, quint16>, QTcpSocket *> m_upgrading;
    QSet<Session *> m_sessions;
    QByteArray m_hello;
};

} // namespace kith::server

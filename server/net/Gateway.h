#pragma once
//! The WebSocket listener: accepts connections, guards the edge (handshake timeout, header cap,
//! connections per address, accept that pauses when descriptors run out, bytes queued across
//! all sessions), greets connections with hello and owns their Sessions.

#include "net/GatewayStats.h"
#include "net/HttpRequest.h"
#include "net/SendBudget.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <optional>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace kith::server {

class HttpServer;
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
    GatewayStats stats() const;
    //! Plain HTTP requests on the same ports go there; without one they get 404.
    void setHttp(HttpServer *http) { m_http = http; }
    //! Closes every connection, signed in or not, and waits briefly for the frames to leave.
    void closeAll(quint16 code, const QString &reason);

    //! Request heads (upgrade or plain HTTP) larger than this close the connection at once.
    static constexpr qint64 kMaxHeaderBytes = 16 * 1024;

private:
    struct Upgrading {
        QString address;   //!< the client's, once known (a trusted proxy's clients: after the headers)
        bool proxied = false;
        QPair<QString, quint16> peer; //!< its key in m_byPeer
    };

    void onNewConnection();
    QTcpServer *makeListener();
    void watchHeaders(QTcpSocket *socket);
    void handOver(QTcpSocket *socket);
    //! A complete head that is no upgrade: the HTTP side answers it.
    void handOverHttp(QTcpSocket *socket, HttpRequest request, qsizetype headBytes);
    void startAccepting(QTcpServer *listener);
    void acceptPending(QTcpServer *listener);
    void admitSocket(QTcpSocket *socket);
    void outOfDescriptors(QTcpServer *listener);
    void resumeAccepting();
    bool admit(const QString &address) const;
    void count(QTcpSocket *socket, const QString &address);
    void onSocketGone(QTcpSocket *socket);
    void enforceBudget();

    const Router &m_router;
    Hub &m_hub;
    const ServerConfig &m_config;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_tcp;          //!< accepts, so each socket gets TCP_NODELAY before the upgrade
    QList<QTcpServer *> m_extra; //!< listenAlso's ports
    QHash<QTcpServer *, QSocketNotifier *> m_notifiers; //!< ours, accepting for each listener
    QWebSocketServer *m_server; //!< only performs the WebSocket handshake
    HttpServer *m_http = nullptr;
    QHash<QTcpSocket *, Upgrading> m_upgrading; //!< accepted, WebSocket not yet open
    QHash<QPair<QString, quint16>, QTcpSocket *> m_byPeer; //!< the same, by peer address and port
    QHash<QTcpSocket *, QString> m_counted;     //!< sockets counted against their address
    QHash<QString, int> m_perAddress;
    QSet<QString> m_trusted;
    QSet<Session *> m_sessions;
    SendBudget m_budget;
    GatewayStats m_stats;
    bool m_acceptPaused = false;
    bool m_dying = false;
    QTimer m_acceptRetry;
    QElapsedTimer m_acceptLogged;
    quint64 m_acceptFailuresUnlogged = 0;
    int m_closedSinceTrim = 0;
    QTimer m_trim;
    QByteArray m_hello;
};

} // namespace kith::server

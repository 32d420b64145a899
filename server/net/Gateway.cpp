#include "Gateway.h"

#include "Log.h"
#include "ServerConfig.h"
#include "net/Session.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace kith::server {

namespace {
// A connection that has not finished its TLS handshake by then is dropped.
constexpr int kTlsHandshakeMs = 10000;
} // namespace

Gateway::Gateway(const Router &router, Hub &hub, const ServerConfig &config, std::optional<QSslConfiguration> tls,
                 QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_hub(hub)
    , m_config(config)
    , m_tls(std::move(tls))
    , m_tcp(nullptr)
    , m_server(new QWebSocketServer(config.serverName, QWebSocketServer::NonSecureMode, this))
{
    const QJsonObject limitsJson{{QLatin1String("message_length"), limits::kMessageLength},
                                 {QLatin1String("frame_bytes"), limits::kFrameBytes},
                                 {QLatin1String("history_page"), limits::kHistoryPage},
                                 {QLatin1String("requests_per_second"), config.requestsPerSecond},
                                 {QLatin1String("request_burst"), config.requestBurst},
                                 {QLatin1String("nonce_length"), limits::kNonceLength}};
    const QJsonObject hello{{QLatin1String("version"), limits::kProtocolVersion},
                            {QLatin1String("server"), config.serverName},
                            {QLatin1String("server_version"), QStringLiteral(KITH_VERSION)},
                            {QLatin1String("features"), QJsonArray::fromStringList(protocol::features(config.guests))},
                            {QLatin1String("limits"), limitsJson},
                            {QLatin1String("registration"), config.registration}};
    m_hello = encodeEvent(ev::Hello, -1, encodeBody(hello));
    m_tcp = makeListener();
    m_server->setMaxPendingConnections(4096);
    connect(m_server, &QWebSocketServer::newConnection, this, &Gateway::onNewConnection);
}

QTcpServer *Gateway::makeListener()
{
    QTcpServer *tcp = nullptr;
    if (m_tls) {
        // QSslServer hands sockets over once the TLS handshake is done; the WebSocket handshake
        // and every frame after it then run over the encrypted socket like over a plain one.
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        ssl->setHandshakeTimeout(kTlsHandshakeMs);
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCInfo(lcGateway) << "TLS handshake with" << socket->peerAddress().toString() << "failed:" << socket->errorString();
        });
        tcp = ssl;
    } else {
        tcp = new QTcpServer(this);
    }
    tcp->setMaxPendingConnections(4096);
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    tcp->setListenBacklogSize(1024); // bursts of reconnecting clients must not wait for SYN retries
#endif
    connect(tcp, &QTcpServer::newConnection, this, [this, tcp] { acceptFrom(tcp); });
    // Qt 6.4 emits newConnection as the TLS handshake starts, before the socket is pending.
    if (m_tls)
        connect(tcp, &QTcpServer::pendingConnectionAvailable, this, [this, tcp] { acceptFrom(tcp); });
    connect(tcp, &QTcpServer::acceptError, this, [](QAbstractSocket::SocketError e) {
        qCWarning(lcGateway) << "accept failed:" << e;
    });
    return tcp;
}

void Gateway::acceptFrom(QTcpServer *listener)
{
    while (QTcpSocket *socket = listener->nextPendingConnection()) {
        // Events are small and latency-bound: never hold them back for Nagle.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_upgrading.insert({socket->peerAddress().toString(), socket->peerPort()}, socket);
        connect(socket, &QObject::destroyed, this, [this, key = qMakePair(socket->peerAddress().toString(), socket->peerPort())] {
            m_upgrading.remove(key);
        });
        m_server->handleConnection(socket);
    }
}

Gateway::~Gateway()
{
    for (Session *s : std::as_const(m_sessions))
        disconnect(s, nullptr, this, nullptr);
    qDeleteAll(m_sessions);
}

bool Gateway::listen(QString *error, bool *addressInUse)
{
    if (!m_tcp->listen(m_config.host, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host.toString())
                     .arg(m_config.port)
                     .arg(m_tcp->errorString());
        if (addressInUse)
            *addressInUse = m_tcp->serverError() == QAbstractSocket::AddressInUseError;
        return false;
    }
    return true;
}

bool Gateway::listenAlso(quint16 port, QString *error)
{
    if (ports().contains(port))
        return true;
    QTcpServer *tcp = makeListener();
    if (!tcp->listen(m_config.host, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(m_config.host.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_extra.append(tcp);
    return true;
}

void Gateway::stopListening()
{
    m_tcp->close();
    for (QTcpServer *tcp : std::as_const(m_extra))
        tcp->close();
}

bool Gateway::isListening() const
{
    return m_tcp->isListening();
}

quint16 Gateway::port() const
{
    return m_tcp->serverPort();
}

QList<quint16> Gateway::ports() const
{
    QList<quint16> out;
    if (m_tcp->isListening())
        out.append(m_tcp->serverPort());
    for (const QTcpServer *tcp : m_extra)
        if (tcp->isListening())
            out.append(tcp->serverPort());
    return out;
}

void Gateway::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        QTcpSocket *tcp = m_upgrading.take({socket->peerAddress().toString(), socket->peerPort()});
        auto *session = new Session(socket, tcp, m_router, m_hub, m_config, this);
        m_sessions.insert(session);
        connect(session, &Session::finished, this, [this](Session *s) {
            m_sessions.remove(s);
            s->deleteLater();
        });
        session->sendFrame(m_hello);
    }
}

void Gateway::closeAll(quint16 code, const QString &reason)
{
    const auto all = m_sessions;
    for (Session *s : all)
        s->closeSink(code, reason);
    // Let the close frames (and replies queued before them) reach the wire.
    QElapsedTimer t;
    t.start();
    while (!m_sessions.isEmpty() && t.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace kith::server

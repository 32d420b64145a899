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
#include <QWebSocket>
#include <QWebSocketServer>

namespace kith::server {

Gateway::Gateway(const Router &router, Hub &hub, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_hub(hub)
    , m_config(config)
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
                            {QLatin1String("features"), QJsonArray::fromStringList(protocol::features())},
                            {QLatin1String("limits"), limitsJson}};
    m_hello = QString::fromUtf8(encodeEvent(ev::Hello, -1, encodeBody(hello)));
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QWebSocketServer::newConnection, this, &Gateway::onNewConnection);
    connect(m_server, &QWebSocketServer::acceptError, this, [](QAbstractSocket::SocketError e) {
        qCWarning(lcGateway) << "accept failed:" << e;
    });
}

Gateway::~Gateway()
{
    for (Session *s : std::as_const(m_sessions))
        disconnect(s, nullptr, this, nullptr);
    qDeleteAll(m_sessions);
}

bool Gateway::listen(QString *error)
{
    if (!m_server->listen(m_config.host, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host.toString())
                     .arg(m_config.port)
                     .arg(m_server->errorString());
        return false;
    }
    return true;
}

void Gateway::stopListening()
{
    m_server->close();
}

quint16 Gateway::port() const
{
    return m_server->serverPort();
}

void Gateway::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        auto *session = new Session(socket, m_router, m_hub, m_config, this);
        m_sessions.insert(session);
        connect(session, &Session::finished, this, [this](Session *s) {
            m_sessions.remove(s);
            s->deleteLater();
        });
        session->sendText(m_hello);
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

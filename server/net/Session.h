#pragma once
//! One WebSocket connection: reads frames, enforces frame and rate limits, hands requests to
//! the Router, and writes replies and events with a bounded send buffer.

#include "core/EventSink.h"
#include "net/RateLimiter.h"

#include <QByteArrayView>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace kith::server {

class Hub;
class Router;
struct ServerConfig;

class Session : public QObject, public EventSink
{
    Q_OBJECT
public:
    //! `tcp` is the socket under the WebSocket, when known: closing writes the close frame on
    //! it and waits for the peer's answer, so a client that is still sending gets the code
    //! instead of a reset.
    Session(QWebSocket *socket, QTcpSocket *tcp, const Router &router, Hub &hub, const ServerConfig &config,
            QObject *parent = nullptr);
    ~Session() override;

    void sendFrame(const QByteArray &frame) override;
    void bindSession(std::shared_ptr<SessionRecord> session) override;
    bool isBound() const override { return bool(m_record); }
    QString peerAddress() const override { return m_address; }
    void closeSink(quint16 code, const QString &reason) override;

signals:
    void finished(kith::server::Session *session);

private:
    //! Writes frames built by net/WsFrame on the TCP socket, counted as unsent bytes.
    void writeFrame(QByteArrayView wire);
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void account(qint64 bytes);

    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_tcp;
    const Router &m_router;
    Hub &m_hub;
    RateLimiter m_limiter;
    std::shared_ptr<SessionRecord> m_record;
    QString m_address;
    qint64 m_unsentBytes = 0;
    bool m_closing = false;
    QTimer m_authTimer;
};

} // namespace kith::server

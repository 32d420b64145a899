#pragma once
//! One WebSocket connection: reads frames, enforces frame and rate limits, hands requests to
//! the Router, and writes replies and events with a bounded send buffer.

#include "core/EventSink.h"
#include "net/RateLimiter.h"

#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace kith::server {

class Hub;
class Router;
struct SendBudget;
struct ServerConfig;

class Session : public QObject, public EventSink
{
    Q_OBJECT
public:
    //! `tcp` is the socket under the WebSocket, when known: frames are written on it directly
    //! (see ownFrames()). `address` is the client's (the forwarded one behind a trusted proxy);
    //! `budget` counts this session's unsent bytes with everyone else's.
    Session(QWebSocket *socket, QTcpSocket *tcp, const QString &address, SendBudget &budget, const Router &router,
            Hub &hub, const ServerConfig &config, QObject *parent = nullptr);
    ~Session() override;

    void sendFrame(const QByteArray &frame) override;
    void bindSession(std::shared_ptr<SessionRecord> session) override;
    bool isBound() const override { return bool(m_record); }
    QString peerAddress() const override { return m_address; }
    void closeSink(quint16 code, const QString &reason) override;

    //! Bytes queued for this client and not yet taken by the kernel.
    qint64 unsentBytes() const { return m_unsentBytes; }
    bool isClosing() const { return m_closing; }

    //! Whether this Qt's QWebSocket has been verified to let us write frames under it (it has
    //! no write buffer of its own and passes bytesWritten on); elsewhere sendTextMessage is used.
    static bool ownFrames();

signals:
    void finished(kith::server::Session *session);
    //! Closed with 4008 because more than the send buffer was queued for it.
    void cutOff();

private:
    //! Writes frames built by net/WsFrame on the TCP socket, counted as unsent bytes.
    void writeFrame(QByteArrayView wire);
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    //! The WebSocket is closing (by us, the peer or a protocol error): stop sending and drop
    //! what is queued.
    void stopSending();
    void detach();
    void account(qint64 bytes);
    void dropQueue();

    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_tcp;
    const Router &m_router;
    Hub &m_hub;
    SendBudget &m_budget;
    RateLimiter m_limiter;
    std::shared_ptr<SessionRecord> m_record;
    QString m_address;
    qint64 m_unsentBytes = 0;
    //! Frames waiting while the socket's own buffer is full: kept here, not in the socket,
    //! so a slow reader's backlog can be dropped.
    QList<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_closing = false;
    QTimer m_authTimer;
};

} // namespace kith::server

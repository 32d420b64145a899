#pragma once
//! The TCP socket under a WebSocket (plain or TLS). QWebSocket closes its socket right after
//! writing a close frame; with bytes still arriving from a peer that is sending (an over-size
//! message), the kernel then answers with a reset and the peer never reads the close code.
//! So close() lingers instead: it stops reading frames (incoming bytes are discarded), sends
//! what is queued and a FIN after it, and closes once the peer closes or a short grace ends.

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

namespace kith::server {

//! The lingering itself, attached to a socket as its child: the same for plain and TLS sockets.
class Linger : public QObject
{
    Q_OBJECT
public:
    //! `pending`: bytes the socket has not handed to the kernel yet; `closeNow`: the base close().
    Linger(QTcpSocket *socket, std::function<qint64()> pending, std::function<void()> closeNow);

    //! Starts lingering; false when the socket is not connected (the caller closes at once).
    bool begin();
    bool isLingering() const { return m_lingering; }
    //! Whether `socket` lingers on close (is a LingeringSocket or LingeringSslSocket).
    static bool attached(const QObject *socket);

    //! How long a lingering socket waits for its peer to read and close.
    static constexpr int kGraceMs = 5000;

private:
    void discardInput();
    void halfCloseWhenSent();
    void finish();

    QTcpSocket *m_socket;
    std::function<qint64()> m_pending;
    std::function<void()> m_closeNow;
    QTimer m_grace;
    bool m_lingering = false;
    bool m_halfClosed = false;
    bool m_checkQueued = false;
};

class LingeringSocket : public QTcpSocket
{
    Q_OBJECT
public:
    explicit LingeringSocket(QObject *parent = nullptr);
    void close() override;

private:
    Linger *m_linger;
};

//! The same over TLS: what is queued counts until it is encrypted and with the kernel.
class LingeringSslSocket : public QSslSocket
{
    Q_OBJECT
public:
    explicit LingeringSslSocket(QObject *parent = nullptr);
    void close() override;

private:
    Linger *m_linger;
};

} // namespace kith::server

#pragma once
//! The TCP socket under a plain (non-TLS) WebSocket. QWebSocket closes its socket right after
//! writing a close frame; with bytes still arriving from a peer that is sending (an over-size
//! message), the kernel then answers with a reset and the peer never reads the close code.
//! So close() lingers instead: it stops reading frames (incoming bytes are discarded), sends
//! what is queued and a FIN after it, and closes once the peer closes or a short grace ends.

#include <QTcpSocket>
#include <QTimer>

namespace kith::server {

class LingeringSocket : public QTcpSocket
{
    Q_OBJECT
public:
    explicit LingeringSocket(QObject *parent = nullptr);

    //! Lingers as described above; a socket that is not connected closes at once.
    void close() override;
    bool isLingering() const { return m_lingering; }

    //! How long a lingering socket waits for its peer to read and close.
    static constexpr int kGraceMs = 5000;

private:
    void discardInput();
    void halfCloseWhenSent();
    void finish();

    QTimer m_grace;
    bool m_lingering = false;
    bool m_halfClosed = false;
};

} // namespace kith::server

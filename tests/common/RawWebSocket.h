#pragma once
//! A minimal WebSocket client over a bare QTcpSocket, so a test can stop reading the socket
//! (QWebSocket always drains it) and play a client whose network or process has stalled.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>

namespace kith::test {

class RawWebSocket : public QObject
{
    Q_OBJECT
public:
    explicit RawWebSocket(QObject *parent = nullptr);

    //! TCP connect + opening handshake; true once the server answered 101.
    bool open(const QUrl &url, int timeoutMs = 10000, const QByteArray &extraHeaders = {});
    //! The first line of the server's answer to the upgrade request ("HTTP/1.1 101 ..."), once read.
    QByteArray statusLine() const { return m_status; }
    void sendText(const QByteArray &payload);
    void sendBinary(const QByteArray &payload);
    //! One masked frame with FIN set and this opcode (0x1 text, 0x2 binary), queued on the socket.
    void sendFrame(int opcode, const QByteArray &payload);

    //! Stops taking bytes off the socket: the kernel buffers fill and the server must hold
    //! (or drop) what it cannot send. `kernelBuffer` caps the receive buffer.
    void pauseReading(int kernelBuffer = 64 * 1024);
    void resumeReading();

    const QList<QByteArray> &textFrames() const { return m_texts; }
    int closeCode() const { return m_closeCode; } //!< -1 until a close frame arrived
    bool isDisconnected() const { return m_disconnected; }
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); } //!< not yet handed to the kernel
    bool waitDisconnected(int timeoutMs);

private:
    void readSome();
    void parseFrames();

    QTcpSocket m_socket;
    QByteArray m_in;
    QList<QByteArray> m_texts;
    QByteArray m_fragment;
    QByteArray m_status;
    bool m_handshakeDone = false;
    bool m_paused = false;
    bool m_disconnected = false;
    int m_closeCode = -1;
};

} // namespace kith::test

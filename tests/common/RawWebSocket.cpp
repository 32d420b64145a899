#include "RawWebSocket.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

namespace kith::test {

RawWebSocket::RawWebSocket(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawWebSocket::readSome);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_disconnected = true; });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            m_disconnected = true;
    });
}

bool RawWebSocket::open(const QUrl &url, int timeoutMs, const QByteArray &extraHeaders)
{
    m_socket.connectToHost(url.host(), quint16(url.port()));
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    QByteArray key(16, Qt::Uninitialized);
    for (char &c : key)
        c = char(QRandomGenerator::global()->bounded(256));
    const QByteArray path = url.path().isEmpty() ? QByteArray("/") : url.path().toUtf8();
    QByteArray req = "GET " + path + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':'
                     + QByteArray::number(url.port())
                     + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                     + key.toBase64() + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
    m_socket.write(req);
    return QTest::qWaitFor([this] { return m_handshakeDone || m_disconnected; }, timeoutMs)
           && m_handshakeDone;
}

void RawWebSocket::sendText(const QByteArray &payload)
{
    sendFrame(0x1, payload);
}

void RawWebSocket::sendBinary(const QByteArray &payload)
{
    sendFrame(0x2, payload);
}

void RawWebSocket::sendFrame(int opcode, const QByteArray &payload)
{
    QByteArray f;
    f.reserve(payload.size() + 14);
    f.append(char(0x80 | (opcode & 0x0F))); // FIN + opcode
    const qint64 n = payload.size();
    if (n < 126) {
        f.append(char(0x80 | n));
    } else if (n <= 0xFFFF) {
        f.append(char(0x80 | 126));
        f.append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        f.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((n >> (8 * i)) & 0xFF));
    }
    char mask[4];
    for (char &c : mask)
        c = char(QRandomGenerator::global()->bounded(256));
    f.append(mask, 4);
    const qsizetype head = f.size();
    f.resize(head + n);
    char *out = f.data() + head;
    for (qint64 i = 0; i < n; ++i)
        out[i] = char(payload[i] ^ mask[i % 4]);
    m_socket.write(f);
}

void RawWebSocket::pauseReading(int kernelBuffer)
{
    m_paused = true;
    // Qt stops pulling from the kernel once its own buffer holds this much.
    m_socket.setReadBufferSize(4096);
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, kernelBuffer);
}

void RawWebSocket::resumeReading()
{
    m_paused = false;
    m_socket.setReadBufferSize(0);
    readSome();
}

bool RawWebSocket::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void RawWebSocket::readSome()
{
    if (m_paused)
        return;
    m_in.append(m_socket.readAll());
    if (!m_handshakeDone) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_status = m_in.left(m_in.indexOf("\r\n"));
        if (!m_in.startsWith("HTTP/1.1 101")) {
            m_socket.abort();
            m_disconnected = true;
            return;
        }
        m_in.remove(0, end + 4);
        m_handshakeDone = true;
    }
    parseFrames();
}

void RawWebSocket::parseFrames()
{
    // Frames are consumed by offset and removed once: thousands of pipelined replies arrive at once.
    qsizetype at = 0;
    const auto done = qScopeGuard([&] { m_in.remove(0, at); });
    for (;;) {
        const qsizetype avail = m_in.size() - at;
        if (avail < 2)
            return;
        const char *in = m_in.constData() + at;
        const auto b0 = quint8(in[0]);
        const auto b1 = quint8(in[1]);
        qint64 len = b1 & 0x7F;
        qsizetype pos = 2;
        if (len == 126) {
            if (avail < 4)
                return;
            len = (quint8(in[2]) << 8) | quint8(in[3]);
            pos = 4;
        } else if (len == 127) {
            if (avail < 10)
                return;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | quint8(in[2 + i]);
            pos = 10;
        }
        if (b1 & 0x80)
            pos += 4; // servers must not mask, but skip a key if one is there
        if (avail < pos + len)
            return;
        const QByteArray payload(in + pos, len);
        at += pos + len;
        const int opcode = b0 & 0x0F;
        const bool fin = b0 & 0x80;
        if (opcode == 0x1 || opcode == 0x0) {
            m_fragment.append(payload);
            if (fin) {
                m_texts.append(m_fragment);
                m_fragment.clear();
            }
        } else if (opcode == 0x8) {
            m_closeCode = payload.size() >= 2 ? (quint8(payload[0]) << 8) | quint8(payload[1]) : 1005;
        }
    }
}

} // namespace kith::test

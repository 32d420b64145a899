#include "LingeringSocket.h"

#include "platform/SystemResources.h"

namespace kith::server {

Linger::Linger(QTcpSocket *socket, std::function<qint64()> pending, std::function<void()> closeNow)
    : QObject(socket)
    , m_socket(socket)
    , m_pending(std::move(pending))
    , m_closeNow(std::move(closeNow))
{
    setObjectName(QStringLiteral("kith-linger"));
    // Made in the socket's constructor, so this runs before QWebSocket's reader and can take
    // the bytes from it.
    connect(socket, &QIODevice::readyRead, this, [this] {
        if (m_lingering)
            discardInput();
    });
    connect(socket, &QIODevice::bytesWritten, this, [this] {
        if (m_lingering)
            halfCloseWhenSent();
    });
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, [this] {
            if (m_lingering)
                halfCloseWhenSent();
        });
    }
    m_grace.setSingleShot(true);
    m_grace.setInterval(kGraceMs);
    connect(&m_grace, &QTimer::timeout, this, &Linger::finish);
}

bool Linger::attached(const QObject *socket)
{
    return socket && socket->findChild<Linger *>(QStringLiteral("kith-linger"), Qt::FindDirectChildrenOnly);
}

bool Linger::begin()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_lingering)
        return true;
    m_lingering = true;
    discardInput();
    halfCloseWhenSent();
    m_grace.start();
    return true;
}

void Linger::discardInput()
{
    m_socket->skip(m_socket->bytesAvailable());
}

void Linger::halfCloseWhenSent()
{
    if (m_halfClosed || m_checkQueued || m_pending() > 0)
        return;
    // Look again once the write under way has run to its end: a TLS socket reports its plain
    // text written (bytesWritten) after encrypting it but before the records leave OpenSSL's
    // buffer for the TCP socket, when nothing counts as pending. A FIN sent then went out ahead
    // of the answer, and an https client read an empty reply.
    m_checkQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_checkQueued = false;
        if (m_halfClosed || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_socket->flush();
        if (m_pending() == 0)
            m_halfClosed = SystemResources::shutdownWrite(m_socket->socketDescriptor());
    }, Qt::QueuedConnection);
}

void Linger::finish()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    discardInput();
    if (m_pending() == 0) {
        // Everything is with the kernel, which delivers it (and the FIN) after the descriptor
        // is gone; input was drained, so closing sends no reset.
        m_closeNow();
    } else {
        m_socket->abort(); // the peer stopped reading: what is left cannot reach it anyway
    }
}

LingeringSocket::LingeringSocket(QObject *parent)
    : QTcpSocket(parent)
    , m_linger(new Linger(this, [this] { return bytesToWrite(); }, [this] { QTcpSocket::close(); }))
{
}

void LingeringSocket::close()
{
    if (!m_linger->begin())
        QTcpSocket::close();
}

LingeringSslSocket::LingeringSslSocket(QObject *parent)
    : QSslSocket(parent)
    , m_linger(new Linger(this, [this] { return bytesToWrite() + encryptedBytesToWrite(); },
                          [this] { QSslSocket::close(); }))
{
}

void LingeringSslSocket::close()
{
    if (!m_linger->begin())
        QSslSocket::close();
}

} // namespace kith::server

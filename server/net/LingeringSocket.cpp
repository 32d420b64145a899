#include "LingeringSocket.h"

#include "platform/SystemResources.h"

namespace kith::server {

LingeringSocket::LingeringSocket(QObject *parent)
    : QTcpSocket(parent)
{
    // Connected first, so it runs before QWebSocket's reader and can take the bytes from it.
    connect(this, &QIODevice::readyRead, this, [this] {
        if (m_lingering)
            discardInput();
    });
    connect(this, &QIODevice::bytesWritten, this, [this] {
        if (m_lingering)
            halfCloseWhenSent();
    });
    m_grace.setSingleShot(true);
    m_grace.setInterval(kGraceMs);
    connect(&m_grace, &QTimer::timeout, this, &LingeringSocket::finish);
}

void LingeringSocket::close()
{
    if (state() != QAbstractSocket::ConnectedState) {
        QTcpSocket::close();
        return;
    }
    if (m_lingering)
        return;
    m_lingering = true;
    discardInput();
    halfCloseWhenSent();
    m_grace.start();
}

void LingeringSocket::discardInput()
{
    skip(bytesAvailable());
}

void LingeringSocket::halfCloseWhenSent()
{
    if (m_halfClosed || bytesToWrite() > 0)
        return;
    m_halfClosed = SystemResources::shutdownWrite(socketDescriptor());
}

void LingeringSocket::finish()
{
    if (state() != QAbstractSocket::ConnectedState)
        return;
    discardInput();
    if (bytesToWrite() == 0) {
        // Everything is with the kernel, which delivers it (and the FIN) after the descriptor
        // is gone; input was drained, so closing sends no reset.
        QTcpSocket::close();
    } else {
        abort(); // the peer stopped reading: what is left cannot reach it anyway
    }
}

} // namespace kith::server

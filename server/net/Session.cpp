#include "Session.h"

#include "Log.h"
#include "ServerConfig.h"
#include "core/Call.h"
#include "core/Hub.h"
#include "core/Router.h"
#include "net/LingeringSocket.h"
#include "net/RequestId.h"
#include "net/SendBudget.h"
#include "net/WsFrame.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"

#include <QDateTime>
#include <QLibraryInfo>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtEndian>

namespace kith::server {

namespace {
constexpr qsizetype kKeptFrameBufferBytes = 256 * 1024;
// Bytes the socket itself may hold beyond the kernel's buffer; past it, frames wait in the
// session's own queue (which a slow reader's cut can drop).
constexpr qint64 kSocketWatermark = 256 * 1024;

// Where frames are put together: one per thread (all of a Server's sockets live on its gateway
// thread), reused for every frame, since write() copies the bytes into the socket's own buffer.
QByteArray &frameBuffer()
{
    thread_local QByteArray buffer;
    return buffer;
}

} // namespace

Session::Session(QWebSocket *socket, QTcpSocket *tcp, const QString &address, SendBudget &budget,
                 const Router &router, Hub &hub, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tcp(ownFrames() ? tcp : nullptr)
    , m_router(router)
    , m_hub(hub)
    , m_budget(budget)
    , m_limiter(config.requestsPerSecond, config.requestBurst)
    , m_address(address)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits::kFrameBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits::kFrameBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Session::onBinary);
    connect(m_socket, &QWebSocket::bytesWritten, this, &Session::onBytesWritten);
    connect(m_socket, &QWebSocket::disconnected, this, &Session::onDisconnected);
    // Also when QWebSocket closes by itself (1009, 1007, 1002, or the peer's close frame).
    connect(m_socket, &QWebSocket::aboutToClose, this, &Session::stopSending);

    m_authTimer.setSingleShot(true);
    m_authTimer.setInterval(limits::kAuthTimeoutMs);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        if (!m_record)
            closeSink(limits::kCloseAuthTimeout, QStringLiteral("sign in within %1 s").arg(limits::kAuthTimeoutMs / 1000));
    });
    m_authTimer.start();
    qCInfo(lcGateway) << "connection from" << m_address;
}

Session::~Session()
{
    detach();
    m_budget.add(-m_unsentBytes);
}

bool Session::ownFrames()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 4, 0) && QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // Verified on QtWebSockets 6.4 (tests/server/tst_wsframe decodes these frames with a real
    // QWebSocket); the library loaded at run time must be the same minor version.
    static const bool verified = QLibraryInfo::version().majorVersion() == 6 && QLibraryInfo::version().minorVersion() == 4;
    return verified;
#else
    return false;
#endif
}

void Session::detach()
{
    if (m_record && m_record->sink == this)
        m_hub.detach(m_record.get());
}

void Session::account(qint64 bytes)
{
    m_unsentBytes += bytes;
    m_budget.add(bytes);
    if (m_unsentBytes > limits::kSendBufferBytes && !m_closing) {
        qCWarning(lcGateway) << "closing slow reader" << m_address << "with" << m_unsentBytes << "bytes unsent";
        closeSink(limits::kCloseSlowConsumer, QStringLiteral("too far behind; resume to catch up"));
        emit cutOff();
    }
}

void Session::dropQueue()
{
    if (m_queue.isEmpty())
        return;
    m_unsentBytes -= m_queuedBytes;
    m_budget.add(-m_queuedBytes);
    m_queue = QList<QByteArray>(); // gives the memory back, not only the elements
    m_queuedBytes = 0;
}

void Session::sendFrame(const QByteArray &frame)
{
    if (m_closing)
        return;
    if (!m_tcp) {
        m_socket->sendTextMessage(QString::fromUtf8(frame));
        account(frame.size());
        return;
    }
    writeFrame(wsframe::encodeText(QByteArrayView(frame), frameBuffer()));
}

void Session::writeFrame(QByteArrayView wire)
{
    // Our frame goes onto the same QTcpSocket QWebSocket writes its pongs and close frames to,
    // on this one thread, appended whole, so frames never interleave. QWebSocket has no write
    // buffer of its own (it writes straight to the socket) and passes the socket's bytesWritten
    // on to onBytesWritten. Like sendTextMessage, nothing goes out once the WebSocket is closing.
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (m_queue.isEmpty() && m_tcp->bytesToWrite() < kSocketWatermark) {
            m_tcp->write(wire.data(), wire.size());
        } else {
            m_queue.append(wire.toByteArray());
            m_queuedBytes += wire.size();
        }
        account(wire.size());
    }
    // Do not keep the memory of one huge frame (a big ready) for the rest of the run.
    QByteArray &buffer = frameBuffer();
    if (buffer.size() > kKeptFrameBufferBytes)
        buffer = QByteArray();
}

void Session::bindSession(std::shared_ptr<SessionRecord> session)
{
    m_record = std::move(session);
    m_authTimer.stop();
}

void Session::stopSending()
{
    m_closing = true;
    m_authTimer.stop();
    detach();
    dropQueue();
}

void Session::closeSink(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    stopSending();
    if (Linger::attached(m_tcp.data())) {
        // The close frame goes after what the socket still holds; the socket then lingers until
        // the peer has it (see LingeringSocket).
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
        return;
    }
    if (m_tcp && m_tcp->state() == QAbstractSocket::ConnectedState) {
        // QWebSocket::close() would close TCP at once, and data still arriving from a busy
        // client then resets the connection and destroys the close frame before it is read.
        // So write the close frame ourselves and let QWebSocket finish when the peer answers.
        const QByteArray why = reason.toUtf8().left(123);
        QByteArray frame;
        frame.append(char(0x88)).append(char(2 + why.size()));
        char be[2];
        qToBigEndian<quint16>(code, be);
        frame.append(be, 2).append(why);
        m_tcp->write(frame);
        m_tcp->flush();
    } else {
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    }
    // A peer that never answers the close handshake must not keep the connection.
    QTimer::singleShot(5000, this, [this] { m_socket->abort(); });
}

void Session::onText(const QString &text)
{
    if (m_closing)
        return;
    // The token first: a flood of refused frames costs no JSON parse.
    qint64 wait = 0;
    if (!m_limiter.take(QDateTime::currentMSecsSinceEpoch(), &wait)) {
        sendFrame(encodeError(peekRequestId(text.toUtf8()), Error::rateLimited(wait, QStringLiteral("slow down"))));
        return;
    }
    const QByteArray frame = text.toUtf8();
    Request request;
    Error error;
    if (!parseRequest(frame, &request, &error)) {
        sendFrame(encodeError(request.id, error));
        return;
    }
    const Call call(request.id, request.d, this, this, m_record);
    m_router.dispatch(request.op, call, bool(m_record));
}

void Session::onBinary(const QByteArray &)
{
    if (m_closing)
        return;
    sendFrame(encodeError(QJsonValue(QJsonValue::Null),
                          Error::badRequest(QStringLiteral("binary frames are not accepted here; send JSON text"))));
}

void Session::onBytesWritten(qint64 bytes)
{
    // QWebSocket's own frames (pongs, close) were never counted: never go below zero.
    const qint64 done = qMin(bytes, m_unsentBytes);
    m_unsentBytes -= done;
    m_budget.add(-done);
    while (!m_queue.isEmpty() && m_tcp && m_tcp->bytesToWrite() < kSocketWatermark) {
        const QByteArray next = m_queue.takeFirst();
        m_queuedBytes -= next.size();
        m_tcp->write(next);
    }
}

void Session::onDisconnected()
{
    stopSending();
    qCInfo(lcGateway) << "connection from" << m_address << "closed" << m_socket->closeCode();
    emit finished(this);
}

} // namespace kith::server

#include "Session.h"

#include "Log.h"
#include "ServerConfig.h"
#include "core/Call.h"
#include "core/Hub.h"
#include "core/Router.h"
#include "net/WsFrame.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtEndian>

namespace kith::server {

namespace {
constexpr qsizetype kKeptFrameBufferBytes = 256 * 1024;

// Where frames are put together: one per thread (all of a Server's sockets live on its gateway
// thread), reused for every frame, since write() copies the bytes into the socket's own buffer.
QByteArray &frameBuffer()
{
    thread_local QByteArray buffer;
    return buffer;
}

QString addressText(const QHostAddress &a)
{
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : a.toString();
}
} // namespace

Session::Session(QWebSocket *socket, QTcpSocket *tcp, const Router &router, Hub &hub,
                 const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tcp(tcp)
    , m_router(router)
    , m_hub(hub)
    , m_limiter(config.requestsPerSecond, config.requestBurst)
    , m_address(addressText(socket->peerAddress()))
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits::kFrameBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits::kFrameBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Session::onBinary);
    connect(m_socket, &QWebSocket::bytesWritten, this, &Session::onBytesWritten);
    connect(m_socket, &QWebSocket::disconnected, this, &Session::onDisconnected);

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
    if (m_record && m_record->sink == this)
        m_hub.detach(m_record.get());
}

void Session::account(qint64 bytes)
{
    m_unsentBytes += bytes;
    if (m_unsentBytes > limits::kSendBufferBytes && !m_closing) {
        qCWarning(lcGateway) << "closing slow reader" << m_address << "with" << m_unsentBytes << "bytes unsent";
        closeSink(limits::kCloseSlowConsumer, QStringLiteral("too far behind; resume to catch up"));
    }
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
        m_tcp->write(wire.data(), wire.size());
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

void Session::closeSink(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_record && m_record->sink == this)
        m_hub.detach(m_record.get());
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
    const QByteArray frame = text.toUtf8();
    Request request;
    Error error;
    const bool parsed = parseRequest(frame, &request, &error);
    qint64 wait = 0;
    if (!m_limiter.take(QDateTime::currentMSecsSinceEpoch(), &wait)) {
        sendFrame(encodeError(request.id, Error::rateLimited(wait, QStringLiteral("slow down"))));
        return;
    }
    if (!parsed) {
        sendFrame(encodeError(request.id, error));
        return;
    }
    const Call call(request.id, request.d, this, this, m_record);
    m_router.dispatch(request.op, call, bool(m_record));
}

void Session::onBinary(const QByteArray &)
{
    sendFrame(encodeError(QJsonValue(QJsonValue::Null),
                          Error::badRequest(QStringLiteral("binary frames are not accepted here; send JSON text"))));
}

void Session::onBytesWritten(qint64 bytes)
{
    m_unsentBytes = qMax<qint64>(0, m_unsentBytes - bytes);
}

void Session::onDisconnected()
{
    if (m_record && m_record->sink == this)
        m_hub.detach(m_record.get());
    m_closing = true;
    qCInfo(lcGateway) << "connection from" << m_address << "closed" << m_socket->closeCode();
    emit finished(this);
}

} // namespace kith::server

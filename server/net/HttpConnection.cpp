#include "HttpConnection.h"

#include "Log.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace kith::server {

namespace {
// Bytes read or sent per step: bounded memory per connection, whatever the file's size.
constexpr qint64 kChunk = 64 * 1024;
// Let the socket hold this much unsent before the next chunk is read from disk.
constexpr qint64 kSendAhead = 256 * 1024;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpRequest request, qsizetype headBytes, int idleTimeoutMs)
    : QObject(socket)
    , m_socket(socket)
    , m_request(std::move(request))
{
    m_socket->read(headBytes); // peeked by the Gateway; the body (if any) follows
    // Stop reading from the kernel while a slow disk or a store job holds the body back.
    m_socket->setReadBufferSize(kSendAhead);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        qCDebug(lcGateway) << "HTTP body idle too long from" << m_socket->peerAddress().toString();
        abort();
    });
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        if (!m_responded && m_aborted)
            std::exchange(m_aborted, nullptr)();
    });
}

void HttpConnection::readBody(qint64 length, std::function<bool(QByteArrayView)> chunk, std::function<void()> done)
{
    m_bodyLeft = length;
    m_chunk = std::move(chunk);
    m_done = std::move(done);
    // A client that asked to wait (Expect: 100-continue, RFC 9110 10.1.1) sends the body only
    // once told to go on, here, after the request passed its checks; curl waits a whole second
    // without it. A refusal before this point was the final answer and no body came.
    if (length > 0 && m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_idle.start();
    onReadyRead();
}

void HttpConnection::onReadyRead()
{
    if (!m_chunk) {
        // No body expected (yet): leave what arrives in the (bounded) buffer.
        return;
    }
    while (m_bodyLeft > 0 && m_socket->bytesAvailable() > 0) {
        const QByteArray piece = m_socket->read(qMin(m_bodyLeft, kChunk));
        if (piece.isEmpty())
            break;
        m_bodyLeft -= piece.size();
        m_idle.start();
        if (!m_chunk(piece))
            return abort();
    }
    if (m_bodyLeft == 0) {
        m_idle.stop();
        m_chunk = nullptr;
        if (auto done = std::exchange(m_done, nullptr))
            done();
    }
}

QByteArray HttpConnection::reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

void HttpConnection::writeHead(int status, const Headers &headers, qint64 length)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(length) + "\r\nConnection: close\r\n\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(int status, const Headers &headers, const QByteArray &body)
{
    if (m_responded)
        return;
    m_responded = true;
    m_idle.stop();
    m_chunk = nullptr;
    writeHead(status, headers, body.size());
    m_socket->write(body);
    finish();
}

void HttpConnection::respondError(int status, const QString &code, const QString &message, const Headers &extra)
{
    Headers h = extra;
    h.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    respond(status, h,
            QJsonDocument(QJsonObject{{QLatin1String("code"), code}, {QLatin1String("message"), message}})
                .toJson(QJsonDocument::Compact));
}

void HttpConnection::respondJson(int status, const QJsonObject &body)
{
    respond(status, {{"Content-Type", "application/json"}}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void HttpConnection::respondFile(const Headers &headers, std::unique_ptr<QFile> file, qint64 length)
{
    if (m_responded)
        return;
    m_responded = true;
    m_chunk = nullptr;
    m_file = std::move(file);
    m_fileLeft = length;
    writeHead(200, headers, length);
    // A reader that stops reading is closed after the same idle time as a stalled body.
    m_idle.start();
    onBytesWritten();
}

void HttpConnection::onBytesWritten()
{
    if (!m_file)
        return;
    m_idle.start();
    while (m_fileLeft > 0 && m_socket->bytesToWrite() < kSendAhead) {
        const QByteArray piece = m_file->read(qMin(m_fileLeft, kChunk));
        if (piece.isEmpty()) {
            qCWarning(lcGateway) << "attachment file" << m_file->fileName() << "ended early";
            return abort();
        }
        m_fileLeft -= piece.size();
        m_socket->write(piece);
    }
    if (m_fileLeft == 0) {
        m_file.reset();
        m_idle.stop();
        finish();
    }
}

void HttpConnection::finish()
{
    // Lingering sockets (see LingeringSocket) send what is queued, then FIN, then close.
    m_socket->close();
}

void HttpConnection::abort()
{
    m_idle.stop();
    m_chunk = nullptr;
    m_file.reset();
    if (!m_responded && m_aborted)
        std::exchange(m_aborted, nullptr)();
    m_responded = true;
    m_socket->abort();
    m_socket->deleteLater();
}

} // namespace kith::server

#include "MetricsServer.h"

#include "Log.h"
#include "net/MetricsText.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace kith::server {

namespace {
// A scrape is one short GET; anything bigger or slower is not one.
constexpr qsizetype kMaxRequestBytes = 8 * 1024;
constexpr int kRequestTimeoutMs = 5000;
// Connections open at once; more are closed on accept (the port is for a few scrapers).
constexpr int kMaxConnections = 32;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}
} // namespace

MetricsServer::MetricsServer(Handlers handlers, QObject *parent)
    : QObject(parent)
    , m_handlers(std::move(handlers))
    , m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &MetricsServer::accept);
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::listen(const QHostAddress &host, quint16 port, QString *error)
{
    if (m_tcp->listen(host, port))
        return true;
    QString shown = host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        shown = QLatin1Char('[') + shown + QLatin1Char(']');
    *error =
        QStringLiteral("cannot serve metrics on %1:%2: %3").arg(shown).arg(port).arg(m_tcp->errorString());
    return false;
}

quint16 MetricsServer::port() const
{
    return m_tcp->serverPort();
}

void MetricsServer::accept()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly).size() > kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [this, socket] {
            if (socket->property("kith_closing").toBool())
                socket->abort(); // answered, but the peer does not take the bytes
            else
                respond(socket, 408, "text/plain; charset=utf-8", "request timeout\n");
        });
        deadline->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
    }
}

void MetricsServer::readRequest(QTcpSocket *socket)
{
    if (socket->property("kith_answered").toBool()) {
        socket->readAll(); // a client that keeps talking after its request is ignored
        return;
    }
    // The request stays in the socket's buffer until its header is whole; peek, never consume.
    const QByteArray head = socket->peek(kMaxRequestBytes + 1);
    qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        end = head.indexOf("\n\n");
    if (end < 0) {
        if (head.size() > kMaxRequestBytes)
            respond(socket, 431, "text/plain; charset=utf-8", "request too large\n");
        return; // wait for the rest
    }
    const qsizetype lineEnd = head.indexOf('\n');
    const QList<QByteArray> parts = head.left(lineEnd).trimmed().split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.")) {
        respond(socket, 400, "text/plain; charset=utf-8", "bad request\n");
        return;
    }
    const QByteArray &method = parts[0];
    QByteArray path = parts[1];
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    if (path != "/healthz" && path != "/metrics") {
        respond(socket, 404, "text/plain; charset=utf-8", "not found: try /healthz or /metrics\n");
        return;
    }
    if (method != "GET") {
        respond(socket, 405, "text/plain; charset=utf-8", "method not allowed: use GET\n", "Allow: GET\r\n");
        return;
    }
    if (path == "/metrics") {
        respond(socket, 200, MetricsText::kContentType, m_handlers.metrics());
        return;
    }
    // The check may take up to its deadline; the socket may be gone by then.
    socket->setProperty("kith_answered", true);
    QPointer<QTcpSocket> guard(socket);
    m_handlers.health([this, guard](bool ok, const QString &reason) {
        if (guard)
            respond(guard, ok ? 200 : 503, "text/plain; charset=utf-8",
                    ok ? QByteArray("ok\n") : reason.toUtf8() + '\n');
    });
}

void MetricsServer::respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                            const QByteArray &body, const QByteArray &extraHeaders)
{
    if (socket->property("kith_closing").toBool())
        return;
    socket->setProperty("kith_answered", true);
    socket->setProperty("kith_closing", true);
    if (auto *deadline = socket->findChild<QTimer *>())
        deadline->start(kRequestTimeoutMs); // now the time to hand over the answer
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n";
    out += extraHeaders;
    out += "\r\n";
    out += body;
    socket->write(out);
    socket->disconnectFromHost(); // after the bytes are written
    if (status >= 500)
        qCDebug(lcServer) << "health check:" << status << body.trimmed();
}

} // namespace kith::server

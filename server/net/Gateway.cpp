#include "Gateway.h"

#include "Log.h"
#include "ServerConfig.h"
#include "core/Hub.h"
#include "net/HttpRequest.h"
#include "net/HttpServer.h"
#include "net/LingeringSocket.h"
#include "net/Session.h"
#include "platform/SystemResources.h"
#include "shared/Envelope.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <functional>

namespace kith::server {

namespace {
// After accept failed (out of descriptors), try again this often, besides whenever one closes.
constexpr int kAcceptRetryMs = 500;
constexpr qint64 kAcceptLogEveryMs = 60 * 1000;
// Many connections closed: give freed heap back once things are quiet again.
constexpr int kTrimQuietMs = 2000;

QString addressText(const QHostAddress &a)
{
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : a.toString();
}

// One entry of X-Forwarded-For as an address ("1.2.3.4", "1.2.3.4:5", "[::1]:5", "::1"); empty if none.
QString forwardedAddress(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.startsWith('[') && hop.contains(']'))
        hop = hop.mid(1, hop.indexOf(']') - 1);
    QHostAddress a;
    if (a.setAddress(QString::fromLatin1(hop)))
        return addressText(a);
    if (hop.count(':') == 1 && a.setAddress(QString::fromLatin1(hop.left(hop.indexOf(':')))))
        return addressText(a);
    return {};
}

// A socket for a descriptor we accepted, lingering on close so close frames reach peers that are
// still sending. TLS sockets are counted, timed and capped from the first byte like plain ones:
// their handshake runs inside the upgrade's deadline.
QTcpSocket *takeDescriptor(qintptr descriptor, const std::optional<QSslConfiguration> &tls, QObject *parent)
{
    QTcpSocket *socket = nullptr;
    if (tls) {
        auto *ssl = new LingeringSslSocket(parent);
        ssl->setSslConfiguration(*tls);
        socket = ssl;
    } else {
        socket = new LingeringSocket(parent);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return nullptr;
    }
    return socket;
}

// Tells when a socket is destroyed. Not QObject::destroyed: QWebSocket disconnects every
// signal of its socket when it goes.
class GoneWatch : public QObject
{
public:
    GoneWatch(QObject *watched, std::function<void()> gone)
        : QObject(watched)
        , m_gone(std::move(gone))
    {
    }
    ~GoneWatch() override { m_gone(); }

private:
    std::function<void()> m_gone;
};

} // namespace

Gateway::Gateway(const Router &router, Hub &hub, const ServerConfig &config, std::optional<QSslConfiguration> tls,
                 QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_hub(hub)
    , m_config(config)
    , m_tls(std::move(tls))
    , m_tcp(nullptr)
    , m_server(new QWebSocketServer(config.serverName, QWebSocketServer::NonSecureMode, this))
{
    const QJsonObject limitsJson{{QLatin1String("message_length"), limits::kMessageLength},
                                 {QLatin1String("frame_bytes"), limits::kFrameBytes},
                                 {QLatin1String("history_page"), limits::kHistoryPage},
                                 {QLatin1String("requests_per_second"), config.requestsPerSecond},
                                 {QLatin1String("request_burst"), config.requestBurst},
                                 {QLatin1String("nonce_length"), limits::kNonceLength},
                                 {QLatin1String("attachment_bytes"), config.attachmentBytes},
                                 {QLatin1String("attachments_per_message"), limits::kAttachmentsPerMessage}};
    const QJsonObject hello{{QLatin1String("version"), limits::kProtocolVersion},
                            {QLatin1String("server"), config.serverName},
                            {QLatin1String("server_version"), QStringLiteral(KITH_VERSION)},
                            {QLatin1String("features"), QJsonArray::fromStringList(protocol::features(config.guests))},
                            {QLatin1String("limits"), limitsJson},
                            {QLatin1String("registration"), config.registration}};
    m_hello = encodeEvent(ev::Hello, -1, encodeBody(hello));
    for (const QHostAddress &a : config.trustedProxies)
        m_trusted.insert(addressText(a));
    m_budget.cap = config.queuedBytesTotal;
    m_budget.overflow = [this] { QMetaObject::invokeMethod(this, &Gateway::enforceBudget, Qt::QueuedConnection); };
    m_acceptRetry.setSingleShot(true);
    m_acceptRetry.setInterval(kAcceptRetryMs);
    connect(&m_acceptRetry, &QTimer::timeout, this, &Gateway::resumeAccepting);
    m_trim.setSingleShot(true);
    m_trim.setInterval(kTrimQuietMs);
    connect(&m_trim, &QTimer::timeout, this, [this] {
        m_closedSinceTrim = 0;
        ++m_stats.heapTrims;
        m_byPeer.squeeze();
        m_counted.squeeze();
        m_perAddress.squeeze();
        m_sessions.squeeze();
        SystemResources::releaseFreeHeap();
    });
    // The closed connections' sessions stay resumable for a while (core/Hub) and are freed when
    // they expire: count those like closes, so the heap goes back once they are gone too.
    connect(&m_hub, &Hub::sessionsExpired, this, [this](int count) {
        m_closedSinceTrim += count;
        if (m_closedSinceTrim >= Hub::kMassDisconnect)
            m_trim.start();
    });
    m_tcp = makeListener();
    m_server->setMaxPendingConnections(4096);
    connect(m_server, &QWebSocketServer::newConnection, this, &Gateway::onNewConnection);
}

QTcpServer *Gateway::makeListener()
{
    // We accept ourselves (see startAccepting); the server only listens.
    auto *tcp = new QTcpServer(this);
    tcp->setMaxPendingConnections(4096);
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    tcp->setListenBacklogSize(1024); // bursts of reconnecting clients must not wait for SYN retries
#endif
    return tcp;
}

void Gateway::startAccepting(QTcpServer *listener)
{
    // We accept ourselves: QTcpServer 6.4 calls a failing accept() again and again (100% CPU
    // when descriptors run out), with no signal to stop it. Its own notifier stays off.
    listener->pauseAccepting();
    auto *notifier = new QSocketNotifier(listener->socketDescriptor(), QSocketNotifier::Read, listener);
    connect(notifier, &QSocketNotifier::activated, this, [this, listener] { acceptPending(listener); });
    m_notifiers.insert(listener, notifier);
}

void Gateway::acceptPending(QTcpServer *listener)
{
    for (int i = 0; i < 256; ++i) { // then let the event loop serve the others
        SystemResources::AcceptError why = SystemResources::AcceptError::None;
        const qintptr fd = SystemResources::accept(listener->socketDescriptor(), &why);
        if (fd < 0) {
            if (why == SystemResources::AcceptError::OutOfDescriptors)
                outOfDescriptors(listener);
            if (why == SystemResources::AcceptError::Other)
                continue;
            return;
        }
        if (QTcpSocket *socket = takeDescriptor(fd, m_tls, listener))
            admitSocket(socket);
    }
}

void Gateway::outOfDescriptors(QTcpServer *listener)
{
    // Stop listening for new connections until a descriptor is free (a connection closed), or
    // a short wait: never retry in a loop.
    ++m_stats.acceptFailures;
    ++m_acceptFailuresUnlogged;
    for (QSocketNotifier *n : std::as_const(m_notifiers))
        n->setEnabled(false);
    m_acceptPaused = true;
    if (!m_acceptRetry.isActive())
        m_acceptRetry.start();
    if (!m_acceptLogged.isValid() || m_acceptLogged.elapsed() >= kAcceptLogEveryMs) {
        qCWarning(lcGateway).noquote() << "cannot accept connections on port" << listener->serverPort()
                                       << ": out of file descriptors (" << m_acceptFailuresUnlogged
                                       << "times since last said); clients already connected are still served, "
                                          "accepting resumes when a descriptor is free";
        m_acceptFailuresUnlogged = 0;
        m_acceptLogged.start();
    }
}

void Gateway::resumeAccepting()
{
    if (!m_acceptPaused)
        return;
    m_acceptPaused = false;
    m_acceptRetry.stop();
    ++m_stats.acceptRetries;
    for (QSocketNotifier *n : std::as_const(m_notifiers))
        n->setEnabled(true);
}

bool Gateway::admit(const QString &address) const
{
    return m_perAddress.value(address) < m_config.connectionsPerAddress;
}

void Gateway::count(QTcpSocket *socket, const QString &address)
{
    ++m_perAddress[address];
    m_counted.insert(socket, address);
}

void Gateway::onSocketGone(QTcpSocket *socket)
{
    if (m_dying)
        return;
    if (const auto it = m_upgrading.constFind(socket); it != m_upgrading.cend()) {
        m_byPeer.remove(it->peer);
        m_upgrading.erase(it);
    }
    if (const auto it = m_counted.constFind(socket); it != m_counted.cend()) {
        if (--m_perAddress[*it] <= 0)
            m_perAddress.remove(*it);
        m_counted.erase(it);
    }
    resumeAccepting(); // a descriptor is free
    if (++m_closedSinceTrim >= Hub::kMassDisconnect)
        m_trim.start(); // restarted by every close: runs once they stop
}

void Gateway::admitSocket(QTcpSocket *socket)
{
    const QString peer = addressText(socket->peerAddress());
    const bool proxied = m_trusted.contains(peer);
    if (!proxied && !admit(peer)) {
        ++m_stats.refused;
        qCDebug(lcGateway) << "refused a connection from" << peer << ": over connections_per_address";
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Events are small and latency-bound: never hold them back for Nagle.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QPair<QString, quint16> key{socket->peerAddress().toString(), socket->peerPort()};
    m_upgrading.insert(socket, Upgrading{proxied ? QString() : peer, proxied, key});
    m_byPeer.insert(key, socket);
    if (!proxied)
        count(socket, peer);
    // Sockets still upgrading are children of a listener, which ~QObject deletes after
    // ~Gateway has run: by then the guard is null and the gone socket needs no bookkeeping.
    new GoneWatch(socket, [gateway = QPointer<Gateway>(this), socket] {
        if (gateway)
            gateway->onSocketGone(socket);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    // Until its upgrade request is complete, the connection is ours to watch (and time).
    auto *timer = new QTimer(socket);
    timer->setObjectName(QStringLiteral("kith-handshake"));
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] {
        ++m_stats.handshakeTimeouts;
        qCDebug(lcGateway) << "no complete upgrade request from" << socket->peerAddress().toString() << "in time";
        socket->abort();
        socket->deleteLater();
    });
    timer->start(m_config.handshakeTimeoutMs);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        connect(ssl, &QAbstractSocket::errorOccurred, this, [ssl](QAbstractSocket::SocketError) {
            if (ssl->isEncrypted())
                return; // QWebSocket's to handle from here
            qCInfo(lcGateway) << "TLS handshake with" << ssl->peerAddress().toString() << "failed:" << ssl->errorString();
            ssl->abort();
            ssl->deleteLater();
        });
        ssl->startServerEncryption(); // readyRead below then brings the decrypted request
    }
    connect(socket, &QIODevice::readyRead, this, [this, socket] { watchHeaders(socket); });
    if (socket->bytesAvailable() > 0)
        watchHeaders(socket);
}

void Gateway::watchHeaders(QTcpSocket *socket)
{
    // Peek, do not read: QWebSocketServer reads the request itself once we hand it over.
    const QByteArray head = socket->peek(kMaxHeaderBytes + 1);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > kMaxHeaderBytes) {
        if (head.size() > kMaxHeaderBytes) {
            ++m_stats.headersTooLarge;
            qCDebug(lcGateway) << "upgrade request headers over" << kMaxHeaderBytes << "bytes from"
                               << socket->peerAddress().toString();
            socket->abort();
            socket->deleteLater();
        }
        return;
    }
    Upgrading &u = m_upgrading[socket];
    if (u.proxied) {
        // The proxy appends the address it saw; hops it forwarded from other trusted proxies
        // are skipped from the right. No header: the proxy itself, not counted.
        QList<QByteArray> hops;
        for (const QByteArray &line : head.left(end).split('\n')) {
            if (line.size() > 16 && qstrnicmp(line.constData(), "x-forwarded-for:", 16) == 0)
                hops += line.mid(16).split(',');
        }
        QString client;
        for (qsizetype i = hops.size() - 1; i >= 0 && client.isEmpty(); --i) {
            const QString hop = forwardedAddress(hops.at(i));
            if (hop.isEmpty())
                break; // unreadable: trust nothing further left
            if (!m_trusted.contains(hop))
                client = hop;
        }
        u.address = client.isEmpty() ? addressText(socket->peerAddress()) : client;
        if (!client.isEmpty()) {
            if (!admit(client)) {
                ++m_stats.refused;
                qCDebug(lcGateway) << "refused a connection from" << client << "(forwarded): over connections_per_address";
                disconnect(socket, &QIODevice::readyRead, this, nullptr);
                socket->write("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            count(socket, client);
        }
    }
    // Only the start line and headers decide: an upgrade goes to QWebSocketServer, which
    // answers a malformed one itself, as before.
    auto request = HttpRequest::parse(head.left(end));
    if (request && !request->isUpgrade())
        return handOverHttp(socket, std::move(*request), end + 4);
    handOver(socket);
}

void Gateway::handOverHttp(QTcpSocket *socket, HttpRequest request, qsizetype headBytes)
{
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>(QStringLiteral("kith-handshake"), Qt::FindDirectChildrenOnly);
    // No WebSocket will come of it: the socket stays counted (m_counted) until it goes.
    if (const auto it = m_upgrading.constFind(socket); it != m_upgrading.cend()) {
        m_byPeer.remove(it->peer);
        m_upgrading.erase(it);
    }
    ++m_stats.httpRequests;
    if (m_http) {
        m_http->handle(socket, std::move(request), headBytes);
        return;
    }
    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    socket->close();
}

void Gateway::handOver(QTcpSocket *socket)
{
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>(QStringLiteral("kith-handshake"), Qt::FindDirectChildrenOnly);
    m_server->handleConnection(socket);
}

Gateway::~Gateway()
{
    m_dying = true;
    for (Session *s : std::as_const(m_sessions))
        disconnect(s, nullptr, this, nullptr);
    qDeleteAll(m_sessions);
}

bool Gateway::listen(QString *error, bool *addressInUse)
{
    if (!m_tcp->listen(m_config.host, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host.toString())
                     .arg(m_config.port)
                     .arg(m_tcp->errorString());
        if (addressInUse)
            *addressInUse = m_tcp->serverError() == QAbstractSocket::AddressInUseError;
        return false;
    }
    startAccepting(m_tcp);
    return true;
}

bool Gateway::listenAlso(quint16 port, QString *error)
{
    if (ports().contains(port))
        return true;
    QTcpServer *tcp = makeListener();
    if (!tcp->listen(m_config.host, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(m_config.host.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_extra.append(tcp);
    startAccepting(tcp);
    return true;
}

void Gateway::stopListening()
{
    qDeleteAll(m_notifiers); // before their descriptors close
    m_notifiers.clear();
    m_tcp->close();
    for (QTcpServer *tcp : std::as_const(m_extra))
        tcp->close();
}

bool Gateway::isListening() const
{
    return m_tcp->isListening();
}

quint16 Gateway::port() const
{
    return m_tcp->serverPort();
}

QList<quint16> Gateway::ports() const
{
    QList<quint16> out;
    if (m_tcp->isListening())
        out.append(m_tcp->serverPort());
    for (const QTcpServer *tcp : m_extra)
        if (tcp->isListening())
            out.append(tcp->serverPort());
    return out;
}

void Gateway::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        QTcpSocket *tcp = m_byPeer.take({socket->peerAddress().toString(), socket->peerPort()});
        const Upgrading u = m_upgrading.take(tcp);
        const QString address = u.address.isEmpty() ? addressText(socket->peerAddress()) : u.address;
        auto *session = new Session(socket, tcp, address, m_budget, m_router, m_hub, m_config, this);
        m_sessions.insert(session);
        connect(session, &Session::finished, this, [this](Session *s) {
            m_sessions.remove(s);
            s->deleteLater();
        });
        connect(session, &Session::cutOff, this, [this] { ++m_stats.slowReadersCut; });
        session->sendFrame(m_hello);
    }
}

GatewayStats Gateway::stats() const
{
    GatewayStats s = m_stats;
    s.queuedBytes = m_budget.total;
    return s;
}

void Gateway::enforceBudget()
{
    // Cut the readers with the most queued first, until what the rest hold fits the cap.
    QList<Session *> open;
    qint64 kept = 0;
    for (Session *s : std::as_const(m_sessions)) {
        if (!s->isClosing() && s->unsentBytes() > 0) {
            open.append(s);
            kept += s->unsentBytes();
        }
    }
    std::sort(open.begin(), open.end(), [](Session *a, Session *b) { return a->unsentBytes() > b->unsentBytes(); });
    for (Session *s : std::as_const(open)) {
        if (kept <= m_budget.cap)
            break;
        kept -= s->unsentBytes();
        ++m_stats.slowReadersCut;
        ++m_stats.budgetCuts;
        qCWarning(lcGateway) << "closing slow reader" << s->peerAddress() << "with" << s->unsentBytes()
                             << "bytes unsent: queued_bytes_total reached";
        s->closeSink(limits::kCloseSlowConsumer, QStringLiteral("too far behind; resume to catch up"));
    }
    m_budget.rearm();
}

void Gateway::closeAll(quint16 code, const QString &reason)
{
    const auto all = m_sessions;
    for (Session *s : all)
        s->closeSink(code, reason);
    // Let the close frames (and replies queued before them) reach the wire.
    QElapsedTimer t;
    t.start();
    while (!m_sessions.isEmpty() && t.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace kith::server

#include "Connection.h"
#include "FrameLog.h"
#include "TlsTrust.h"

#include "shared/InviteLink.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QLocale>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcConn, "kith.app.net")

namespace kith::app {

namespace {
const QLatin1String kToken{"token"};
const QLatin1String kSession{"session"};
constexpr int kHeartbeatMs = 15000;

bool isAuthOp(QLatin1String op)
{
    return op == op::SessionRegister || op == op::SessionLogin || op == op::SessionResume
        || op == op::SessionGuest || op == op::Ping;
}
} // namespace

Connection::Connection(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::connectSocket);
    m_heartbeat.setInterval(kHeartbeatMs);
    // A silent half-open socket is only noticed by asking: one unanswered ping means it is gone.
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_pingOutstanding) {
            qCInfo(lcConn) << "heartbeat lost; reconnecting";
            dropForTest();
            return;
        }
        m_pingOutstanding = true;
        send(op::Ping, {}, this, [this](const Reply &) { m_pingOutstanding = false; });
    });
}

std::jthread Connection::warmUp()
{
#if QT_CONFIG(ssl)
    return std::jthread([] { QSslConfiguration::defaultConfiguration(); });
#else
    return {};
#endif
}

Connection::~Connection()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Connection::adoptToken(const QString &token)
{
    if (token.isEmpty())
        return;
    m_token = token;
    m_credentials.mode = Credentials::Mode::Token;
    m_credentials.token = token;
    m_credentials.password.clear();
    emit signedIn(m_token, m_me);
}

void Connection::setBackoff(int baseMs, int maxMs)
{
    m_backoffBaseMs = baseMs;
    m_backoffMaxMs = maxMs;
    // A wait already longer than the new bound is cut to it.
    if (m_reconnectTimer.isActive() && m_reconnectTimer.remainingTime() > maxMs)
        m_reconnectTimer.start(maxMs);
}

void Connection::open(const QUrl &url, const Credentials &credentials)
{
    close();
    m_url = url;
    m_logHost = url.adjusted(QUrl::RemoveUserInfo).authority();
    m_credentials = credentials;
    m_token = credentials.mode == Credentials::Mode::Token ? credentials.token : QString();
    m_session.clear();
    m_lastSeq = 0;
    m_wanted = true;
    m_attempt = 0;
    m_certificateRefused = false;
    connectSocket();
}

void Connection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_heartbeat.stop();
    if (m_socket) {
        QWebSocket *s = m_socket;
        m_socket = nullptr;
        s->disconnect(this);
        s->close();
        s->deleteLater();
    }
    failPending();
    setState(State::Offline);
}

void Connection::dropForTest()
{
    if (m_socket)
        m_socket->abort();
}

void Connection::reconnectNow()
{
    if (m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        connectSocket();
    }
}

void Connection::connectSocket()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(16 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
#if QT_CONFIG(ssl)
    connect(m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
#endif
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) { noteFailure(e); });
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError e) { noteFailure(e); });
#endif
    setState(m_attempt == 0 && m_session.isEmpty() ? State::Connecting : State::Reconnecting);
    note(tr("connecting to %1").arg(m_url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery)));
    m_socket->open(m_url);
}

#if QT_CONFIG(ssl)
namespace {
//! Why a certificate some authority vouches for is still not valid here; empty when no
//! authority vouches for it at all (self-signed, unknown issuer): then a pin decides.
QString invalidReason(const QList<QSslError> &errors, const QString &host)
{
    if (noAuthorityVouches(errors))
        return {};
    QString reason;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::HostNameMismatch: {
            const QStringList names = e.certificate().subjectAlternativeNames().values(QSsl::DnsEntry)
                                      + e.certificate().subjectInfo(QSslCertificate::CommonName);
            if (reason.isEmpty())
                reason = Connection::tr("its certificate is for %1, not %2")
                             .arg(names.isEmpty() ? Connection::tr("another name") : names.first(), host);
            break;
        }
        case QSslError::CertificateExpired:
            if (reason.isEmpty())
                reason = Connection::tr("its certificate expired on %1")
                             .arg(QLocale().toString(e.certificate().expiryDate().date(), QLocale::ShortFormat));
            break;
        case QSslError::CertificateNotYetValid:
            if (reason.isEmpty())
                reason = Connection::tr("its certificate is not valid yet");
            break;
        case QSslError::CertificateRevoked:
        case QSslError::CertificateBlacklisted:
            if (reason.isEmpty())
                reason = Connection::tr("its certificate was revoked");
            break;
        default:
            if (reason.isEmpty())
                reason = Connection::tr("its certificate is not valid (%1)").arg(e.errorString());
            break;
        }
    }
    return reason;
}
} // namespace
#endif

void Connection::onSslErrors(const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    // A certificate from an authority that is wrong for this host is an error, never a pin:
    // a pin stands in for an authority, not for a valid certificate.
    if (const QString invalid = invalidReason(errors, m_url.host()); !invalid.isEmpty()) {
        qCWarning(lcConn) << "certificate of" << m_url.host() << "refused:" << invalid;
        m_certificateRefused = true;
        m_wanted = false;
        m_failure = invalid;
        emit certificateInvalid(invalid);
        return;
    }
    // No authority vouches for the certificate: then it is the pin that does.
    const QString seen = InviteLink::fingerprintOf(m_socket->sslConfiguration().peerCertificate().toDer());
    if (m_pin.isEmpty()) {
        qCInfo(lcConn) << "trusting the certificate of" << m_url.host() << "on first use:" << seen;
        m_pin = seen;
        m_socket->ignoreSslErrors();
        emit certificateTrusted(seen);
        return;
    }
    if (seen == m_pin) {
        m_socket->ignoreSslErrors();
        return;
    }
    qCWarning(lcConn) << "certificate of" << m_url.host() << "changed: pinned" << m_pin << "but got" << seen;
    // Not ignoring the errors ends the handshake; nothing is sent to this impostor or new host.
    m_certificateRefused = true;
    m_wanted = false;
    m_failure = tr("its certificate changed");
    emit certificateChanged(m_pin, seen);
#else
    Q_UNUSED(errors);
#endif
}

void Connection::noteFailure(QAbstractSocket::SocketError error)
{
    if (m_certificateRefused)
        return; // the reason is already said
    QString detail = m_socket ? m_socket->errorString() : QString();
    while (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    // Something answered, but not with a WebSocket handshake: another kind of server listens.
    if (detail.contains(QLatin1String("handshake"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("status code"), Qt::CaseInsensitive)) {
        m_failure = tr("not a Kith server");
        return;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        m_failure = tr("connection refused");
        break;
    case QAbstractSocket::HostNotFoundError:
        m_failure = tr("no such host");
        break;
    case QAbstractSocket::SocketTimeoutError:
        m_failure = tr("timed out");
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        m_failure = tr("TLS failed: %1").arg(detail);
        break;
    case QAbstractSocket::NetworkError:
        m_failure = tr("network unreachable");
        break;
    default:
        m_failure = detail;
        break;
    }
}

void Connection::onConnected()
{
    m_failure.clear();
    note(tr("connected"));
    setState(State::SigningIn);
}

void Connection::onDisconnected()
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcConn) << "disconnected" << code << (m_socket ? m_socket->closeReason() : QString());
    m_heartbeat.stop();
    m_pingOutstanding = false;
    m_awaitingReady = false;
    // Never got through: say why (the error signal may come after this one).
    if (m_socket && (m_state == State::Connecting || m_state == State::Reconnecting)
        && m_socket->error() != QAbstractSocket::UnknownSocketError)
        noteFailure(m_socket->error());
    if (m_log) {
        const QString reason = m_socket ? m_socket->closeReason() : QString();
        QString text = tr("closed %1").arg(code);
        if (!reason.isEmpty())
            text += QStringLiteral(": ") + reason;
        if (!m_failure.isEmpty())
            text += QStringLiteral(" (%1)").arg(m_failure);
        note(text);
    }
    failPending();
    if (code == kith::limits::kCloseLoggedOut || code == kith::limits::kCloseKicked
        || code == kith::limits::kClosePartyEnded)
        m_wanted = false; // the host does not want this session back
    if (code == kith::limits::kCloseKicked)
        emit kicked();
    if (code == kith::limits::kClosePartyEnded)
        emit partyEnded();
    if (!m_wanted) {
        setState(State::Offline);
        return;
    }
    scheduleReconnect();
}

void Connection::scheduleReconnect()
{
    // Equal jitter: half the exponential delay fixed, half random, so many clients that lost
    // the same server do not come back in lockstep.
    const int shift = qMin(m_attempt, 16);
    const qint64 full = qMin<qint64>(m_backoffMaxMs, qint64(m_backoffBaseMs) << shift);
    const qint64 delay = full / 2 + QRandomGenerator::global()->bounded(full / 2 + 1);
    ++m_attempt;
    setState(State::Reconnecting);
    note(tr("reconnecting in %1 ms").arg(delay));
    m_reconnectTimer.start(int(delay));
}

void Connection::onText(const QString &text)
{
    if (m_log)
        m_log->record(FrameLog::Direction::Received, logHost(), text);
    const std::optional<ServerFrame> frame = parseServerFrame(text.toUtf8());
    if (!frame) {
        qCWarning(lcConn) << "unreadable frame from server";
        return;
    }
    if (frame->kind == ServerFrame::Kind::Event) {
        if (frame->ev == ev::Hello) {
            onHello(frame->d);
            return;
        }
        if (frame->ev == ev::Ready) {
            onReady(frame->seq, frame->d);
            return;
        }
        // Replayed events after a resume carry their original seq: skip what we already have.
        if (frame->seq >= 0) {
            if (frame->seq <= m_lastSeq)
                return;
            m_lastSeq = frame->seq;
        }
        emit event(frame->ev, frame->d);
        return;
    }
    if (!frame->re.isDouble()) {
        qCWarning(lcConn) << "frame-level error from server:" << frame->error.message;
        return;
    }
    const auto it = m_pending.find(qint64(frame->re.toDouble()));
    if (it == m_pending.end())
        return;
    const Pending p = it.value();
    m_pending.erase(it);
    if (p.context)
        p.handler(Reply{frame->ok, frame->d, frame->error});
}

void Connection::onHello(const QJsonObject &d)
{
    m_limits = d.value(QLatin1String("limits")).toObject();
    m_serverName = d.value(QLatin1String("server")).toString();
    if (!m_token.isEmpty() && !m_session.isEmpty()) {
        send(op::SessionResume,
             {{kToken, m_token}, {kSession, m_session}, {QLatin1String("seq"), m_lastSeq}}, this,
             [this](const Reply &r) { onResumeReply(r); });
        return;
    }
    QJsonObject body;
    QLatin1String op = op::SessionLogin;
    if (!m_token.isEmpty()) {
        body = {{kToken, m_token}};
    } else {
        body = {{QLatin1String("username"), m_credentials.username},
                {QLatin1String("password"), m_credentials.password}};
        if (m_credentials.mode == Credentials::Mode::Register) {
            op = op::SessionRegister;
            if (!m_credentials.displayName.isEmpty())
                body.insert(QLatin1String("display_name"), m_credentials.displayName);
            if (!m_credentials.invite.isEmpty())
                body.insert(QLatin1String("invite"), m_credentials.invite);
        } else if (m_credentials.mode == Credentials::Mode::Guest) {
            op = op::SessionGuest;
            body = {{QLatin1String("nickname"), m_credentials.username}};
            if (!m_credentials.password.isEmpty())
                body.insert(QLatin1String("password"), m_credentials.password);
        }
    }
    send(op, body, this, [this](const Reply &r) { onAuthReply(r); });
}

void Connection::onAuthReply(const Reply &reply)
{
    if (!reply.ok) {
        if (reply.error.code == ErrorCode::Unavailable)
            return; // the socket dropped; onDisconnected retries
        if (reply.error.code == ErrorCode::RateLimited || reply.error.code == ErrorCode::Internal) {
            if (m_socket)
                m_socket->abort();
            return;
        }
        // The host said no to these credentials: retrying would not change its mind.
        m_wanted = false;
        m_token.clear();
        if (m_socket)
            m_socket->close();
        setState(State::Offline);
        emit signInFailed(reply.error);
        return;
    }
    m_token = reply.d.value(kToken).toString();
    m_session = reply.d.value(kSession).toString();
    m_me = User::fromJson(reply.d.value(QLatin1String("user")).toObject());
    // After registering once, later reconnects sign in with the token, never register again.
    m_credentials.mode = Credentials::Mode::Token;
    m_credentials.token = m_token;
    m_credentials.password.clear();
    m_awaitingReady = true;
    emit signedIn(m_token, m_me);
}

void Connection::onResumeReply(const Reply &reply)
{
    if (!reply.ok) {
        if (reply.error.code == ErrorCode::Unauthorized) {
            m_session.clear();
            onAuthReply(reply);
        }
        return;
    }
    if (reply.d.value(QLatin1String("resumed")).toBool()) {
        m_attempt = 0;
        setState(State::Online);
        m_heartbeat.start();
        emit resumed();
        return;
    }
    // Refused: a fresh ready follows on a new session with seq from 1.
    m_awaitingReady = true;
}

void Connection::onReady(qint64 seq, const QJsonObject &d)
{
    m_awaitingReady = false;
    m_lastSeq = qMax<qint64>(seq, 0);
    const QString session = d.value(kSession).toString();
    if (!session.isEmpty())
        m_session = session;
    m_me = User::fromJson(d.value(QLatin1String("user")).toObject());
    m_attempt = 0;
    setState(State::Online);
    m_heartbeat.start();
    emit ready(d);
}

void Connection::request(QLatin1String op, const QJsonObject &d, QObject *context, Handler handler)
{
    if (m_state != State::Online && !isAuthOp(op)) {
        const Reply r{false, {}, Error::unavailable(tr("Not connected"))};
        // Keep the contract "handler runs later": callers must not see re-entrancy.
        QTimer::singleShot(0, context, [handler, r] { handler(r); });
        return;
    }
    send(op, d, context, std::move(handler));
}

void Connection::send(QLatin1String op, const QJsonObject &d, QObject *context, Handler handler)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        const Reply r{false, {}, Error::unavailable(tr("Not connected"))};
        QTimer::singleShot(0, context, [handler, r] { handler(r); });
        return;
    }
    const qint64 id = m_nextId++;
    m_pending.insert(id, Pending{context, std::move(handler)});
    const QString frame = QString::fromUtf8(encodeRequest(QJsonValue(id), op, d));
    if (m_log)
        m_log->record(FrameLog::Direction::Sent, logHost(), frame);
    m_socket->sendTextMessage(frame);
    // Out now: left to the event loop, a request waits behind whatever the window paints next.
    m_socket->flush();
}

qint64 Connection::unsentBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void Connection::failPending()
{
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    const Reply r{false, {}, Error::unavailable(tr("Connection lost"))};
    for (const Pending &p : pending)
        if (p.context)
            p.handler(r);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    // Connecting and reconnecting are noted where their details are known.
    if (state == State::Online)
        note(tr("online"));
    else if (state == State::Offline)
        note(tr("offline"));
    emit stateChanged(state);
}

void Connection::setFrameLog(FrameLog *log)
{
    m_log = log;
}

FrameLog *Connection::frameLog() const
{
    return m_log;
}

void Connection::note(const QString &text)
{
    if (m_log)
        m_log->record(FrameLog::Direction::Note, logHost(), text);
}


} // namespace kith::app

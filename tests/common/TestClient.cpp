#include "TestClient.h"

#include "shared/InviteLink.h"

#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTest>

using namespace Qt::StringLiterals;

namespace kith::test {

namespace {

QString replyKey(const QJsonValue &re)
{
    if (re.isDouble())
        return u"n:"_s + QString::number(re.toInteger());
    if (re.isString())
        return u"s:"_s + re.toString();
    return u"null"_s;
}

} // namespace

QString Reply::describe() const
{
    if (!received)
        return u"no reply (timeout)"_s;
    if (ok)
        return u"ok "_s + QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact)).left(300);
    return code + u": "_s + message;
}

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &b) {
        m_protocolProblems << u"binary frame from server (%1 bytes)"_s.arg(b.size());
    });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &) {
        m_peerFingerprint = InviteLink::fingerprintOf(m_socket.sslConfiguration().peerCertificate().toDer());
        if (m_pin.isEmpty() || m_pin == m_peerFingerprint)
            m_socket.ignoreSslErrors();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_disconnected = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::connectTo(const QUrl &url, int timeoutMs)
{
    m_gotHello = false;
    m_hello = {};
    m_disconnected = false;
    m_closeCode = -1;
    m_socket.open(url);
    if (!QTest::qWaitFor([this] { return m_gotHello || m_disconnected; }, timeoutMs))
        return false;
    return m_gotHello && !m_disconnected;
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::onText(const QString &text)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (!doc.isObject()) {
        m_protocolProblems << u"not a JSON object: "_s + text.left(200);
        return;
    }
    const QJsonObject o = doc.object();
    if (o.contains(u"ev"_s)) {
        Event e;
        e.name = o.value(u"ev"_s).toString();
        e.d = o.value(u"d"_s).toObject();
        if (!o.value(u"d"_s).isObject())
            m_protocolProblems << u"event without object d: "_s + text.left(200);
        if (e.name == u"hello") {
            if (o.contains(u"seq"_s))
                m_protocolProblems << u"hello carries a seq"_s;
            m_hello = e.d;
            m_gotHello = true;
            return;
        }
        if (!o.value(u"seq"_s).isDouble()) {
            m_protocolProblems << u"event without numeric seq: "_s + text.left(200);
        } else {
            e.seq = o.value(u"seq"_s).toInteger();
            const qint64 expected = e.name == u"ready" ? 1 : m_lastSeq + 1;
            if (e.seq != expected)
                m_seqProblems << u"%1: seq %2, expected %3"_s.arg(e.name).arg(e.seq).arg(expected);
            m_lastSeq = e.seq;
        }
        if (e.name == u"ready") {
            m_ready = e.d;
            m_session = e.d.value(u"session"_s).toString();
            m_user = e.d.value(u"user"_s).toObject();
        }
        m_events.append(e);
        m_taken.append(false);
        return;
    }
    if (!o.contains(u"re"_s) || !o.value(u"ok"_s).isBool()) {
        m_protocolProblems << u"neither event nor reply: "_s + text.left(200);
        return;
    }
    Reply r;
    r.received = true;
    r.raw = o;
    r.re = o.value(u"re"_s);
    r.ok = o.value(u"ok"_s).toBool();
    if (r.ok) {
        r.d = o.value(u"d"_s).toObject();
    } else {
        const QJsonObject err = o.value(u"error"_s).toObject();
        r.code = err.value(u"code"_s).toString();
        r.message = err.value(u"message"_s).toString();
        r.retryAfterMs = err.value(u"retry_after_ms"_s).toInteger(-1);
        if (r.code.isEmpty())
            m_protocolProblems << u"error reply without code: "_s + text.left(200);
    }
    if (r.re.isNull())
        m_nullReplies.append(r);
    else
        m_replies.insert(replyKey(r.re), r);
}

qint64 TestClient::send(const QString &op, const QJsonObject &d)
{
    const qint64 id = m_nextId++;
    const QJsonObject o{{u"op"_s, op}, {u"id"_s, id}, {u"d"_s, d}};
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    return id;
}

bool TestClient::hasReply(const QJsonValue &re) const
{
    return m_replies.contains(replyKey(re));
}

Reply TestClient::waitReply(const QJsonValue &re, int timeoutMs)
{
    const QString key = replyKey(re);
    (void)QTest::qWaitFor([&] { return m_replies.contains(key) || m_disconnected; }, timeoutMs);
    return m_replies.take(key);
}

Reply TestClient::request(const QString &op, const QJsonObject &d, int timeoutMs)
{
    return waitReply(QJsonValue(send(op, d)), timeoutMs);
}

Reply TestClient::waitNullReply(int timeoutMs)
{
    (void)QTest::qWaitFor([&] { return !m_nullReplies.isEmpty() || m_disconnected; }, timeoutMs);
    return m_nullReplies.isEmpty() ? Reply{} : m_nullReplies.takeFirst();
}

void TestClient::sendRawText(const QByteArray &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(frame));
}

void TestClient::sendRawBinary(const QByteArray &frame)
{
    m_socket.sendBinaryMessage(frame);
}

std::optional<Event> TestClient::waitEvent(const QString &name, int timeoutMs)
{
    return waitEventWhere(name, [](const Event &) { return true; }, timeoutMs);
}

std::optional<Event> TestClient::waitEventWhere(const QString &name,
                                                const std::function<bool(const Event &)> &pred,
                                                int timeoutMs)
{
    qsizetype found = -1;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_events.size(); ++i) {
                if (!m_taken[i] && m_events[i].name == name && pred(m_events[i])) {
                    found = i;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (found < 0)
        return std::nullopt;
    m_taken[found] = true;
    return m_events[found];
}

int TestClient::countEvents(const QString &name) const
{
    return int(std::count_if(m_events.begin(), m_events.end(),
                             [&](const Event &e) { return e.name == name; }));
}

QList<Event> TestClient::eventsNamed(const QString &name) const
{
    QList<Event> out;
    for (const Event &e : m_events)
        if (e.name == name)
            out.append(e);
    return out;
}

Reply TestClient::signedIn(const Reply &r)
{
    if (!r.ok)
        return r;
    m_token = r.d.value(u"token"_s).toString();
    // ready follows the reply; wait for it so callers start from a known state.
    if (!waitEvent(u"ready"_s)) {
        Reply missing = r;
        missing.ok = false;
        missing.code = u"test:no_ready"_s;
        missing.message = u"the reply came but no ready event followed"_s;
        return missing;
    }
    return r;
}

Reply TestClient::guest(const QString &nickname, const QString &password)
{
    QJsonObject d{{u"nickname"_s, nickname}};
    if (!password.isNull())
        d.insert(u"password"_s, password);
    return signedIn(request(u"session.guest"_s, d));
}

Reply TestClient::registerUser(const QString &username, const QString &password,
                               const QString &displayName)
{
    QJsonObject d{{u"username"_s, username}, {u"password"_s, password}};
    if (!displayName.isEmpty())
        d.insert(u"display_name"_s, displayName);
    return signedIn(request(u"session.register"_s, d));
}

Reply TestClient::login(const QString &username, const QString &password)
{
    return signedIn(
        request(u"session.login"_s, {{u"username"_s, username}, {u"password"_s, password}}));
}

Reply TestClient::loginWithToken(const QString &token)
{
    return signedIn(request(u"session.login"_s, {{u"token"_s, token}}));
}

Reply TestClient::resume(const QString &token, const QString &session, qint64 seq)
{
    // Continue the seq check from where the resumed session left off.
    m_lastSeq = seq;
    Reply r = request(u"session.resume"_s,
                      {{u"token"_s, token}, {u"session"_s, session}, {u"seq"_s, seq}});
    if (r.ok) {
        m_token = token;
        m_session = session;
    }
    return r;
}

void TestClient::close()
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    m_socket.close();
    waitDisconnected();
}

void TestClient::abort()
{
    m_socket.abort();
    m_disconnected = true;
}

bool TestClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

} // namespace kith::test

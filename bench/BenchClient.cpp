#include "BenchClient.h"

#include "Clock.h"
#include "shared/Protocol.h"

#include <QTimer>
#include <QWebSocket>
#include <cmath>

namespace kith::bench {

namespace {

// Every bench message carries "~K<sender>:<seq>:<send ns>:<warm>~" in its content, so a
// receiver times it without parsing JSON, the same way for kith-server and kith-relay.
bool parseMarker(QStringView s, qsizetype at, int *sender, qint64 *seq, qint64 *sentNs, bool *warm)
{
    qint64 v[4] = {0, 0, 0, 0};
    qsizetype i = at + 2;
    for (int f = 0; f < 4; ++f) {
        const qsizetype begin = i;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9')
            v[f] = v[f] * 10 + (s[i++].unicode() - u'0');
        if (i == begin || i >= s.size() || s[i] != (f == 3 ? u'~' : u':'))
            return false;
        ++i;
    }
    *sender = int(v[0]);
    *seq = v[1];
    *sentNs = v[2];
    *warm = v[3] != 0;
    return true;
}

} // namespace

BenchClient::BenchClient(int index, Target target, Progress *progress)
    : m_index(index)
    , m_target(target)
    , m_progress(progress)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_tick(new QTimer(this))
{
    m_tick->setTimerType(Qt::PreciseTimer);
    connect(m_tick, &QTimer::timeout, this, &BenchClient::pump);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        if (m_target == Target::Relay) {
            readyNs = nowNs();
            finishOpen(true, {});
        }
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { finishOpen(false, m_socket->errorString()); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        const QString why = QStringLiteral("closed with %1 %2")
                                .arg(int(m_socket->closeCode()))
                                .arg(m_socket->closeReason());
        if (m_openDone) {
            finishOpen(false, why);
            return;
        }
        ++m_progress->disconnects;
        if (auto done = std::exchange(m_signInDone, nullptr))
            done(false, why, {});
        if (m_sending)
            stopSending();
    });
}

BenchClient::~BenchClient() = default;

void BenchClient::open(const QUrl &url, DoneFn done)
{
    m_openDone = std::move(done);
    connectStartNs = nowNs();
    m_socket->open(url);
}

bool BenchClient::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void BenchClient::abort()
{
    m_tick->stop();
    m_sending = false;
    m_socket->abort();
}

void BenchClient::finishOpen(bool ok, const QString &error)
{
    if (auto done = std::exchange(m_openDone, nullptr))
        done(ok, error);
}

void BenchClient::request(QLatin1String op, const QJsonObject &d, ReplyFn onReply)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(onReply));
    m_socket->sendTextMessage(QString::fromUtf8(encodeRequest(QJsonValue(id), op, d)));
}

void BenchClient::signIn(
    QLatin1String op, const QJsonObject &d,
    std::function<void(bool ok, const QString &error, const QJsonObject &reply)> done)
{
    m_signInDone = std::move(done);
    m_signInReplied = m_readySeen = false;
    request(op, d, [this](const ServerFrame &reply) {
        if (!reply.ok) {
            if (auto done = std::exchange(m_signInDone, nullptr))
                done(false, errorCodeName(reply.error.code) + QStringLiteral(": ") + reply.error.message, {});
            return;
        }
        m_signInReply = reply.d;
        m_signInReplied = true;
        if (m_readySeen) {
            if (auto done = std::exchange(m_signInDone, nullptr))
                done(true, {}, m_signInReply);
        }
    });
}

void BenchClient::onText(const QString &frame)
{
    const qint64 t = nowNs();
    lastFrameNs = t;
    if (m_target == Target::Relay
        || frame.startsWith(QLatin1String(R"({"ev":"message.created")"))) {
        onDelivery(frame, t);
        return;
    }
    const auto f = parseServerFrame(frame.toUtf8());
    if (!f)
        return;
    if (f->kind == ServerFrame::Kind::Reply) {
        onReply(*f, t);
        return;
    }
    if (f->ev == ev::Hello) {
        readyNs = t;
        finishOpen(true, {});
    } else if (f->ev == ev::Ready) {
        readyNs = t;
        m_readySeen = true;
        if (m_signInReplied) {
            if (auto done = std::exchange(m_signInDone, nullptr))
                done(true, {}, m_signInReply);
        }
    } else if (f->ev == ev::MessageCreated) {
        onDelivery(frame, t); // the server framed it differently from encodeEvent
    }
}

void BenchClient::onReply(const ServerFrame &reply, qint64 receivedNs)
{
    const qint64 id = reply.re.toInteger(-1);
    const auto send = m_sends.constFind(id);
    if (send != m_sends.cend()) {
        const PendingSend p = *send;
        m_sends.erase(send);
        if (!p.warm) {
            if (reply.ok) {
                ++m_stats.acked;
                ++m_progress->acked;
                m_stats.ackNs.push_back(receivedNs - p.sentNs);
                m_stats.lastAckNs = receivedNs;
            } else {
                ++m_stats.failed;
                ++m_progress->failed;
                ++m_stats.errors[errorCodeName(reply.error.code)];
            }
        }
        // A refused send will never be delivered, so it completes here either way.
        if (!reply.ok || m_plan.completeOnAck)
            completeOne();
        return;
    }
    if (auto fn = m_pending.take(id))
        fn(reply);
    else if (!reply.ok)
        ++m_stats.errors[QStringLiteral("unmatched ") + errorCodeName(reply.error.code)];
}

void BenchClient::onDelivery(QStringView frame, qint64 receivedNs)
{
    const qsizetype at = frame.indexOf(u"~K");
    int sender;
    qint64 seq, sentNs;
    bool warm;
    if (at < 0 || !parseMarker(frame, at, &sender, &seq, &sentNs, &warm))
        return;
    if (size_t(sender) >= m_seen.size())
        m_seen.resize(size_t(sender) + 1);
    std::vector<bool> &seen = m_seen[size_t(sender)];
    if (size_t(seq) >= seen.size())
        seen.resize(qMax(size_t(seq) + 1, seen.size() * 2));
    if (seen[size_t(seq)]) {
        if (!warm)
            ++m_stats.duplicates;
        return;
    }
    seen[size_t(seq)] = true;
    if (sender == m_index && (m_target == Target::Relay || !m_plan.completeOnAck))
        completeOne();
    if (warm)
        return;
    ++m_stats.deliveries;
    m_stats.deliveredChars += frame.size();
    ++m_progress->delivered;
    m_stats.latencyNs.push_back(receivedNs - sentNs);
    m_stats.lastReceiveNs = receivedNs;
}

void BenchClient::startSending(const SendPlan &plan)
{
    m_plan = plan;
    m_phaseSent = 0;
    m_sending = true;
    if (m_plan.rate > 0) {
        m_tick->setSingleShot(false);
        m_tick->start(qMax(1, int(std::lround(1000.0 / m_plan.rate / 2))));
    } else {
        m_tick->setSingleShot(true);
        m_tick->stop();
    }
    pump();
}

void BenchClient::pump()
{
    if (!m_sending)
        return;
    const qint64 t = nowNs();
    if (t >= m_plan.endNs) {
        stopSending();
        return;
    }
    if (m_plan.rate <= 0 && !m_tick->isActive()) {
        // Window mode has no periodic tick: wake up at the start, then at the end.
        const qint64 next = t < m_plan.startNs ? m_plan.startNs : m_plan.endNs;
        m_tick->start(int((next - t) / 1000000) + 1);
    }
    if (t < m_plan.startNs)
        return;
    if (m_plan.rate > 0) {
        const auto due = qint64(double(t - m_plan.startNs) * m_plan.rate / 1e9) + 1;
        while (m_phaseSent < due && (m_plan.window <= 0 || m_inFlight < m_plan.window))
            sendOne();
    } else {
        while (m_inFlight < m_plan.window)
            sendOne();
    }
}

void BenchClient::sendOne()
{
    ++m_seq;
    ++m_phaseSent;
    const qint64 t = nowNs();
    QString content = QStringLiteral("~K%1:%2:%3:%4~ ")
                          .arg(m_index)
                          .arg(m_seq)
                          .arg(t)
                          .arg(m_plan.warm ? 1 : 0);
    if (content.size() < m_plan.contentChars)
        content += QString(m_plan.contentChars - content.size(), u'x');
    const QJsonObject d{{QLatin1String("channel_id"), m_plan.channelId},
                        {QLatin1String("content"), content},
                        {QLatin1String("nonce"), QStringLiteral("b%1-%2").arg(m_index).arg(m_seq)}};
    const qint64 id = m_nextId++;
    if (m_target == Target::Server)
        m_sends.insert(id, PendingSend{m_seq, t, m_plan.warm});
    m_socket->sendTextMessage(QString::fromUtf8(encodeRequest(QJsonValue(id), op::MessageSend, d)));
    ++m_inFlight;
    ++m_progress->inFlight;
    if (!m_plan.warm) {
        ++m_stats.sent;
        ++m_progress->sent;
        if (m_stats.firstSendNs == 0)
            m_stats.firstSendNs = t;
    }
}

void BenchClient::completeOne()
{
    if (m_inFlight <= 0)
        return;
    --m_inFlight;
    --m_progress->inFlight;
    if (m_sending && m_plan.window > 0)
        pump();
}

void BenchClient::stopSending()
{
    if (!m_sending)
        return;
    m_sending = false;
    m_tick->stop();
    ++m_progress->sendersDone;
}

void BenchClient::resetStats()
{
    m_stats = ClientStats();
}

} // namespace kith::bench

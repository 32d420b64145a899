#include "Outbox.h"

#include "Connection.h"
#include "FileSync.h"
#include "shared/Protocol.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>
#include <algorithm>
#include <optional>

Q_LOGGING_CATEGORY(lcOutbox, "kith.app.outbox")

namespace kith::app {

namespace {
QJsonObject entryJson(const OutboxEntry &e)
{
    QJsonObject o{{QLatin1String("op"), QLatin1String("add")},
                  {QLatin1String("nonce"), e.nonce},
                  {QLatin1String("channel_id"), idJson(e.channelId)},
                  {QLatin1String("content"), e.content},
                  {QLatin1String("created_ms"), e.createdMs}};
    if (e.replyToId)
        o.insert(QLatin1String("reply_to_id"), idJson(e.replyToId));
    if (e.status == OutboxEntry::Status::Failed) {
        o.insert(QLatin1String("failed"), true);
        o.insert(QLatin1String("error"), e.error);
    }
    return o;
}

std::optional<OutboxEntry> entryFrom(const QJsonObject &o)
{
    OutboxEntry e;
    e.nonce = o.value(QLatin1String("nonce")).toString();
    e.channelId = idFromJson(o.value(QLatin1String("channel_id")));
    e.content = o.value(QLatin1String("content")).toString();
    e.createdMs = o.value(QLatin1String("created_ms")).toInteger();
    e.replyToId = idFromJson(o.value(QLatin1String("reply_to_id")));
    if (o.value(QLatin1String("failed")).toBool()) {
        e.status = OutboxEntry::Status::Failed;
        e.error = o.value(QLatin1String("error")).toString();
    }
    if (e.nonce.isEmpty() || !e.channelId || e.content.isEmpty())
        return std::nullopt;
    return e;
}

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// A journal this much longer than what it holds is rewritten.
constexpr int kCompactSlack = 64;
} // namespace

Outbox::Outbox(Connection *connection, const QString &path, QObject *parent)
    : QObject(parent), m_connection(connection), m_path(path)
{
    m_writer.setMaxThreadCount(1);
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_writer.setObjectName(QStringLiteral("kith-outbox"));
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::pump);
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State s) {
        if (s == Connection::State::Online) {
            m_retryTimer.stop(); // a new connection: try at once
            m_unavailable = 0;
            pump();
        }
    });
    load();
}

Outbox::~Outbox()
{
    m_writer.waitForDone();
}

bool Outbox::flush()
{
    m_writer.waitForDone();
    return m_writeOk.load();
}

void Outbox::setBackoff(int baseMs, int maxMs)
{
    m_backoffBaseMs = baseMs;
    m_backoffMaxMs = maxMs;
}

void Outbox::write(std::function<bool(QString *error)> job)
{
    m_writer.start([this, job = std::move(job)] {
        QString error;
        if (job(&error))
            return;
        m_writeOk = false;
        // The object outlives its writes (the destructor waits), so the queued call is safe.
        QMetaObject::invokeMethod(this, [this, error] {
            qCWarning(lcOutbox) << "cannot write" << m_path << error;
            emit writeFailed(error);
        }, Qt::QueuedConnection);
    });
}

void Outbox::record(const QJsonObject &change)
{
    if (++m_records > 2 * m_entries.size() + kCompactSlack) {
        compact();
        return;
    }
    write([path = m_path, bytes = line(change)](QString *error) {
        QFile f(path);
        // Typed text must survive a power cut once its line is written: synced, not just written.
        if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(bytes) != bytes.size() || !FileSync::sync(f)) {
            *error = f.errorString();
            return false;
        }
        return true;
    });
}

void Outbox::compact()
{
    QByteArray bytes;
    for (const OutboxEntry &e : std::as_const(m_entries))
        bytes += line(entryJson(e));
    m_records = int(m_entries.size());
    write([path = m_path, bytes](QString *error) {
        // QSaveFile writes beside and renames: a crash mid-write never leaves half a queue.
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            *error = f.errorString();
            return false;
        }
        return true;
    });
}

QString Outbox::enqueue(Id channelId, const QString &content, Id replyToId)
{
    OutboxEntry e;
    e.replyToId = replyToId;
    e.nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.channelId = channelId;
    e.content = content;
    e.createdMs = QDateTime::currentMSecsSinceEpoch();
    m_entries.append(e);
    record(entryJson(e));
    emit changed(channelId);
    pump();
    return e.nonce;
}

void Outbox::retry(const QString &nonce)
{
    const int i = indexOf(nonce);
    if (i < 0 || m_entries[i].status != OutboxEntry::Status::Failed)
        return;
    m_entries[i].status = OutboxEntry::Status::Pending;
    m_entries[i].error.clear();
    record({{QLatin1String("op"), QLatin1String("retry")}, {QLatin1String("nonce"), nonce}});
    emit changed(m_entries[i].channelId);
    pump();
}

void Outbox::discard(const QString &nonce)
{
    const int i = indexOf(nonce);
    if (i < 0 || m_entries[i].status == OutboxEntry::Status::Sending)
        return;
    const Id channel = m_entries.takeAt(i).channelId;
    record({{QLatin1String("op"), QLatin1String("done")}, {QLatin1String("nonce"), nonce}});
    emit changed(channel);
}

QList<OutboxEntry> Outbox::entries(Id channelId) const
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : m_entries)
        if (e.channelId == channelId)
            out.append(e);
    return out;
}

int Outbox::indexOf(const QString &nonce) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].nonce == nonce)
            return i;
    return -1;
}

// One message in flight at a time keeps the order the user typed them in.
void Outbox::pump()
{
    if (m_inFlight || !m_connection->isOnline() || m_retryTimer.isActive())
        return;
    int i = 0;
    while (i < m_entries.size() && m_entries[i].status == OutboxEntry::Status::Failed)
        ++i;
    if (i == m_entries.size())
        return;
    OutboxEntry &e = m_entries[i];
    e.status = OutboxEntry::Status::Sending;
    m_inFlight = true;
    const QString nonce = e.nonce;
    QJsonObject d{{QLatin1String("channel_id"), idJson(e.channelId)},
                  {QLatin1String("content"), e.content},
                  {QLatin1String("nonce"), e.nonce}};
    if (e.replyToId)
        d.insert(QLatin1String("reply_to_id"), idJson(e.replyToId));
    m_connection->request(op::MessageSend, d, this, [this, nonce](const Reply &r) {
        m_inFlight = false;
        const int j = indexOf(nonce);
        if (j < 0)
            return;
        OutboxEntry &entry = m_entries[j];
        const Id channel = entry.channelId;
        if (r.ok) {
            m_unavailable = 0;
            m_entries.removeAt(j);
            record({{QLatin1String("op"), QLatin1String("done")}, {QLatin1String("nonce"), nonce}});
            emit delivered(Message::fromJson(r.d));
            emit changed(channel);
        } else if (r.error.code == ErrorCode::Unavailable) {
            entry.status = OutboxEntry::Status::Pending;
            // Connected but the host cannot store now: wait, doubling, as for rate_limited. A
            // dropped connection lands here too; coming back online cuts the wait.
            // A host that knows when its database may be back says so (retry_after_ms).
            const int shift = qMin(m_unavailable++, 16);
            const qint64 wait = r.error.retryAfterMs > 0 ? r.error.retryAfterMs
                                                          : qint64(m_backoffBaseMs) << shift;
            m_retryTimer.start(int(std::clamp<qint64>(wait, 1, m_backoffMaxMs)));
        } else if (r.error.code == ErrorCode::RateLimited) {
            entry.status = OutboxEntry::Status::Pending;
            m_retryTimer.start(int(std::clamp<qint64>(r.error.retryAfterMs, 1, 60000)));
        } else {
            entry.status = OutboxEntry::Status::Failed;
            entry.error = r.error.message;
            qCInfo(lcOutbox) << "send failed:" << errorCodeName(r.error.code) << r.error.message;
            record({{QLatin1String("op"), QLatin1String("fail")}, {QLatin1String("nonce"), nonce},
                    {QLatin1String("error"), entry.error}});
            emit changed(channel);
        }
        pump();
    });
}

void Outbox::load()
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QByteArray all = f.readAll();
    f.close();
    if (all.trimmed().startsWith('[')) {
        // The outbox of an older version: one array of entries.
        for (const QJsonValue &v : QJsonDocument::fromJson(all).array())
            if (auto e = entryFrom(v.toObject()))
                m_entries.append(*e);
    } else {
        for (const QByteArray &raw : all.split('\n')) {
            // A line cut short by a crash is not JSON: skipped, the rest still counts.
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            const QString op = o.value(QLatin1String("op")).toString();
            const int i = indexOf(o.value(QLatin1String("nonce")).toString());
            if (op == u"add") {
                if (auto e = entryFrom(o); e && i < 0)
                    m_entries.append(*e);
            } else if (i < 0) {
                continue;
            } else if (op == u"done") {
                m_entries.removeAt(i);
            } else if (op == u"fail") {
                m_entries[i].status = OutboxEntry::Status::Failed;
                m_entries[i].error = o.value(QLatin1String("error")).toString();
            } else if (op == u"retry") {
                m_entries[i].status = OutboxEntry::Status::Pending;
                m_entries[i].error.clear();
            }
        }
    }
    compact(); // start each run with a journal of just what is left
}

} // namespace kith::app

#include "Outbox.h"

#include "Connection.h"
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

Q_LOGGING_CATEGORY(lcOutbox, "kith.app.outbox")

namespace kith::app {

Outbox::Outbox(Connection *connection, const QString &path, QObject *parent)
    : QObject(parent), m_connection(connection), m_path(path)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::pump);
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State s) {
        if (s == Connection::State::Online)
            pump();
    });
    load();
}

QString Outbox::enqueue(Id channelId, const QString &content)
{
    OutboxEntry e;
    e.nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.channelId = channelId;
    e.content = content;
    e.createdMs = QDateTime::currentMSecsSinceEpoch();
    m_entries.append(e);
    save();
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
    save();
    emit changed(m_entries[i].channelId);
    pump();
}

void Outbox::discard(const QString &nonce)
{
    const int i = indexOf(nonce);
    if (i < 0 || m_entries[i].status == OutboxEntry::Status::Sending)
        return;
    const Id channel = m_entries.takeAt(i).channelId;
    save();
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
    const QJsonObject d{{QLatin1String("channel_id"), idJson(e.channelId)},
                        {QLatin1String("content"), e.content},
                        {QLatin1String("nonce"), e.nonce}};
    m_connection->request(op::MessageSend, d, this, [this, nonce](const Reply &r) {
        m_inFlight = false;
        const int j = indexOf(nonce);
        if (j < 0)
            return;
        OutboxEntry &entry = m_entries[j];
        const Id channel = entry.channelId;
        if (r.ok) {
            m_entries.removeAt(j);
            save();
            emit delivered(Message::fromJson(r.d));
            emit changed(channel);
        } else if (r.error.code == ErrorCode::Unavailable) {
            entry.status = OutboxEntry::Status::Pending; // goes again once back online
        } else if (r.error.code == ErrorCode::RateLimited) {
            entry.status = OutboxEntry::Status::Pending;
            m_retryTimer.start(int(std::clamp<qint64>(r.error.retryAfterMs, 1, 60000)));
        } else {
            entry.status = OutboxEntry::Status::Failed;
            entry.error = r.error.message;
            qCInfo(lcOutbox) << "send failed:" << errorCodeName(r.error.code) << r.error.message;
            save();
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
    const QJsonArray a = QJsonDocument::fromJson(f.readAll()).array();
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        OutboxEntry e;
        e.nonce = o.value(QLatin1String("nonce")).toString();
        e.channelId = idFromJson(o.value(QLatin1String("channel_id")));
        e.content = o.value(QLatin1String("content")).toString();
        e.createdMs = o.value(QLatin1String("created_ms")).toInteger();
        if (o.value(QLatin1String("failed")).toBool()) {
            e.status = OutboxEntry::Status::Failed;
            e.error = o.value(QLatin1String("error")).toString();
        }
        if (!e.nonce.isEmpty() && e.channelId && !e.content.isEmpty())
            m_entries.append(e);
    }
}

void Outbox::save() const
{
    QJsonArray a;
    for (const OutboxEntry &e : m_entries) {
        QJsonObject o{{QLatin1String("nonce"), e.nonce},
                      {QLatin1String("channel_id"), idJson(e.channelId)},
                      {QLatin1String("content"), e.content},
                      {QLatin1String("created_ms"), e.createdMs}};
        if (e.status == OutboxEntry::Status::Failed) {
            o.insert(QLatin1String("failed"), true);
            o.insert(QLatin1String("error"), e.error);
        }
        a.append(o);
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // QSaveFile writes beside and renames: a crash mid-write never leaves half a queue.
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)) {
        qCWarning(lcOutbox) << "cannot write" << m_path << f.errorString();
        return;
    }
    f.write(QJsonDocument(a).toJson(QJsonDocument::Compact));
    f.commit();
}

} // namespace kith::app

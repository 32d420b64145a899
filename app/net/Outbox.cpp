#include "Outbox.h"

#include "Connection.h"
#include "FileSync.h"
#include "HttpClient.h"
#include "shared/Protocol.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkReply>
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
    if (!e.files.isEmpty()) {
        QJsonArray files;
        for (const OutboxFile &f : e.files) {
            QJsonObject fo{{QLatin1String("filename"), f.filename},
                           {QLatin1String("path"), QFileInfo(f.path).fileName()},
                           {QLatin1String("size"), f.size},
                           {QLatin1String("content_type"), f.contentType}};
            if (f.uploadedId)
                fo.insert(QLatin1String("uploaded_id"), idJson(f.uploadedId));
            files.append(fo);
        }
        o.insert(QLatin1String("files"), files);
    }
    if (e.status == OutboxEntry::Status::Failed) {
        o.insert(QLatin1String("failed"), true);
        o.insert(QLatin1String("error"), e.error);
    }
    return o;
}

std::optional<OutboxEntry> entryFrom(const QJsonObject &o, const QString &filesDir)
{
    OutboxEntry e;
    for (const QJsonValue &v : o.value(QLatin1String("files")).toArray()) {
        const QJsonObject fo = v.toObject();
        OutboxFile f;
        f.filename = fo.value(QLatin1String("filename")).toString();
        // Only a name inside the outbox's folder: the data folder may have moved since.
        f.path = QDir(filesDir).filePath(QFileInfo(fo.value(QLatin1String("path")).toString()).fileName());
        f.size = fo.value(QLatin1String("size")).toInteger();
        f.contentType = fo.value(QLatin1String("content_type")).toString();
        f.uploadedId = idFromJson(fo.value(QLatin1String("uploaded_id")));
        if (!f.filename.isEmpty())
            e.files.append(f);
    }
    e.nonce = o.value(QLatin1String("nonce")).toString();
    e.channelId = idFromJson(o.value(QLatin1String("channel_id")));
    e.content = o.value(QLatin1String("content")).toString();
    e.createdMs = o.value(QLatin1String("created_ms")).toInteger();
    e.replyToId = idFromJson(o.value(QLatin1String("reply_to_id")));
    if (o.value(QLatin1String("failed")).toBool()) {
        e.status = OutboxEntry::Status::Failed;
        e.error = o.value(QLatin1String("error")).toString();
    }
    if (e.nonce.isEmpty() || !e.channelId || (e.content.isEmpty() && e.files.isEmpty()))
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
    : QObject(parent), m_connection(connection), m_path(path),
      m_filesDir(QFileInfo(path).absolutePath() + QLatin1Char('/') + QFileInfo(path).completeBaseName()
                 + QStringLiteral("-files")),
      m_http(new HttpClient(connection, this))
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
    sweepFiles();
}

Outbox::~Outbox()
{
    if (m_upload) {
        m_upload->disconnect(this); // no reply handler runs on a half-destroyed outbox
        m_upload->abort();
    }
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

QString Outbox::enqueue(Id channelId, const QString &content, Id replyToId, const QList<OutgoingFile> &files)
{
    OutboxEntry e;
    e.replyToId = replyToId;
    e.nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.channelId = channelId;
    e.content = content;
    e.createdMs = QDateTime::currentMSecsSinceEpoch();
    static const QMimeDatabase mimes;
    for (int i = 0; i < files.size(); ++i) {
        const OutgoingFile &in = files[i];
        OutboxFile f;
        f.filename = in.filename;
        f.path = QDir(m_filesDir).filePath(QStringLiteral("%1-%2").arg(e.nonce).arg(i));
        f.size = in.sourcePath.isEmpty() ? in.data.size() : QFileInfo(in.sourcePath).size();
        f.contentType = !in.contentType.isEmpty() ? in.contentType
                                                  : mimes.mimeTypeForFile(in.filename, QMimeDatabase::MatchExtension).name();
        e.files.append(f);
    }
    m_entries.append(e);
    if (!files.isEmpty()) {
        // The copies are made on the writer thread before the journal line that names them;
        // the upload waits for them (m_preparing), the user does not.
        m_preparing.insert(e.nonce);
        write([this, dir = m_filesDir, files, copies = e.files, nonce = e.nonce](QString *error) {
            QDir().mkpath(dir);
            bool ok = true;
            for (int i = 0; i < files.size() && ok; ++i) {
                QFile::remove(copies[i].path);
                if (files[i].sourcePath.isEmpty()) {
                    QFile out(copies[i].path);
                    ok = out.open(QIODevice::WriteOnly) && out.write(files[i].data) == files[i].data.size()
                        && FileSync::sync(out);
                    if (!ok)
                        *error = out.errorString();
                } else if (!QFile::copy(files[i].sourcePath, copies[i].path)) {
                    ok = false;
                    *error = tr("cannot copy %1").arg(files[i].sourcePath);
                }
            }
            QMetaObject::invokeMethod(this, [this, nonce, ok, error = *error] {
                m_preparing.remove(nonce);
                if (!ok)
                    if (const int i = indexOf(nonce); i >= 0)
                        failEntry(i, error);
                pump();
            }, Qt::QueuedConnection);
            return ok;
        });
    }
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
    for (OutboxFile &f : m_entries[i].files)
        f.uploadedId = 0;
    record({{QLatin1String("op"), QLatin1String("retry")}, {QLatin1String("nonce"), nonce}});
    emit changed(m_entries[i].channelId);
    pump();
}

void Outbox::discard(const QString &nonce)
{
    const int i = indexOf(nonce);
    if (i < 0)
        return;
    if (m_uploadNonce == nonce && m_upload) {
        // Cancel: the upload stops; what the host got of it expires there unused.
        QNetworkReply *reply = m_upload;
        m_upload = nullptr;
        m_uploadNonce.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        m_inFlight = false;
    } else if (m_entries[i].status == OutboxEntry::Status::Sending) {
        return; // message.send is on its way: its reply decides
    }
    const OutboxEntry e = m_entries.takeAt(i);
    record({{QLatin1String("op"), QLatin1String("done")}, {QLatin1String("nonce"), nonce}});
    removeFiles(e.files);
    emit changed(e.channelId);
    pump();
}

void Outbox::removeFiles(const QList<OutboxFile> &files)
{
    if (files.isEmpty())
        return;
    // After the journal line that drops the entry: a crash between leaves a stray file, which
    // the next start sweeps, never an entry without its file.
    write([files](QString *) {
        for (const OutboxFile &f : files)
            QFile::remove(f.path);
        return true;
    });
}

void Outbox::sweepFiles()
{
    QSet<QString> kept;
    for (const OutboxEntry &e : std::as_const(m_entries))
        for (const OutboxFile &f : e.files)
            kept.insert(QFileInfo(f.path).fileName());
    // No folder, nothing to sweep: the usual start, which then starts no writer thread.
    if (kept.isEmpty() && !QFileInfo::exists(m_filesDir))
        return;
    write([dir = m_filesDir, kept](QString *) {
        const QDir d(dir);
        for (const QString &name : d.entryList(QDir::Files))
            if (!kept.contains(name))
                QFile::remove(d.filePath(name));
        QDir().rmdir(dir); // only when empty; the next file makes it again
        return true;
    });
}

void Outbox::failEntry(int i, const QString &error)
{
    OutboxEntry &entry = m_entries[i];
    entry.status = OutboxEntry::Status::Failed;
    entry.error = error;
    qCInfo(lcOutbox) << "send failed:" << error;
    record({{QLatin1String("op"), QLatin1String("fail")}, {QLatin1String("nonce"), entry.nonce},
            {QLatin1String("error"), error}});
    emit changed(entry.channelId);
}

void Outbox::backOff(qint64 retryAfterMs)
{
    const int shift = qMin(m_unavailable++, 16);
    const qint64 wait = retryAfterMs > 0 ? retryAfterMs : qint64(m_backoffBaseMs) << shift;
    m_retryTimer.start(int(std::clamp<qint64>(wait, 1, m_backoffMaxMs)));
}

void Outbox::upload(int entry, int file)
{
    OutboxEntry &e = m_entries[entry];
    const OutboxFile &f = e.files[file];
    auto *body = new QFile(f.path);
    if (!body->open(QIODevice::ReadOnly)) {
        delete body;
        failEntry(entry, tr("the file %1 is gone").arg(f.filename));
        return;
    }
    e.status = OutboxEntry::Status::Sending;
    m_inFlight = true;
    const QString nonce = e.nonce;
    qint64 before = 0, total = 0;
    for (int i = 0; i < e.files.size(); ++i) {
        total += e.files[i].size;
        if (i < file)
            before += e.files[i].size;
    }
    QNetworkReply *reply = m_http->upload(f.filename, body, f.contentType);
    m_upload = reply;
    m_uploadNonce = nonce;
    emit uploadProgress(nonce, before, total);
    connect(reply, &QNetworkReply::uploadProgress, this, [this, nonce, before, total](qint64 sent, qint64) {
        emit uploadProgress(nonce, before + sent, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, nonce, file] {
        reply->deleteLater();
        m_inFlight = false;
        m_upload = nullptr;
        m_uploadNonce.clear();
        const int j = indexOf(nonce);
        if (j < 0)
            return pump();
        OutboxEntry &entry = m_entries[j];
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 201) {
            m_unavailable = 0;
            entry.status = OutboxEntry::Status::Pending;
            const Attachment a = Attachment::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
            entry.files[file].uploadedId = a.id;
            record({{QLatin1String("op"), QLatin1String("uploaded")}, {QLatin1String("nonce"), nonce},
                    {QLatin1String("file"), file}, {QLatin1String("id"), idJson(a.id)}});
        } else if (HttpClient::isTransient(reply)) {
            // Offline, refused, reset: the same back-off as a send the host could not take.
            entry.status = OutboxEntry::Status::Pending;
            qCInfo(lcOutbox) << "upload failed, retrying:" << reply->errorString();
            backOff(reply->rawHeader("Retry-After").toLongLong() * 1000);
        } else {
            failEntry(j, HttpClient::errorText(reply));
        }
        pump();
    });
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
    if (i == m_entries.size() || m_preparing.contains(m_entries[i].nonce))
        return;
    for (int k = 0; k < m_entries[i].files.size(); ++k)
        if (!m_entries[i].files[k].uploadedId)
            return upload(i, k);
    OutboxEntry &e = m_entries[i];
    e.status = OutboxEntry::Status::Sending;
    m_inFlight = true;
    const QString nonce = e.nonce;
    QJsonObject d{{QLatin1String("channel_id"), idJson(e.channelId)},
                  {QLatin1String("content"), e.content},
                  {QLatin1String("nonce"), e.nonce}};
    if (e.replyToId)
        d.insert(QLatin1String("reply_to_id"), idJson(e.replyToId));
    if (!e.files.isEmpty()) {
        QJsonArray ids;
        for (const OutboxFile &f : std::as_const(e.files))
            ids.append(idJson(f.uploadedId));
        d.insert(QLatin1String("attachment_ids"), ids);
    }
    m_connection->request(op::MessageSend, d, this, [this, nonce](const Reply &r) {
        m_inFlight = false;
        const int j = indexOf(nonce);
        if (j < 0)
            return;
        OutboxEntry &entry = m_entries[j];
        const Id channel = entry.channelId;
        if (r.ok) {
            m_unavailable = 0;
            const QList<OutboxFile> files = m_entries.takeAt(j).files;
            record({{QLatin1String("op"), QLatin1String("done")}, {QLatin1String("nonce"), nonce}});
            removeFiles(files);
            emit delivered(Message::fromJson(r.d));
            if (r.d.contains(QLatin1String("delivered_to")))
                emit deliveredTo(channel, idFromJson(r.d.value(QLatin1String("id"))),
                                 idFromJson(r.d.value(QLatin1String("delivered_to"))));
            emit changed(channel);
        } else if (r.error.code == ErrorCode::Unavailable) {
            entry.status = OutboxEntry::Status::Pending;
            // Connected but the host cannot store now: wait, doubling, as for rate_limited. A
            // dropped connection lands here too; coming back online cuts the wait.
            // A host that knows when its database may be back says so (retry_after_ms).
            backOff(r.error.retryAfterMs);
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
            if (auto e = entryFrom(v.toObject(), m_filesDir))
                m_entries.append(*e);
    } else {
        for (const QByteArray &raw : all.split('\n')) {
            // A line cut short by a crash is not JSON: skipped, the rest still counts.
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            const QString op = o.value(QLatin1String("op")).toString();
            const int i = indexOf(o.value(QLatin1String("nonce")).toString());
            if (op == u"add") {
                if (auto e = entryFrom(o, m_filesDir); e && i < 0)
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
                for (OutboxFile &f : m_entries[i].files)
                    f.uploadedId = 0;
            } else if (op == u"uploaded") {
                const int file = o.value(QLatin1String("file")).toInt(-1);
                if (file >= 0 && file < m_entries[i].files.size())
                    m_entries[i].files[file].uploadedId = idFromJson(o.value(QLatin1String("id")));
            }
        }
    }
    compact(); // start each run with a journal of just what is left
}

} // namespace kith::app

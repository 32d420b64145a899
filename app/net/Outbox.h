#pragma once
//! Messages the user typed that the host has not confirmed yet. Kept on disk so nothing typed
//! is lost, also when the app closes offline; sent in order, each with its nonce, so a resend
//! after any failure can never create a duplicate (the host deduplicates on author + nonce).

#include "shared/Types.h"

#include <QNetworkReply>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <atomic>

namespace kith::app {

class Connection;
class HttpClient;

//! A file going out with a message: a copy in the outbox's own folder, so that the message
//! survives the original being moved or edited, and a pasted image has somewhere to live.
struct OutboxFile {
    QString filename;     //!< as the host will show it
    QString path;         //!< the copy, inside filesDir()
    qint64 size = 0;
    QString contentType;  //!< as far as the client knows; the host reads images itself
    Id uploadedId = 0;    //!< once uploaded (the host keeps an unsent upload for an hour)
};

//! What the user picked or pasted: a file on disk, or bytes (a pasted image).
struct OutgoingFile {
    QString filename;
    QString sourcePath;   //!< empty when `data` holds the bytes
    QByteArray data;
    QString contentType;
};

struct OutboxEntry {
    enum class Status { Pending, Sending, Failed };
    QString nonce;
    Id channelId = 0;
    QString content;
    qint64 createdMs = 0;
    Status status = Status::Pending;
    QString error; //!< why it failed, for the user
    Id replyToId = 0; //!< the message it replies to; 0 when none (last: entries are brace-made)
    QList<OutboxFile> files; //!< uploaded one by one before message.send takes their ids
};

class Outbox : public QObject
{
    Q_OBJECT
public:
    //! `path` is the file that holds the queue: a journal of JSON lines, one per change, appended
    //! and synced on a thread of its own (never the caller's), compacted now and then. It is read
    //! now. An older outbox (one JSON array) is read too and rewritten as a journal.
    Outbox(Connection *connection, const QString &path, QObject *parent = nullptr);
    ~Outbox() override; //!< waits for the writes still queued

    //! Queues a message and returns its nonce.
    QString enqueue(Id channelId, const QString &content, Id replyToId = 0,
                    const QList<OutgoingFile> &files = {});
    //! A failed entry again; its files are uploaded again (an upload expires on the host).
    void retry(const QString &nonce);
    //! Drops an entry that is not being sent; an upload under way is cancelled.
    void discard(const QString &nonce);
    //! Where the entries' files are kept until sent: beside the journal.
    QString filesDir() const { return m_filesDir; }
    //! The entry whose file is being uploaded now; empty when none.
    QString uploading() const { return m_uploadNonce; }

    QList<OutboxEntry> entries() const { return m_entries; }
    QList<OutboxEntry> entries(Id channelId) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    QString path() const { return m_path; }
    //! Waits until every change so far is on disk; false if a write failed.
    bool flush();
    //! Backoff after an `unavailable` reply while connected (the host cannot store right now).
    void setBackoff(int baseMs, int maxMs);

signals:
    //! A change could not be written to disk (the message still goes out if it can): why.
    void writeFailed(const QString &error);
    void changed(kith::Id channelId);
    //! The host stored it: the message as the host has it (same nonce).
    void delivered(const kith::Message &message);
    //! A roulette channel's host said whom the message went to (0: nobody could get it).
    void deliveredTo(kith::Id channelId, kith::Id messageId, kith::Id userId);
    //! Bytes of an entry's files uploaded so far, of `total` (all its files).
    void uploadProgress(const QString &nonce, qint64 sent, qint64 total);

private:
    void load();
    //! Appends one change to the journal, on the writer thread, in order.
    void record(const QJsonObject &change);
    //! Rewrites the journal as just the entries there are (when it has grown, and at start).
    void compact();
    void write(std::function<bool(QString *error)> job);
    void pump();
    int indexOf(const QString &nonce) const;
    void upload(int entry, int file);
    void failEntry(int i, const QString &error);
    void backOff(qint64 retryAfterMs);
    void removeFiles(const QList<OutboxFile> &files);
    void sweepFiles();

    Connection *m_connection;
    QString m_path;
    QString m_filesDir;
    HttpClient *m_http;
    QPointer<QNetworkReply> m_upload;
    QString m_uploadNonce;
    QSet<QString> m_preparing;     //!< entries whose files are still being copied in
    QList<OutboxEntry> m_entries;
    bool m_inFlight = false;
    QTimer m_retryTimer;
    QThreadPool m_writer;          //!< one thread: changes reach the file in the order made
    std::atomic<bool> m_writeOk{true};
    int m_records = 0;             //!< lines in the journal since it was last compacted
    int m_unavailable = 0;         //!< `unavailable` replies in a row, for the backoff
    int m_backoffBaseMs = 500;
    int m_backoffMaxMs = 30000;
};

} // namespace kith::app

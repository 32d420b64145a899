#pragma once
//! Messages the user typed that the host has not confirmed yet. Kept on disk so nothing typed
//! is lost, also when the app closes offline; sent in order, each with its nonce, so a resend
//! after any failure can never create a duplicate (the host deduplicates on author + nonce).

#include "shared/Types.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace kith::app {

class Connection;

struct OutboxEntry {
    enum class Status { Pending, Sending, Failed };
    QString nonce;
    Id channelId = 0;
    QString content;
    qint64 createdMs = 0;
    Status status = Status::Pending;
    QString error; //!< why it failed, for the user
};

class Outbox : public QObject
{
    Q_OBJECT
public:
    //! `path` is the JSON file that holds the queue; it is read now and rewritten on each change.
    Outbox(Connection *connection, const QString &path, QObject *parent = nullptr);

    //! Queues a message and returns its nonce.
    QString enqueue(Id channelId, const QString &content);
    void retry(const QString &nonce);
    void discard(const QString &nonce);

    QList<OutboxEntry> entries() const { return m_entries; }
    QList<OutboxEntry> entries(Id channelId) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    QString path() const { return m_path; }

signals:
    void changed(kith::Id channelId);
    //! The host stored it: the message as the host has it (same nonce).
    void delivered(const kith::Message &message);

private:
    void load();
    void save() const;
    void pump();
    int indexOf(const QString &nonce) const;

    Connection *m_connection;
    QString m_path;
    QList<OutboxEntry> m_entries;
    bool m_inFlight = false;
    QTimer m_retryTimer;
};

} // namespace kith::app

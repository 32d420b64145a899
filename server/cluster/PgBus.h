#pragma once
//! Live events between nodes sharing one PostgreSQL: NOTIFY on the channel `kith_bus`, heard
//! through LISTEN on a connection of its own, on a thread of its own. Messages go out in the
//! order publish() was called; one too large for a notification (8000 bytes) is written to
//! `bus_events` and the notification carries its row id.

#include "store/DatabaseUrl.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>

namespace kith::server {

class PgBus : public QObject
{
    Q_OBJECT
public:
    explicit PgBus(DatabaseUrl database, QObject *parent = nullptr);
    ~PgBus() override;

    //! Connects and starts listening; blocks until done.
    bool start(QString *error);
    void stop();
    //! Thread-safe; sent after everything published before it.
    void publish(const QByteArray &message);
    //! Drops both connections and connects again, retrying with backoff (0.5 s doubling to
    //! 30 s) until it works; then emits reconnected. For a bus that stopped hearing anything.
    void reconnect();

signals:
    //! Listening again after reconnect(): whatever was published meanwhile was missed.
    void reconnected();
    //! A message some node published (this one's too), on the thread that made the bus.
    void received(const QByteArray &message);

private:
    class Worker;
    DatabaseUrl m_database;
    QThread m_thread;
    Worker *m_worker = nullptr;
    // Messages waiting for the worker: it sends all that queued up in one statement.
    QMutex m_pendingLock;
    QList<QByteArray> m_pending;
};

} // namespace kith::server

#include "PgBus.h"

#include "Log.h"
#include "OpenSslThread.h"
#include "store/SqlConnection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace kith::server {

namespace {
const QString kChannel = QStringLiteral("kith_bus");
// NOTIFY's payload must stay under 8000 bytes; "ref:" notifications point at bus_events.
constexpr qsizetype kMaxInline = 7900;
constexpr int kCleanupMs = 30000;
constexpr qint64 kKeepMs = 60000;
constexpr int kFirstRetryMs = 500;
constexpr int kMaxRetryMs = 30000;
} // namespace

class PgBus::Worker : public QObject
{
public:
    Worker(PgBus *bus, DatabaseUrl database)
        : m_bus(bus)
        , m_database(std::move(database))
        , m_db(connectionName(QLatin1String("send")))
        , m_listen(connectionName(QLatin1String("listen")))
    {
    }

    QString connectionName(QLatin1String role) const
    {
        return QStringLiteral("kith-bus-%1-").arg(role) + QString::number(quintptr(this), 16);
    }

    void reconnect()
    {
        if (m_retry->isActive())
            return;
        close();
        m_retryMs = kFirstRetryMs;
        tryReconnect();
    }

    void tryReconnect()
    {
        QString error;
        if (open(&error)) {
            qCInfo(lcServer) << "bus: listening again";
            emit m_bus->reconnected();
            return;
        }
        close();
        qCWarning(lcServer) << "bus: cannot reconnect, next try in" << m_retryMs << "ms:" << error;
        m_retry->start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, kMaxRetryMs);
    }

    bool open(QString *error)
    {
        // Two connections: QPSQL looks for notifications only when its socket turns readable,
        // and a query on the listening connection would read them into libpq's queue unseen.
        if (!m_db.connect(m_database, error) || !m_listen.connect(m_database, error))
            return false;
        // Bus messages are gone once heard and what they tell is committed already: their own
        // commits need not wait for the disk (one fsync per event would cap the bus).
        if (QSqlQuery q(m_db.database()); !q.exec(QStringLiteral("SET synchronous_commit TO off"))) {
            *error = QStringLiteral("bus: %1").arg(q.lastError().text());
            return false;
        }
        QSqlDriver *driver = m_listen.database().driver();
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    if (name == kChannel)
                        heard(payload.toString().toUtf8());
                });
        if (!driver->subscribeToNotification(kChannel)) {
            *error = QStringLiteral("cannot LISTEN on %1: %2").arg(kChannel, driver->lastError().text());
            return false;
        }
        m_cleanup->setInterval(kCleanupMs);
        m_cleanup->disconnect(this);
        connect(m_cleanup, &QTimer::timeout, this, [this] {
            QSqlQuery q(m_db.database());
            // The database's clock for both ends: nodes' clocks may disagree.
            q.prepare(QStringLiteral("DELETE FROM bus_events WHERE at < " KITH_PG_NOW_MS " - ?"));
            q.addBindValue(kKeepMs);
            q.exec();
        });
        m_cleanup->start();
        return true;
    }

    void close()
    {
        m_cleanup->stop();
        m_retry->stop();
        if (QSqlDriver *driver = m_listen.database().driver())
            driver->unsubscribeFromNotification(kChannel);
        m_listen.close();
        m_db.close();
    }

    //! Sends messages in order: one NOTIFY each, all in one statement and one commit.
    void publish(const QList<QByteArray> &messages)
    {
        QString array = QStringLiteral("{");
        for (const QByteArray &message : messages) {
            QByteArray payload = message;
            if (payload.size() > kMaxInline) {
                QSqlQuery &put = m_db.prepared("INSERT INTO bus_events (payload, at) VALUES (?, " KITH_PG_NOW_MS ") RETURNING id");
                put.bindValue(0, QString::fromUtf8(message));
                if (!m_db.exec(put, "bus event") || !put.next()) {
                    qCWarning(lcServer) << "bus: cannot store a large event:" << m_db.lastError();
                    continue;
                }
                payload = "ref:" + QByteArray::number(put.value(0).toLongLong());
                put.finish();
            }
            // An element of a text[] literal: quoted, with " and \ escaped.
            if (array.size() > 1)
                array += u',';
            array += u'"';
            QString text = QString::fromUtf8(payload);
            text.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
            array += text;
            array += u'"';
        }
        array += u'}';
        if (array.size() == 2)
            return;
        // unnest yields the elements in order, and each pg_notify runs as its row is made.
        QSqlQuery &notify = m_db.prepared("SELECT pg_notify('kith_bus', p) FROM unnest(?::text[]) AS p");
        notify.bindValue(0, array);
        if (!m_db.exec(notify, "bus notify"))
            qCWarning(lcServer) << "bus: cannot publish:" << m_db.lastError();
        notify.finish();
    }

private:
    void heard(const QByteArray &payload)
    {
        if (!payload.startsWith("ref:")) {
            emit m_bus->received(payload);
            return;
        }
        QSqlQuery &get = m_db.prepared("SELECT payload FROM bus_events WHERE id = ?");
        get.bindValue(0, payload.mid(4).toLongLong());
        if (m_db.exec(get, "bus fetch") && get.next())
            emit m_bus->received(get.value(0).toString().toUtf8());
        else
            qCWarning(lcServer) << "bus: a large event is gone:" << payload;
        get.finish();
    }

    PgBus *m_bus;
    DatabaseUrl m_database;
    SqlConnection m_db;      //!< publishes, fetches large events, cleans up
    SqlConnection m_listen;  //!< LISTEN only
    QTimer *m_cleanup = new QTimer(this); // children: they move to the bus thread with us
    QTimer *m_retry = [this] {
        auto *t = new QTimer(this);
        t->setSingleShot(true);
        connect(t, &QTimer::timeout, this, [this] { tryReconnect(); });
        return t;
    }();
    int m_retryMs = kFirstRetryMs;
};

PgBus::PgBus(DatabaseUrl database, QObject *parent) : QObject(parent), m_database(std::move(database))
{
    m_thread.setObjectName(QStringLiteral("kith-bus"));
}

PgBus::~PgBus()
{
    stop();
}

bool PgBus::start(QString *error)
{
    m_thread.start();
    m_worker = new Worker(this, m_database);
    m_worker->moveToThread(&m_thread);
    bool ok = false;
    QMetaObject::invokeMethod(m_worker, [this, &ok, error] { ok = m_worker->open(error); }, Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void PgBus::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] {
        w->close();
        delete w;
        releaseOpenSslThread(); // its libpq connection may have used SSL
    }, Qt::BlockingQueuedConnection);
    m_worker = nullptr;
    m_thread.quit();
    m_thread.wait();
}

void PgBus::reconnect()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->reconnect(); }, Qt::QueuedConnection);
}

void PgBus::publish(const QByteArray &message)
{
    if (!m_worker)
        return;
    {
        QMutexLocker lock(&m_pendingLock);
        m_pending.append(message);
        if (m_pending.size() > 1)
            return; // a send is queued already and takes this one too
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker] {
            QList<QByteArray> batch;
            {
                QMutexLocker lock(&m_pendingLock);
                batch.swap(m_pending);
            }
            w->publish(batch);
        },
        Qt::QueuedConnection);
}

} // namespace kith::server

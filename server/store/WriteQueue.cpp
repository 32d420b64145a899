#include "WriteQueue.h"

#include "Log.h"
#include "OpenSslThread.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSemaphore>

namespace kith::server {

namespace {
// Bounded so one transaction never holds the writer for long.
constexpr size_t kMaxBatch = 1024;
// Reconnects to a database that went away: 0.5 s, doubling, at most 30 s apart.
constexpr qint64 kFirstRetryMs = 500;
constexpr qint64 kMaxRetryMs = 30000;
// What a job refused by a full queue is told to wait.
constexpr qint64 kBusyRetryMs = 1000;
// Search indexing (SQLite) yields to writes: a chunk once the queue has been empty this long, so
// a steady stream of sends is never held up by it; a waiting search takes bigger chunks, a batch
// of jobs between each. A chunk's rows are tokenised in its transaction (~15 us each here).
constexpr int kIndexIdleMs = 10;
constexpr int kIndexIdleChunk = 500;
constexpr int kIndexCatchUpChunk = 5000;
constexpr qint64 kIndexRetryMs = 1000;
} // namespace

WriteQueue::WriteQueue(QObject *owner, DatabaseUrl database, bool syncFull, Mode mode)
    : m_database(std::move(database))
    , m_syncFull(syncFull)
    , m_mode(mode)
{
    setObjectName(mode == Mode::Writer ? QStringLiteral("kith-store") : QStringLiteral("kith-reader"));
    // Results are posted to this object, which lives on the owner's thread and outlives the
    // store thread (the destructor waits for it): nothing on the store thread reads an object
    // another thread may delete, and callbacks still posted when the queue goes are dropped.
    if (owner && owner->thread() != thread())
        moveToThread(owner->thread());
}

WriteQueue::~WriteQueue()
{
    shutdown();
}

bool WriteQueue::open(QString *error)
{
    start();
    QMutexLocker lock(&m_openMutex);
    while (m_openState == 0)
        m_opened.wait(&m_openMutex);
    if (m_openState < 0) {
        *error = m_openError;
        lock.unlock();
        wait();
        return false;
    }
    return true;
}

void WriteQueue::shutdown()
{
    {
        // Also when the thread never ran or already ended: later jobs are refused, never queued.
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    if (!isRunning())
        return;
    m_wake.wakeAll();
    wait();
}

void WriteQueue::refuse(std::unique_ptr<Job> job, const Error &error)
{
    job->abort(error);
    std::vector<std::unique_ptr<Job>> one;
    one.push_back(std::move(job));
    deliver(one);
}

void WriteQueue::enqueue(std::unique_ptr<Job> job)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopping || !m_accepting) {
            lock.unlock();
            refuse(std::move(job),
                   Error::unavailable(m_stopping ? QStringLiteral("the server is shutting down")
                                                 : QStringLiteral("the database is not open")));
            return;
        }
        if (m_queue.size() >= m_maxQueued) {
            // A burst must not take memory without bound: the client retries with the same nonce.
            lock.unlock();
            m_refused.fetchAndAddRelaxed(1);
            refuse(std::move(job),
                   Error::unavailable(QStringLiteral("the server is busy, try again"), kBusyRetryMs));
            return;
        }
        m_queue.push_back(std::move(job));
    }
    m_wake.wakeOne();
}

void WriteQueue::enqueueAndWait(std::unique_ptr<Job> job)
{
    QSemaphore sem;
    job->done = &sem;
    enqueue(std::move(job));
    sem.acquire();
}

void WriteQueue::run()
{
    // Last, after the database connection is closed: libpq over SSL used OpenSSL here.
    const auto released = qScopeGuard([] { releaseOpenSslThread(); });
    const bool writer = m_mode == Mode::Writer;
    // Connection names are per process: make them unique so several servers can share one.
    const QString name = (writer ? QStringLiteral("kith-writer-") : QStringLiteral("kith-reader-"))
                         + QString::number(quintptr(this), 16);
    m_db = std::make_unique<SqlConnection>(name);
    m_db->setErrorCounter(&m_errors);
    m_store = std::make_unique<SqlStore>(*m_db);
    {
        QString error;
        bool ok = writer ? m_db->open(m_database, m_syncFull, &error) : m_db->openReader(m_database, &error);
        m_defersIndex = ok && writer && m_store->defersSearchIndex();
        if (m_defersIndex) {
            const auto backlog = m_store->loadSearchBacklog();
            if (backlog) {
                m_indexMark = backlog->mark;
                m_indexNewest = backlog->newest;
            } else {
                ok = false;
                error = QStringLiteral("cannot read the search index's mark: %1").arg(m_db->lastError());
            }
        }
        m_indexCurrent.storeRelease(!m_defersIndex || !indexBehind());
        if (ok) {
            // Before open() returns: its caller's first job must find the queue accepting.
            QMutexLocker accepting(&m_mutex);
            m_accepting = true;
        }
        QMutexLocker lock(&m_openMutex);
        m_openState = ok ? 1 : -1;
        m_openError = error;
        m_opened.wakeAll();
        if (!ok) {
            m_store.reset();
            m_db.reset();
            return;
        }
    }
    std::vector<std::unique_ptr<Job>> batch;
    batch.reserve(kMaxBatch);
    for (;;) {
        bool stopping = false;
        bool idle = false;
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                // While the database is away, wake for the next reconnect even without jobs.
                if (!m_queue.empty() || m_stopping || (m_down && m_retry.hasExpired()))
                    break;
                const bool indexing = indexBehind() && !m_down && m_indexRetry.hasExpired();
                if (indexing && !m_indexWaiters.empty())
                    break; // a search waits: index now, between batches
                if (indexing) {
                    // Behind and idle this long: a chunk.
                    if (!m_wake.wait(&m_mutex, QDeadlineTimer(kIndexIdleMs)) && m_queue.empty()
                        && !m_stopping) {
                        idle = true;
                        break;
                    }
                    continue;
                }
                QDeadlineTimer until(QDeadlineTimer::Forever);
                if (m_down)
                    until = m_retry;
                else if (indexBehind())
                    until = m_indexRetry;
                m_wake.wait(&m_mutex, until);
            }
            if (m_queue.empty() && m_stopping)
                break;
            stopping = m_stopping;
            while (!m_queue.empty() && batch.size() < kMaxBatch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        if (m_down && m_retry.hasExpired() && !stopping)
            reconnect();
        if (m_down && !batch.empty()) {
            // Told at once, with when to try again: no job waits on a database that is away.
            const qint64 wait = qMax<qint64>(m_retry.remainingTime(), 1);
            for (auto &job : batch)
                job->abort(
                    Error::unavailable(QStringLiteral("the database is unavailable, try again"), wait));
            deliver(batch);
        } else if (!batch.empty()) {
            runBatch(batch);
        }
        batch.clear();
        if (m_defersIndex && !m_down && !stopping && indexBehind() && m_indexRetry.hasExpired()
            && (idle || !m_indexWaiters.empty()))
            indexStep(m_indexWaiters.empty() ? kIndexIdleChunk : kIndexCatchUpChunk);
    }
    {
        // m_stopping refuses every later job; none can be left behind to wait forever.
        QMutexLocker lock(&m_mutex);
        m_accepting = false;
    }
    const Error stopped = Error::unavailable(QStringLiteral("the server is shutting down"));
    releaseIndexWaiters(0, &stopped);
    m_store.reset();
    m_db.reset();
}

void WriteQueue::whenSearchIndexed(std::function<void(Result<Done> &&)> done)
{
    auto state = std::make_shared<Result<Done>>(Done{});
    auto j = std::make_unique<Job>();
    j->savepoint = false; // writes nothing
    j->awaitsIndex = true;
    j->run = [](Store &) { return true; };
    j->abort = [state](const Error &e) { *state = Result<Done>(e); };
    j->retryAfter = [state](qint64 ms) { markRetry(*state, ms); };
    j->complete = [state, done = std::move(done)] { done(std::move(*state)); };
    enqueue(std::move(j));
}

void WriteQueue::noteBatchIndexing(std::vector<std::unique_ptr<Job>> &batch, bool committed)
{
    const SqlStore::Written written = m_store->takeWritten();
    if (written.rows > 0) {
        // Rolled back too: at worst a chunk finds nothing above the mark.
        m_indexNewest = qMax(m_indexNewest, written.newest);
        m_indexCurrent.storeRelease(0);
    }
    if (!committed || !indexBehind())
        return;
    // Everything this batch and the ones before it committed must be indexed first.
    for (auto &job : batch)
        if (job->awaitsIndex)
            m_indexWaiters.push_back({m_indexNewest, std::move(job)});
}

void WriteQueue::indexStep(int rows)
{
    bool caughtUp = false;
    bool ok = m_db->begin();
    Result<Id> mark = ok ? m_store->indexSearch(rows, &caughtUp) : Result<Id>(storageError());
    ok = ok && mark && m_db->commit();
    if (!ok && m_db->inTransaction())
        m_db->rollback();
    m_store->searchChunkEnded(ok);
    if (!ok) {
        qCWarning(lcStore) << "search indexing failed, next try in" << kIndexRetryMs
                           << "ms:" << m_db->lastError();
        m_indexRetry.setRemainingTime(kIndexRetryMs);
        const Error e = Error::unavailable(QStringLiteral("the search index is not up to date, try again"),
                                           kIndexRetryMs);
        releaseIndexWaiters(0, &e);
        if (!m_db->isConnected())
            markDown();
        return;
    }
    m_indexMark = mark.value();
    // The chunk reached the newest row: a rolled-back batch may have left m_indexNewest high.
    m_indexNewest = caughtUp ? m_indexMark : qMax(m_indexNewest, m_indexMark);
    m_indexCurrent.storeRelease(!indexBehind());
    releaseIndexWaiters(m_indexMark, nullptr);
}

void WriteQueue::releaseIndexWaiters(Id indexedUpTo, const Error *error)
{
    std::vector<std::unique_ptr<Job>> ready;
    for (auto it = m_indexWaiters.begin(); it != m_indexWaiters.end();) {
        if (error || it->target <= indexedUpTo) {
            if (error)
                it->job->abort(*error);
            ready.push_back(std::move(it->job));
            it = m_indexWaiters.erase(it);
        } else {
            ++it;
        }
    }
    if (!ready.empty())
        deliver(ready);
}

bool WriteQueue::isDown() const
{
    return m_downFlag.loadRelaxed() != 0;
}

QString WriteQueue::downReason() const
{
    QMutexLocker lock(&m_mutex);
    return m_downReason;
}

int WriteQueue::depth() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void WriteQueue::markDown()
{
    if (m_down)
        return;
    m_down = true;
    m_downFlag.storeRelaxed(1);
    m_backoffMs = kFirstRetryMs;
    m_retry.setRemainingTime(m_backoffMs);
    {
        QMutexLocker lock(&m_mutex);
        m_downReason = m_db->lastError().simplified();
        if (m_downReason.isEmpty())
            m_downReason = QStringLiteral("the connection was lost");
    }
    qCCritical(lcStore) << "lost the database connection (" << m_db->lastError().simplified()
                        << "): requests answer unavailable until it is back; reconnecting";
    const Error e = Error::unavailable(QStringLiteral("the database is unavailable, try again"), m_backoffMs);
    releaseIndexWaiters(0, &e);
}

void WriteQueue::reconnect()
{
    m_db->close();
    QString error;
    const bool ok = m_mode == Mode::Writer ? m_db->open(m_database, m_syncFull, &error)
                                           : m_db->openReader(m_database, &error);
    if (ok) {
        m_down = false;
        m_downFlag.storeRelaxed(0);
        m_reconnects.fetchAndAddRelaxed(1);
        qCInfo(lcStore) << "the database is back:" << m_database.display();
        return;
    }
    m_errors.fetchAndAddRelaxed(1);
    {
        QMutexLocker lock(&m_mutex);
        m_downReason = error.simplified();
    }
    m_backoffMs = qMin(m_backoffMs * 2, kMaxRetryMs);
    m_retry.setRemainingTime(m_backoffMs);
    qCWarning(lcStore) << "database still unavailable, next try in" << m_backoffMs << "ms:" << error;
}

void WriteQueue::failIfDisconnected(std::vector<std::unique_ptr<Job>> &batch)
{
    // A failure because the connection went: the jobs learn when to come back.
    if (m_db->isConnected())
        return;
    markDown();
    for (auto &job : batch)
        job->retryAfter(m_retry.remainingTime());
}

WriteQueue::Attempt WriteQueue::attempt(std::vector<std::unique_ptr<Job>> &batch, bool savepoints)
{
    if (!m_db->begin())
        return Attempt::TransactionFailed;
    bool open = true;
    // Groups save round trips: SQLite has none to save, and measured slower with them.
    const bool grouping = m_db->isPostgres();
    for (size_t i = 0; i < batch.size() && open;) {
        size_t n = 1;
        while (grouping && batch[i]->group && i + n < batch.size() && batch[i + n]->group == batch[i]->group)
            ++n;
        // A group first runs as one, in a savepoint of its own where savepoints are used; if that
        // fails, its jobs run one by one below, so one bad item never fails the others.
        if (n > 1 && (!savepoints || m_db->savepoint())) {
            if (batch[i]->runGroup(*m_store, &batch[i], n)) {
                if (savepoints)
                    m_db->releaseSavepoint();
                i += n;
                continue;
            }
            if (!savepoints) {
                m_db->rollback();
                return Attempt::JobFailed;
            }
            m_db->rollbackToSavepoint();
            if (!m_db->inTransaction()) {
                qCCritical(lcStore) << "the transaction was rolled back under the batch";
                open = false;
                break;
            }
        }
        for (const size_t end = i + n; i < end && open; ++i) {
            Job &job = *batch[i];
            // A savepoint per job: a failing job takes back only its own writes. A job of one
            // statement has nothing to take back beyond what SQLite undoes for that statement.
            const bool sp =
                savepoints && (job.savepoint || !m_db->statementsRollBackAlone()) && m_db->savepoint();
            const bool ok = job.run(*m_store);
            if (sp) {
                if (ok)
                    m_db->releaseSavepoint();
                else
                    m_db->rollbackToSavepoint();
            } else if (!ok && !savepoints) {
                m_db->rollback();
                return Attempt::JobFailed;
            }
            // A failure that took the whole transaction down (SQLite: I/O error, full disk;
            // PostgreSQL: a lost connection): the jobs after it would each commit on their own
            // while all are told they failed. They are failed by the caller with the rest,
            // never run outside the batch.
            if (!ok && !m_db->inTransaction()) {
                qCCritical(lcStore) << "the transaction was rolled back under the batch";
                open = false;
            }
        }
    }
    if (open && m_db->commit())
        return Attempt::Committed;
    if (open)
        m_db->rollback();
    return Attempt::TransactionFailed;
}

void WriteQueue::runBatch(std::vector<std::unique_ptr<Job>> &batch)
{
    if (m_mode == Mode::Reader) {
        bool failed = false;
        for (auto &job : batch)
            failed |= !job->run(*m_store);
        if (failed)
            failIfDisconnected(batch);
        deliver(batch);
        return;
    }
    QElapsedTimer took;
    took.start();
    bool committed = false;
    if (m_db->isPostgres()) {
        // Optimistically without savepoints (three round trips fewer per job). A failing job
        // aborts the whole transaction there, so the batch is taken back and run again with a
        // savepoint per job; a batch of one has nothing else to keep and just stays failed.
        Attempt a = attempt(batch, false);
        if (a == Attempt::JobFailed && batch.size() > 1)
            a = m_db->isConnected() ? attempt(batch, true) : Attempt::TransactionFailed;
        committed = a != Attempt::TransactionFailed;
    } else {
        committed = attempt(batch, true) != Attempt::TransactionFailed;
    }
    if (committed)
        m_commitLatency.observe(took.nsecsElapsed() / 1000);
    if (!committed) {
        qCCritical(lcStore) << "transaction of" << batch.size() << "jobs failed:" << m_db->lastError();
        for (auto &job : batch)
            job->abort(Error::unavailable(QStringLiteral("storage failure, try again")));
        failIfDisconnected(batch);
    } else if (m_db->isPostgres() && !m_db->isConnected()) {
        // Some jobs failed on their own statements because the connection went mid-batch.
        failIfDisconnected(batch);
    }
    m_batches.fetchAndAddRelaxed(1);
    m_jobs.fetchAndAddRelaxed(qint64(batch.size()));
    if (m_defersIndex)
        noteBatchIndexing(batch, committed);
    deliver(batch);
}

void WriteQueue::deliver(std::vector<std::unique_ptr<Job>> &batch)
{
    // Wake synchronous callers, then hand every callback to the owner in one posted call.
    std::vector<std::function<void()>> callbacks;
    callbacks.reserve(batch.size());
    for (auto &job : batch) {
        if (!job) // a whenSearchIndexed job that waits for the index
            continue;
        if (job->done)
            job->done->release();
        else if (job->complete)
            callbacks.push_back(std::move(job->complete));
    }
    if (!callbacks.empty()) {
        QMetaObject::invokeMethod(
            this,
            [callbacks = std::move(callbacks)] {
                for (const auto &c : callbacks)
                    c();
            },
            Qt::QueuedConnection);
    }
}

} // namespace kith::server

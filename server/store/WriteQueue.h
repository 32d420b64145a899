#pragma once
//! The storage thread. Jobs run in arrival order on one connection and are committed in groups:
//! everything queued while the previous commit ran shares the next transaction. A job's result
//! reaches its callback on the owner's thread only after its transaction committed.

#include "Histogram.h"
#include "shared/Result.h"
#include "store/DatabaseUrl.h"
#include "store/SqlConnection.h"
#include "store/SqlStore.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSemaphore>
#include <QThread>
#include <QWaitCondition>
#include <deque>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace kith::server {

class WriteQueue : public QThread
{
public:
    //! Writer: the one connection that migrates and writes, jobs grouped in transactions.
    //! Reader: a second connection (WAL lets it read beside the writer) for history pages, so
    //! they never wait behind a batch of writes; jobs run one by one, each on the last commit.
    enum class Mode { Writer, Reader };
    //! What a job writes. Many: it runs inside a savepoint of its own, so when it fails only its
    //! own writes are taken back. One: it changes the database with at most one statement and
    //! never fails after that statement succeeded; SQLite takes back a failing statement by
    //! itself, so the job needs no savepoint there (two statements fewer per job). PostgreSQL
    //! aborts the whole transaction instead: there every job gets its savepoint.
    enum class Writes { Many, One };

    //! Callbacks are delivered on owner's thread (posted to this queue, which lives there).
    WriteQueue(QObject *owner, DatabaseUrl database, bool syncFull, Mode mode = Mode::Writer);
    ~WriteQueue() override;

    //! Jobs queued beyond this are refused with `unavailable` and retry_after_ms.
    static constexpr size_t kDefaultMaxQueued = 100000;

    //! Starts the thread, opens and migrates the database; blocks until done. Until it
    //! succeeds, and after shutdown(), every job is refused with `unavailable` at once
    //! (runSync included: it never waits on a thread that is not running).
    bool open(QString *error);
    //! Runs everything queued, commits it and stops the thread. Pending callbacks stay posted.
    void shutdown();

    template <class T>
    void submit(std::function<Result<T>(Store &)> job, std::function<void(Result<T> &&)> done,
                Writes writes = Writes::Many)
    {
        auto state = std::make_shared<Result<T>>();
        auto j = std::make_unique<Job>();
        j->savepoint = writes == Writes::Many;
        j->run = [state, job = std::move(job)](Store &s) {
            *state = job(s);
            return state->ok();
        };
        j->abort = [state](const Error &e) { *state = Result<T>(e); };
        j->retryAfter = [state](qint64 ms) { markRetry(*state, ms); };
        j->complete = [state, done = std::move(done)] { done(std::move(*state)); };
        enqueue(std::move(j));
    }

    //! Jobs that can also run together: queued back to back, jobs of one Group go to `many` at
    //! once (PostgreSQL: one statement for all instead of one round trip each). `many` answers every item,
    //! or fails and the queue takes back what it wrote; then each item runs alone through `one`.
    //! A Group must outlive the queue (a static).
    template <class T, class Item> struct Group {
        Result<T> (*one)(Store &, const Item &);
        bool (*many)(Store &, const std::vector<const Item *> &, std::vector<Result<T>> *);
    };

    template <class T, class Item>
    void submit(const Group<T, Item> &group, std::type_identity_t<Item> item,
                std::type_identity_t<std::function<void(Result<T> &&)>> done, Writes writes = Writes::Many)
    {
        struct State {
            Item item;
            Result<T> result;
        };
        auto state = std::make_shared<State>(State{std::move(item), Result<T>()});
        auto j = std::make_unique<Job>();
        j->savepoint = writes == Writes::Many;
        j->run = [state, one = group.one](Store &s) {
            state->result = one(s, state->item);
            return state->result.ok();
        };
        j->abort = [state](const Error &e) { state->result = Result<T>(e); };
        j->retryAfter = [state](qint64 ms) { markRetry(state->result, ms); };
        j->complete = [state, done = std::move(done)] { done(std::move(state->result)); };
        j->group = &group;
        j->item = state;
        // Every job of the group casts to the same State: same Group, same T and Item.
        j->runGroup = [many = group.many](Store &s, const std::unique_ptr<Job> *jobs, size_t n) {
            std::vector<const Item *> items;
            items.reserve(n);
            for (size_t i = 0; i < n; ++i)
                items.push_back(&static_cast<State *>(jobs[i]->item.get())->item);
            std::vector<Result<T>> out;
            if (!many(s, items, &out) || out.size() != n)
                return false;
            for (size_t i = 0; i < n; ++i)
                static_cast<State *>(jobs[i]->item.get())->result = std::move(out[i]);
            return true;
        };
        enqueue(std::move(j));
    }

    //! Runs a job and waits for its commit; for start-up and tools, never on a hot path.
    template <class T> Result<T> runSync(std::function<Result<T>(Store &)> job)
    {
        auto state = std::make_shared<Result<T>>();
        auto j = std::make_unique<Job>();
        j->run = [state, job = std::move(job)](Store &s) {
            *state = job(s);
            return state->ok();
        };
        j->abort = [state](const Error &e) { *state = Result<T>(e); };
        j->retryAfter = [state](qint64 ms) { markRetry(*state, ms); };
        enqueueAndWait(std::move(j));
        return std::move(*state);
    }

    //! Calls `done` on the owner's thread once every message committed before this call is in
    //! the search index (SQLite indexes between batches, see run()), or with the error that kept
    //! it from getting there. Writer only.
    void whenSearchIndexed(std::function<void(Result<Done> &&)> done);
    //! Whether the search index holds every committed message now (any thread; the writer
    //! clears it before acknowledging a batch that stored messages): a search then needs no
    //! round through the writer. Always true on PostgreSQL.
    bool searchIndexCurrent() const { return m_indexCurrent.loadAcquire() != 0; }

    //! The database went away (PostgreSQL); jobs answer `unavailable` at once until it is back.
    bool isDown() const;
    //! While down: the database's last error, for health checks.
    QString downReason() const;
    //! Jobs waiting to run (any thread).
    int depth() const;
    //! Before open(): the most jobs that may wait (kDefaultMaxQueued).
    void setMaxQueued(size_t jobs) { m_maxQueued = qMax<size_t>(1, jobs); }
    //! Jobs refused because the queue was full (any thread).
    qint64 refusedBusy() const { return m_refused.loadRelaxed(); }
    //! Failed statements, transactions and reconnects (any thread).
    qint64 errors() const { return m_errors.loadRelaxed(); }
    //! How long each committed batch took, BEGIN to COMMIT (writer only; any thread reads).
    const Histogram &commitLatency() const { return m_commitLatency; }
    qint64 reconnects() const { return m_reconnects.loadRelaxed(); }
    qint64 committedBatches() const { return m_batches.loadRelaxed(); }
    qint64 committedJobs() const { return m_jobs.loadRelaxed(); }

protected:
    void run() override;

private:
    template <class T> static void markRetry(Result<T> &r, qint64 ms)
    {
        if (!r.ok() && r.error().code == ErrorCode::Unavailable)
            r = Result<T>(Error::unavailable(r.error().message, qMax<qint64>(ms, 1)));
    }

    struct Job {
        std::function<bool(Store &)> run; //!< false: the job's own writes are rolled back
        std::function<void(const Error &)> abort;
        std::function<void(qint64)> retryAfter; //!< an `unavailable` outcome learns when to retry
        std::function<void()> complete; //!< empty for runSync jobs
        QSemaphore *done = nullptr; //!< runSync only
        bool savepoint = true; //!< false for Writes::One
        bool awaitsIndex = false; //!< whenSearchIndexed: answered once indexed
        const void *group = nullptr; //!< the Group it may run with, if any
        std::shared_ptr<void> item; //!< a grouped job's item, read by runGroup
        //! Runs this job and the n-1 after it (all of its group) as one; false: nothing kept.
        std::function<bool(Store &, const std::unique_ptr<Job> *jobs, size_t n)> runGroup;
    };

    void enqueue(std::unique_ptr<Job> job);
    //! Answers a job that will not run: its callback is posted, a runSync caller released.
    void refuse(std::unique_ptr<Job> job, const Error &error);
    void enqueueAndWait(std::unique_ptr<Job> job);
    void runBatch(std::vector<std::unique_ptr<Job>> &batch);
    enum class Attempt { Committed, JobFailed, TransactionFailed };
    //! Runs the batch in one transaction, adjacent jobs of one group together. Without savepoints
    //! it stops at the first failing job or group and rolls everything back (JobFailed).
    Attempt attempt(std::vector<std::unique_ptr<Job>> &batch, bool savepoints);
    void deliver(std::vector<std::unique_ptr<Job>> &batch);
    void markDown();
    void reconnect();
    void failIfDisconnected(std::vector<std::unique_ptr<Job>> &batch);
    // Deferred search indexing (writer on SQLite), store thread only.
    bool indexBehind() const { return m_indexNewest > m_indexMark; }
    //! After a batch, before its acknowledgements: what it stored puts the index behind, and its
    //! whenSearchIndexed jobs wait for the index when it is.
    void noteBatchIndexing(std::vector<std::unique_ptr<Job>> &batch, bool committed);
    //! One chunk of the index in a transaction of its own, then answers the waiters it reached.
    void indexStep(int rows);
    //! Answers the waiting whenSearchIndexed jobs whose messages are indexed (all with an error).
    void releaseIndexWaiters(Id indexedUpTo, const Error *error);

    DatabaseUrl m_database;
    bool m_syncFull;
    Mode m_mode;
    std::unique_ptr<SqlConnection> m_db;
    std::unique_ptr<SqlStore> m_store;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<std::unique_ptr<Job>> m_queue;
    bool m_stopping = false;
    bool m_accepting = false; //!< the thread runs with an open database
    size_t m_maxQueued = kDefaultMaxQueued;
    QAtomicInteger<qint64> m_refused = 0;
    QString m_downReason; //!< guarded by m_mutex

    QMutex m_openMutex;
    QWaitCondition m_opened;
    int m_openState = 0; // 0 pending, 1 ok, -1 failed
    QString m_openError;

    // Store thread only, but for m_downFlag (read by health checks).
    bool m_down = false;
    qint64 m_backoffMs = 0;
    QDeadlineTimer m_retry;
    QAtomicInteger<int> m_downFlag = 0;
    QAtomicInteger<qint64> m_reconnects = 0;

    bool m_defersIndex = false;
    Id m_indexMark = 0; //!< the committed mark: messages up to it are indexed
    Id m_indexNewest = 0; //!< the highest message id committed (or at least that)
    struct IndexWaiter {
        Id target;
        std::unique_ptr<Job> job;
    };
    std::vector<IndexWaiter> m_indexWaiters;
    QDeadlineTimer m_indexRetry; //!< after a failed chunk: not before this
    QAtomicInteger<int> m_indexCurrent = 0;

    QAtomicInteger<qint64> m_batches = 0;
    QAtomicInteger<qint64> m_jobs = 0;
    QAtomicInteger<qint64> m_errors = 0;
    Histogram m_commitLatency;
};

} // namespace kith::server

#pragma once
//! Bench clients spread over worker threads, each running its own event loop, so one thread's
//! parsing does not cap what the server can be shown to do. The main thread only orchestrates.

#include "BenchClient.h"

#include <QList>
#include <QObject>
#include <optional>

class QThread;

namespace kith::bench {

class ClientPool
{
public:
    using Step = std::function<void(BenchClient *client, BenchClient::DoneFn done)>;

    explicit ClientPool(int threads);
    ~ClientPool();
    ClientPool(const ClientPool &) = delete;
    ClientPool &operator=(const ClientPool &) = delete;

    //! Makes count clients, round-robin over the threads; returns the first new index.
    int create(int count, Target target);
    int size() const { return int(m_clients.size()); }
    Progress &progress() { return m_progress; }

    //! Runs fn on the client's thread, later.
    void post(int index, std::function<void(BenchClient *)> fn);
    //! Runs fn on every client, each on its own thread; returns when all are done.
    void forEach(const std::function<void(BenchClient *)> &fn);
    //! Runs an asynchronous step on clients [first, first+count), at most maxInFlight at a time.
    //! Returns how many succeeded; *firstError names the first failure.
    int runAll(int first, int count, Step step, int maxInFlight, int timeoutMs,
               QString *firstError);
    //! One request from client index, waited for.
    std::optional<ServerFrame> call(int index, QLatin1String op, const QJsonObject &d,
                                    QString *error, int timeoutMs = 30000);
    //! Closes and deletes every client.
    void clear();

    //! Processes the main thread's events until pred() or the timeout; returns pred().
    static bool waitUntil(const std::function<bool()> &pred, int timeoutMs);

private:
    QList<QThread *> m_threads;
    QList<QObject *> m_contexts;  //!< one per thread, to run lambdas there
    QList<BenchClient *> m_clients;
    Progress m_progress;
};

} // namespace kith::bench

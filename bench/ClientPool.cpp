#include "ClientPool.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

namespace kith::bench {

namespace {

struct RunState {
    ClientPool *pool = nullptr;
    ClientPool::Step step;
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> ok{0};
    int end = 0;
    QMutex mutex;
    QString firstError;
};

void launchNext(const std::shared_ptr<RunState> &st)
{
    const int i = st->next++;
    if (i >= st->end)
        return;
    st->pool->post(i, [st](BenchClient *client) {
        auto once = std::make_shared<std::atomic<bool>>(false);
        st->step(client, [st, once](bool ok, const QString &error) {
            if (once->exchange(true))
                return;
            if (ok) {
                ++st->ok;
            } else {
                QMutexLocker lock(&st->mutex);
                if (st->firstError.isEmpty())
                    st->firstError = error;
            }
            ++st->done;
            launchNext(st);
        });
    });
}

} // namespace

ClientPool::ClientPool(int threads)
{
    for (int i = 0; i < qMax(1, threads); ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("bench-client-%1").arg(i));
        auto *context = new QObject;
        context->moveToThread(thread);
        QObject::connect(thread, &QThread::finished, context, &QObject::deleteLater);
        thread->start();
        m_threads.append(thread);
        m_contexts.append(context);
    }
}

ClientPool::~ClientPool()
{
    clear();
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
        delete thread;
    }
}

int ClientPool::create(int count, Target target)
{
    const int first = size();
    for (int i = 0; i < count; ++i) {
        const int index = first + i;
        auto *client = new BenchClient(index, target, &m_progress);
        client->moveToThread(m_threads[index % m_threads.size()]);
        m_clients.append(client);
    }
    return first;
}

void ClientPool::post(int index, std::function<void(BenchClient *)> fn)
{
    BenchClient *client = m_clients[index];
    QMetaObject::invokeMethod(client, [client, fn = std::move(fn)] { fn(client); },
                              Qt::QueuedConnection);
}

void ClientPool::forEach(const std::function<void(BenchClient *)> &fn)
{
    for (int t = 0; t < m_threads.size(); ++t) {
        QMetaObject::invokeMethod(
            m_contexts[t],
            [&, t] {
                for (int i = t; i < m_clients.size(); i += int(m_threads.size()))
                    fn(m_clients[i]);
            },
            Qt::BlockingQueuedConnection);
    }
}

int ClientPool::runAll(int first, int count, Step step, int maxInFlight, int timeoutMs,
                       QString *firstError)
{
    auto st = std::make_shared<RunState>();
    st->pool = this;
    st->step = std::move(step);
    st->next = first;
    st->end = first + count;
    for (int i = 0; i < qMax(1, maxInFlight); ++i)
        launchNext(st);
    const bool finished = waitUntil([&] { return st->done.load() >= count; }, timeoutMs);
    QMutexLocker lock(&st->mutex);
    if (firstError) {
        *firstError = st->firstError;
        if (!finished && firstError->isEmpty())
            *firstError = QStringLiteral("timed out after %1 ms (%2 of %3 done)")
                              .arg(timeoutMs)
                              .arg(st->done.load())
                              .arg(count);
    }
    st->next = st->end; // stop launching if we gave up
    return st->ok.load();
}

std::optional<ServerFrame> ClientPool::call(int index, QLatin1String op, const QJsonObject &d,
                                            QString *error, int timeoutMs)
{
    struct State {
        std::atomic<bool> done{false};
        ServerFrame reply;
    };
    auto st = std::make_shared<State>();
    post(index, [st, op, d](BenchClient *client) {
        client->request(op, d, [st](const ServerFrame &reply) {
            st->reply = reply;
            st->done = true;
        });
    });
    if (!waitUntil([&] { return st->done.load(); }, timeoutMs)) {
        *error = QStringLiteral("%1: no reply within %2 ms").arg(op).arg(timeoutMs);
        return std::nullopt;
    }
    if (!st->reply.ok) {
        *error = QStringLiteral("%1: %2: %3")
                     .arg(op, errorCodeName(st->reply.error.code), st->reply.error.message);
        return std::nullopt;
    }
    return st->reply;
}

void ClientPool::clear()
{
    forEach([](BenchClient *client) {
        client->abort();
        delete client;
    });
    m_clients.clear();
    m_progress.reset();
    m_progress.inFlight = 0;
    m_progress.disconnects = 0;
}

bool ClientPool::waitUntil(const std::function<bool()> &pred, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.elapsed() >= timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(500);
    }
    return true;
}

} // namespace kith::bench

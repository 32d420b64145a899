#include "ConnectionsScenario.h"

#include "Clock.h"
#include "Cohort.h"
#include "CpuUsage.h"
#include "KithServer.h"
#include "Latencies.h"
#include "shared/Limits.h"

#include <QThread>
#include <cstdio>

namespace kith::bench {

namespace {
constexpr int kSettleMs = 2000; // let allocations and timers settle before reading RSS
}

ConnectionsScenario::ConnectionsScenario(const BenchOptions &options)
    : m_options(options)
{
}

bool ConnectionsScenario::runTarget(int sessions, bool isServer, Result *out, QString *error)
{
    KithServer server(m_options);
    ChildProcess relay(QStringLiteral("kith-relay"));
    ChildProcess *proc = isServer ? &server.process() : &relay;
    Cohort cohort;
    if (isServer) {
        if (!server.start(error))
            return false;
        ClientPool setup(1);
        if (!cohort.create(setup, server.url(), qMin(m_options.users, sessions),
                           Cohort::Guilds::Shared, QStringLiteral("conn"), error))
            return false;
    } else if (!startRelay(m_options, &relay, error)) {
        return false;
    }
    std::fprintf(stderr, "[bench] connections %d: %s pid %lld\n", sessions,
                 qPrintable(proc->name()), proc->pid());
    ClientPool::waitUntil([] { return false; }, kSettleMs);
    out->rssBeforeKb = proc->rssKb();

    ClientPool pool(m_options.threads);
    const CpuUsage cpu0 = CpuUsage::sample(proc->pid()), self0 = CpuUsage::sample(0);
    const qint64 t0 = nowNs();
    const int first = cohort.openSessions(pool, proc->url(), sessions,
                                          isServer ? Target::Server : Target::Relay,
                                          m_options.connectConcurrency, error);
    const qint64 t1 = nowNs();
    const CpuUsage cpu1 = CpuUsage::sample(proc->pid()), self1 = CpuUsage::sample(0);
    if (first < 0)
        return false;
    out->seconds = double(t1 - t0) / 1e9;
    out->cpu = cpu1.describeSince(cpu0);
    out->benchCpu = self1.describeSince(self0);
    Latencies lat;
    pool.forEach([&](BenchClient *c) { lat.add(c->readyNs - c->connectStartNs); });
    out->p50Ms = double(lat.percentile(50)) / 1e6;
    out->p99Ms = double(lat.percentile(99)) / 1e6;
    out->maxMs = double(lat.max()) / 1e6;
    ClientPool::waitUntil([] { return false; }, kSettleMs);
    out->rssAfterKb = proc->rssKb();
    const int dropped = pool.progress().disconnects.load();
    if (dropped > 0) {
        *error = QStringLiteral("%1 of %2 sessions were closed by %3 while idle")
                     .arg(dropped)
                     .arg(sessions)
                     .arg(proc->name());
        return false;
    }
    // Close them all: the server frees their buffers and, once it is quiet, returns the heap.
    pool.clear();
    ClientPool::waitUntil([] { return false; }, 3 * kSettleMs);
    out->rssClosedKb = proc->rssKb();
    if (isServer) { // closed sessions stay resumable for a while; their memory goes after that
        ClientPool::waitUntil([] { return false; }, kith::limits::kResumeWindowMs + 30 * 1000);
        out->rssExpiredKb = proc->rssKb();
    }
    return true;
}

bool ConnectionsScenario::run(int sessions, Table *summary, QString *error)
{
    Result server, relay;
    if (m_options.server && !runTarget(sessions, true, &server, error))
        return false;
    if (m_options.relay && !runTarget(sessions, false, &relay, error))
        return false;
    auto kbPer = [sessions](const Result &r) {
        return double(r.rssAfterKb - r.rssBeforeKb) / sessions;
    };
    Table t(QStringLiteral("connections: %1 idle sessions").arg(sessions),
            {QStringLiteral("target"), QStringLiteral("connect+auth s"), QStringLiteral("sessions/s"),
             QStringLiteral("p50 ms"), QStringLiteral("p99 ms"), QStringLiteral("max ms"),
             QStringLiteral("RSS before KB"), QStringLiteral("RSS after KB"), QStringLiteral("RSS closed KB"),
             QStringLiteral("RSS +2.5 min KB"),
             QStringLiteral("KB/session"), QStringLiteral("target CPU while connecting"),
             QStringLiteral("bench CPU")});
    auto row = [&](const QString &name, const Result &r) {
        t.addRow({name, num(r.seconds, 2), num(sessions / qMax(1e-9, r.seconds)), num(r.p50Ms, 2),
                  num(r.p99Ms, 2), num(r.maxMs, 2), num(double(r.rssBeforeKb)),
                  num(double(r.rssAfterKb)), num(double(r.rssClosedKb)),
                  r.rssExpiredKb ? num(double(r.rssExpiredKb)) : QStringLiteral("-"), num(kbPer(r), 1), r.cpu, r.benchCpu});
    };
    if (m_options.server)
        row(QStringLiteral("kith-server"), server);
    if (m_options.relay) {
        row(QStringLiteral("kith-relay"), relay);
        t.addNote(QStringLiteral("kith-relay: bare WebSocket connections, no sign-in; "
                                 "the floor of what a connection costs in this stack"));
    }
    t.addNote(QStringLiteral("sessions sign in with tokens of %1 accounts in one guild; time is "
                             "connect -> ready, %2 connecting at once")
                  .arg(qMin(m_options.users, sessions))
                  .arg(m_options.connectConcurrency));
    t.print();
    if (summary) {
        summary->addRow({QStringLiteral("connections %1").arg(num(sessions)),
                         QStringLiteral("KB per idle session"), num(kbPer(server), 1),
                         m_options.relay ? num(kbPer(relay), 1) : QStringLiteral("-"),
                         m_options.relay && kbPer(relay) > 0
                             ? num(kbPer(server) / kbPer(relay), 1) + u'x'
                             : QStringLiteral("-")});
        summary->addRow({QString(), QStringLiteral("connect+auth p50 / p99 ms"),
                         num(server.p50Ms, 2) + QStringLiteral(" / ") + num(server.p99Ms, 2),
                         m_options.relay ? num(relay.p50Ms, 2) + QStringLiteral(" / ") + num(relay.p99Ms, 2)
                                         : QStringLiteral("-")});
    }
    return true;
}

} // namespace kith::bench

#include "SendRun.h"

#include "Clock.h"
#include "CpuUsage.h"

namespace kith::bench {

namespace {
constexpr int kDrainMs = 15000;

void phase(ClientPool &pool, const QList<int> &senders,
           const std::function<SendPlan(int k)> &planFor, bool warm, double seconds, int receivers,
           SendResult *out)
{
    Progress &p = pool.progress();
    p.reset();
    const qint64 base = nowNs() + 20'000'000;
    const auto end = base + qint64(seconds * 1e9);
    for (int k = 0; k < senders.size(); ++k) {
        SendPlan plan = planFor(k);
        plan.warm = warm;
        // Stagger rate-driven senders over one period so they do not fire in lockstep.
        plan.startNs = base + (plan.rate > 0 ? qint64(1e9 / plan.rate * k / senders.size()) : 0);
        plan.endNs = end;
        pool.post(senders[k], [plan](BenchClient *c) { c->startSending(plan); });
    }
    const auto count = int(senders.size());
    ClientPool::waitUntil([&] { return p.sendersDone.load() >= count; },
                          int(seconds * 1000) + 60000);
    const bool drained = ClientPool::waitUntil(
        [&] {
            const qint64 expected = (p.sent.load() - p.failed.load()) * receivers;
            return p.inFlight.load() <= 0 && (warm || p.delivered.load() >= expected);
        },
        kDrainMs);
    if (out)
        out->drained = drained;
}
} // namespace

QString SendResult::errorSummary() const
{
    QStringList parts;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        parts << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
    if (disconnects)
        parts << QStringLiteral("disconnects x%1").arg(disconnects);
    if (!drained)
        parts << QStringLiteral("drain timed out");
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

SendResult SendRun::run(ClientPool &pool, const QList<int> &senders,
                        const std::function<SendPlan(int k)> &planFor, double warmupS,
                        double durationS, int receivers, qint64 targetPid)
{
    SendResult r;
    if (warmupS > 0)
        phase(pool, senders, planFor, true, warmupS, receivers, nullptr);
    pool.forEach([](BenchClient *c) { c->resetStats(); });
    const int disconnectsBefore = pool.progress().disconnects.load();

    const CpuUsage target0 = CpuUsage::sample(targetPid), self0 = CpuUsage::sample(0);
    phase(pool, senders, planFor, false, durationS, receivers, &r);
    const CpuUsage target1 = CpuUsage::sample(targetPid), self1 = CpuUsage::sample(0);
    r.targetCpu = target1.describeSince(target0);
    r.benchCpu = self1.describeSince(self0);
    r.targetCpuSeconds = target1.secondsSince(target0);
    r.benchCpuSeconds = self1.secondsSince(self0);
    r.otherCpu = qMax(0.0, self1.machinePercentSince(self0) - target1.percentSince(target0)
                               - self1.percentSince(self0));

    qint64 firstSend = 0, lastReceive = 0, lastAck = 0;
    pool.forEach([&](BenchClient *c) {
        const ClientStats &s = c->stats();
        r.sent += s.sent;
        r.failed += s.failed;
        r.acked += s.acked;
        r.delivered += s.deliveries;
        r.deliveredChars += s.deliveredChars;
        r.duplicates += s.duplicates;
        r.latency.merge(s.latencyNs);
        r.ack.merge(s.ackNs);
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            r.errors[it.key()] += it.value();
        if (s.firstSendNs && (!firstSend || s.firstSendNs < firstSend))
            firstSend = s.firstSendNs;
        lastReceive = qMax(lastReceive, s.lastReceiveNs);
        lastAck = qMax(lastAck, s.lastAckNs);
    });
    r.disconnects = pool.progress().disconnects.load() - disconnectsBefore;
    r.expected = (r.sent - r.failed) * receivers;
    r.sentPerSec = double(r.sent) / durationS;
    if (firstSend && lastReceive > firstSend)
        r.deliveriesPerSec = double(r.delivered) / (double(lastReceive - firstSend) / 1e9);
    if (firstSend && lastAck > firstSend)
        r.ackedPerSec = double(r.acked) / (double(lastAck - firstSend) / 1e9);
    return r;
}

} // namespace kith::bench

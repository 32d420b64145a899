#pragma once
//! One measured sending phase over a pool: a warm-up, then senders send for a while, then the
//! bench waits until every delivery arrived (or a drain timeout) and merges what clients saw.

#include "ClientPool.h"
#include "Latencies.h"

#include <QHash>
#include <QList>

namespace kith::bench {

struct SendResult {
    qint64 sent = 0, failed = 0, acked = 0, delivered = 0, duplicates = 0, expected = 0;
    qint64 deliveredChars = 0;
    double meanFrameChars() const { return delivered ? double(deliveredChars) / double(delivered) : 0; }
    double sentPerSec = 0, deliveriesPerSec = 0, ackedPerSec = 0;
    Latencies latency; //!< send -> delivery
    Latencies ack;     //!< send -> reply (kith-server only)
    QHash<QString, int> errors;
    int disconnects = 0;
    bool drained = true; //!< every expected delivery arrived before the drain timeout
    QString targetCpu, benchCpu;
    double targetCpuSeconds = 0, benchCpuSeconds = 0;
    qint64 rssKb = 0;    //!< target's VmRSS at the end (set by the scenario)
    double otherCpu = 0; //!< % of a core used by everything else on the machine meanwhile

    //! CPU the target spent per delivery (per ack when nothing is delivered), in microseconds:
    //! steadier than rates on a shared machine.
    double targetUsPer(qint64 n) const { return n > 0 ? targetCpuSeconds * 1e6 / double(n) : 0; }
    qint64 losses() const { return qMax<qint64>(0, expected - delivered); }
    QString errorSummary() const;
};

class SendRun
{
public:
    //! senders: pool indexes; planFor(k) gives sender k's plan (times are filled in here).
    //! receivers: how many sessions each message reaches. targetPid: whose CPU to report.
    static SendResult run(ClientPool &pool, const QList<int> &senders,
                          const std::function<SendPlan(int k)> &planFor, double warmupS,
                          double durationS, int receivers, qint64 targetPid);
};

} // namespace kith::bench

#pragma once
//! fanout: N sessions in one channel, S of them sending at R msg/s (or as fast as a window of
//! sends in flight allows) for T s; deliveries/s, send->receipt latency and losses, against
//! kith-server and kith-relay in the same run.

#include "BenchOptions.h"
#include "SendRun.h"
#include "Table.h"

namespace kith::bench {

class FanoutScenario
{
public:
    struct Case {
        int clients = 50;
        int senders = 5;
        double rate = 200; //!< per sender; 0 = saturation
        int window = 16;
        QString label() const;
    };

    explicit FanoutScenario(const BenchOptions &options);
    //! Prints the case's table; adds its lines to summary (may be null).
    bool run(const Case &c, Table *summary, QString *error);

private:
    //! crossNode: a second node on the same database; senders sign in on the first, everyone
    //! else on the second.
    bool runTarget(const Case &c, Target target, int contentChars, SendResult *out,
                   QString *error, bool crossNode = false);

    const BenchOptions &m_options;
};

} // namespace kith::bench

#pragma once
//! connections: N idle authenticated sessions; connect+sign-in time, the server's RSS before and
//! with them open and after they closed, KB per session; kith-relay with N bare connections beside it.

#include "BenchOptions.h"
#include "Table.h"

namespace kith::bench {

class ConnectionsScenario
{
public:
    explicit ConnectionsScenario(const BenchOptions &options);
    bool run(int sessions, Table *summary, QString *error);

private:
    struct Result {
        qint64 rssBeforeKb = 0, rssAfterKb = 0;
        qint64 rssClosedKb = 0;  //!< after every session closed again (memory must come back)
        qint64 rssExpiredKb = 0; //!< kith-server: also after their resume window ran out
        double seconds = 0;
        double p50Ms = 0, p99Ms = 0, maxMs = 0;
        QString cpu, benchCpu;
    };
    bool runTarget(int sessions, bool server, Result *out, QString *error);

    const BenchOptions &m_options;
};

} // namespace kith::bench

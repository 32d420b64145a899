#pragma once
//! history: a channel with K messages (filled straight into the server's SQLite file while it is
//! stopped); time to fetch a 50-message page at the newest end, the middle and the oldest end.

#include "BenchOptions.h"
#include "Table.h"

namespace kith::bench {

class HistoryScenario
{
public:
    explicit HistoryScenario(const BenchOptions &options);
    bool run(qint64 k, Table *summary, QString *error);

private:
    const BenchOptions &m_options;
};

} // namespace kith::bench

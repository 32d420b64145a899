#pragma once
//! persist: messages/s acknowledged (stored and committed) with many senders, each in a guild of
//! its own so fan-out stays out of the figure; beside it the raw rate of the same INSERTs into a
//! bare SQLite file with the server's schema and pragmas (the storage ceiling).

#include "BenchOptions.h"
#include "Table.h"

namespace kith::bench {

class PersistScenario
{
public:
    explicit PersistScenario(const BenchOptions &options);
    bool run(Table *summary, QString *error);

private:
    const BenchOptions &m_options;
};

} // namespace kith::bench

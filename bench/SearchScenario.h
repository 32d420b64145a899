#pragma once
//! search: K messages of generated words in one channel (filled straight into the server's
//! SQLite file while it is stopped, through the server's own schema: above the index's mark, as
//! live sends are until the writer indexes them); the time from the server's start to the first
//! search's answer (the index built); then the time of a one-word message.search, for a common,
//! a medium and a rare word and a short prefix, one request at a time.

#include "BenchOptions.h"
#include "Table.h"

namespace kith::bench {

class SearchScenario
{
public:
    explicit SearchScenario(const BenchOptions &options);
    bool run(qint64 k, Table *summary, QString *error);

private:
    const BenchOptions &m_options;
};

} // namespace kith::bench

#pragma once
//! transfer: upload and download of one file (25 MiB by default) over kith-server's HTTP, on
//! loopback, by curl; beside it curl downloading the same file from `python3 -m http.server`
//! on the same machine (the baseline: a static file server with nothing to check or store).

#include "BenchOptions.h"
#include "Table.h"

namespace kith::bench {

class TransferScenario
{
public:
    explicit TransferScenario(const BenchOptions &options);
    bool run(Table *summary, QString *error);

private:
    const BenchOptions &m_options;
};

} // namespace kith::bench

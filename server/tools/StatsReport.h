#pragma once
//! kith-server admin stats: the whole server's daily counters (issue 13) as readable text.

#include "shared/Snowflake.h"

#include <QHash>
#include <QString>

namespace kith::server {
class WriteQueue;
}

namespace kith::server::tools {

//! Prints the report of the last `days` days (today included) read through `queue`; names
//! come from `users` and `guilds` (id -> name). Returns an exit code (Cli.h).
int printStats(WriteQueue &queue, int days, const QHash<Id, QString> &users,
               const QHash<Id, QString> &guilds);

} // namespace kith::server::tools

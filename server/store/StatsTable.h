#pragma once
//! Statistics' daily counters in SQL (issue 13): messages (added in batches, core/Stats counts
//! them in memory), sessions and peaks. Runs on the store thread; SqlStore forwards the Store
//! interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace StatsTable {
Result<Done> countSessionStart(SqlConnection &s, Id userId, int day);
Result<Done> recordPeaks(SqlConnection &s, const QList<PeakOnline> &peaks);
Result<Done> addMessageCounts(SqlConnection &s, const QList<MessageCount> &counts);
Result<GuildStats> guild(SqlConnection &s, Id guildId, int fromDay, int top);
Result<ServerStats> server(SqlConnection &s, int fromDay, int top);
} // namespace StatsTable

} // namespace kith::server

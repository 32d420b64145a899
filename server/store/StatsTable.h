#pragma once
//! Statistics' daily counters in SQL (issue 13). Messages are counted by a trigger on their
//! INSERT (migrations/*/014_stats.sql); sessions and peaks are written here. Runs on the store
//! thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace StatsTable {
Result<Done> countSessionStart(SqlConnection &s, Id userId, int day);
Result<Done> recordPeaks(SqlConnection &s, const QList<PeakOnline> &peaks);
Result<GuildStats> guild(SqlConnection &s, Id guildId, int fromDay, int top);
Result<ServerStats> server(SqlConnection &s, int fromDay, int top);
} // namespace StatsTable

} // namespace kith::server

#pragma once
//! Guild bans and the messages a ban takes with it, in SQL (issue 13). Runs on the store
//! thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace BanTable {
Result<Done> ban(SqlConnection &s, Id guildId, const GuildBan &ban);
Result<bool> unban(SqlConnection &s, Id guildId, Id userId);
Result<QList<GuildBan>> bans(SqlConnection &s, Id guildId);
Result<bool> isBanned(SqlConnection &s, Id guildId, Id userId);
//! The ids of userId's messages in those channels from sinceId on, as (message, channel).
Result<QList<QPair<Id, Id>>> messagesOf(SqlConnection &s, Id userId, const QList<Id> &channelIds, Id sinceId);
} // namespace BanTable

} // namespace kith::server

#pragma once
//! Guild bans (and the messages a ban takes with it) and member timeouts, in SQL (issue 13). Runs on the store
//! thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace ModerationTable {
//! Fills the members of `snap` with their timeouts and its channels with their slow mode.
Result<Done> loadInto(SqlConnection &s, GuildSnapshot &snap);
//! seconds 0 turns it off.
Result<Done> setSlowmode(SqlConnection &s, Id channelId, int seconds);
//! untilMs 0 lifts it.
Result<Done> setTimeout(SqlConnection &s, Id guildId, Id userId, qint64 untilMs);
Result<Done> ban(SqlConnection &s, Id guildId, const GuildBan &ban);
Result<bool> unban(SqlConnection &s, Id guildId, Id userId);
Result<QList<GuildBan>> bans(SqlConnection &s, Id guildId);
Result<bool> isBanned(SqlConnection &s, Id guildId, Id userId);
//! The ids of userId's messages in those channels from sinceId on, as (message, channel).
Result<QList<QPair<Id, Id>>> messagesOf(SqlConnection &s, Id userId, const QList<Id> &channelIds, Id sinceId);
} // namespace ModerationTable

} // namespace kith::server

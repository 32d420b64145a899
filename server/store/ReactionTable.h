#pragma once
//! Reactions in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace ReactionTable {
Result<bool> add(SqlConnection &s, Id reactionId, Id channelId, Id messageId, Id userId, const QString &emoji,
                 int maxEmoji);
Result<bool> remove(SqlConnection &s, Id channelId, Id messageId, Id userId, const QString &emoji);
//! The reactions of a channel's messages with ids in [fromId, toId], in the order added.
Result<QList<ReactionRow>> range(SqlConnection &s, Id channelId, Id fromId, Id toId);
} // namespace ReactionTable

} // namespace kith::server

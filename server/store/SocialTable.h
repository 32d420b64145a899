#pragma once
//! Relationships, direct-message channels, read states, mentions and the connection log in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace SocialTable {
Result<SocialSnapshot> loadAll(SqlConnection &s);

Result<RelationshipType> relationship(SqlConnection &s, Id userId, Id otherId);
Result<Done> setRelationship(SqlConnection &s, Id userId, Id otherId, RelationshipType type, qint64 nowMs);

Result<DmOpen> openDm(SqlConnection &s, const Channel &fresh, Id a, Id b, qint64 nowMs);
Result<Done> insertGroupDm(SqlConnection &s, const Channel &channel, qint64 nowMs);
Result<Done> addRecipient(SqlConnection &s, Id channelId, Id userId, qint64 nowMs);
//! How many people a DM channel holds as stored.
Result<int> recipientCount(SqlConnection &s, Id channelId);
Result<Done> removeRecipient(SqlConnection &s, Id channelId, Id userId);
Result<Done> setDmOwner(SqlConnection &s, Id channelId, Id ownerId);

//! Moves the read marker forward (never back); the value is the marker now stored.
Result<Id> ack(SqlConnection &s, Id userId, Id channelId, Id messageId);
//! Unread and mention counts of each channel for one reader, skipping mentions by `blocked`.
Result<QList<ReadCount>> readCounts(SqlConnection &s, Id userId, const QList<Id> &channelIds,
                                    const QList<Id> &blocked);
Result<Done> insertMentions(SqlConnection &s, Id messageId, Id channelId, Id authorId, const QList<Id> &userIds);

Result<Done> logConnection(SqlConnection &s, Id userId, const QString &session, const QString &kind,
                           qint64 atMs, const QString &address);

//! Messages per channel since `sinceId`, busiest first.
Result<QList<QPair<Id, int>>> activity(SqlConnection &s, const QList<Id> &channelIds, Id sinceId, int limit);
} // namespace SocialTable

} // namespace kith::server

#pragma once
//! Relationships, direct-message channels, read states, mentions and the connection log.
//! Runs on the store thread.

#include "core/Result.h"
#include "shared/Types.h"

namespace kith::server {

class SqlStore;

struct RelationshipRow {
    Id userId;
    Id otherId;
    RelationshipType type;
};

struct DmRecipientRow {
    Id channelId;
    Id userId;
    qint64 addedAtMs;
};

//! What the Directory loads at start for the social layer.
struct SocialSnapshot {
    QList<RelationshipRow> relationships;
    QList<Channel> dms;                  //!< recipients filled with ids only, in join order
};

//! A read state as counted from storage, for one reader.
struct ReadCount {
    Id channelId;
    Id lastReadId;
    int unread;
    int mentions;
};

namespace SocialTable {
Result<SocialSnapshot> loadAll(SqlStore &s);

//! What `userId` sees of `otherId` as stored (None without a row).
Result<RelationshipType> relationship(SqlStore &s, Id userId, Id otherId);
//! Replaces what `userId` sees of `otherId`; None deletes the row.
Result<Done> setRelationship(SqlStore &s, Id userId, Id otherId, RelationshipType type, qint64 nowMs);

//! The 1:1 DM of a pair: the existing one, or `fresh` stored now. The value says which.
struct DmOpen {
    Id channelId;
    bool created;
};
Result<DmOpen> openDm(SqlStore &s, const Channel &fresh, Id a, Id b, qint64 nowMs);
Result<Done> insertGroupDm(SqlStore &s, const Channel &channel, qint64 nowMs);
Result<Done> addRecipient(SqlStore &s, Id channelId, Id userId, qint64 nowMs);
//! How many people a DM channel holds as stored.
Result<int> recipientCount(SqlStore &s, Id channelId);
Result<Done> removeRecipient(SqlStore &s, Id channelId, Id userId);
Result<Done> setDmOwner(SqlStore &s, Id channelId, Id ownerId);
Result<Done> deleteChannel(SqlStore &s, Id channelId);

//! Moves the read marker forward (never back); the value is the marker now stored.
Result<Id> ack(SqlStore &s, Id userId, Id channelId, Id messageId);
//! Unread and mention counts of each channel for one reader, skipping mentions by `blocked`.
Result<QList<ReadCount>> readCounts(SqlStore &s, Id userId, const QList<Id> &channelIds,
                                    const QList<Id> &blocked);
Result<Done> insertMentions(SqlStore &s, Id messageId, Id channelId, Id authorId, const QList<Id> &userIds);

Result<Done> logConnection(SqlStore &s, Id userId, const QString &session, const QString &kind,
                           qint64 atMs, const QString &address);

//! Messages per channel since `sinceId`, busiest first.
Result<QList<QPair<Id, int>>> activity(SqlStore &s, const QList<Id> &channelIds, Id sinceId, int limit);
} // namespace SocialTable

} // namespace kith::server

#pragma once
//! What the services ask of storage. Jobs on the write queue get one of these; SqlStore is the
//! implementation over QtSql (SQLite or PostgreSQL). Every call runs on the store's own thread.

#include "shared/Result.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QStringList>
#include <optional>

namespace kith::server {

//! A node id leased for a server, and the other servers that held a live lease then.
struct NodeLease {
    int id = -1;
    QList<int> others;
};

struct StoredUser {
    User user;
    QString passwordHash;
};

struct StoredMessage {
    Message message;
    bool duplicate = false; //!< an earlier send with the same (author, nonce)
};

enum class HistoryCursor { Latest, Before, After, Around };

//! One person's emoji on one message.
struct ReactionRow {
    Id messageId;
    QString emoji;
    Id userId;
};

//! An upload as stored: the public part and what only the server knows.
struct StoredAttachment {
    Attachment attachment;
    Id uploaderId = 0;
    QString sha256;      //!< hex, names the content file
    bool thumb = false;  //!< a thumbnail file exists for this content
    qint64 createdAtMs = 0;
    Id messageId = 0;    //!< 0 until a message.send claims it
    Id channelId = 0;
};

//! What message.search asks for besides words: a message holding a file, an image, a link.
enum class SearchHas { Any, Attachment, Image, Link };

//! A message.search as the store runs it, authorised already: `channelIds` are the channels the
//! caller may read that the filters leave (never empty).
struct SearchQuery {
    //! Every entry must match: its words one after another (a quoted phrase, or one word alone),
    //! each word as a prefix, case and accents ignored. Words hold only letters, digits and
    //! marks (SearchTerms). Empty: the filters alone choose.
    QList<QStringList> phrases;
    QList<Id> channelIds;
    Id authorId = 0;         //!< 0: anyone's
    SearchHas has = SearchHas::Any;
    Id before = 0;           //!< 0: from the newest
    int limit = 25;
    int countCap = 10000;    //!< `total` stops counting here
};

//! A page of search results, newest first, and how many match in all (up to the cap).
struct SearchPage {
    QList<Message> messages;
    int total = 0;
};

//! Everything the Directory loads at start.
struct GuildSnapshot {
    QList<Guild> guilds;
    QList<QPair<Id, Member>> members; //!< (guild id, member with user id and role ids only)
    QList<Channel> channels; //!< with their overwrites
    QList<QPair<Id, GuildRole>> roles; //!< (guild id, role), @everyone included
};

//! A guild's ban (issue 13).
struct GuildBan {
    Id userId = 0;
    QString reason; //!< "" when none was given
    qint64 createdAtMs = 0;
};

//! One line of a guild's audit log (issue 13): who did what to which id. created_at is the id's time.
struct AuditEntry {
    Id id = 0;
    Id guildId = 0;
    QString action;       //!< the op's name, e.g. "channel.update"
    Id actorId = 0;
    Id targetId = 0;      //!< 0: none (null on the wire)
    QString reason;       //!< "" when none was given
    QJsonObject changes;  //!< {field: {old, new}} or other small facts; never secrets
};

//! Statistics (issue 13). A day is whole days since 1970-01-01 UTC.
struct DayCount {
    int day = 0;
    qint64 count = 0;
};
//! A user, channel or guild id and its count.
struct IdCount {
    Id id = 0;
    qint64 count = 0;
};
//! A guild's counters since a day, each top list most first.
struct GuildStats {
    QList<DayCount> messagesPerDay;  //!< days with messages, oldest first
    QList<IdCount> topSenders;
    QList<IdCount> channels;         //!< every channel with messages (the caller filters and cuts)
    QList<IdCount> mostConnected;    //!< current members' sessions started
    QList<DayCount> peakOnline;      //!< days recorded, oldest first
};
//! The whole server's counters since a day (kith-server admin stats).
struct ServerStats {
    QList<DayCount> messagesPerDay;
    QList<IdCount> busiestGuilds;
    QList<IdCount> topSenders;
    QList<IdCount> mostConnected;
};
//! Messages stored in a guild's channel by one author on a day, to add to the counters.
struct MessageCount {
    Id guildId = 0;
    int day = 0;
    Id channelId = 0;
    Id userId = 0;
    int count = 0;
};
//! The most members of a guild online at once on a day.
struct PeakOnline {
    Id guildId = 0;
    int day = 0;
    int peak = 0;
};

struct RelationshipRow {
    Id userId;
    Id otherId;
    RelationshipType type;
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

//! The 1:1 DM of a pair: the existing one or the one stored now.
struct DmOpen {
    Id channelId;
    bool created;
};

class Store
{
public:
    virtual ~Store() = default;

    // Accounts and session tokens
    virtual Result<User> insertUser(const User &user, const QString &passwordHash, qint64 nowMs) = 0;
    //! A guest named `user.username` or, if taken (ignoring case), the first free of name_2,
    //! name_3, … cut to fit the username limit. Returns the guest as stored.
    virtual Result<User> insertGuest(User user, qint64 nowMs) = 0;
    virtual Result<StoredUser> findUserByUsername(const QString &username) = 0;
    virtual Result<QList<User>> allUsers() = 0;
    virtual Result<Done> insertToken(const QByteArray &tokenHash, Id userId, qint64 nowMs) = 0;
    virtual Result<Id> userOfToken(const QByteArray &tokenHash) = 0;
    virtual Result<Done> deleteToken(const QByteArray &tokenHash) = 0;
    virtual Result<Done> setDisplayName(Id userId, const QString &displayName) = 0;
    //! The stored password hash of an account (empty for a guest).
    virtual Result<QString> passwordHashOf(Id userId) = 0;
    //! A new password: every token of the user is revoked and `keepTokenHash` is the only one left.
    virtual Result<Done> replacePassword(Id userId, const QString &passwordHash, const QByteArray &keepTokenHash,
                                         qint64 nowMs) = 0;

    virtual Result<Done> setServerAdmin(Id userId, bool admin) = 0;

    // Guilds, members, channels, invites
    virtual Result<GuildSnapshot> loadGuilds() = 0;
    //! The guild and its @everyone role (Permissions::everyoneDefault()).
    virtual Result<Done> insertGuild(const Guild &guild) = 0;
    virtual Result<Done> updateGuild(const Guild &guild) = 0;
    virtual Result<Done> deleteGuild(Id guildId) = 0;
    virtual Result<Done> setGuildOwner(Id guildId, Id userId) = 0;
    //! Adds a member unless already there; the value tells whether it was added.
    virtual Result<bool> insertMember(Id guildId, const Member &member) = 0;
    virtual Result<Done> deleteMember(Id guildId, Id userId) = 0;
    virtual Result<bool> isMember(Id guildId, Id userId) = 0;
    virtual Result<Done> setRole(Id guildId, Id userId, Role role) = 0;
    //! A guild channel or category with its kind (issue 13); one made in a category (parentId)
    //! starts with the category's overwrites. bad_request when parentId is not a category of
    //! the guild (any more).
    virtual Result<Done> insertChannel(const Channel &channel) = 0;
    //! Name, topic, position, colour and category (type, persistent and mode stay as made).
    virtual Result<Done> updateChannel(const Channel &channel) = 0;
    //! A guild channel or a DM, with its messages.
    virtual Result<Done> deleteChannel(Id channelId) = 0;
    virtual Result<Done> insertInvite(const QString &code, Id guildId, Id inviterId, qint64 nowMs) = 0;
    //! The guild an invite code leads to, without counting a use.
    virtual Result<Id> findInvite(const QString &code) = 0;
    //! The guild an invite code leads to, counting the use.
    virtual Result<Id> useInvite(const QString &code) = 0;

    // Roles, member roles, channel overwrites (issue 13). Positions are worked out here, in the
    // store's order, so that ops racing each other leave @everyone at 0 and the others at 1..n.
    //! Inserts `role` at position 1; the roles at 1 and above move up by one.
    virtual Result<Done> createRole(Id guildId, const GuildRole &role) = 0;
    //! Name, colour, permissions and mentionable (never the position); not_found when gone.
    virtual Result<Done> updateRole(Id guildId, const GuildRole &role) = 0;
    //! Deletes the role (its holders' hold of it and its overwrites with it); the roles above it
    //! move down by one. not_found when gone.
    virtual Result<Done> deleteRole(Id guildId, Id roleId) = 0;
    //! Positions 1..n in the order of `roleIds`, which must be every role but @everyone (conflict otherwise).
    virtual Result<Done> reorderRoles(Id guildId, const QList<Id> &roleIds) = 0;
    //! Replaces the roles a member holds; not_found when the member or a role is gone.
    virtual Result<Done> setMemberRoles(Id guildId, Id userId, const QList<Id> &roleIds) = 0;
    //! Adds or replaces the channel's overwrite for overwrite.roleId; not_found when either is gone.
    virtual Result<Done> setOverwrite(Id guildId, Id channelId, const PermissionOverwrite &overwrite) = 0;
    virtual Result<Done> deleteOverwrite(Id channelId, Id roleId) = 0;

    // Moderation (issue 13).
    //! Records a ban (again: a new reason and time).
    virtual Result<Done> ban(Id guildId, const GuildBan &ban) = 0;
    //! false when there was no ban.
    virtual Result<bool> unban(Id guildId, Id userId) = 0;
    virtual Result<QList<GuildBan>> bans(Id guildId) = 0;
    virtual Result<bool> isBanned(Id guildId, Id userId) = 0;
    //! A channel's slow mode; seconds 0 turns it off.
    virtual Result<Done> setSlowmode(Id channelId, int seconds) = 0;
    //! A member's timeout; untilMs 0 lifts it.
    virtual Result<Done> setTimeout(Id guildId, Id userId, qint64 untilMs) = 0;
    //! userId's messages in those channels from sinceId on, as (message id, channel id).
    virtual Result<QList<QPair<Id, Id>>> messagesOf(Id userId, const QList<Id> &channelIds, Id sinceId) = 0;
    //! Appends an audit entry, and drops the guild's entries with ids below `pruneBefore` (the
    //! retention: a short walk of the guild's index, usually of nothing).
    virtual Result<Done> insertAudit(const AuditEntry &entry, Id pruneBefore) = 0;
    //! A guild's entries with ids in [notBefore, before) (before 0: from the newest), newest first.
    virtual Result<QList<AuditEntry>> auditLog(Id guildId, Id before, Id notBefore, int limit) = 0;

    // Messages
    //! Stores a message unless (author, nonce) exists, in which case the stored one comes back.
    virtual Result<StoredMessage> insertMessage(const Message &message) = 0;
    //! insertMessage for several, in as few statements as possible; the answers in the same
    //! order. On failure some may be written: the caller takes them back (a savepoint).
    virtual Result<QList<StoredMessage>> insertMessages(const QList<Message> &messages) = 0;
    virtual Result<Message> findMessage(Id messageId) = 0;
    virtual Result<Message> editMessage(Id messageId, const QString &content, qint64 nowMs) = 0;
    virtual Result<Done> deleteMessage(Id messageId) = 0;
    //! Every channel's newest message id (channels without messages are left out).
    virtual Result<QHash<Id, Id>> lastMessageIds() = 0;
    //! A page, newest first, walking the (channel_id, id) index; never OFFSET.
    virtual Result<QList<Message>> history(Id channelId, HistoryCursor cursor, Id at, int limit) = 0;
    //! Messages matching a search, newest first, from the full-text index (FTS5 on SQLite, a
    //! GIN tsvector index on PostgreSQL), and their count up to query.countCap.
    virtual Result<SearchPage> search(const SearchQuery &query) = 0;

    // Reactions
    //! Adds `userId`'s `emoji` to a message of `channelId` (not_found otherwise) under the id
    //! `reactionId`; false when it was there already. A new emoji beyond `maxEmoji` is conflict.
    virtual Result<bool> addReaction(Id reactionId, Id channelId, Id messageId, Id userId, const QString &emoji,
                                     int maxEmoji) = 0;
    //! Takes it away again; false when it was not there.
    virtual Result<bool> removeReaction(Id channelId, Id messageId, Id userId, const QString &emoji) = 0;
    //! The reactions of a channel's messages with ids in [fromId, toId], in the order added.
    virtual Result<QList<ReactionRow>> reactions(Id channelId, Id fromId, Id toId) = 0;

    // Attachments
    virtual Result<Done> insertAttachment(const StoredAttachment &a) = 0;
    virtual Result<StoredAttachment> findAttachment(Id attachmentId) = 0;
    //! Gives the uploads `ids` (in that order) to a message: each must be `userId`'s and unclaimed,
    //! else bad_request (and the caller's savepoint takes back what was claimed).
    virtual Result<QList<Attachment>> claimAttachments(Id messageId, Id channelId, Id userId, const QList<Id> &ids) = 0;
    //! The attachments of a channel's messages with ids in [fromId, toId], as (message id, attachment).
    virtual Result<QList<QPair<Id, Attachment>>> attachments(Id channelId, Id fromId, Id toId) = 0;
    //! Deletes a message's attachment rows; the contents (sha256) no row refers to any more.
    virtual Result<QStringList> releaseAttachments(Id messageId) = 0;
    //! Deletes unclaimed uploads made before `beforeMs`; the contents no row refers to any more.
    virtual Result<QStringList> sweepAttachments(qint64 beforeMs) = 0;
    //! Whether some row still refers to this content.
    virtual Result<bool> contentUsed(const QString &sha256) = 0;
    //! Makes upload `attachmentId` (0: none) user `userId`'s avatar; it must be an unclaimed image
    //! they uploaded (else bad_request). The contents no row refers to any more come back.
    virtual Result<QStringList> setAvatar(Id userId, Id attachmentId) = 0;
    //! The same for a guild's icon, the upload being `uploaderId`'s.
    virtual Result<QStringList> setGuildIcon(Id guildId, Id uploaderId, Id attachmentId) = 0;
    //! The content (sha256) of an upload an avatar or icon uses; not_found otherwise.
    virtual Result<QString> profileImage(Id attachmentId) = 0;

    // Relationships, DMs, read states, mentions, the connection log
    virtual Result<SocialSnapshot> loadSocial() = 0;
    //! What `userId` sees of `otherId` as stored (None without a row).
    virtual Result<RelationshipType> relationship(Id userId, Id otherId) = 0;
    //! Replaces what `userId` sees of `otherId`; None deletes the row.
    virtual Result<Done> setRelationship(Id userId, Id otherId, RelationshipType type, qint64 nowMs) = 0;
    //! The 1:1 DM of a pair: the existing one, or `fresh` stored now.
    virtual Result<DmOpen> openDm(const Channel &fresh, Id a, Id b, qint64 nowMs) = 0;
    virtual Result<Done> insertGroupDm(const Channel &channel, qint64 nowMs) = 0;
    virtual Result<Done> addRecipient(Id channelId, Id userId, qint64 nowMs) = 0;
    //! How many people a DM channel holds as stored.
    virtual Result<int> recipientCount(Id channelId) = 0;
    virtual Result<Done> removeRecipient(Id channelId, Id userId) = 0;
    virtual Result<Done> setDmOwner(Id channelId, Id ownerId) = 0;
    //! Moves the read marker forward (never back); the value is the marker now stored.
    virtual Result<Id> ack(Id userId, Id channelId, Id messageId) = 0;
    //! Unread and mention counts of each channel for one reader, skipping mentions by `blocked`.
    virtual Result<QList<ReadCount>> readCounts(Id userId, const QList<Id> &channelIds, const QList<Id> &blocked) = 0;
    virtual Result<Done> insertMentions(Id messageId, Id channelId, Id authorId, const QList<Id> &userIds) = 0;
    virtual Result<Done> logConnection(Id userId, const QString &session, const QString &kind, qint64 atMs,
                                       const QString &address) = 0;
    //! Counts a session started by userId on `day` (stats; in the connection log's job).
    virtual Result<Done> countSessionStart(Id userId, int day) = 0;
    //! Raises each guild's stored peak for its day to the one given (never lowers it); guilds
    //! deleted meanwhile are skipped.
    virtual Result<Done> recordPeaks(const QList<PeakOnline> &peaks) = 0;
    //! Adds to the message counters (guilds deleted meanwhile are skipped).
    virtual Result<Done> addMessageCounts(const QList<MessageCount> &counts) = 0;
    //! A guild's counters from `fromDay` on; top lists cut at `top` (channels: all).
    virtual Result<GuildStats> guildStats(Id guildId, int fromDay, int top) = 0;
    virtual Result<ServerStats> serverStats(int fromDay, int top) = 0;
    //! Messages per channel since `sinceId`, busiest first.
    virtual Result<QList<QPair<Id, int>>> activity(const QList<Id> &channelIds, Id sinceId, int limit) = 0;

    // Node ids of servers sharing one PostgreSQL database (leases timed by its clock)
    //! The node id `wanted` (or, with -1, the lowest one no live node holds) for `holder`, until
    //! `ttlMs` from now. `conflict` naming the holder when a live node has `wanted`.
    virtual Result<NodeLease> leaseNode(int wanted, const QString &holder, qint64 ttlMs) = 0;
    //! Extends the lease; false when the id is no longer `holder`'s.
    virtual Result<bool> renewNode(int nodeId, const QString &holder, qint64 ttlMs) = 0;
    virtual Result<Done> releaseNode(int nodeId, const QString &holder) = 0;

    // Small facts about the server itself (e.g. which guild is the LAN party's)
    virtual Result<std::optional<QString>> meta(const QString &key) = 0;
    virtual Result<Done> setMeta(const QString &key, const QString &value) = 0;

    //! SELECT 1: the database answers (health checks).
    virtual Result<Done> ping() = 0;
    //! Gives back the connection's cache that is not in use (after a mass disconnect).
    virtual Result<Done> releaseMemory() = 0;
};

} // namespace kith::server

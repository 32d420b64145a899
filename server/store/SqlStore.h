#pragma once
//! The Store over one QtSql connection (SQLite or PostgreSQL): each call is the SQL of one of
//! the table files. Lives on the store thread with its connection.

#include "store/SearchTable.h"
#include "store/SqlConnection.h"
#include "store/Store.h"

namespace kith::server {

class SqlStore final : public Store
{
public:
    explicit SqlStore(SqlConnection &db)
        : m_db(db)
    { }
    SqlConnection &connection() { return m_db; }

    Result<User> insertUser(const User &user, const QString &passwordHash, qint64 nowMs) override;
    Result<User> insertGuest(User user, qint64 nowMs) override;
    Result<StoredUser> findUserByUsername(const QString &username) override;
    Result<QList<User>> allUsers() override;
    Result<Done> insertToken(const QByteArray &tokenHash, Id userId, qint64 nowMs) override;
    Result<Id> userOfToken(const QByteArray &tokenHash) override;
    Result<Done> deleteToken(const QByteArray &tokenHash) override;
    Result<Done> setDisplayName(Id userId, const QString &displayName) override;
    Result<QString> passwordHashOf(Id userId) override;
    Result<Done> replacePassword(Id userId, const QString &passwordHash, const QByteArray &keepTokenHash,
                                 qint64 nowMs) override;
    Result<GuildSnapshot> loadGuilds() override;
    Result<Done> insertGuild(const Guild &guild) override;
    Result<Done> updateGuild(const Guild &guild) override;
    Result<Done> deleteGuild(Id guildId) override;
    Result<Done> setGuildOwner(Id guildId, Id userId) override;
    Result<bool> insertMember(Id guildId, const Member &member) override;
    Result<Done> deleteMember(Id guildId, Id userId) override;
    Result<bool> isMember(Id guildId, Id userId) override;
    Result<Done> setRole(Id guildId, Id userId, Role role) override;
    Result<Done> insertChannel(const Channel &channel) override;
    Result<Done> updateChannel(const Channel &channel) override;
    Result<Done> deleteChannel(Id channelId) override;
    Result<Done> insertInvite(const QString &code, Id guildId, Id inviterId, qint64 nowMs) override;
    Result<Id> findInvite(const QString &code) override;
    Result<Done> setServerAdmin(Id userId, bool admin) override;
    Result<Id> useInvite(const QString &code) override;
    Result<Done> createRole(Id guildId, const GuildRole &role) override;
    Result<Done> updateRole(Id guildId, const GuildRole &role) override;
    Result<Done> deleteRole(Id guildId, Id roleId) override;
    Result<Done> reorderRoles(Id guildId, const QList<Id> &roleIds) override;
    Result<Done> setMemberRoles(Id guildId, Id userId, const QList<Id> &roleIds) override;
    Result<Done> setOverwrite(Id guildId, Id channelId, const PermissionOverwrite &overwrite) override;
    Result<Done> deleteOverwrite(Id channelId, Id roleId) override;
    Result<Done> ban(Id guildId, const GuildBan &ban) override;
    Result<bool> unban(Id guildId, Id userId) override;
    Result<QList<GuildBan>> bans(Id guildId) override;
    Result<bool> isBanned(Id guildId, Id userId) override;
    Result<Done> setTimeout(Id guildId, Id userId, qint64 untilMs) override;
    Result<Done> setSlowmode(Id channelId, int seconds) override;
    Result<QList<QPair<Id, Id>>> messagesOf(Id userId, const QList<Id> &channelIds, Id sinceId) override;
    Result<Done> insertAudit(const AuditEntry &entry, Id pruneBefore) override;
    Result<Done> countSessionStart(Id userId, int day) override;
    Result<Done> recordPeaks(const QList<PeakOnline> &peaks) override;
    Result<Done> addMessageCounts(const QList<MessageCount> &counts) override;
    Result<GuildStats> guildStats(Id guildId, int fromDay, int top) override;
    Result<ServerStats> serverStats(int fromDay, int top) override;
    Result<QList<AuditEntry>> auditLog(Id guildId, Id before, Id notBefore, int limit) override;
    Result<StoredMessage> insertMessage(const Message &message) override;
    Result<QList<StoredMessage>> insertMessages(const QList<Message> &messages) override;
    Result<Message> findMessage(Id messageId) override;
    Result<Message> editMessage(Id messageId, const QString &content, qint64 nowMs) override;
    Result<Done> deleteMessage(Id messageId) override;
    Result<QHash<Id, Id>> lastMessageIds() override;
    Result<QList<Message>> history(Id channelId, HistoryCursor cursor, Id at, int limit) override;
    Result<SearchPage> search(const SearchQuery &query) override;
    Result<bool> addReaction(Id reactionId, Id channelId, Id messageId, Id userId, const QString &emoji,
                             int maxEmoji) override;
    Result<bool> removeReaction(Id channelId, Id messageId, Id userId, const QString &emoji) override;
    Result<QList<ReactionRow>> reactions(Id channelId, Id fromId, Id toId) override;
    Result<Done> insertAttachment(const StoredAttachment &a) override;
    Result<StoredAttachment> findAttachment(Id attachmentId) override;
    Result<QList<Attachment>> claimAttachments(Id messageId, Id channelId, Id userId,
                                               const QList<Id> &ids) override;
    Result<QList<QPair<Id, Attachment>>> attachments(Id channelId, Id fromId, Id toId) override;
    Result<QStringList> releaseAttachments(Id messageId) override;
    Result<QStringList> sweepAttachments(qint64 beforeMs) override;
    Result<bool> contentUsed(const QString &sha256) override;
    Result<QStringList> setAvatar(Id userId, Id attachmentId) override;
    Result<QStringList> setGuildIcon(Id guildId, Id uploaderId, Id attachmentId) override;
    Result<QString> profileImage(Id attachmentId) override;
    Result<SocialSnapshot> loadSocial() override;
    Result<RelationshipType> relationship(Id userId, Id otherId) override;
    Result<Done> setRelationship(Id userId, Id otherId, RelationshipType type, qint64 nowMs) override;
    Result<DmOpen> openDm(const Channel &fresh, Id a, Id b, qint64 nowMs) override;
    Result<Done> insertGroupDm(const Channel &channel, qint64 nowMs) override;
    Result<Done> addRecipient(Id channelId, Id userId, qint64 nowMs) override;
    Result<int> recipientCount(Id channelId) override;
    Result<Done> removeRecipient(Id channelId, Id userId) override;
    Result<Done> setDmOwner(Id channelId, Id ownerId) override;
    Result<Id> ack(Id userId, Id channelId, Id messageId) override;
    Result<QList<ReadCount>> readCounts(Id userId, const QList<Id> &channelIds,
                                        const QList<Id> &blocked) override;
    Result<Done> insertMentions(Id messageId, Id channelId, Id authorId, const QList<Id> &userIds) override;
    Result<Done> logConnection(Id userId, const QString &session, const QString &kind, qint64 atMs,
                               const QString &address) override;
    Result<QList<QPair<Id, int>>> activity(const QList<Id> &channelIds, Id sinceId, int limit) override;
    Result<NodeLease> leaseNode(int wanted, const QString &holder, qint64 ttlMs) override;
    Result<bool> renewNode(int nodeId, const QString &holder, qint64 ttlMs) override;
    Result<Done> releaseNode(int nodeId, const QString &holder) override;
    Result<std::optional<QString>> meta(const QString &key) override;
    Result<Done> setMeta(const QString &key, const QString &value) override;
    Result<Done> ping() override;
    Result<Done> releaseMemory() override;

    // Deferred search indexing, for the writer (WriteQueue) only. SQLite's index holds the
    // messages up to a stored mark and is brought up between batches; PostgreSQL's GIN index
    // follows every write by itself.
    bool defersSearchIndex() const { return !m_db.isPostgres(); }
    //! The stored mark and the newest message id; remembers the mark.
    Result<SearchBacklog> loadSearchBacklog();
    //! Indexes up to `rows` messages above the mark in the caller's own transaction (no job's);
    //! the new mark. Call searchChunkEnded once that transaction ended.
    Result<Id> indexSearch(int rows, bool *caughtUp);
    void searchChunkEnded(bool committed);
    //! Messages stored since the last call (committed or not) and the highest id among them.
    struct Written {
        qint64 rows = 0;
        Id newest = 0;
    };
    Written takeWritten();

private:
    //! A message just stored: counted for the indexer; one at or below the mark (a clock set
    //! back) is indexed at once, since the indexer only looks above the mark.
    Result<Done> noteStored(const Message &m);

    SqlConnection &m_db;
    Id m_searchMark = 0;
    bool m_searchMarkKnown = false;
    Id m_chunkMark = 0;
    Written m_written;
};

} // namespace kith::server

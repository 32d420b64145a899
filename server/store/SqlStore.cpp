#include "SqlStore.h"

#include "store/AttachmentTable.h"
#include "store/AuditTable.h"
#include "store/StatsTable.h"
#include "store/GuildTable.h"
#include "store/MessageTable.h"
#include "store/MetaTable.h"
#include "store/ModerationTable.h"
#include "store/NodeTable.h"
#include "store/ReactionTable.h"
#include "store/SearchTable.h"
#include "store/RoleTable.h"
#include "store/SocialTable.h"
#include "store/UserTable.h"

#include <utility>

namespace kith::server {

Result<User> SqlStore::insertUser(const User &user, const QString &passwordHash, qint64 nowMs)
{
    return UserTable::insert(m_db, user, passwordHash, nowMs);
}

Result<User> SqlStore::insertGuest(User user, qint64 nowMs)
{
    return UserTable::insertGuest(m_db, std::move(user), nowMs);
}

Result<StoredUser> SqlStore::findUserByUsername(const QString &username)
{
    return UserTable::findByUsername(m_db, username);
}

Result<QList<User>> SqlStore::allUsers()
{
    return UserTable::all(m_db);
}

Result<Done> SqlStore::insertToken(const QByteArray &tokenHash, Id userId, qint64 nowMs)
{
    return UserTable::insertToken(m_db, tokenHash, userId, nowMs);
}

Result<Id> SqlStore::userOfToken(const QByteArray &tokenHash)
{
    return UserTable::userOfToken(m_db, tokenHash);
}

Result<Done> SqlStore::deleteToken(const QByteArray &tokenHash)
{
    return UserTable::deleteToken(m_db, tokenHash);
}

Result<Done> SqlStore::setDisplayName(Id userId, const QString &displayName)
{
    return UserTable::setDisplayName(m_db, userId, displayName);
}

Result<QString> SqlStore::passwordHashOf(Id userId)
{
    return UserTable::passwordHashOf(m_db, userId);
}

Result<Done> SqlStore::replacePassword(Id userId, const QString &passwordHash,
                                       const QByteArray &keepTokenHash, qint64 nowMs)
{
    return UserTable::replacePassword(m_db, userId, passwordHash, keepTokenHash, nowMs);
}

Result<GuildSnapshot> SqlStore::loadGuilds()
{
    auto snap = GuildTable::loadAll(m_db);
    if (!snap)
        return snap;
    if (auto r = RoleTable::loadInto(m_db, snap.value()); !r)
        return r.error();
    if (auto r = ModerationTable::loadInto(m_db, snap.value()); !r)
        return r.error();
    return snap;
}

Result<Done> SqlStore::insertGuild(const Guild &guild)
{
    if (auto r = GuildTable::insertGuild(m_db, guild); !r)
        return r;
    return RoleTable::insert(m_db, guild.id, GuildRole::everyone(guild.id));
}

Result<Done> SqlStore::createRole(Id guildId, const GuildRole &role)
{
    return RoleTable::create(m_db, guildId, role);
}

Result<Done> SqlStore::updateRole(Id guildId, const GuildRole &role)
{
    return RoleTable::update(m_db, guildId, role);
}

Result<Done> SqlStore::deleteRole(Id guildId, Id roleId)
{
    return RoleTable::remove(m_db, guildId, roleId);
}

Result<Done> SqlStore::reorderRoles(Id guildId, const QList<Id> &roleIds)
{
    return RoleTable::reorder(m_db, guildId, roleIds);
}

Result<Done> SqlStore::setMemberRoles(Id guildId, Id userId, const QList<Id> &roleIds)
{
    return RoleTable::setMemberRoles(m_db, guildId, userId, roleIds);
}

Result<Done> SqlStore::setOverwrite(Id guildId, Id channelId, const PermissionOverwrite &overwrite)
{
    return RoleTable::setOverwrite(m_db, guildId, channelId, overwrite);
}

Result<Done> SqlStore::deleteOverwrite(Id channelId, Id roleId)
{
    return RoleTable::deleteOverwrite(m_db, channelId, roleId);
}

Result<Done> SqlStore::ban(Id guildId, const GuildBan &ban)
{
    return ModerationTable::ban(m_db, guildId, ban);
}

Result<Done> SqlStore::insertAudit(const AuditEntry &entry, Id pruneBefore)
{
    return AuditTable::insert(m_db, entry, pruneBefore);
}

Result<Done> SqlStore::countSessionStart(Id userId, int day)
{
    return StatsTable::countSessionStart(m_db, userId, day);
}

Result<Done> SqlStore::recordPeaks(const QList<PeakOnline> &peaks)
{
    return StatsTable::recordPeaks(m_db, peaks);
}

Result<Done> SqlStore::addMessageCounts(const QList<MessageCount> &counts)
{
    return StatsTable::addMessageCounts(m_db, counts);
}

Result<GuildStats> SqlStore::guildStats(Id guildId, int fromDay, int top)
{
    return StatsTable::guild(m_db, guildId, fromDay, top);
}

Result<ServerStats> SqlStore::serverStats(int fromDay, int top)
{
    return StatsTable::server(m_db, fromDay, top);
}

Result<QList<AuditEntry>> SqlStore::auditLog(Id guildId, Id before, Id notBefore, int limit)
{
    return AuditTable::page(m_db, guildId, before, notBefore, limit);
}

Result<bool> SqlStore::unban(Id guildId, Id userId)
{
    return ModerationTable::unban(m_db, guildId, userId);
}

Result<QList<GuildBan>> SqlStore::bans(Id guildId)
{
    return ModerationTable::bans(m_db, guildId);
}

Result<Done> SqlStore::setSlowmode(Id channelId, int seconds)
{
    return ModerationTable::setSlowmode(m_db, channelId, seconds);
}

Result<Done> SqlStore::setTimeout(Id guildId, Id userId, qint64 untilMs)
{
    return ModerationTable::setTimeout(m_db, guildId, userId, untilMs);
}

Result<bool> SqlStore::isBanned(Id guildId, Id userId)
{
    return ModerationTable::isBanned(m_db, guildId, userId);
}

Result<QList<QPair<Id, Id>>> SqlStore::messagesOf(Id userId, const QList<Id> &channelIds, Id sinceId)
{
    return ModerationTable::messagesOf(m_db, userId, channelIds, sinceId);
}

Result<Done> SqlStore::updateGuild(const Guild &guild)
{
    return GuildTable::updateGuild(m_db, guild);
}

Result<Done> SqlStore::deleteGuild(Id guildId)
{
    return GuildTable::deleteGuild(m_db, guildId);
}

Result<Done> SqlStore::setGuildOwner(Id guildId, Id userId)
{
    return GuildTable::setOwner(m_db, guildId, userId);
}

Result<bool> SqlStore::insertMember(Id guildId, const Member &member)
{
    return GuildTable::insertMember(m_db, guildId, member);
}

Result<Done> SqlStore::deleteMember(Id guildId, Id userId)
{
    return GuildTable::deleteMember(m_db, guildId, userId);
}

Result<bool> SqlStore::isMember(Id guildId, Id userId)
{
    return GuildTable::isMember(m_db, guildId, userId);
}

Result<Done> SqlStore::setRole(Id guildId, Id userId, Role role)
{
    return GuildTable::setRole(m_db, guildId, userId, role);
}

Result<Done> SqlStore::insertChannel(const Channel &channel)
{
    return GuildTable::insertChannel(m_db, channel);
}

Result<Done> SqlStore::updateChannel(const Channel &channel)
{
    return GuildTable::updateChannel(m_db, channel);
}

Result<Done> SqlStore::deleteChannel(Id channelId)
{
    return GuildTable::deleteChannel(m_db, channelId);
}

Result<Done> SqlStore::insertInvite(const QString &code, Id guildId, Id inviterId, qint64 nowMs)
{
    return GuildTable::insertInvite(m_db, code, guildId, inviterId, nowMs);
}

Result<Done> SqlStore::setServerAdmin(Id userId, bool admin)
{
    return UserTable::setServerAdmin(m_db, userId, admin);
}

Result<Id> SqlStore::findInvite(const QString &code)
{
    return GuildTable::findInvite(m_db, code);
}

Result<Id> SqlStore::useInvite(const QString &code)
{
    return GuildTable::useInvite(m_db, code);
}

Result<StoredMessage> SqlStore::insertMessage(const Message &message)
{
    auto r = MessageTable::insert(m_db, message);
    if (r && !r->duplicate && defersSearchIndex())
        if (auto noted = noteStored(message); !noted)
            return noted.error();
    return r;
}

Result<QList<StoredMessage>> SqlStore::insertMessages(const QList<Message> &messages)
{
    auto r = MessageTable::insertMany(m_db, messages);
    if (r && defersSearchIndex())
        for (const StoredMessage &m : r.value())
            if (!m.duplicate)
                if (auto noted = noteStored(m.message); !noted)
                    return noted.error();
    return r;
}

Result<Done> SqlStore::noteStored(const Message &m)
{
    ++m_written.rows;
    m_written.newest = qMax(m_written.newest, m.id);
    if (!m_searchMarkKnown && !loadSearchBacklog())
        return storageError();
    if (m.id > m_searchMark)
        return Done{}; // the common case: no index work on the acknowledgement path
    return SearchTable::indexOne(m_db, m.id, m.content);
}

Result<SearchBacklog> SqlStore::loadSearchBacklog()
{
    auto r = SearchTable::backlog(m_db);
    if (r) {
        m_searchMark = r->mark;
        m_searchMarkKnown = true;
    }
    return r;
}

Result<Id> SqlStore::indexSearch(int rows, bool *caughtUp)
{
    if (!m_searchMarkKnown && !loadSearchBacklog())
        return storageError();
    auto r = SearchTable::indexAbove(m_db, m_searchMark, rows, caughtUp);
    if (r)
        m_chunkMark = r.value();
    return r;
}

void SqlStore::searchChunkEnded(bool committed)
{
    // Rolled back: the stored mark is whatever it was; read it again before relying on it.
    if (committed)
        m_searchMark = m_chunkMark;
    else
        m_searchMarkKnown = false;
}

SqlStore::Written SqlStore::takeWritten()
{
    return std::exchange(m_written, Written{});
}

Result<Message> SqlStore::findMessage(Id messageId)
{
    return MessageTable::find(m_db, messageId);
}

Result<Message> SqlStore::editMessage(Id messageId, const QString &content, qint64 nowMs)
{
    return MessageTable::edit(m_db, messageId, content, nowMs);
}

Result<Done> SqlStore::deleteMessage(Id messageId)
{
    return MessageTable::remove(m_db, messageId);
}

Result<QHash<Id, Id>> SqlStore::lastMessageIds()
{
    return MessageTable::lastIds(m_db);
}

Result<QList<Message>> SqlStore::history(Id channelId, HistoryCursor cursor, Id at, int limit)
{
    return MessageTable::history(m_db, channelId, cursor, at, limit);
}

Result<SearchPage> SqlStore::search(const SearchQuery &query)
{
    return SearchTable::search(m_db, query);
}

Result<bool> SqlStore::addReaction(Id reactionId, Id channelId, Id messageId, Id userId, const QString &emoji,
                                   int maxEmoji)
{
    return ReactionTable::add(m_db, reactionId, channelId, messageId, userId, emoji, maxEmoji);
}

Result<bool> SqlStore::removeReaction(Id channelId, Id messageId, Id userId, const QString &emoji)
{
    return ReactionTable::remove(m_db, channelId, messageId, userId, emoji);
}

Result<QList<ReactionRow>> SqlStore::reactions(Id channelId, Id fromId, Id toId)
{
    return ReactionTable::range(m_db, channelId, fromId, toId);
}

Result<Done> SqlStore::insertAttachment(const StoredAttachment &a)
{
    return AttachmentTable::insert(m_db, a);
}

Result<StoredAttachment> SqlStore::findAttachment(Id attachmentId)
{
    return AttachmentTable::find(m_db, attachmentId);
}

Result<QList<Attachment>> SqlStore::claimAttachments(Id messageId, Id channelId, Id userId,
                                                     const QList<Id> &ids)
{
    return AttachmentTable::claim(m_db, messageId, channelId, userId, ids);
}

Result<QList<QPair<Id, Attachment>>> SqlStore::attachments(Id channelId, Id fromId, Id toId)
{
    return AttachmentTable::range(m_db, channelId, fromId, toId);
}

Result<QStringList> SqlStore::releaseAttachments(Id messageId)
{
    return AttachmentTable::release(m_db, messageId);
}

Result<QStringList> SqlStore::sweepAttachments(qint64 beforeMs)
{
    return AttachmentTable::sweep(m_db, beforeMs);
}

Result<bool> SqlStore::contentUsed(const QString &sha256)
{
    return AttachmentTable::contentUsed(m_db, sha256);
}

Result<QStringList> SqlStore::setAvatar(Id userId, Id attachmentId)
{
    return AttachmentTable::setProfileImage(m_db, false, userId, userId, attachmentId);
}

Result<QStringList> SqlStore::setGuildIcon(Id guildId, Id uploaderId, Id attachmentId)
{
    return AttachmentTable::setProfileImage(m_db, true, guildId, uploaderId, attachmentId);
}

Result<QString> SqlStore::profileImage(Id attachmentId)
{
    return AttachmentTable::profileImage(m_db, attachmentId);
}

Result<SocialSnapshot> SqlStore::loadSocial()
{
    return SocialTable::loadAll(m_db);
}

Result<RelationshipType> SqlStore::relationship(Id userId, Id otherId)
{
    return SocialTable::relationship(m_db, userId, otherId);
}

Result<Done> SqlStore::setRelationship(Id userId, Id otherId, RelationshipType type, qint64 nowMs)
{
    return SocialTable::setRelationship(m_db, userId, otherId, type, nowMs);
}

Result<DmOpen> SqlStore::openDm(const Channel &fresh, Id a, Id b, qint64 nowMs)
{
    return SocialTable::openDm(m_db, fresh, a, b, nowMs);
}

Result<Done> SqlStore::insertGroupDm(const Channel &channel, qint64 nowMs)
{
    return SocialTable::insertGroupDm(m_db, channel, nowMs);
}

Result<Done> SqlStore::addRecipient(Id channelId, Id userId, qint64 nowMs)
{
    return SocialTable::addRecipient(m_db, channelId, userId, nowMs);
}

Result<int> SqlStore::recipientCount(Id channelId)
{
    return SocialTable::recipientCount(m_db, channelId);
}

Result<Done> SqlStore::removeRecipient(Id channelId, Id userId)
{
    return SocialTable::removeRecipient(m_db, channelId, userId);
}

Result<Done> SqlStore::setDmOwner(Id channelId, Id ownerId)
{
    return SocialTable::setDmOwner(m_db, channelId, ownerId);
}

Result<Id> SqlStore::ack(Id userId, Id channelId, Id messageId)
{
    return SocialTable::ack(m_db, userId, channelId, messageId);
}

Result<QList<ReadCount>> SqlStore::readCounts(Id userId, const QList<Id> &channelIds,
                                              const QList<Id> &blocked)
{
    return SocialTable::readCounts(m_db, userId, channelIds, blocked);
}

Result<Done> SqlStore::insertMentions(Id messageId, Id channelId, Id authorId, const QList<Id> &userIds)
{
    return SocialTable::insertMentions(m_db, messageId, channelId, authorId, userIds);
}

Result<Done> SqlStore::logConnection(Id userId, const QString &session, const QString &kind, qint64 atMs,
                                     const QString &address)
{
    return SocialTable::logConnection(m_db, userId, session, kind, atMs, address);
}

Result<QList<QPair<Id, int>>> SqlStore::activity(const QList<Id> &channelIds, Id sinceId, int limit)
{
    return SocialTable::activity(m_db, channelIds, sinceId, limit);
}

Result<std::optional<QString>> SqlStore::meta(const QString &key)
{
    return MetaTable::get(m_db, key);
}

Result<Done> SqlStore::setMeta(const QString &key, const QString &value)
{
    return MetaTable::set(m_db, key, value);
}

Result<Done> SqlStore::ping()
{
    QSqlQuery &q = m_db.prepared("SELECT 1");
    const bool ok = m_db.exec(q, "ping");
    q.finish();
    return ok ? Result<Done>(Done{}) : Result<Done>(storageError());
}

Result<Done> SqlStore::releaseMemory()
{
    // SQLite's page cache (up to cache_size) stays allocated once filled; PostgreSQL keeps its
    // cache in the database server, not here.
    if (!m_db.isPostgres())
        m_db.execRaw(QStringLiteral("PRAGMA shrink_memory"), "pragma shrink_memory");
    return Done{};
}

Result<NodeLease> SqlStore::leaseNode(int wanted, const QString &holder, qint64 ttlMs)
{
    return NodeTable::lease(m_db, wanted, holder, ttlMs);
}

Result<bool> SqlStore::renewNode(int nodeId, const QString &holder, qint64 ttlMs)
{
    return NodeTable::renew(m_db, nodeId, holder, ttlMs);
}

Result<Done> SqlStore::releaseNode(int nodeId, const QString &holder)
{
    return NodeTable::release(m_db, nodeId, holder);
}

} // namespace kith::server

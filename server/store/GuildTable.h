#pragma once
//! Guilds, members, channels and invites in storage. Runs on the store thread.

#include "core/Result.h"
#include "shared/Types.h"

namespace kith::server {

class SqlStore;

//! Everything the Directory loads at start.
struct GuildSnapshot {
    QList<Guild> guilds;
    QList<QPair<Id, Member>> members;   //!< (guild id, member with user id only)
    QList<Channel> channels;
};

namespace GuildTable {
Result<GuildSnapshot> loadAll(SqlStore &s);

Result<Done> insertGuild(SqlStore &s, const Guild &guild);
Result<Done> updateGuild(SqlStore &s, const Guild &guild);
Result<Done> deleteGuild(SqlStore &s, Id guildId);
Result<Done> setOwner(SqlStore &s, Id guildId, Id userId);

//! Adds a member unless already there; the value tells whether it was added.
Result<bool> insertMember(SqlStore &s, Id guildId, const Member &member);
Result<Done> deleteMember(SqlStore &s, Id guildId, Id userId);
Result<bool> isMember(SqlStore &s, Id guildId, Id userId);
Result<Done> setRole(SqlStore &s, Id guildId, Id userId, Role role);

Result<Done> insertChannel(SqlStore &s, const Channel &channel);
Result<Done> updateChannel(SqlStore &s, const Channel &channel);
Result<Done> deleteChannel(SqlStore &s, Id channelId);

Result<Done> insertInvite(SqlStore &s, const QString &code, Id guildId, Id inviterId, qint64 nowMs);
//! The guild an invite code leads to, counting the use.
Result<Id> useInvite(SqlStore &s, const QString &code);
} // namespace GuildTable

} // namespace kith::server

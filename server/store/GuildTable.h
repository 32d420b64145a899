#pragma once
//! Guilds, members, channels and invites in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace GuildTable {
Result<GuildSnapshot> loadAll(SqlConnection &s);

Result<Done> insertGuild(SqlConnection &s, const Guild &guild);
Result<Done> updateGuild(SqlConnection &s, const Guild &guild);
Result<Done> deleteGuild(SqlConnection &s, Id guildId);
Result<Done> setOwner(SqlConnection &s, Id guildId, Id userId);

//! Adds a member unless already there; the value tells whether it was added.
Result<bool> insertMember(SqlConnection &s, Id guildId, const Member &member);
Result<Done> deleteMember(SqlConnection &s, Id guildId, Id userId);
Result<bool> isMember(SqlConnection &s, Id guildId, Id userId);
Result<Done> setRole(SqlConnection &s, Id guildId, Id userId, Role role);

Result<Done> insertChannel(SqlConnection &s, const Channel &channel);
Result<Done> updateChannel(SqlConnection &s, const Channel &channel);
Result<Done> deleteChannel(SqlConnection &s, Id channelId);

Result<Done> insertInvite(SqlConnection &s, const QString &code, Id guildId, Id inviterId, qint64 nowMs);
//! The guild an invite code leads to, counting the use.
Result<Id> findInvite(SqlConnection &s, const QString &code);
Result<Id> useInvite(SqlConnection &s, const QString &code);
} // namespace GuildTable

} // namespace kith::server

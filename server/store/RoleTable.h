#pragma once
//! Roles, member roles and channel overwrites in SQL (issue 13). Runs on the store thread;
//! SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace RoleTable {
//! Adds every guild's roles to `snap`, and fills its members' role ids and channels' overwrites.
Result<Done> loadInto(SqlConnection &s, GuildSnapshot &snap);

//! A plain insert at role.position (a new guild's @everyone).
Result<Done> insert(SqlConnection &s, Id guildId, const GuildRole &role);
// The rest as Store describes them.
Result<Done> create(SqlConnection &s, Id guildId, const GuildRole &role);
Result<Done> update(SqlConnection &s, Id guildId, const GuildRole &role);
Result<Done> remove(SqlConnection &s, Id guildId, Id roleId);
Result<Done> reorder(SqlConnection &s, Id guildId, const QList<Id> &roleIds);
Result<Done> setMemberRoles(SqlConnection &s, Id guildId, Id userId, const QList<Id> &roleIds);
Result<Done> setOverwrite(SqlConnection &s, Id guildId, Id channelId, const PermissionOverwrite &overwrite);
Result<Done> deleteOverwrite(SqlConnection &s, Id channelId, Id roleId);
} // namespace RoleTable

} // namespace kith::server

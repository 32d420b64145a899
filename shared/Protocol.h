#pragma once
//! Op and event names of protocol v1. docs/PROTOCOL.md describes each; names are a contract.

#include <QLatin1String>
#include <QStringList>

namespace kith::op {
inline constexpr QLatin1String SessionRegister{"session.register"};
inline constexpr QLatin1String SessionLogin{"session.login"};
inline constexpr QLatin1String SessionResume{"session.resume"};
inline constexpr QLatin1String SessionLogout{"session.logout"};
inline constexpr QLatin1String SessionGuest{"session.guest"};
inline constexpr QLatin1String GuildCreate{"guild.create"};
inline constexpr QLatin1String GuildUpdate{"guild.update"};
inline constexpr QLatin1String GuildDelete{"guild.delete"};
inline constexpr QLatin1String GuildLeave{"guild.leave"};
inline constexpr QLatin1String GuildMembers{"guild.members"};
inline constexpr QLatin1String MemberSetRole{"member.set_role"};
inline constexpr QLatin1String MemberKick{"member.kick"};
inline constexpr QLatin1String InviteCreate{"invite.create"};
inline constexpr QLatin1String InviteJoin{"invite.join"};
inline constexpr QLatin1String ChannelCreate{"channel.create"};
inline constexpr QLatin1String ChannelUpdate{"channel.update"};
inline constexpr QLatin1String ChannelDelete{"channel.delete"};
// Roles and permissions (issue 13)
inline constexpr QLatin1String RoleCreate{"role.create"};
inline constexpr QLatin1String RoleUpdate{"role.update"};
inline constexpr QLatin1String RoleDelete{"role.delete"};
inline constexpr QLatin1String RoleReorder{"role.reorder"};
inline constexpr QLatin1String MemberSetRoles{"member.set_roles"};
inline constexpr QLatin1String ChannelSetOverwrite{"channel.set_overwrite"};
inline constexpr QLatin1String ChannelDeleteOverwrite{"channel.delete_overwrite"};
// Moderation (issue 13)
inline constexpr QLatin1String MemberBan{"member.ban"};
inline constexpr QLatin1String MemberUnban{"member.unban"};
inline constexpr QLatin1String GuildBans{"guild.bans"};
inline constexpr QLatin1String MemberTimeout{"member.timeout"};
// Audit log and directory (issue 13)
inline constexpr QLatin1String GuildAuditLog{"guild.audit_log"};
inline constexpr QLatin1String DirectorySearch{"directory.search"};
inline constexpr QLatin1String GuildJoin{"guild.join"};
// Statistics (issue 13)
inline constexpr QLatin1String StatsGuild{"stats.guild"};
inline constexpr QLatin1String MessageSend{"message.send"};
inline constexpr QLatin1String MessageHistory{"message.history"};
inline constexpr QLatin1String MessageEdit{"message.edit"};
inline constexpr QLatin1String MessageDelete{"message.delete"};
inline constexpr QLatin1String MessageSearch{"message.search"};
inline constexpr QLatin1String ReactionAdd{"reaction.add"};
inline constexpr QLatin1String ReactionRemove{"reaction.remove"};
inline constexpr QLatin1String ReactionUsers{"reaction.users"};
inline constexpr QLatin1String Ping{"ping"};
// Friends, blocks, DMs, presence, typing, read states, discovery
inline constexpr QLatin1String FriendRequest{"friend.request"};
inline constexpr QLatin1String FriendAccept{"friend.accept"};
inline constexpr QLatin1String FriendDecline{"friend.decline"};
inline constexpr QLatin1String FriendCancel{"friend.cancel"};
inline constexpr QLatin1String FriendRemove{"friend.remove"};
inline constexpr QLatin1String FriendList{"friend.list"};
inline constexpr QLatin1String UserBlock{"user.block"};
inline constexpr QLatin1String UserUnblock{"user.unblock"};
inline constexpr QLatin1String UserUpdate{"user.update"};
inline constexpr QLatin1String UserChangePassword{"user.change_password"};
inline constexpr QLatin1String DmOpen{"dm.open"};
inline constexpr QLatin1String DmCreateGroup{"dm.create_group"};
inline constexpr QLatin1String DmAdd{"dm.add"};
inline constexpr QLatin1String DmRemove{"dm.remove"};
inline constexpr QLatin1String DmLeave{"dm.leave"};
inline constexpr QLatin1String PresenceSet{"presence.set"};
inline constexpr QLatin1String TypingStart{"typing.start"};
inline constexpr QLatin1String ChannelAck{"channel.ack"};
inline constexpr QLatin1String DiscoverOnline{"discover.online"};
inline constexpr QLatin1String DiscoverActiveChannels{"discover.active_channels"};
} // namespace kith::op

namespace kith::ev {
inline constexpr QLatin1String Hello{"hello"};
inline constexpr QLatin1String Ready{"ready"};
inline constexpr QLatin1String GuildCreated{"guild.created"};
inline constexpr QLatin1String GuildUpdated{"guild.updated"};
inline constexpr QLatin1String GuildDeleted{"guild.deleted"};
inline constexpr QLatin1String MemberJoined{"member.joined"};
inline constexpr QLatin1String MemberLeft{"member.left"};
inline constexpr QLatin1String MemberUpdated{"member.updated"};
inline constexpr QLatin1String ChannelCreated{"channel.created"};
inline constexpr QLatin1String ChannelUpdated{"channel.updated"};
inline constexpr QLatin1String ChannelDeleted{"channel.deleted"};
inline constexpr QLatin1String RoleCreated{"role.created"};
inline constexpr QLatin1String RoleUpdated{"role.updated"};
inline constexpr QLatin1String RoleDeleted{"role.deleted"};
inline constexpr QLatin1String MessageCreated{"message.created"};
inline constexpr QLatin1String MessageUpdated{"message.updated"};
inline constexpr QLatin1String MessageDeleted{"message.deleted"};
inline constexpr QLatin1String ReactionAdded{"reaction.added"};
inline constexpr QLatin1String ReactionRemoved{"reaction.removed"};
inline constexpr QLatin1String RelationshipUpdated{"relationship.updated"};
inline constexpr QLatin1String PresenceUpdated{"presence.updated"};
inline constexpr QLatin1String TypingStarted{"typing.started"};
inline constexpr QLatin1String ReadStateUpdated{"read_state.updated"};
inline constexpr QLatin1String UserUpdated{"user.updated"};
} // namespace kith::ev

namespace kith::protocol {
//! Feature flags announced in hello.features; `guests`: the server takes LAN-party guests.
QStringList features(bool guests = false);
} // namespace kith::protocol

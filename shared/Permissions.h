#pragma once
//! Guild permissions: the names the protocol uses, and how a member's effective permissions in
//! a guild and in a channel follow from their rank, their roles and the channel's overwrites
//! (the order Discord uses: @everyone, the member's roles together, the channel's @everyone
//! overwrite, then the member's roles' overwrites, deny before allow).
//! Pure functions over values: the server authorises with them, the app hides what I may not do.

#include "PermissionSet.h"
#include "Types.h"

#include <QList>

namespace kith {

namespace permissions {

//! What a member may do in the guild as a whole. The owner may do everything; the admin rank
//! everything but manage_roles (which @everyone or one of their roles may add); a member what
//! @everyone and their roles grant together; a LAN party's guest only what @everyone grants of
//! chatting (view, send, react, attach).
Permissions inGuild(Role rank, Permissions everyone, Permissions memberRoles);

//! What a member may do in one channel: inGuild's result with the channel's overwrites applied.
//! The owner and admins are not subject to overwrites (as Discord's Administrator).
Permissions inChannel(Role rank, Permissions guildPermissions, Id guildId, const QList<Id> &memberRoleIds,
                      const QList<PermissionOverwrite> &overwrites);

//! Whether someone may kick, ban, time out or change the roles of someone else: a higher rank
//! may act on a lower one; between two plain members (or two guests), only on one whose highest
//! role is positioned below one's own (0: no role but @everyone). Nobody acts on the owner.
//! (Acting on oneself is the caller's rule: this compares ranks and positions only.)
bool mayActOn(Role actorRank, int actorTopPosition, Role targetRank, int targetTopPosition);

} // namespace permissions

} // namespace kith

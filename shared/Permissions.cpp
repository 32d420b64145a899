#include "Permissions.h"

namespace kith {

namespace {
constexpr Permissions kGuestMay = Permissions(Permission::ViewChannel) | Permission::SendMessages
    | Permission::AddReactions | Permission::AttachFiles;
} // namespace

namespace permissions {

Permissions inGuild(Role rank, Permissions everyone, Permissions memberRoles)
{
    switch (rank) {
    case Role::Owner:
        return Permissions::all();
    case Role::Admin:
        // manage_roles only when @everyone or a role grants it: the owner decides who shapes roles.
        return ~Permissions(Permission::ManageRoles) | everyone | memberRoles;
    case Role::Member:
        return everyone | memberRoles;
    case Role::Guest:
        return everyone & kGuestMay;
    }
    return {};
}

Permissions inChannel(Role rank, Permissions guildPermissions, Id guildId, const QList<Id> &memberRoleIds,
                      const QList<PermissionOverwrite> &overwrites)
{
    if (rank == Role::Owner || rank == Role::Admin)
        return guildPermissions;
    Permissions p = guildPermissions;
    Permissions allow, deny;
    for (const PermissionOverwrite &o : overwrites) {
        if (o.roleId == guildId) {
            p &= ~o.deny;
            p |= o.allow;
        } else if (memberRoleIds.contains(o.roleId)) {
            allow |= o.allow;
            deny |= o.deny;
        }
    }
    p &= ~deny;
    p |= allow;
    if (rank == Role::Guest)
        p &= kGuestMay; // an overwrite never lifts a guest beyond chatting
    return p;
}

bool mayActOn(Role actorRank, int actorTopPosition, Role targetRank, int targetTopPosition)
{
    if (targetRank == Role::Owner)
        return false;
    if (actorRank != targetRank)
        return int(actorRank) > int(targetRank);
    if (actorRank == Role::Member || actorRank == Role::Guest)
        return actorTopPosition > targetTopPosition;
    return false; // admin on admin
}

} // namespace permissions

} // namespace kith

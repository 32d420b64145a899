#pragma once
//! role.*, member.set_roles and channel.set_overwrite / delete_overwrite (issue 13): who may
//! shape roles and permissions, and the events that tell every member.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Permissions.h"

namespace kith::server {

class Roles
{
public:
    explicit Roles(ServiceContext &ctx)
        : m_ctx(ctx)
    { }

    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);
    void reorder(const Call &call);
    void setMemberRoles(const Call &call);
    void setOverwrite(const Call &call);
    void deleteOverwrite(const Call &call);

    //! Who acts, as the rules about roles see them.
    struct Actor {
        const Member *member = nullptr;
        Permissions permissions; //!< in the guild, or in the channel for overwrites
        int top = 0; //!< their highest role's position
        bool owner = false;
    };

private:
    //! The caller, a member of the guild with manage_roles; false (and *error) otherwise.
    bool actor(const Call &call, Id guildId, const QString &action, Actor *out, Error *error) const;
    //! The same for a guild channel the caller sees, with manage_roles there.
    const Channel *channelActor(const Call &call, Id channelId, Actor *out, Error *error) const;
    void toGuild(Id guildId, QLatin1String ev, const GuildRole &role) const;
    //! Stores a channel whose overwrites changed, replies with it and tells who sees it.
    void changed(const Call &call, const Channel &channel);

    ServiceContext &m_ctx;
};

} // namespace kith::server

#pragma once
//! guild.*, member.* and invite.* ops.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

namespace kith::server {

class Attachments;
class Presence;

class Guilds
{
public:
    Guilds(ServiceContext &ctx, Presence &presence) : m_ctx(ctx), m_presence(presence) {}

    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);
    void leave(const Call &call);
    void members(const Call &call);
    void setRole(const Call &call);
    void createInvite(const Call &call);
    void joinInvite(const Call &call);
    //! guild.join: a discoverable guild, without an invite (issue 13).
    void join(const Call &call);
    void setAttachments(Attachments *attachments) { m_attachments = attachments; }

private:
    //! The joiner is stored as a member: tell the Directory, the joiner and the guild.
    void admit(const Call &call, const Member &joiner, Id guildId, bool added);

    ServiceContext &m_ctx;
    Presence &m_presence;
    Attachments *m_attachments = nullptr;
};

} // namespace kith::server

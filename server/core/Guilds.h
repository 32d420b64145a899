#pragma once
//! guild.*, member.* and invite.* ops.

#include "core/Call.h"
#include "core/ServiceContext.h"

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
    void setAttachments(Attachments *attachments) { m_attachments = attachments; }

private:
    ServiceContext &m_ctx;
    Presence &m_presence;
    Attachments *m_attachments = nullptr;
};

} // namespace kith::server

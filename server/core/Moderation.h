#pragma once
//! member.ban, member.unban, guild.bans, member.timeout (issue 13): keeping people out of a guild
//! or quiet in it, and who may do it to whom.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

namespace kith::server {

class Moderation
{
public:
    explicit Moderation(ServiceContext &ctx)
        : m_ctx(ctx)
    { }

    void ban(const Call &call);
    void unban(const Call &call);
    void bans(const Call &call);
    void timeout(const Call &call);

private:
    ServiceContext &m_ctx;
};

} // namespace kith::server

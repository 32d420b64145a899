#pragma once
//! Direct messages: dm.open (1:1, one per pair), group DMs and their membership.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

namespace kith::server {

class Dms
{
public:
    explicit Dms(ServiceContext &ctx) : m_ctx(ctx) {}

    void open(const Call &call);
    void createGroup(const Call &call);
    void add(const Call &call);
    void remove(const Call &call);
    void leave(const Call &call);

private:
    //! A group DM the caller is in, or an error (1:1 DMs are bad_request here).
    const Channel *group(const Call &call, Error *error) const;
    //! After a membership change: channel.updated to those who stay.
    void announceUpdate(Id channelId);
    //! Takes one member out of a group DM (dm.remove and dm.leave).
    void dropMember(const Call &call, Id channelId, Id userId);

    ServiceContext &m_ctx;
};

} // namespace kith::server

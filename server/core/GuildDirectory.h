#pragma once
//! directory.search (issue 13): the guilds that chose to be listed, found by words of their name
//! or description, biggest first. Answered from the in-memory Directory and Presence; no store trip.

#include "core/Call.h"
#include "core/ServiceContext.h"

namespace kith::server {

class Presence;

class GuildDirectory
{
public:
    GuildDirectory(ServiceContext &ctx, Presence &presence)
        : m_ctx(ctx)
        , m_presence(presence)
    { }

    void search(const Call &call);

private:
    ServiceContext &m_ctx;
    Presence &m_presence;
};

} // namespace kith::server

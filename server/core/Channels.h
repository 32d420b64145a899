#pragma once
//! channel.create / update / delete (owner and admins).

#include "core/Call.h"
#include "core/ServiceContext.h"

namespace kith::server {

class Channels
{
public:
    explicit Channels(ServiceContext &ctx) : m_ctx(ctx) {}

    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);

private:
    ServiceContext &m_ctx;
};

} // namespace kith::server

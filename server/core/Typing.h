#pragma once
//! typing.start: tells the channel's other viewers someone is typing. Nothing is stored; a
//! repeat within a few seconds is accepted but not sent on, and clients expire it themselves.

#include "core/Call.h"
#include "core/ServiceContext.h"

namespace kith::server {

class Typing
{
public:
    explicit Typing(ServiceContext &ctx) : m_ctx(ctx) {}
    void start(const Call &call);

private:
    ServiceContext &m_ctx;
};

} // namespace kith::server

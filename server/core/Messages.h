#pragma once
//! message.send / history / edit / delete.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

namespace kith::server {

class Messages
{
public:
    explicit Messages(ServiceContext &ctx) : m_ctx(ctx) {}

    void send(const Call &call);
    void history(const Call &call);
    void edit(const Call &call);
    void remove(const Call &call);

private:
    //! Fills in what storage does not keep per row: the author and the guild.
    void complete(Message &m) const;
    ServiceContext &m_ctx;
};

} // namespace kith::server

#pragma once
//! message.search: which channels the caller may search, the query's words, then a page from
//! the store's reader (the full-text index; never on the gateway thread).

#include "core/Call.h"
#include "core/ServiceContext.h"

namespace kith::server {

class Search
{
public:
    explicit Search(ServiceContext &ctx)
        : m_ctx(ctx)
    { }

    void search(const Call &call);

private:
    ServiceContext &m_ctx;
};

} // namespace kith::server

#pragma once
//! message.search: which channels the caller may search, the query's words, then a page from
//! the store's reader (the full-text index; never on the gateway thread).

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "store/Store.h"

namespace kith::server {

class Search
{
public:
    explicit Search(ServiceContext &ctx)
        : m_ctx(ctx)
    { }

    void search(const Call &call);

private:
    //! The page from the reader, once the index holds what the caller was acknowledged.
    void find(const Call &call, const SearchQuery &q);

    ServiceContext &m_ctx;
};

} // namespace kith::server

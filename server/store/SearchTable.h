#pragma once
//! message.search in SQL: FTS5 (messages_fts) on SQLite, a GIN tsvector index on PostgreSQL
//! (migrations 008_search.sql). Runs on the reader; SqlStore forwards Store::search here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace SearchTable {
Result<SearchPage> search(SqlConnection &s, const SearchQuery &query);
//! The FTS5 MATCH text for the phrases: each word a quoted string with a prefix star, the words
//! of a phrase joined with FTS5's `+`, the phrases with spaces (AND).
QString ftsQuery(const QList<QStringList> &phrases);
//! The to_tsquery text: each word 'quoted':*, the words of a phrase joined with <->, the
//! phrases with &.
QString tsQuery(const QList<QStringList> &phrases);
} // namespace SearchTable

} // namespace kith::server

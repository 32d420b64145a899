#pragma once
//! message.search in SQL: FTS5 (messages_fts) on SQLite, a GIN tsvector index on PostgreSQL
//! (migrations 008_search.sql). Runs on the reader; SqlStore forwards Store::search here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

//! SQLite's deferred indexing: the index holds the messages up to `mark` (search_mark), and
//! `newest` is the highest message id stored.
struct SearchBacklog {
    Id mark = 0;
    Id newest = 0;
};

namespace SearchTable {
Result<SearchPage> search(SqlConnection &s, const SearchQuery &query);
//! SQLite: the mark and the newest message id.
Result<SearchBacklog> backlog(SqlConnection &s);
//! SQLite: indexes up to `rows` messages above `mark`, oldest first, and moves search_mark past
//! them (the caller's transaction holds both). Returns the new mark; fewer than `rows` indexed
//! sets *caughtUp.
Result<Id> indexAbove(SqlConnection &s, Id mark, int rows, bool *caughtUp);
//! SQLite: one message at or below the mark, stored after the mark passed its id.
Result<Done> indexOne(SqlConnection &s, Id messageId, const QString &content);
//! The FTS5 MATCH text for the phrases: each word a quoted string with a prefix star, the words
//! of a phrase joined with FTS5's `+`, the phrases with spaces (AND).
QString ftsQuery(const QList<QStringList> &phrases);
//! The to_tsquery text: each word 'quoted':*, the words of a phrase joined with <->, the
//! phrases with &.
QString tsQuery(const QList<QStringList> &phrases);
} // namespace SearchTable

} // namespace kith::server

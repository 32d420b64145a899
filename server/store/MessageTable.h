#pragma once
//! Messages in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

class QSqlQuery;

// The columns every message SELECT reads, in fromRow's order, and the table they come from: the
// reply target comes with its message by a join on its primary key, no second query.
#define KITH_MESSAGE_COLUMNS "m.id, m.channel_id, m.author_id, m.content, m.nonce, m.edited_at, m.reply_to_id, " \
                             "r.author_id, r.content"
#define KITH_MESSAGE_FROM " FROM messages m LEFT JOIN messages r ON r.id = m.reply_to_id "

namespace kith::server {

class SqlConnection;

namespace MessageTable {
//! The message of a row SELECTed as KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM (author by id only).
Message fromRow(const QSqlQuery &q);
//! Stores a message unless (author, nonce) exists, in which case the stored one comes back.
Result<StoredMessage> insert(SqlConnection &s, const Message &message);
//! insert for several: multi-row INSERTs, answers in order; on failure some may be written.
Result<QList<StoredMessage>> insertMany(SqlConnection &s, const QList<Message> &messages);
Result<Message> find(SqlConnection &s, Id messageId);
Result<Message> edit(SqlConnection &s, Id messageId, const QString &content, qint64 nowMs);
Result<Done> remove(SqlConnection &s, Id messageId);
//! Every channel's newest message id (channels without messages are left out).
Result<QHash<Id, Id>> lastIds(SqlConnection &s);
//! A page, newest first, walking the (channel_id, id) index; never OFFSET.
Result<QList<Message>> history(SqlConnection &s, Id channelId, HistoryCursor cursor, Id at, int limit);
} // namespace MessageTable

} // namespace kith::server

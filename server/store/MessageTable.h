#pragma once
//! Messages in storage. Runs on the store thread. Rows come back with author id only; the
//! gateway fills in the author and guild from its Directory.

#include "core/Result.h"
#include "shared/Types.h"

#include <QHash>

namespace kith::server {

class SqlStore;

struct StoredMessage {
    Message message;
    bool duplicate = false; //!< an earlier send with the same (author, nonce)
};

enum class HistoryCursor { Latest, Before, After, Around };

namespace MessageTable {
//! Stores a message unless (author, nonce) exists, in which case the stored one comes back.
Result<StoredMessage> insert(SqlStore &s, const Message &message);
Result<Message> find(SqlStore &s, Id messageId);
Result<Message> edit(SqlStore &s, Id messageId, const QString &content, qint64 nowMs);
Result<Done> remove(SqlStore &s, Id messageId);
//! A page, newest first, walking the (channel_id, id) index; never OFFSET.
//! Every channel's newest message id (channels without messages are left out).
Result<QHash<Id, Id>> lastIds(SqlStore &s);
Result<QList<Message>> history(SqlStore &s, Id channelId, HistoryCursor cursor, Id at, int limit);
} // namespace MessageTable

} // namespace kith::server

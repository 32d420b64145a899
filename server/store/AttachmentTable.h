#pragma once
//! Attachments in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace AttachmentTable {
Result<Done> insert(SqlConnection &s, const StoredAttachment &a);
Result<StoredAttachment> find(SqlConnection &s, Id attachmentId);
Result<QList<Attachment>> claim(SqlConnection &s, Id messageId, Id channelId, Id userId, const QList<Id> &ids);
Result<QList<QPair<Id, Attachment>>> range(SqlConnection &s, Id channelId, Id fromId, Id toId);
Result<QStringList> release(SqlConnection &s, Id messageId);
Result<QStringList> sweep(SqlConnection &s, qint64 beforeMs);
Result<bool> contentUsed(SqlConnection &s, const QString &sha256);
} // namespace AttachmentTable

} // namespace kith::server

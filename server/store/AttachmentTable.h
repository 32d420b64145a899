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
//! Makes upload `attachmentId` (0: none) the avatar of user `ownerId` (or, with `guild`, the icon
//! of guild `ownerId`); it must be an unclaimed image of `uploaderId`, else bad_request. The upload
//! replaced goes when nothing else uses it; returns the contents no row refers to any more.
Result<QStringList> setProfileImage(SqlConnection &s, bool guild, Id ownerId, Id uploaderId, Id attachmentId);
//! The content (sha256) of an upload some avatar or icon uses; not_found otherwise.
Result<QString> profileImage(SqlConnection &s, Id attachmentId);
} // namespace AttachmentTable

} // namespace kith::server

#include "AttachmentTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::AttachmentTable {

namespace {

// An upload an avatar or icon uses: never swept, never claimed by a message.
#define KITH_NOT_PROFILE_IMAGE                                                                   \
    " AND NOT EXISTS (SELECT 1 FROM user_avatars p WHERE p.attachment_id = attachments.id)"     \
    " AND NOT EXISTS (SELECT 1 FROM guild_icons p WHERE p.attachment_id = attachments.id)"

QVariant dimension(int v)
{
    return v >= 0 ? QVariant(v) : QVariant();
}

// Columns 0-5 of every SELECT below: the public part of a row.
Attachment rowToAttachment(const QSqlQuery &q)
{
    Attachment a;
    a.id = Id(q.value(0).toLongLong());
    a.filename = q.value(1).toString();
    a.size = q.value(2).toLongLong();
    a.contentType = q.value(3).toString();
    a.width = q.value(4).isNull() ? -1 : q.value(4).toInt();
    a.height = q.value(5).isNull() ? -1 : q.value(5).toInt();
    return a;
}

//! Of these contents, those no row refers to any more.
Result<QStringList> unused(SqlConnection &s, const QStringList &shas)
{
    QStringList out;
    for (const QString &sha : shas) {
        if (out.contains(sha))
            continue;
        auto used = contentUsed(s, sha);
        if (!used)
            return used.error();
        if (!used.value())
            out.append(sha);
    }
    return out;
}

//! Deletes the rows `select` and `remove` pick (both take `key` as their one parameter) and
//! returns the contents no row holds any more: their files can go.
Result<QStringList> removeRows(SqlConnection &s, const char *select, const char *remove, qint64 key, const char *what)
{
    QSqlQuery &q = s.prepared(select);
    q.bindValue(0, key);
    if (!s.exec(q, what))
        return storageError();
    QStringList shas;
    while (q.next())
        shas.append(q.value(0).toString());
    q.finish();
    if (shas.isEmpty())
        return shas;
    QSqlQuery &d = s.prepared(remove);
    d.bindValue(0, key);
    if (!s.exec(d, what))
        return storageError();
    return unused(s, shas);
}

} // namespace

Result<Done> insert(SqlConnection &s, const StoredAttachment &a)
{
    QSqlQuery &q = s.prepared("INSERT INTO attachments (id, uploader_id, sha256, filename, size, content_type, width, "
                              "height, thumb, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(a.attachment.id));
    q.bindValue(1, qint64(a.uploaderId));
    q.bindValue(2, a.sha256);
    q.bindValue(3, a.attachment.filename);
    q.bindValue(4, a.attachment.size);
    q.bindValue(5, a.attachment.contentType);
    q.bindValue(6, dimension(a.attachment.width));
    q.bindValue(7, dimension(a.attachment.height));
    q.bindValue(8, a.thumb ? 1 : 0);
    q.bindValue(9, a.createdAtMs);
    if (!s.exec(q, "insert attachment"))
        return storageError();
    return Done{};
}

Result<StoredAttachment> find(SqlConnection &s, Id attachmentId)
{
    QSqlQuery &q = s.prepared("SELECT id, filename, size, content_type, width, height, uploader_id, sha256, thumb, "
                              "created_at, message_id, channel_id FROM attachments WHERE id = ?");
    q.bindValue(0, qint64(attachmentId));
    if (!s.exec(q, "find attachment"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("unknown attachment"));
    StoredAttachment a;
    a.attachment = rowToAttachment(q);
    a.uploaderId = Id(q.value(6).toLongLong());
    a.sha256 = q.value(7).toString();
    a.thumb = q.value(8).toInt() != 0;
    a.createdAtMs = q.value(9).toLongLong();
    a.messageId = Id(q.value(10).toLongLong());
    a.channelId = Id(q.value(11).toLongLong());
    q.finish();
    return a;
}

Result<QList<Attachment>> claim(SqlConnection &s, Id messageId, Id channelId, Id userId, const QList<Id> &ids)
{
    QList<Attachment> out;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QSqlQuery &u = s.prepared("UPDATE attachments SET message_id = ?, channel_id = ?, position = ? "
                                  "WHERE id = ? AND uploader_id = ? AND message_id IS NULL" KITH_NOT_PROFILE_IMAGE);
        u.bindValue(0, qint64(messageId));
        u.bindValue(1, qint64(channelId));
        u.bindValue(2, int(i));
        u.bindValue(3, qint64(ids.at(i)));
        u.bindValue(4, qint64(userId));
        if (!s.exec(u, "claim attachment"))
            return storageError();
        if (u.numRowsAffected() != 1)
            return Error::badRequest(QStringLiteral("attachment %1 is not an unused upload of yours").arg(ids.at(i)));
        auto found = find(s, ids.at(i));
        if (!found)
            return found.error();
        out.append(found->attachment);
    }
    return out;
}

Result<QList<QPair<Id, Attachment>>> range(SqlConnection &s, Id channelId, Id fromId, Id toId)
{
    QSqlQuery &q = s.prepared("SELECT id, filename, size, content_type, width, height, message_id FROM attachments "
                              "WHERE channel_id = ? AND message_id >= ? AND message_id <= ? "
                              "ORDER BY message_id, position");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(fromId));
    q.bindValue(2, qint64(toId));
    if (!s.exec(q, "attachments"))
        return storageError();
    QList<QPair<Id, Attachment>> out;
    while (q.next())
        out.append({Id(q.value(6).toLongLong()), rowToAttachment(q)});
    q.finish();
    return out;
}

Result<QStringList> release(SqlConnection &s, Id messageId)
{
    return removeRows(s, "SELECT sha256 FROM attachments WHERE message_id = ?",
                      "DELETE FROM attachments WHERE message_id = ?", qint64(messageId), "release attachments");
}

Result<QStringList> sweep(SqlConnection &s, qint64 beforeMs)
{
    return removeRows(s, "SELECT sha256 FROM attachments WHERE message_id IS NULL AND created_at < ?" KITH_NOT_PROFILE_IMAGE,
                      "DELETE FROM attachments WHERE message_id IS NULL AND created_at < ?" KITH_NOT_PROFILE_IMAGE,
                      beforeMs, "sweep uploads");
}

Result<bool> contentUsed(SqlConnection &s, const QString &sha256)
{
    QSqlQuery &q = s.prepared("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1");
    q.bindValue(0, sha256);
    if (!s.exec(q, "content used"))
        return storageError();
    const bool used = q.next();
    q.finish();
    return used;
}

Result<QStringList> setProfileImage(SqlConnection &s, bool guild, Id ownerId, Id uploaderId, Id attachmentId)
{
    if (attachmentId) {
        QSqlQuery &q = s.prepared("SELECT 1 FROM attachments WHERE id = ? AND uploader_id = ? AND message_id IS NULL "
                                  "AND width IS NOT NULL");
        q.bindValue(0, qint64(attachmentId));
        q.bindValue(1, qint64(uploaderId));
        if (!s.exec(q, "profile image upload"))
            return storageError();
        const bool fits = q.next();
        q.finish();
        if (!fits)
            return Error::badRequest(QStringLiteral("attachment %1 is not an unused image upload of yours").arg(attachmentId));
    }
    QSqlQuery &old = s.prepared(guild ? "SELECT attachment_id FROM guild_icons WHERE guild_id = ?"
                                      : "SELECT attachment_id FROM user_avatars WHERE user_id = ?");
    old.bindValue(0, qint64(ownerId));
    if (!s.exec(old, "profile image"))
        return storageError();
    const Id previous = old.next() ? Id(old.value(0).toLongLong()) : 0;
    old.finish();
    if (previous == attachmentId)
        return QStringList();
    QSqlQuery &d = s.prepared(guild ? "DELETE FROM guild_icons WHERE guild_id = ?" : "DELETE FROM user_avatars WHERE user_id = ?");
    d.bindValue(0, qint64(ownerId));
    if (!s.exec(d, "clear profile image"))
        return storageError();
    if (attachmentId) {
        QSqlQuery &i = s.prepared(guild ? "INSERT INTO guild_icons (guild_id, attachment_id) VALUES (?, ?)"
                                        : "INSERT INTO user_avatars (user_id, attachment_id) VALUES (?, ?)");
        i.bindValue(0, qint64(ownerId));
        i.bindValue(1, qint64(attachmentId));
        if (!s.exec(i, "set profile image"))
            return storageError();
    }
    if (!previous)
        return QStringList();
    // The upload replaced goes unless another avatar or icon still shows it.
    return removeRows(s, "SELECT sha256 FROM attachments WHERE id = ? AND message_id IS NULL" KITH_NOT_PROFILE_IMAGE,
                      "DELETE FROM attachments WHERE id = ? AND message_id IS NULL" KITH_NOT_PROFILE_IMAGE,
                      qint64(previous), "release profile image");
}

Result<QString> profileImage(SqlConnection &s, Id attachmentId)
{
    QSqlQuery &q = s.prepared("SELECT sha256 FROM attachments WHERE id = ? AND NOT ("
                              "NOT EXISTS (SELECT 1 FROM user_avatars p WHERE p.attachment_id = attachments.id) "
                              "AND NOT EXISTS (SELECT 1 FROM guild_icons p WHERE p.attachment_id = attachments.id))");
    q.bindValue(0, qint64(attachmentId));
    if (!s.exec(q, "profile image content"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("no such avatar or icon"));
    const QString sha = q.value(0).toString();
    q.finish();
    return sha;
}

} // namespace kith::server::AttachmentTable

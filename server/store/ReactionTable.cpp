#include "ReactionTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::ReactionTable {

namespace {

//! not_found unless the message is one of the channel's (what the caller was authorised for).
std::optional<Error> checkMessage(SqlConnection &s, Id channelId, Id messageId)
{
    QSqlQuery &q = s.prepared("SELECT channel_id FROM messages WHERE id = ?");
    q.bindValue(0, qint64(messageId));
    if (!s.exec(q, "reaction message"))
        return storageError();
    const bool found = q.next() && Id(q.value(0).toLongLong()) == channelId;
    q.finish();
    if (!found)
        return Error::notFound(QStringLiteral("unknown message"));
    return std::nullopt;
}

} // namespace

Result<bool> add(SqlConnection &s, Id reactionId, Id channelId, Id messageId, Id userId, const QString &emoji,
                 int maxEmoji)
{
    if (auto e = checkMessage(s, channelId, messageId))
        return *e;
    QSqlQuery &c = s.prepared("SELECT COUNT(DISTINCT emoji), "
                              "COALESCE(SUM(CASE WHEN emoji = ? THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN emoji = ? AND user_id = ? THEN 1 ELSE 0 END), 0) "
                              "FROM reactions WHERE message_id = ?");
    c.bindValue(0, emoji);
    c.bindValue(1, emoji);
    c.bindValue(2, qint64(userId));
    c.bindValue(3, qint64(messageId));
    if (!s.exec(c, "reaction counts") || !c.next())
        return storageError();
    const int distinct = c.value(0).toInt();
    const bool emojiThere = c.value(1).toLongLong() > 0;
    const bool mine = c.value(2).toLongLong() > 0;
    c.finish();
    if (mine)
        return false;
    if (!emojiThere && distinct >= maxEmoji)
        return Error::conflict(QStringLiteral("a message holds at most %1 different emoji").arg(maxEmoji));
    QSqlQuery &q = s.prepared("INSERT INTO reactions (id, message_id, channel_id, user_id, emoji) VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (message_id, emoji, user_id) DO NOTHING");
    q.bindValue(0, qint64(reactionId));
    q.bindValue(1, qint64(messageId));
    q.bindValue(2, qint64(channelId));
    q.bindValue(3, qint64(userId));
    q.bindValue(4, emoji);
    if (!s.exec(q, "add reaction"))
        return storageError();
    return q.numRowsAffected() > 0;
}

Result<bool> remove(SqlConnection &s, Id channelId, Id messageId, Id userId, const QString &emoji)
{
    if (auto e = checkMessage(s, channelId, messageId))
        return *e;
    QSqlQuery &q = s.prepared("DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?");
    q.bindValue(0, qint64(messageId));
    q.bindValue(1, emoji);
    q.bindValue(2, qint64(userId));
    if (!s.exec(q, "remove reaction"))
        return storageError();
    return q.numRowsAffected() > 0;
}

Result<QList<ReactionRow>> range(SqlConnection &s, Id channelId, Id fromId, Id toId)
{
    QSqlQuery &q = s.prepared("SELECT message_id, emoji, user_id FROM reactions "
                              "WHERE channel_id = ? AND message_id >= ? AND message_id <= ? ORDER BY id");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(fromId));
    q.bindValue(2, qint64(toId));
    if (!s.exec(q, "reactions"))
        return storageError();
    QList<ReactionRow> out;
    while (q.next())
        out.append(ReactionRow{Id(q.value(0).toLongLong()), q.value(1).toString(), Id(q.value(2).toLongLong())});
    q.finish();
    return out;
}

} // namespace ReactionTable

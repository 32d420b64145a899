#include "ModerationTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::ModerationTable {

Result<Done> loadInto(SqlConnection &s, GuildSnapshot &snap)
{
    QSqlQuery &q = s.prepared("SELECT guild_id, user_id, until FROM member_timeouts");
    if (!s.exec(q, "load timeouts"))
        return storageError();
    QHash<QPair<Id, Id>, qint64> until;
    while (q.next())
        until.insert({Id(q.value(0).toLongLong()), Id(q.value(1).toLongLong())}, q.value(2).toLongLong());
    q.finish();
    if (!until.isEmpty())
        for (auto &[guildId, member] : snap.members)
            member.timeoutUntilMs = until.value({guildId, member.user.id}, 0);

    QSqlQuery &c = s.prepared("SELECT channel_id, seconds FROM channel_slowmode");
    if (!s.exec(c, "load slow mode"))
        return storageError();
    QHash<Id, int> slow;
    while (c.next())
        slow.insert(Id(c.value(0).toLongLong()), c.value(1).toInt());
    c.finish();
    if (!slow.isEmpty())
        for (Channel &channel : snap.channels)
            channel.slowmodeSeconds = slow.value(channel.id, 0);
    return Done{};
}

Result<Done> setSlowmode(SqlConnection &s, Id channelId, int seconds)
{
    if (!seconds) {
        QSqlQuery &q = s.prepared("DELETE FROM channel_slowmode WHERE channel_id = ?");
        q.bindValue(0, qint64(channelId));
        return s.run(q, "slow mode off");
    }
    QSqlQuery &q = s.prepared("INSERT INTO channel_slowmode (channel_id, seconds) VALUES (?, ?) "
                              "ON CONFLICT (channel_id) DO UPDATE SET seconds = excluded.seconds");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, seconds);
    return s.run(q, "slow mode");
}

Result<Done> setTimeout(SqlConnection &s, Id guildId, Id userId, qint64 untilMs)
{
    if (!untilMs) {
        QSqlQuery &q = s.prepared("DELETE FROM member_timeouts WHERE guild_id = ? AND user_id = ?");
        q.bindValue(0, qint64(guildId));
        q.bindValue(1, qint64(userId));
        return s.run(q, "lift timeout");
    }
    QSqlQuery &q = s.prepared("INSERT INTO member_timeouts (guild_id, user_id, until) VALUES (?, ?, ?) "
                              "ON CONFLICT (guild_id, user_id) DO UPDATE SET until = excluded.until");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(userId));
    q.bindValue(2, untilMs);
    return s.run(q, "set timeout");
}

Result<Done> ban(SqlConnection &s, Id guildId, const GuildBan &ban)
{
    // Banning again replaces the reason and the time: the latest decision stands.
    QSqlQuery &q = s.prepared("INSERT INTO guild_bans (guild_id, user_id, reason, created_at) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (guild_id, user_id) DO UPDATE SET reason = excluded.reason, "
                              "created_at = excluded.created_at");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(ban.userId));
    q.bindValue(2, ban.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(ban.reason));
    q.bindValue(3, ban.createdAtMs);
    return s.run(q, "ban");
}

Result<bool> unban(SqlConnection &s, Id guildId, Id userId)
{
    QSqlQuery &q = s.prepared("DELETE FROM guild_bans WHERE guild_id = ? AND user_id = ?");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(userId));
    if (!s.exec(q, "unban"))
        return storageError();
    return q.numRowsAffected() > 0;
}

Result<QList<GuildBan>> bans(SqlConnection &s, Id guildId)
{
    QSqlQuery &q = s.prepared(
        "SELECT user_id, reason, created_at FROM guild_bans WHERE guild_id = ? ORDER BY created_at, user_id");
    q.bindValue(0, qint64(guildId));
    if (!s.exec(q, "bans"))
        return storageError();
    QList<GuildBan> out;
    while (q.next())
        out.append({Id(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toLongLong()});
    q.finish();
    return out;
}

Result<bool> isBanned(SqlConnection &s, Id guildId, Id userId)
{
    QSqlQuery &q = s.prepared("SELECT 1 FROM guild_bans WHERE guild_id = ? AND user_id = ?");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(userId));
    if (!s.exec(q, "is banned"))
        return storageError();
    const bool found = q.next();
    q.finish();
    return found;
}

Result<QList<QPair<Id, Id>>> messagesOf(SqlConnection &s, Id userId, const QList<Id> &channelIds, Id sinceId)
{
    // One channel at a time: each walks messages_channel from sinceId, a short range.
    QSqlQuery &q = s.prepared("SELECT id FROM messages WHERE channel_id = ? AND id >= ? AND author_id = ?");
    QList<QPair<Id, Id>> out;
    for (Id channelId : channelIds) {
        q.bindValue(0, qint64(channelId));
        q.bindValue(1, qint64(sinceId));
        q.bindValue(2, qint64(userId));
        if (!s.exec(q, "messages of a banned user"))
            return storageError();
        while (q.next())
            out.append({Id(q.value(0).toLongLong()), channelId});
        q.finish();
    }
    return out;
}

} // namespace kith::server::ModerationTable

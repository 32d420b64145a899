#include "StatsTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::StatsTable {

namespace {
//! Runs a prepared query bound to `values` and reads (key, count) rows.
template <class Row>
bool rows(SqlConnection &s, QSqlQuery &q, const QVariantList &values, const char *name, QList<Row> *out)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!s.exec(q, name))
        return false;
    while (q.next()) {
        Row r;
        if constexpr (std::is_same_v<Row, DayCount>)
            r.day = q.value(0).toInt();
        else
            r.id = Id(q.value(0).toLongLong());
        r.count = q.value(1).toLongLong();
        out->append(r);
    }
    q.finish();
    return true;
}
} // namespace

Result<Done> countSessionStart(SqlConnection &s, Id userId, int day)
{
    QSqlQuery &q = s.prepared("INSERT INTO stats_connections (user_id, day, connections) VALUES (?, ?, 1) "
                              "ON CONFLICT (user_id, day) DO UPDATE "
                              "SET connections = stats_connections.connections + 1");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, day);
    return s.run(q, "count session start");
}

Result<Done> recordPeaks(SqlConnection &s, const QList<PeakOnline> &peaks)
{
    // INSERT ... SELECT so that a guild deleted since is skipped rather than failing the job
    // on its foreign key.
    QSqlQuery &q = s.prepared("INSERT INTO stats_peak_online (guild_id, day, peak) "
                              "SELECT id, ?, ? FROM guilds WHERE id = ? "
                              "ON CONFLICT (guild_id, day) DO UPDATE SET peak = CASE "
                              "WHEN excluded.peak > stats_peak_online.peak THEN excluded.peak "
                              "ELSE stats_peak_online.peak END");
    for (const PeakOnline &p : peaks) {
        q.bindValue(0, p.day);
        q.bindValue(1, p.peak);
        q.bindValue(2, qint64(p.guildId));
        if (auto r = s.run(q, "record peak online"); !r)
            return r;
    }
    return Done{};
}

Result<Done> addMessageCounts(SqlConnection &s, const QList<MessageCount> &counts)
{
    QSqlQuery &q = s.prepared("INSERT INTO stats_messages (guild_id, day, channel_id, user_id, messages) "
                              "SELECT id, ?, ?, ?, ? FROM guilds WHERE id = ? "
                              "ON CONFLICT (guild_id, day, channel_id, user_id) DO UPDATE "
                              "SET messages = stats_messages.messages + excluded.messages");
    for (const MessageCount &c : counts) {
        q.bindValue(0, c.day);
        q.bindValue(1, qint64(c.channelId));
        q.bindValue(2, qint64(c.userId));
        q.bindValue(3, c.count);
        q.bindValue(4, qint64(c.guildId));
        if (auto r = s.run(q, "add message counts"); !r)
            return r;
    }
    return Done{};
}

Result<GuildStats> guild(SqlConnection &s, Id guildId, int fromDay, int top)
{
    GuildStats out;
    const QVariantList byGuild{qint64(guildId), fromDay};
    const QVariantList byGuildTop{qint64(guildId), fromDay, top};
    // Each walks the guild's part of a primary key from fromDay: a few rows per day and key.
    if (!rows(s,
              s.prepared("SELECT day, SUM(messages) FROM stats_messages WHERE guild_id = ? AND day >= ? "
                         "GROUP BY day ORDER BY day"),
              byGuild, "stats messages per day", &out.messagesPerDay)
        || !rows(
            s,
            s.prepared("SELECT user_id, SUM(messages) AS n FROM stats_messages "
                       "WHERE guild_id = ? AND day >= ? GROUP BY user_id ORDER BY n DESC, user_id LIMIT ?"),
            byGuildTop, "stats top senders", &out.topSenders)
        || !rows(
            s,
            s.prepared("SELECT channel_id, SUM(messages) AS n FROM stats_messages "
                       "WHERE guild_id = ? AND day >= ? GROUP BY channel_id ORDER BY n DESC, channel_id"),
            byGuild, "stats busiest channels", &out.channels)
        || !rows(s,
                 s.prepared("SELECT c.user_id, SUM(c.connections) AS n FROM members m "
                            "JOIN stats_connections c ON c.user_id = m.user_id "
                            "WHERE m.guild_id = ? AND c.day >= ? GROUP BY c.user_id "
                            "ORDER BY n DESC, c.user_id LIMIT ?"),
                 byGuildTop, "stats most connected", &out.mostConnected)
        || !rows(s,
                 s.prepared(
                     "SELECT day, peak FROM stats_peak_online WHERE guild_id = ? AND day >= ? ORDER BY day"),
                 byGuild, "stats peak online", &out.peakOnline))
        return storageError();
    return out;
}

Result<ServerStats> server(SqlConnection &s, int fromDay, int top)
{
    ServerStats out;
    const QVariantList since{fromDay};
    const QVariantList sinceTop{fromDay, top};
    if (!rows(s,
              s.prepared(
                  "SELECT day, SUM(messages) FROM stats_messages WHERE day >= ? GROUP BY day ORDER BY day"),
              since, "server messages per day", &out.messagesPerDay)
        || !rows(s,
                 s.prepared("SELECT guild_id, SUM(messages) AS n FROM stats_messages WHERE day >= ? "
                            "GROUP BY guild_id ORDER BY n DESC, guild_id LIMIT ?"),
                 sinceTop, "server busiest guilds", &out.busiestGuilds)
        || !rows(s,
                 s.prepared("SELECT user_id, SUM(messages) AS n FROM stats_messages WHERE day >= ? "
                            "GROUP BY user_id ORDER BY n DESC, user_id LIMIT ?"),
                 sinceTop, "server top senders", &out.topSenders)
        || !rows(s,
                 s.prepared("SELECT user_id, SUM(connections) AS n FROM stats_connections WHERE day >= ? "
                            "GROUP BY user_id ORDER BY n DESC, user_id LIMIT ?"),
                 sinceTop, "server most connected", &out.mostConnected))
        return storageError();
    return out;
}

} // namespace kith::server::StatsTable

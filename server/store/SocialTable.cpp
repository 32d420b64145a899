#include "SocialTable.h"

#include "shared/Limits.h"
#include "store/SqlConnection.h"

#include <QVariant>
#include <algorithm>

namespace kith::server::SocialTable {

namespace {

int typeCode(RelationshipType t)
{
    switch (t) {
    case RelationshipType::Friend:
        return 1;
    case RelationshipType::Incoming:
        return 2;
    case RelationshipType::Outgoing:
        return 3;
    case RelationshipType::Blocked:
        return 4;
    case RelationshipType::None:
        break;
    }
    return 0;
}

RelationshipType typeFromCode(int code)
{
    switch (code) {
    case 1:
        return RelationshipType::Friend;
    case 2:
        return RelationshipType::Incoming;
    case 3:
        return RelationshipType::Outgoing;
    case 4:
        return RelationshipType::Blocked;
    }
    return RelationshipType::None;
}

Result<Done> insertDmChannel(SqlConnection &s, const Channel &c, qint64 nowMs)
{
    QSqlQuery &q = s.prepared("INSERT INTO channels (id, type, guild_id, name, topic, position, owner_id) "
                              "VALUES (?, ?, NULL, ?, '', 0, ?)");
    q.bindValue(0, qint64(c.id));
    q.bindValue(1, channelTypeName(c.type));
    // channels.name is NOT NULL; a DM without a name stores "" (the JSON says null).
    q.bindValue(2, c.name.isEmpty() ? QStringLiteral("") : c.name);
    q.bindValue(3, c.ownerId ? QVariant(qint64(c.ownerId)) : QVariant());
    if (!s.exec(q, "insert dm"))
        return storageError();
    for (const User &u : c.recipients)
        if (auto r = addRecipient(s, c.id, u.id, nowMs); !r)
            return r;
    return Done{};
}

//! Counts at most kUnreadCountCap rows of a query bound with the given values.
int cappedCount(SqlConnection &s, const char *sql, const char *name, const QVariantList &binds, bool *ok)
{
    QSqlQuery &q = s.prepared(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!s.exec(q, name)) {
        *ok = false;
        return 0;
    }
    const int n = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

} // namespace

Result<SocialSnapshot> loadAll(SqlConnection &s)
{
    SocialSnapshot snap;
    QSqlQuery &r = s.prepared("SELECT user_id, other_id, type FROM relationships");
    if (!s.exec(r, "load relationships"))
        return storageError();
    while (r.next())
        snap.relationships.append({Id(r.value(0).toLongLong()), Id(r.value(1).toLongLong()), typeFromCode(r.value(2).toInt())});
    r.finish();

    QSqlQuery &c = s.prepared("SELECT id, type, name, owner_id FROM channels WHERE guild_id IS NULL");
    if (!s.exec(c, "load dms"))
        return storageError();
    QHash<Id, qsizetype> index;
    while (c.next()) {
        Channel ch;
        ch.id = Id(c.value(0).toLongLong());
        ch.type = channelTypeFromName(c.value(1).toString());
        ch.name = c.value(2).toString();
        ch.ownerId = Id(c.value(3).toLongLong());
        index.insert(ch.id, snap.dms.size());
        snap.dms.append(ch);
    }
    c.finish();

    QSqlQuery &m = s.prepared("SELECT channel_id, user_id FROM dm_recipients ORDER BY added_at, rowid");
    if (!s.exec(m, "load dm recipients"))
        return storageError();
    while (m.next()) {
        auto it = index.constFind(Id(m.value(0).toLongLong()));
        if (it != index.cend())
            snap.dms[*it].recipients.append(User{Id(m.value(1).toLongLong()), {}, {}});
    }
    m.finish();
    return snap;
}

Result<RelationshipType> relationship(SqlConnection &s, Id userId, Id otherId)
{
    QSqlQuery &q = s.prepared("SELECT type FROM relationships WHERE user_id = ? AND other_id = ?");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, qint64(otherId));
    if (!s.exec(q, "relationship"))
        return storageError();
    const RelationshipType t = q.next() ? typeFromCode(q.value(0).toInt()) : RelationshipType::None;
    q.finish();
    return t;
}

Result<Done> setRelationship(SqlConnection &s, Id userId, Id otherId, RelationshipType type, qint64 nowMs)
{
    if (type == RelationshipType::None) {
        QSqlQuery &d = s.prepared("DELETE FROM relationships WHERE user_id = ? AND other_id = ?");
        d.bindValue(0, qint64(userId));
        d.bindValue(1, qint64(otherId));
        return s.run(d, "delete relationship");
    }
    QSqlQuery &q = s.prepared("INSERT INTO relationships (user_id, other_id, type, since) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (user_id, other_id) DO UPDATE SET type = excluded.type, since = excluded.since");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, qint64(otherId));
    q.bindValue(2, typeCode(type));
    q.bindValue(3, nowMs);
    return s.run(q, "set relationship");
}

Result<DmOpen> openDm(SqlConnection &s, const Channel &fresh, Id a, Id b, qint64 nowMs)
{
    const Id low = std::min(a, b), high = std::max(a, b);
    QSqlQuery &f = s.prepared("SELECT channel_id FROM dm_pairs WHERE low_id = ? AND high_id = ?");
    f.bindValue(0, qint64(low));
    f.bindValue(1, qint64(high));
    if (!s.exec(f, "find dm"))
        return storageError();
    if (f.next()) {
        const Id existing = Id(f.value(0).toLongLong());
        f.finish();
        return DmOpen{existing, false};
    }
    f.finish();
    if (auto r = insertDmChannel(s, fresh, nowMs); !r)
        return r.error();
    QSqlQuery &p = s.prepared("INSERT INTO dm_pairs (low_id, high_id, channel_id) VALUES (?, ?, ?)");
    p.bindValue(0, qint64(low));
    p.bindValue(1, qint64(high));
    p.bindValue(2, qint64(fresh.id));
    if (!s.exec(p, "insert dm pair"))
        return storageError();
    return DmOpen{fresh.id, true};
}

Result<Done> insertGroupDm(SqlConnection &s, const Channel &channel, qint64 nowMs)
{
    return insertDmChannel(s, channel, nowMs);
}

Result<Done> addRecipient(SqlConnection &s, Id channelId, Id userId, qint64 nowMs)
{
    QSqlQuery &q = s.prepared("INSERT INTO dm_recipients (channel_id, user_id, added_at) VALUES (?, ?, ?) "
                              "ON CONFLICT DO NOTHING");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(userId));
    q.bindValue(2, nowMs);
    return s.run(q, "add recipient");
}

Result<int> recipientCount(SqlConnection &s, Id channelId)
{
    QSqlQuery &q = s.prepared("SELECT COUNT(*) FROM dm_recipients WHERE channel_id = ?");
    q.bindValue(0, qint64(channelId));
    if (!s.exec(q, "recipient count") || !q.next())
        return storageError();
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<Done> removeRecipient(SqlConnection &s, Id channelId, Id userId)
{
    QSqlQuery &q = s.prepared("DELETE FROM dm_recipients WHERE channel_id = ? AND user_id = ?");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(userId));
    return s.run(q, "remove recipient");
}

Result<Done> setDmOwner(SqlConnection &s, Id channelId, Id ownerId)
{
    QSqlQuery &q = s.prepared("UPDATE channels SET owner_id = ? WHERE id = ?");
    q.bindValue(0, qint64(ownerId));
    q.bindValue(1, qint64(channelId));
    return s.run(q, "set dm owner");
}

Result<Id> ack(SqlConnection &s, Id userId, Id channelId, Id messageId)
{
    QSqlQuery &q = s.prepared("INSERT INTO read_states (user_id, channel_id, last_read_id) VALUES (?, ?, ?) "
                              "ON CONFLICT (user_id, channel_id) DO UPDATE SET "
                              "last_read_id = CASE WHEN excluded.last_read_id > read_states.last_read_id "
                              "THEN excluded.last_read_id ELSE read_states.last_read_id END");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, qint64(channelId));
    q.bindValue(2, qint64(messageId));
    if (!s.exec(q, "ack"))
        return storageError();
    QSqlQuery &r = s.prepared("SELECT last_read_id FROM read_states WHERE user_id = ? AND channel_id = ?");
    r.bindValue(0, qint64(userId));
    r.bindValue(1, qint64(channelId));
    if (!s.exec(r, "read marker") || !r.next())
        return storageError();
    const Id marker = Id(r.value(0).toLongLong());
    r.finish();
    return marker;
}

Result<QList<ReadCount>> readCounts(SqlConnection &s, Id userId, const QList<Id> &channelIds, const QList<Id> &blocked)
{
    QHash<Id, Id> markers;
    {
        QSqlQuery &q = s.prepared("SELECT channel_id, last_read_id FROM read_states WHERE user_id = ?");
        q.bindValue(0, qint64(userId));
        if (!s.exec(q, "read markers"))
            return storageError();
        while (q.next())
            markers.insert(Id(q.value(0).toLongLong()), Id(q.value(1).toLongLong()));
        q.finish();
    }
    QList<ReadCount> out;
    out.reserve(channelIds.size());
    bool ok = true;
    for (Id c : channelIds) {
        const Id marker = markers.value(c, 0);
        // Capped: a never-read channel with a million messages must not cost a full scan.
        const int unread = cappedCount(
            s,
            "SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE channel_id = ? AND id > ? AND author_id <> ? LIMIT ?) AS capped",
            "unread", {qint64(c), qint64(marker), qint64(userId), limits::kUnreadCountCap}, &ok);
        int mentions = 0;
        if (unread > 0) {
            // DISTINCT: a message naming me and @everyone counts once.
            QSqlQuery &q = s.prepared("SELECT DISTINCT message_id, author_id FROM mentions WHERE channel_id = ? "
                                      "AND message_id > ? AND user_id IN (?, 0) AND author_id <> ? LIMIT ?");
            q.bindValue(0, qint64(c));
            q.bindValue(1, qint64(marker));
            q.bindValue(2, qint64(userId));
            q.bindValue(3, qint64(userId));
            q.bindValue(4, limits::kUnreadCountCap);
            if (!s.exec(q, "mentions"))
                return storageError();
            while (q.next()) {
                if (!blocked.contains(Id(q.value(1).toLongLong())))
                    ++mentions;
            }
            q.finish();
        }
        if (!ok)
            return storageError();
        out.append({c, marker, unread, mentions});
    }
    return out;
}

Result<Done> insertMentions(SqlConnection &s, Id messageId, Id channelId, Id authorId, const QList<Id> &userIds)
{
    for (Id u : userIds) {
        QSqlQuery &q = s.prepared("INSERT INTO mentions (message_id, channel_id, user_id, author_id) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        q.bindValue(0, qint64(messageId));
        q.bindValue(1, qint64(channelId));
        q.bindValue(2, qint64(u));
        q.bindValue(3, qint64(authorId));
        if (!s.exec(q, "insert mention"))
            return storageError();
    }
    return Done{};
}

Result<Done> logConnection(SqlConnection &s, Id userId, const QString &session, const QString &kind, qint64 atMs,
                           const QString &address)
{
    QSqlQuery &q = s.prepared("INSERT INTO connection_log (user_id, session, kind, at, address) VALUES (?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, session);
    q.bindValue(2, kind);
    q.bindValue(3, atMs);
    q.bindValue(4, address);
    return s.run(q, "log connection");
}

Result<QList<QPair<Id, int>>> activity(SqlConnection &s, const QList<Id> &channelIds, Id sinceId, int limit)
{
    QList<QPair<Id, int>> out;
    bool ok = true;
    for (Id c : channelIds) {
        const int n = cappedCount(s, "SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE channel_id = ? AND id >= ? LIMIT ?) AS capped",
                                  "activity", {qint64(c), qint64(sinceId), 1000000}, &ok);
        if (!ok)
            return storageError();
        if (n > 0)
            out.append({c, n});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace kith::server::SocialTable

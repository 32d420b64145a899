#include "GuildTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::GuildTable {

Result<GuildSnapshot> loadAll(SqlConnection &s)
{
    GuildSnapshot snap;
    QSqlQuery &g = s.prepared("SELECT g.id, g.name, g.owner_id, i.attachment_id, d.discoverable, d.description "
                              "FROM guilds g LEFT JOIN guild_icons i ON i.guild_id = g.id "
                              "LEFT JOIN guild_directory d ON d.guild_id = g.id");
    if (!s.exec(g, "load guilds"))
        return storageError();
    while (g.next())
        snap.guilds.append({Id(g.value(0).toLongLong()), g.value(1).toString(), Id(g.value(2).toLongLong()),
                            g.value(3).isNull() ? QString() : profileImagePath(Id(g.value(3).toLongLong())),
                            g.value(4).toInt() != 0, g.value(5).toString()});
    g.finish();

    QSqlQuery &m = s.prepared("SELECT guild_id, user_id, role, joined_at FROM members");
    if (!s.exec(m, "load members"))
        return storageError();
    while (m.next()) {
        Member mem;
        mem.user.id = Id(m.value(1).toLongLong());
        // Guest (-1) is a rank too: clamping it to Member made every guest a member after a restart.
        mem.role = Role(qBound(int(Role::Guest), m.value(2).toInt(), int(Role::Owner)));
        mem.joinedAtMs = m.value(3).toLongLong();
        snap.members.append({Id(m.value(0).toLongLong()), mem});
    }
    m.finish();

    QSqlQuery &c = s.prepared("SELECT c.id, c.guild_id, c.name, c.topic, c.position, c.type, k.color, k.parent_id, "
                              "k.persistent, k.mode FROM channels c LEFT JOIN channel_kinds k ON k.channel_id = c.id "
                              "WHERE c.guild_id IS NOT NULL");
    if (!s.exec(c, "load channels"))
        return storageError();
    while (c.next()) {
        Channel ch;
        ch.id = Id(c.value(0).toLongLong());
        ch.guildId = Id(c.value(1).toLongLong());
        ch.name = c.value(2).toString();
        ch.topic = c.value(3).toString();
        ch.position = c.value(4).toInt();
        ch.type = channelTypeFromName(c.value(5).toString()) == ChannelType::Category ? ChannelType::Category
                                                                                      : ChannelType::Text;
        ch.color = c.value(6).toString();
        ch.parentId = Id(c.value(7).toLongLong());
        ch.persistent = c.value(8).isNull() || c.value(8).toInt() != 0;
        channelModeFromName(c.value(9).toString(), &ch.mode);
        snap.channels.append(ch);
    }
    c.finish();
    return snap;
}

Result<Done> insertGuild(SqlConnection &s, const Guild &guild)
{
    QSqlQuery &q = s.prepared("INSERT INTO guilds (id, name, owner_id) VALUES (?, ?, ?)");
    q.bindValue(0, qint64(guild.id));
    q.bindValue(1, guild.name);
    q.bindValue(2, qint64(guild.ownerId));
    return s.run(q, "insert guild");
}

Result<Done> updateGuild(SqlConnection &s, const Guild &guild)
{
    QSqlQuery &q = s.prepared("UPDATE guilds SET name = ?, owner_id = ? WHERE id = ?");
    q.bindValue(0, guild.name);
    q.bindValue(1, qint64(guild.ownerId));
    q.bindValue(2, qint64(guild.id));
    if (auto r = s.run(q, "update guild"); !r)
        return r;
    QSqlQuery &d = s.prepared("INSERT INTO guild_directory (guild_id, discoverable, description) VALUES (?, ?, ?) "
                              "ON CONFLICT (guild_id) DO UPDATE SET discoverable = excluded.discoverable, "
                              "description = excluded.description");
    d.bindValue(0, qint64(guild.id));
    d.bindValue(1, guild.discoverable ? 1 : 0);
    d.bindValue(2, guild.description.isNull() ? QStringLiteral("") : guild.description); // null binds NULL
    return s.run(d, "guild directory listing");
}

Result<Done> deleteGuild(SqlConnection &s, Id guildId)
{
    QSqlQuery &q = s.prepared("DELETE FROM guilds WHERE id = ?");
    q.bindValue(0, qint64(guildId));
    return s.run(q, "delete guild");
}

Result<Done> setOwner(SqlConnection &s, Id guildId, Id userId)
{
    QSqlQuery &q = s.prepared("UPDATE guilds SET owner_id = ? WHERE id = ?");
    q.bindValue(0, qint64(userId));
    q.bindValue(1, qint64(guildId));
    return s.run(q, "set owner");
}

Result<bool> insertMember(SqlConnection &s, Id guildId, const Member &member)
{
    QSqlQuery &q = s.prepared("INSERT INTO members (guild_id, user_id, role, joined_at) "
                              "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(member.user.id));
    q.bindValue(2, int(member.role));
    q.bindValue(3, member.joinedAtMs);
    if (!s.exec(q, "insert member"))
        return storageError();
    return q.numRowsAffected() > 0;
}

Result<Done> deleteMember(SqlConnection &s, Id guildId, Id userId)
{
    QSqlQuery &q = s.prepared("DELETE FROM members WHERE guild_id = ? AND user_id = ?");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(userId));
    return s.run(q, "delete member");
}

Result<bool> isMember(SqlConnection &s, Id guildId, Id userId)
{
    QSqlQuery &q = s.prepared("SELECT 1 FROM members WHERE guild_id = ? AND user_id = ?");
    q.bindValue(0, qint64(guildId));
    q.bindValue(1, qint64(userId));
    if (!s.exec(q, "is member"))
        return storageError();
    const bool found = q.next();
    q.finish();
    return found;
}

Result<Done> setRole(SqlConnection &s, Id guildId, Id userId, Role role)
{
    QSqlQuery &q = s.prepared("UPDATE members SET role = ? WHERE guild_id = ? AND user_id = ?");
    q.bindValue(0, int(role));
    q.bindValue(1, qint64(guildId));
    q.bindValue(2, qint64(userId));
    return s.run(q, "set role");
}

namespace {
//! parentId must still be a category of the guild: checked here too, so that a category deleted
//! after the request was authorised is refused like one that never was.
Result<Done> checkParent(SqlConnection &s, const Channel &channel)
{
    if (!channel.parentId)
        return Done{};
    QSqlQuery &q = s.prepared("SELECT 1 FROM channels WHERE id = ? AND guild_id = ? AND type = 'category'");
    q.bindValue(0, qint64(channel.parentId));
    q.bindValue(1, qint64(channel.guildId));
    if (!s.exec(q, "find category"))
        return storageError();
    const bool found = q.next();
    q.finish();
    if (!found)
        return Error::badRequest(QStringLiteral("parent_id must be a category of the same guild"));
    return Done{};
}

bool plainKinds(const Channel &channel)
{
    return channel.color.isEmpty() && !channel.parentId && channel.persistent && channel.mode == ChannelMode::Normal;
}

//! The channel's channel_kinds row: none while everything is as a v1 channel has it.
Result<Done> writeKinds(SqlConnection &s, const Channel &channel)
{
    if (plainKinds(channel)) {
        QSqlQuery &q = s.prepared("DELETE FROM channel_kinds WHERE channel_id = ?");
        q.bindValue(0, qint64(channel.id));
        return s.run(q, "plain channel kinds");
    }
    QSqlQuery &q = s.prepared("INSERT INTO channel_kinds (channel_id, color, parent_id, persistent, mode) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET color = excluded.color, "
                              "parent_id = excluded.parent_id, persistent = excluded.persistent, mode = excluded.mode");
    q.bindValue(0, qint64(channel.id));
    q.bindValue(1, channel.color.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(channel.color));
    q.bindValue(2, channel.parentId ? QVariant(qint64(channel.parentId)) : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(3, channel.persistent ? 1 : 0);
    q.bindValue(4, channelModeName(channel.mode));
    return s.run(q, "channel kinds");
}
} // namespace

Result<Done> insertChannel(SqlConnection &s, const Channel &channel)
{
    if (auto r = checkParent(s, channel); !r)
        return r;
    QSqlQuery &q = s.prepared(
        "INSERT INTO channels (id, type, guild_id, name, topic, position) VALUES (?, ?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(channel.id));
    q.bindValue(1, channelTypeName(channel.type));
    q.bindValue(2, qint64(channel.guildId));
    q.bindValue(3, channel.name);
    q.bindValue(4, channel.topic.isNull() ? QStringLiteral("") : channel.topic); // null QString binds NULL
    q.bindValue(5, channel.position);
    if (auto r = s.run(q, "insert channel"); !r)
        return r;
    if (plainKinds(channel))
        return Done{};
    if (auto r = writeKinds(s, channel); !r)
        return r;
    if (!channel.parentId)
        return Done{};
    // A channel made in a category starts with the category's overwrites.
    QSqlQuery &o = s.prepared("INSERT INTO channel_overwrites (channel_id, role_id, allow, deny) "
                              "SELECT ?, role_id, allow, deny FROM channel_overwrites WHERE channel_id = ?");
    o.bindValue(0, qint64(channel.id));
    o.bindValue(1, qint64(channel.parentId));
    return s.run(o, "copy category overwrites");
}

Result<Done> updateChannel(SqlConnection &s, const Channel &channel)
{
    if (auto r = checkParent(s, channel); !r)
        return r;
    QSqlQuery &q = s.prepared("UPDATE channels SET name = ?, topic = ?, position = ? WHERE id = ?");
    q.bindValue(0, channel.name);
    q.bindValue(1, channel.topic.isNull() ? QStringLiteral("") : channel.topic);
    q.bindValue(2, channel.position);
    q.bindValue(3, qint64(channel.id));
    if (auto r = s.run(q, "update channel"); !r)
        return r;
    return writeKinds(s, channel);
}

Result<Done> deleteChannel(SqlConnection &s, Id channelId)
{
    QSqlQuery &q = s.prepared("DELETE FROM channels WHERE id = ?");
    q.bindValue(0, qint64(channelId));
    return s.run(q, "delete channel");
}

Result<Done> insertInvite(SqlConnection &s, const QString &code, Id guildId, Id inviterId, qint64 nowMs)
{
    QSqlQuery &q = s.prepared(
        "INSERT INTO invites (code, guild_id, inviter_id, created_at) VALUES (?, ?, ?, ?)");
    q.bindValue(0, code);
    q.bindValue(1, qint64(guildId));
    q.bindValue(2, qint64(inviterId));
    q.bindValue(3, nowMs);
    return s.run(q, "insert invite");
}

Result<Id> findInvite(SqlConnection &s, const QString &code)
{
    QSqlQuery &q = s.prepared("SELECT guild_id FROM invites WHERE code = ?");
    q.bindValue(0, code);
    if (!s.exec(q, "find invite"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("unknown invite code"));
    const Id guildId = Id(q.value(0).toLongLong());
    q.finish();
    return guildId;
}

Result<Id> useInvite(SqlConnection &s, const QString &code)
{
    auto guildId = findInvite(s, code);
    if (!guildId)
        return guildId;
    QSqlQuery &u = s.prepared("UPDATE invites SET uses = uses + 1 WHERE code = ?");
    u.bindValue(0, code);
    if (!s.exec(u, "use invite"))
        return storageError();
    return guildId;
}

} // namespace kith::server::GuildTable

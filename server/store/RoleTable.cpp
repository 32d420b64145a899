#include "RoleTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::RoleTable {

namespace {
// A null QString binds NULL: no colour.
QVariant colorValue(const QString &color)
{
    return color.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(color);
}

//! Where a role of the guild stands; not_found when it is not (or no longer) there.
Result<int> positionOf(SqlConnection &s, Id guildId, Id roleId)
{
    QSqlQuery &q = s.prepared("SELECT position FROM roles WHERE id = ? AND guild_id = ?");
    q.bindValue(0, qint64(roleId));
    q.bindValue(1, qint64(guildId));
    if (!s.exec(q, "role position"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("unknown role"));
    const int at = q.value(0).toInt();
    q.finish();
    return at;
}
} // namespace

Result<Done> loadInto(SqlConnection &s, GuildSnapshot &snap)
{
    QSqlQuery &r =
        s.prepared("SELECT id, guild_id, name, color, position, permissions, mentionable FROM roles");
    if (!s.exec(r, "load roles"))
        return storageError();
    while (r.next()) {
        GuildRole role;
        role.id = Id(r.value(0).toLongLong());
        role.name = r.value(2).toString();
        role.color = r.value(3).isNull() ? QString() : r.value(3).toString();
        role.position = r.value(4).toInt();
        role.permissions = Permissions::fromBits(quint32(r.value(5).toLongLong()));
        role.mentionable = r.value(6).toInt() != 0;
        snap.roles.append({Id(r.value(1).toLongLong()), role});
    }
    r.finish();

    QHash<QPair<Id, Id>, QList<Id>> held; // (guild, user) -> roles
    QSqlQuery &m = s.prepared("SELECT guild_id, user_id, role_id FROM member_roles ORDER BY role_id");
    if (!s.exec(m, "load member roles"))
        return storageError();
    while (m.next())
        held[{Id(m.value(0).toLongLong()), Id(m.value(1).toLongLong())}].append(Id(m.value(2).toLongLong()));
    m.finish();
    if (!held.isEmpty()) {
        for (auto &[guildId, member] : snap.members)
            member.roleIds = held.value({guildId, member.user.id});
    }

    QHash<Id, QList<PermissionOverwrite>> overwrites;
    QSqlQuery &o =
        s.prepared("SELECT channel_id, role_id, allow, deny FROM channel_overwrites ORDER BY role_id");
    if (!s.exec(o, "load overwrites"))
        return storageError();
    while (o.next()) {
        PermissionOverwrite ow;
        ow.roleId = Id(o.value(1).toLongLong());
        ow.allow = Permissions::fromBits(quint32(o.value(2).toLongLong()));
        ow.deny = Permissions::fromBits(quint32(o.value(3).toLongLong()));
        overwrites[Id(o.value(0).toLongLong())].append(ow);
    }
    o.finish();
    if (!overwrites.isEmpty()) {
        for (Channel &c : snap.channels)
            c.overwrites = overwrites.value(c.id);
    }
    return Done{};
}

Result<Done> insert(SqlConnection &s, Id guildId, const GuildRole &role)
{
    QSqlQuery &q =
        s.prepared("INSERT INTO roles (id, guild_id, name, color, position, permissions, mentionable) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(role.id));
    q.bindValue(1, qint64(guildId));
    q.bindValue(2, role.name);
    q.bindValue(3, colorValue(role.color));
    q.bindValue(4, role.position);
    q.bindValue(5, qint64(role.permissions.bits()));
    q.bindValue(6, role.mentionable ? 1 : 0);
    return s.run(q, "insert role");
}

Result<Done> create(SqlConnection &s, Id guildId, const GuildRole &role)
{
    QSqlQuery &up =
        s.prepared("UPDATE roles SET position = position + 1 WHERE guild_id = ? AND position >= 1");
    up.bindValue(0, qint64(guildId));
    if (auto r = s.run(up, "make room for a role"); !r)
        return r;
    GuildRole placed = role;
    placed.position = 1;
    return insert(s, guildId, placed);
}

Result<Done> update(SqlConnection &s, Id guildId, const GuildRole &role)
{
    QSqlQuery &q = s.prepared("UPDATE roles SET name = ?, color = ?, permissions = ?, mentionable = ? "
                              "WHERE id = ? AND guild_id = ?");
    q.bindValue(0, role.name);
    q.bindValue(1, colorValue(role.color));
    q.bindValue(2, qint64(role.permissions.bits()));
    q.bindValue(3, role.mentionable ? 1 : 0);
    q.bindValue(4, qint64(role.id));
    q.bindValue(5, qint64(guildId));
    if (!s.exec(q, "update role"))
        return storageError();
    if (q.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("unknown role"));
    return Done{};
}

Result<Done> remove(SqlConnection &s, Id guildId, Id roleId)
{
    auto at = positionOf(s, guildId, roleId);
    if (!at)
        return at.error();
    // member_roles and channel_overwrites follow by ON DELETE CASCADE.
    QSqlQuery &q = s.prepared("DELETE FROM roles WHERE id = ?");
    q.bindValue(0, qint64(roleId));
    if (auto r = s.run(q, "delete role"); !r)
        return r;
    QSqlQuery &down =
        s.prepared("UPDATE roles SET position = position - 1 WHERE guild_id = ? AND position > ?");
    down.bindValue(0, qint64(guildId));
    down.bindValue(1, at.value());
    return s.run(down, "close the gap of a role");
}

Result<Done> reorder(SqlConnection &s, Id guildId, const QList<Id> &roleIds)
{
    QSqlQuery &n = s.prepared("SELECT COUNT(*) FROM roles WHERE guild_id = ? AND id <> guild_id");
    n.bindValue(0, qint64(guildId));
    if (!s.exec(n, "count roles") || !n.next())
        return storageError();
    const qint64 count = n.value(0).toLongLong();
    n.finish();
    if (count != roleIds.size())
        return Error::conflict(QStringLiteral("the guild's roles changed meanwhile"));
    for (qsizetype i = 0; i < roleIds.size(); ++i) {
        QSqlQuery &q =
            s.prepared("UPDATE roles SET position = ? WHERE id = ? AND guild_id = ? AND id <> guild_id");
        q.bindValue(0, int(i + 1));
        q.bindValue(1, qint64(roleIds[i]));
        q.bindValue(2, qint64(guildId));
        if (!s.exec(q, "reorder role"))
            return storageError();
        if (q.numRowsAffected() == 0)
            return Error::conflict(QStringLiteral("the guild's roles changed meanwhile"));
    }
    return Done{};
}

Result<Done> setMemberRoles(SqlConnection &s, Id guildId, Id userId, const QList<Id> &roleIds)
{
    QSqlQuery &m = s.prepared("SELECT 1 FROM members WHERE guild_id = ? AND user_id = ?");
    m.bindValue(0, qint64(guildId));
    m.bindValue(1, qint64(userId));
    if (!s.exec(m, "is member"))
        return storageError();
    const bool member = m.next();
    m.finish();
    if (!member)
        return Error::notFound(QStringLiteral("that user is not a member of this guild"));
    QSqlQuery &d = s.prepared("DELETE FROM member_roles WHERE guild_id = ? AND user_id = ?");
    d.bindValue(0, qint64(guildId));
    d.bindValue(1, qint64(userId));
    if (auto r = s.run(d, "clear member roles"); !r)
        return r;
    for (Id roleId : roleIds) {
        if (auto at = positionOf(s, guildId, roleId); !at)
            return at.error();
        QSqlQuery &q = s.prepared("INSERT INTO member_roles (guild_id, user_id, role_id) VALUES (?, ?, ?)");
        q.bindValue(0, qint64(guildId));
        q.bindValue(1, qint64(userId));
        q.bindValue(2, qint64(roleId));
        if (auto r = s.run(q, "insert member role"); !r)
            return r;
    }
    return Done{};
}

Result<Done> setOverwrite(SqlConnection &s, Id guildId, Id channelId, const PermissionOverwrite &overwrite)
{
    if (auto at = positionOf(s, guildId, overwrite.roleId); !at)
        return at.error();
    QSqlQuery &c = s.prepared("SELECT 1 FROM channels WHERE id = ? AND guild_id = ?");
    c.bindValue(0, qint64(channelId));
    c.bindValue(1, qint64(guildId));
    if (!s.exec(c, "find channel"))
        return storageError();
    const bool found = c.next();
    c.finish();
    if (!found)
        return Error::notFound(QStringLiteral("unknown channel"));
    QSqlQuery &q = s.prepared(
        "INSERT INTO channel_overwrites (channel_id, role_id, allow, deny) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (channel_id, role_id) DO UPDATE SET allow = excluded.allow, deny = excluded.deny");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(overwrite.roleId));
    q.bindValue(2, qint64(overwrite.allow.bits()));
    q.bindValue(3, qint64(overwrite.deny.bits()));
    return s.run(q, "set overwrite");
}

Result<Done> deleteOverwrite(SqlConnection &s, Id channelId, Id roleId)
{
    QSqlQuery &q = s.prepared("DELETE FROM channel_overwrites WHERE channel_id = ? AND role_id = ?");
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(roleId));
    return s.run(q, "delete overwrite");
}

} // namespace kith::server::RoleTable

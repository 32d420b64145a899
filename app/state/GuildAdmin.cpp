#include "GuildAdmin.h"

#include "ClientState.h"
#include "net/Connection.h"
#include "shared/Protocol.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <limits>

namespace kith::app {

namespace {
const QLatin1String kGuildId("guild_id");
const QLatin1String kUserId("user_id");
const QLatin1String kRoleId("role_id");
const QLatin1String kChannelId("channel_id");

QJsonArray idArray(const QList<Id> &ids)
{
    QJsonArray out;
    for (Id id : ids)
        out.append(idJson(id));
    return out;
}
} // namespace

GuildAdmin::GuildAdmin(ClientState *state, Connection *connection, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_connection(connection)
{ }

Permissions GuildAdmin::myPermissions(Id guildId) const
{
    const Member *me = m_state->member(guildId, m_state->me().id);
    if (!me)
        return {};
    if (me->role == Role::Owner)
        return Permissions::all();
    if (me->role == Role::Admin)
        return Permissions::all() & ~Permissions(Permission::ManageRoles);
    Permissions out;
    for (const GuildRole &r : m_state->roles(guildId))
        if (r.id == guildId || me->roleIds.contains(r.id))
            out |= r.permissions;
    return out;
}

int GuildAdmin::myTopPosition(Id guildId) const
{
    const Member *me = m_state->member(guildId, m_state->me().id);
    if (!me)
        return -1;
    if (me->role == Role::Owner)
        return std::numeric_limits<int>::max();
    const QList<GuildRole> roles = m_state->roles(guildId);
    const GuildRole *top = RoleBook::highest(roles, guildId, *me);
    return top ? top->position : 0;
}

bool GuildAdmin::outranks(Id guildId, const Member &target) const
{
    const Member *me = m_state->member(guildId, m_state->me().id);
    if (!me || target.user.id == me->user.id || target.role == Role::Owner)
        return false;
    if (me->role != target.role)
        return int(me->role) > int(target.role);
    if (me->role != Role::Member)
        return false; // two admins: neither acts on the other
    const QList<GuildRole> roles = m_state->roles(guildId);
    const GuildRole *theirs = RoleBook::highest(roles, guildId, target);
    return myTopPosition(guildId) > (theirs ? theirs->position : 0);
}

void GuildAdmin::call(QLatin1String op, const QJsonObject &d, QObject *context, Done done)
{
    m_connection->request(op, d, context, [done = std::move(done)](const Reply &r) {
        if (done)
            done(r.ok, r.error.message);
    });
}

void GuildAdmin::createRole(Id guildId, const QString &name, QObject *context,
                            std::function<void(bool, const QString &, Id)> done)
{
    m_connection->request(op::RoleCreate, {{kGuildId, idJson(guildId)}, {QLatin1String("name"), name}},
                          context, [done = std::move(done)](const Reply &r) {
                              done(r.ok, r.error.message,
                                   r.ok ? idFromJson(r.d.value(QLatin1String("id"))) : 0);
                          });
}

void GuildAdmin::updateRole(Id guildId, const GuildRole &role, QObject *context, Done done)
{
    call(op::RoleUpdate,
         {{kGuildId, idJson(guildId)},
          {kRoleId, idJson(role.id)},
          {QLatin1String("name"), role.name},
          {QLatin1String("color"), role.color.isEmpty() ? QJsonValue() : QJsonValue(role.color)},
          {QLatin1String("permissions"), role.permissions.toJson()},
          {QLatin1String("mentionable"), role.mentionable}},
         context, std::move(done));
}

void GuildAdmin::deleteRole(Id guildId, Id roleId, QObject *context, Done done)
{
    call(op::RoleDelete, {{kGuildId, idJson(guildId)}, {kRoleId, idJson(roleId)}}, context, std::move(done));
}

void GuildAdmin::reorderRoles(Id guildId, const QList<Id> &roleIds, QObject *context, Done done)
{
    call(op::RoleReorder, {{kGuildId, idJson(guildId)}, {QLatin1String("role_ids"), idArray(roleIds)}},
         context, std::move(done));
}

void GuildAdmin::setMemberRoles(Id guildId, Id userId, const QList<Id> &roleIds, QObject *context, Done done)
{
    call(op::MemberSetRoles,
         {{kGuildId, idJson(guildId)},
          {kUserId, idJson(userId)},
          {QLatin1String("role_ids"), idArray(roleIds)}},
         context, std::move(done));
}

void GuildAdmin::kick(Id guildId, Id userId, QObject *context, Done done)
{
    call(op::MemberKick, {{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}}, context, std::move(done));
}

void GuildAdmin::ban(Id guildId, Id userId, const QString &reason, int deleteMessageSeconds, QObject *context,
                     Done done)
{
    QJsonObject d{{kGuildId, idJson(guildId)},
                  {kUserId, idJson(userId)},
                  {QLatin1String("delete_message_seconds"), deleteMessageSeconds}};
    if (!reason.trimmed().isEmpty())
        d.insert(QLatin1String("reason"), reason.trimmed());
    call(op::MemberBan, d, context, std::move(done));
}

void GuildAdmin::unban(Id guildId, Id userId, QObject *context, Done done)
{
    call(op::MemberUnban, {{kGuildId, idJson(guildId)}, {kUserId, idJson(userId)}}, context, std::move(done));
}

void GuildAdmin::timeout(Id guildId, Id userId, qint64 untilMs, QObject *context, Done done)
{
    call(op::MemberTimeout,
         {{kGuildId, idJson(guildId)},
          {kUserId, idJson(userId)},
          {QLatin1String("until"), untilMs ? QJsonValue(isoTime(untilMs)) : QJsonValue()}},
         context, std::move(done));
}

void GuildAdmin::bans(Id guildId, QObject *context,
                      std::function<void(bool, const QString &, QList<Ban>)> done)
{
    m_connection->request(
        op::GuildBans, {{kGuildId, idJson(guildId)}}, context, [done = std::move(done)](const Reply &r) {
            QList<Ban> out;
            for (const QJsonValue &v : r.d.value(QLatin1String("bans")).toArray()) {
                const QJsonObject b = v.toObject();
                out.append(
                    {User::fromJson(b.value(QLatin1String("user")).toObject()),
                     b.value(QLatin1String("reason")).toString(),
                     QDateTime::fromString(b.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs)
                         .toMSecsSinceEpoch()});
            }
            done(r.ok, r.error.message, out);
        });
}

void GuildAdmin::auditLog(Id guildId, Id before, QObject *context,
                          std::function<void(bool, const QString &, QList<AuditEntry>)> done)
{
    QJsonObject d{{kGuildId, idJson(guildId)}, {QLatin1String("limit"), 100}};
    if (before)
        d.insert(QLatin1String("before"), idJson(before));
    m_connection->request(op::GuildAuditLog, d, context, [done = std::move(done)](const Reply &r) {
        QList<AuditEntry> out;
        for (const QJsonValue &v : r.d.value(QLatin1String("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            out.append(
                {idFromJson(e.value(QLatin1String("id"))), e.value(QLatin1String("action")).toString(),
                 idFromJson(e.value(QLatin1String("actor_id"))),
                 idFromJson(e.value(QLatin1String("target_id"))), e.value(QLatin1String("reason")).toString(),
                 e.value(QLatin1String("changes")).toObject(),
                 QDateTime::fromString(e.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch()});
        }
        done(r.ok, r.error.message, out);
    });
}

void GuildAdmin::updateGuild(Id guildId, const QString &name, const QString &description, bool discoverable,
                             QObject *context, Done done)
{
    call(op::GuildUpdate,
         {{kGuildId, idJson(guildId)},
          {QLatin1String("name"), name},
          {QLatin1String("description"), description},
          {QLatin1String("discoverable"), discoverable}},
         context, std::move(done));
}

void GuildAdmin::stats(Id guildId, int days, QObject *context,
                       std::function<void(bool, const QString &, Stats)> done)
{
    m_connection->request(op::StatsGuild, {{kGuildId, idJson(guildId)}, {QLatin1String("days"), days}},
                          context, [days, done = std::move(done)](const Reply &r) {
        Stats out;
        const QDate last = QDateTime::currentDateTimeUtc().date();
        auto series = [&](QLatin1String key) {
            QHash<QDate, int> counts;
            for (const QJsonValue &v : r.d.value(key).toArray()) {
                const QJsonObject o = v.toObject();
                counts.insert(QDate::fromString(o.value(QLatin1String("day")).toString(), Qt::ISODate),
                              o.value(QLatin1String("count")).toInt());
            }
            QList<QPair<QDate, int>> points;
            for (QDate d = last.addDays(1 - days); d <= last; d = d.addDays(1))
                points.append({d, counts.value(d)});
            return points;
        };
        auto people = [&](QLatin1String key, QLatin1String count) {
            QList<QPair<User, int>> list;
            for (const QJsonValue &v : r.d.value(key).toArray()) {
                const QJsonObject o = v.toObject();
                list.append({User::fromJson(o.value(QLatin1String("user")).toObject()), o.value(count).toInt()});
            }
            return list;
        };
        if (r.ok) {
            out.messagesPerDay = series(QLatin1String("messages_per_day"));
            out.peakOnline = series(QLatin1String("peak_online"));
            out.topSenders = people(QLatin1String("top_senders"), QLatin1String("count"));
            out.mostConnected = people(QLatin1String("most_connected"), QLatin1String("connections"));
            for (const QJsonValue &v : r.d.value(QLatin1String("busiest_channels")).toArray()) {
                const QJsonObject o = v.toObject();
                out.busiestChannels.append(
                    {idFromJson(o.value(QLatin1String("channel_id"))), o.value(QLatin1String("count")).toInt()});
            }
        }
        done(r.ok, r.error.message, out);
    });
}

void GuildAdmin::updateChannel(const Channel &channel, QObject *context, Done done)
{
    QJsonObject d{{kChannelId, idJson(channel.id)},
                  {QLatin1String("name"), channel.name},
                  {QLatin1String("color"), channel.color.isEmpty() ? QJsonValue() : QJsonValue(channel.color)}};
    // A category has neither topic, slow mode nor a category of its own.
    if (!channel.isCategory()) {
        d.insert(QLatin1String("topic"), channel.topic);
        d.insert(QLatin1String("slowmode_seconds"), channel.slowmodeSeconds);
        d.insert(QLatin1String("parent_id"), channel.parentId ? idJson(channel.parentId) : QJsonValue());
    }
    call(op::ChannelUpdate, d, context, std::move(done));
}

void GuildAdmin::setOverwrite(Id channelId, const PermissionOverwrite &overwrite, QObject *context, Done done)
{
    if (overwrite.allow.isEmpty() && overwrite.deny.isEmpty()) {
        call(op::ChannelDeleteOverwrite, {{kChannelId, idJson(channelId)}, {kRoleId, idJson(overwrite.roleId)}},
             context, std::move(done));
        return;
    }
    call(op::ChannelSetOverwrite,
         {{kChannelId, idJson(channelId)},
          {kRoleId, idJson(overwrite.roleId)},
          {QLatin1String("allow"), overwrite.allow.toJson()},
          {QLatin1String("deny"), overwrite.deny.toJson()}},
         context, std::move(done));
}

void GuildAdmin::searchDirectory(const QString &query, QObject *context,
                                 std::function<void(bool, const QString &, QList<Listed>)> done)
{
    QJsonObject d{{QLatin1String("limit"), 50}};
    if (!query.trimmed().isEmpty())
        d.insert(QLatin1String("query"), query.trimmed());
    m_connection->request(op::DirectorySearch, d, context, [done = std::move(done)](const Reply &r) {
        QList<Listed> out;
        for (const QJsonValue &v : r.d.value(QLatin1String("guilds")).toArray()) {
            const QJsonObject g = v.toObject();
            out.append({idFromJson(g.value(QLatin1String("id"))), g.value(QLatin1String("name")).toString(),
                        g.value(QLatin1String("description")).toString(), g.value(QLatin1String("icon")).toString(),
                        g.value(QLatin1String("member_count")).toInt(),
                        g.value(QLatin1String("online_count")).toInt()});
        }
        done(r.ok, r.error.message, out);
    });
}

} // namespace kith::app

#include "Types.h"

#include <QDateTime>
#include <QTimeZone>

namespace kith {

namespace {
const QLatin1String kId{"id"};
} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Owner:
        return QStringLiteral("owner");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Member:
        break;
    }
    return QStringLiteral("member");
}

bool roleFromName(const QString &name, Role *out)
{
    if (name == u"owner")
        *out = Role::Owner;
    else if (name == u"admin")
        *out = Role::Admin;
    else if (name == u"member")
        *out = Role::Member;
    else
        return false;
    return true;
}

QString isoTime(qint64 unixMs)
{
    // Qt::UTC (not QTimeZone::utc()) so the ISO form ends in "Z" as the protocol says.
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue idJson(Id id)
{
    return id ? QJsonValue(snowflake::toString(id)) : QJsonValue(QJsonValue::Null);
}

Id idFromJson(const QJsonValue &v)
{
    Id out = 0;
    return v.isString() && snowflake::parse(v.toString(), &out) ? out : 0;
}

QJsonObject User::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("username"), username},
            {QLatin1String("display_name"), displayName}};
}

User User::fromJson(const QJsonObject &o)
{
    return {idFromJson(o.value(kId)), o.value(QLatin1String("username")).toString(),
            o.value(QLatin1String("display_name")).toString()};
}

QJsonObject Member::toJson() const
{
    return {{QLatin1String("user"), user.toJson()},
            {QLatin1String("role"), roleName(role)},
            {QLatin1String("joined_at"), isoTime(joinedAtMs)}};
}

Member Member::fromJson(const QJsonObject &o)
{
    Member m;
    m.user = User::fromJson(o.value(QLatin1String("user")).toObject());
    roleFromName(o.value(QLatin1String("role")).toString(), &m.role);
    m.joinedAtMs = QDateTime::fromString(o.value(QLatin1String("joined_at")).toString(),
                                         Qt::ISODateWithMs)
                       .toMSecsSinceEpoch();
    return m;
}

QJsonObject Channel::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("guild_id"), idJson(guildId)},
            {QLatin1String("type"), QStringLiteral("text")},
            {QLatin1String("name"), name},
            {QLatin1String("topic"), topic},
            {QLatin1String("position"), position}};
}

Channel Channel::fromJson(const QJsonObject &o)
{
    Channel c;
    c.id = idFromJson(o.value(kId));
    c.guildId = idFromJson(o.value(QLatin1String("guild_id")));
    c.name = o.value(QLatin1String("name")).toString();
    c.topic = o.value(QLatin1String("topic")).toString();
    c.position = o.value(QLatin1String("position")).toInt();
    return c;
}

QJsonObject Guild::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("name"), name},
            {QLatin1String("owner_id"), idJson(ownerId)},
            {QLatin1String("created_at"), isoTime(snowflake::timestampMs(id))}};
}

Guild Guild::fromJson(const QJsonObject &o)
{
    return {idFromJson(o.value(kId)), o.value(QLatin1String("name")).toString(),
            idFromJson(o.value(QLatin1String("owner_id")))};
}

QJsonObject guildWithContents(const Guild &guild, const QList<Channel> &channels,
                              const QList<Member> &members)
{
    QJsonObject o = guild.toJson();
    QJsonArray cs, ms;
    for (const Channel &c : channels)
        cs.append(c.toJson());
    for (const Member &m : members)
        ms.append(m.toJson());
    o.insert(QLatin1String("channels"), cs);
    o.insert(QLatin1String("members"), ms);
    return o;
}

QJsonObject Message::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("channel_id"), idJson(channelId)},
            {QLatin1String("guild_id"), idJson(guildId)},
            {QLatin1String("author"), author.toJson()},
            {QLatin1String("content"), content},
            {QLatin1String("nonce"), nonce.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(nonce)},
            {QLatin1String("created_at"), isoTime(snowflake::timestampMs(id))},
            {QLatin1String("edited_at"),
             editedAtMs ? QJsonValue(isoTime(editedAtMs)) : QJsonValue(QJsonValue::Null)}};
}

Message Message::fromJson(const QJsonObject &o)
{
    Message m;
    m.id = idFromJson(o.value(kId));
    m.channelId = idFromJson(o.value(QLatin1String("channel_id")));
    m.guildId = idFromJson(o.value(QLatin1String("guild_id")));
    m.author = User::fromJson(o.value(QLatin1String("author")).toObject());
    m.content = o.value(QLatin1String("content")).toString();
    m.nonce = o.value(QLatin1String("nonce")).toString();
    const QJsonValue edited = o.value(QLatin1String("edited_at"));
    if (edited.isString())
        m.editedAtMs = QDateTime::fromString(edited.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    return m;
}

} // namespace kith

#include "Types.h"

#include <QUrl>

#include <QDateTime>
#include <QTimeZone>
#include <cstdio>

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
    case Role::Guest:
        return QStringLiteral("guest");
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
    else if (name == u"guest")
        *out = Role::Guest;
    else
        return false;
    return true;
}

CivilTime civilTime(qint64 unixMs)
{
    qint64 days = unixMs >= 0 ? unixMs / 86400000 : (unixMs - 86399999) / 86400000;
    const qint64 msOfDay = unixMs - days * 86400000;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, int(msOfDay / 3600000),
            int(msOfDay / 60000 % 60), int(msOfDay / 1000 % 60), int(msOfDay % 1000)};
}

QString isoTime(qint64 unixMs)
{
    // Hand-rolled: QDateTime::toString was a tenth of the cost of a history page.
    const CivilTime t = civilTime(unixMs);
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second, t.ms);
    return QString::fromLatin1(buf, n);
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

QString profileImagePath(Id attachmentId)
{
    return QStringLiteral("/api/v1/avatars/%1.png").arg(attachmentId);
}

QJsonObject User::toJson() const
{
    QJsonObject o{{kId, idJson(id)},
                  {QLatin1String("username"), username},
                  {QLatin1String("display_name"), displayName}};
    if (guest) // only guests carry it: an account's object is exactly as in v1
        o.insert(QLatin1String("guest"), true);
    if (serverAdmin) // likewise only server admins
        o.insert(QLatin1String("server_admin"), true);
    o.insert(QLatin1String("avatar"), avatar.isEmpty() ? QJsonValue() : QJsonValue(avatar));
    return o;
}

User User::fromJson(const QJsonObject &o)
{
    return {idFromJson(o.value(kId)), o.value(QLatin1String("username")).toString(),
            o.value(QLatin1String("display_name")).toString(), o.value(QLatin1String("guest")).toBool(),
            o.value(QLatin1String("server_admin")).toBool(), o.value(QLatin1String("avatar")).toString()};
}

namespace {
QJsonArray idsJson(const QList<Id> &ids)
{
    QJsonArray out;
    for (Id id : ids)
        out.append(idJson(id));
    return out;
}
} // namespace

QJsonObject Member::toJson() const
{
    QJsonObject o{{QLatin1String("user"), user.toJson()},
                  {QLatin1String("role"), roleName(role)},
                  {QLatin1String("joined_at"), isoTime(joinedAtMs)},
                  {QLatin1String("role_ids"), idsJson(roleIds)}};
    if (timeoutUntilMs) // only when set: v1 members look as they always did
        o.insert(QLatin1String("timeout_until"), isoTime(timeoutUntilMs));
    return o;
}

Member Member::fromJson(const QJsonObject &o)
{
    Member m;
    m.user = User::fromJson(o.value(QLatin1String("user")).toObject());
    roleFromName(o.value(QLatin1String("role")).toString(), &m.role);
    m.joinedAtMs = QDateTime::fromString(o.value(QLatin1String("joined_at")).toString(),
                                         Qt::ISODateWithMs)
                       .toMSecsSinceEpoch();
    for (const QJsonValue &v : o.value(QLatin1String("role_ids")).toArray())
        if (const Id id = idFromJson(v))
            m.roleIds.append(id);
    if (const QJsonValue t = o.value(QLatin1String("timeout_until")); t.isString())
        m.timeoutUntilMs = QDateTime::fromString(t.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    return m;
}

QString channelTypeName(ChannelType type)
{
    switch (type) {
    case ChannelType::Dm:
        return QStringLiteral("dm");
    case ChannelType::GroupDm:
        return QStringLiteral("group_dm");
    case ChannelType::Category:
        return QStringLiteral("category");
    case ChannelType::Text:
        break;
    }
    return QStringLiteral("text");
}

ChannelType channelTypeFromName(const QString &name)
{
    if (name == u"dm")
        return ChannelType::Dm;
    if (name == u"group_dm")
        return ChannelType::GroupDm;
    if (name == u"category")
        return ChannelType::Category;
    return ChannelType::Text;
}

QString channelModeName(ChannelMode mode)
{
    return mode == ChannelMode::Roulette ? QStringLiteral("roulette") : QStringLiteral("normal");
}

bool channelModeFromName(const QString &name, ChannelMode *out)
{
    if (name == u"normal")
        *out = ChannelMode::Normal;
    else if (name == u"roulette")
        *out = ChannelMode::Roulette;
    else
        return false;
    return true;
}

QJsonObject Channel::toJson() const
{
    if (isDm()) {
        QJsonArray rs;
        for (const User &u : recipients)
            rs.append(u.toJson());
        return {{kId, idJson(id)},
                {QLatin1String("type"), channelTypeName(type)},
                {QLatin1String("guild_id"), QJsonValue(QJsonValue::Null)},
                {QLatin1String("name"), type == ChannelType::GroupDm && !name.isEmpty() ? QJsonValue(name) : QJsonValue(QJsonValue::Null)},
                {QLatin1String("owner_id"), type == ChannelType::GroupDm ? idJson(ownerId) : QJsonValue(QJsonValue::Null)},
                {QLatin1String("recipients"), rs},
                {QLatin1String("last_message_id"), idJson(lastMessageId)}};
    }
    QJsonArray ows;
    for (const PermissionOverwrite &o : overwrites)
        ows.append(QJsonObject{{QLatin1String("role_id"), idJson(o.roleId)},
                               {QLatin1String("allow"), o.allow.toJson()},
                               {QLatin1String("deny"), o.deny.toJson()}});
    return {{kId, idJson(id)},
            {QLatin1String("guild_id"), idJson(guildId)},
            {QLatin1String("type"), channelTypeName(type)},
            {QLatin1String("name"), name},
            {QLatin1String("topic"), topic},
            {QLatin1String("position"), position},
            {QLatin1String("slowmode_seconds"), slowmodeSeconds},
            {QLatin1String("last_message_id"), idJson(lastMessageId)},
            {QLatin1String("overwrites"), ows},
            {QLatin1String("color"), color.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(color)},
            {QLatin1String("parent_id"), idJson(parentId)},
            {QLatin1String("persistent"), persistent},
            {QLatin1String("mode"), channelModeName(mode)}};
}

Channel Channel::fromJson(const QJsonObject &o)
{
    Channel c;
    c.id = idFromJson(o.value(kId));
    c.guildId = idFromJson(o.value(QLatin1String("guild_id")));
    c.name = o.value(QLatin1String("name")).toString();
    c.topic = o.value(QLatin1String("topic")).toString();
    c.position = o.value(QLatin1String("position")).toInt();
    c.slowmodeSeconds = o.value(QLatin1String("slowmode_seconds")).toInt();
    c.type = channelTypeFromName(o.value(QLatin1String("type")).toString());
    c.ownerId = idFromJson(o.value(QLatin1String("owner_id")));
    for (const QJsonValue &r : o.value(QLatin1String("recipients")).toArray())
        c.recipients.append(User::fromJson(r.toObject()));
    c.lastMessageId = idFromJson(o.value(QLatin1String("last_message_id")));
    for (const QJsonValue &v : o.value(QLatin1String("overwrites")).toArray()) {
        const QJsonObject ow = v.toObject();
        PermissionOverwrite po;
        po.roleId = idFromJson(ow.value(QLatin1String("role_id")));
        Permissions::fromJson(ow.value(QLatin1String("allow")), &po.allow);
        Permissions::fromJson(ow.value(QLatin1String("deny")), &po.deny);
        if (po.roleId)
            c.overwrites.append(po);
    }
    c.color = o.value(QLatin1String("color")).toString();
    c.parentId = idFromJson(o.value(QLatin1String("parent_id")));
    c.persistent = o.value(QLatin1String("persistent")).toBool(true); // absent (older servers, DMs): stored
    channelModeFromName(o.value(QLatin1String("mode")).toString(), &c.mode);
    return c;
}

QJsonObject Guild::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("name"), name},
            {QLatin1String("owner_id"), idJson(ownerId)},
            {QLatin1String("created_at"), isoTime(snowflake::timestampMs(id))},
            {QLatin1String("icon"), icon.isEmpty() ? QJsonValue() : QJsonValue(icon)},
            {QLatin1String("discoverable"), discoverable},
            {QLatin1String("description"), description}};
}

Guild Guild::fromJson(const QJsonObject &o)
{
    return {idFromJson(o.value(kId)), o.value(QLatin1String("name")).toString(),
            idFromJson(o.value(QLatin1String("owner_id"))), o.value(QLatin1String("icon")).toString(),
            o.value(QLatin1String("discoverable")).toBool(), o.value(QLatin1String("description")).toString()};
}

GuildRole GuildRole::everyone(Id guildId)
{
    GuildRole r;
    r.id = guildId;
    r.name = QStringLiteral("@everyone");
    r.permissions = Permissions::everyoneDefault();
    return r;
}

QJsonObject GuildRole::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("name"), name},
            {QLatin1String("color"), color.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(color)},
            {QLatin1String("position"), position},
            {QLatin1String("permissions"), permissions.toJson()},
            {QLatin1String("mentionable"), mentionable}};
}

GuildRole GuildRole::fromJson(const QJsonObject &o)
{
    GuildRole r;
    r.id = idFromJson(o.value(kId));
    r.name = o.value(QLatin1String("name")).toString();
    r.color = o.value(QLatin1String("color")).toString();
    r.position = o.value(QLatin1String("position")).toInt();
    Permissions::fromJson(o.value(QLatin1String("permissions")), &r.permissions);
    r.mentionable = o.value(QLatin1String("mentionable")).toBool();
    return r;
}

QJsonObject guildWithContents(const Guild &guild, const QList<Channel> &channels,
                              const QList<Member> &members, const QList<GuildRole> &roles)
{
    QJsonObject o = guild.toJson();
    QJsonArray cs, ms, rs;
    for (const Channel &c : channels)
        cs.append(c.toJson());
    for (const Member &m : members)
        ms.append(m.toJson());
    for (const GuildRole &r : roles)
        rs.append(r.toJson());
    o.insert(QLatin1String("channels"), cs);
    o.insert(QLatin1String("members"), ms);
    o.insert(QLatin1String("roles"), rs);
    return o;
}

QString Attachment::url() const
{
    return QStringLiteral("/api/v1/attachments/") + QString::number(id) + QLatin1Char('/')
         + QString::fromLatin1(QUrl::toPercentEncoding(filename));
}

QJsonObject Attachment::toJson() const
{
    return {{kId, idJson(id)},
            {QLatin1String("filename"), filename},
            {QLatin1String("size"), size},
            {QLatin1String("content_type"), contentType},
            {QLatin1String("width"), width >= 0 ? QJsonValue(width) : QJsonValue(QJsonValue::Null)},
            {QLatin1String("height"), height >= 0 ? QJsonValue(height) : QJsonValue(QJsonValue::Null)},
            {QLatin1String("url"), url()}};
}

Attachment Attachment::fromJson(const QJsonObject &o)
{
    Attachment a;
    a.id = idFromJson(o.value(kId));
    a.filename = o.value(QLatin1String("filename")).toString();
    a.size = qint64(o.value(QLatin1String("size")).toDouble());
    a.contentType = o.value(QLatin1String("content_type")).toString();
    a.width = o.value(QLatin1String("width")).toInt(-1);
    a.height = o.value(QLatin1String("height")).toInt(-1);
    return a;
}

QJsonObject Message::toJson() const
{
    QJsonObject o{{kId, idJson(id)},
            {QLatin1String("channel_id"), idJson(channelId)},
            {QLatin1String("guild_id"), idJson(guildId)},
            {QLatin1String("author"), author.toJson()},
            {QLatin1String("content"), content},
            {QLatin1String("nonce"), nonce.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(nonce)},
            {QLatin1String("created_at"), isoTime(snowflake::timestampMs(id))},
            {QLatin1String("edited_at"),
             editedAtMs ? QJsonValue(isoTime(editedAtMs)) : QJsonValue(QJsonValue::Null)}};
    if (authorBlocked)
        o.insert(QLatin1String("author_blocked"), true);
    QJsonArray rs;
    for (const Reaction &r : reactions)
        rs.append(QJsonObject{{QLatin1String("emoji"), r.emoji},
                              {QLatin1String("count"), r.count},
                              {QLatin1String("me"), r.me}});
    o.insert(QLatin1String("reactions"), rs);
    QJsonArray as;
    for (const Attachment &a : attachments)
        as.append(a.toJson());
    o.insert(QLatin1String("attachments"), as);
    o.insert(QLatin1String("reply_to_id"), idJson(replyToId));
    o.insert(QLatin1String("reply_to"), replyTo ? QJsonValue(QJsonObject{{kId, idJson(replyTo->id)},
                                                                         {QLatin1String("author"), replyTo->author.toJson()},
                                                                         {QLatin1String("content"), replyTo->content}})
                                                : QJsonValue(QJsonValue::Null));
    return o;
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
    m.authorBlocked = o.value(QLatin1String("author_blocked")).toBool();
    const QJsonValue edited = o.value(QLatin1String("edited_at"));
    if (edited.isString())
        m.editedAtMs = QDateTime::fromString(edited.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    m.replyToId = idFromJson(o.value(QLatin1String("reply_to_id")));
    const QJsonValue to = o.value(QLatin1String("reply_to"));
    if (to.isObject()) {
        const QJsonObject t = to.toObject();
        m.replyTo = MessageRef{idFromJson(t.value(kId)), User::fromJson(t.value(QLatin1String("author")).toObject()),
                               t.value(QLatin1String("content")).toString()};
    }
    for (const QJsonValue &v : o.value(QLatin1String("reactions")).toArray()) {
        const QJsonObject r = v.toObject();
        m.reactions.append(Reaction{r.value(QLatin1String("emoji")).toString(),
                                    r.value(QLatin1String("count")).toInt(), r.value(QLatin1String("me")).toBool()});
    }
    for (const QJsonValue &v : o.value(QLatin1String("attachments")).toArray())
        m.attachments.append(Attachment::fromJson(v.toObject()));
    return m;
}

QString relationshipTypeName(RelationshipType type)
{
    switch (type) {
    case RelationshipType::Friend:
        return QStringLiteral("friend");
    case RelationshipType::Incoming:
        return QStringLiteral("incoming");
    case RelationshipType::Outgoing:
        return QStringLiteral("outgoing");
    case RelationshipType::Blocked:
        return QStringLiteral("blocked");
    case RelationshipType::None:
        break;
    }
    return QStringLiteral("none");
}

QString presenceStatusName(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Online:
        return QStringLiteral("online");
    case PresenceStatus::Idle:
        return QStringLiteral("idle");
    case PresenceStatus::Dnd:
        return QStringLiteral("dnd");
    case PresenceStatus::Invisible:
        return QStringLiteral("invisible");
    case PresenceStatus::Offline:
        break;
    }
    return QStringLiteral("offline");
}

bool presenceStatusFromName(const QString &name, PresenceStatus *out)
{
    for (PresenceStatus s : {PresenceStatus::Offline, PresenceStatus::Online, PresenceStatus::Idle,
                             PresenceStatus::Dnd, PresenceStatus::Invisible}) {
        if (name == presenceStatusName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

QJsonObject ReadState::toJson() const
{
    return {{QLatin1String("channel_id"), idJson(channelId)},
            {QLatin1String("last_read_id"), idJson(lastReadId)},
            {QLatin1String("unread"), unread},
            {QLatin1String("mentions"), mentions}};
}

ReadState ReadState::fromJson(const QJsonObject &o)
{
    return {idFromJson(o.value(QLatin1String("channel_id"))), idFromJson(o.value(QLatin1String("last_read_id"))),
            o.value(QLatin1String("unread")).toInt(), o.value(QLatin1String("mentions")).toInt()};
}

} // namespace kith

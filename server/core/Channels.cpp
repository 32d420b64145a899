#include "Channels.h"

#include "core/Access.h"
#include "core/AuditLog.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

namespace kith::server {

namespace {
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kName{"name"};
const QLatin1String kTopic{"topic"};
const QLatin1String kSlowmode{"slowmode_seconds"};

const QLatin1String kColor{"color"};
const QLatin1String kParentId{"parent_id"};
const QLatin1String kPersistent{"persistent"};
const QLatin1String kMode{"mode"};

QString checkNameAndTopic(const std::optional<QString> &name, const std::optional<QString> &topic)
{
    if (name)
        if (QString why = validate::channelName(*name); !why.isEmpty())
            return why;
    if (topic)
        return validate::topic(*topic);
    return {};
}

//! `color`: absent (nullopt), null ("": none) or "#rrggbb" (either case, kept lower-case).
bool readColor(const QJsonObject &d, std::optional<QString> *out, Error *error)
{
    const QJsonValue v = d.value(kColor);
    if (v.isUndefined())
        return true;
    if (v.isNull()) {
        *out = QString();
        return true;
    }
    if (!v.isString() || !validate::color(v.toString()).isEmpty()) {
        *error = Error::badRequest(QStringLiteral("color must be \"#rrggbb\" or null"));
        return false;
    }
    *out = v.toString().toLower();
    return true;
}

//! What a channel's new parent_id must be: 0, or a category of its guild (and a category has none).
QString checkParent(const Directory &dir, const Channel &channel)
{
    if (!channel.parentId)
        return {};
    if (channel.isCategory())
        return QStringLiteral("a category cannot be in a category");
    const Channel *parent = dir.channel(channel.parentId);
    if (!parent || parent->guildId != channel.guildId || !parent->isCategory())
        return QStringLiteral("parent_id must be a category of the same guild");
    return {};
}

//! type, persistent and mode of a new channel, checked against one another.
QString readKind(const std::optional<QString> &type, const std::optional<bool> &persistent,
                 const std::optional<QString> &mode, Channel *channel)
{
    if (type && *type != u"text" && *type != u"category")
        return QStringLiteral("type must be \"text\" or \"category\"");
    if (mode && !channelModeFromName(*mode, &channel->mode))
        return QStringLiteral("mode must be \"normal\" or \"roulette\"");
    channel->type = type && *type == u"category" ? ChannelType::Category : ChannelType::Text;
    if (channel->isCategory() && (persistent == false || channel->mode != ChannelMode::Normal))
        return QStringLiteral("a category holds no messages: it has no persistent or mode");
    if (channel->mode == ChannelMode::Roulette && persistent == true)
        return QStringLiteral("a roulette channel is never stored");
    channel->persistent = channel->mode == ChannelMode::Normal && persistent.value_or(true);
    return {};
}
} // namespace

void Channels::create(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(QLatin1String("guild_id"));
    const QString name = validate::normalizedName(f.string(kName));
    const QString topic = f.optString(kTopic).value_or(QString()).trimmed();
    const int slowmode = int(f.optInt(kSlowmode, 0, limits::kSlowmodeMaxSeconds).value_or(0));
    const std::optional<QString> type = f.optString(QLatin1String("type"));
    const Id parentId = f.optId(kParentId).value_or(0);
    const std::optional<bool> persistent = f.optBool(kPersistent);
    const std::optional<QString> mode = f.optString(kMode);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    std::optional<QString> color;
    if (!readColor(call.data(), &color, &e))
        return call.fail(e);
    const Member *me = access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::ManageChannels,
                                          QStringLiteral("create channels"), &e);
    if (!me)
        return call.fail(e);
    if (QString why = checkNameAndTopic(name, topic); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    if (m_ctx.directory.guild(guildId)->channels.size() >= limits::kChannelsPerGuild)
        return call.fail(Error::conflict(QStringLiteral("this guild has too many channels")));

    Channel channel;
    channel.id = m_ctx.ids.next();
    channel.guildId = guildId;
    channel.name = name;
    channel.topic = topic;
    channel.position = m_ctx.directory.nextChannelPosition(guildId);
    channel.slowmodeSeconds = slowmode;
    channel.color = color.value_or(QString());
    channel.parentId = parentId;
    if (QString why = readKind(type, persistent, mode, &channel); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    if (QString why = checkParent(m_ctx.directory, channel); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    QJsonObject changes;
    AuditLog::change(changes, kName, QJsonValue(), channel.name);
    if (!topic.isEmpty())
        AuditLog::change(changes, kTopic, QJsonValue(), topic);
    if (slowmode)
        AuditLog::change(changes, kSlowmode, 0, slowmode);
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::ChannelCreate, call.userId(), channel.id, changes);
    m_ctx.store.submit<Done>([channel, audit](Store &s) {
                                 auto r = s.insertChannel(channel);
                                 if (r && channel.slowmodeSeconds)
                                     r = s.setSlowmode(channel.id, channel.slowmodeSeconds);
                                 return r ? AuditLog::write(s, audit) : r;
                             },
                             [this, call, made = channel](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 if (!m_ctx.directory.guild(made.guildId))
                                     return call.fail(Error::notFound(QStringLiteral("unknown guild")));
                                 Channel channel = made;
                                 // The store copied the category's overwrites as they were at
                                 // commit, which is what the Directory holds now.
                                 if (const Channel *parent = m_ctx.directory.channel(made.parentId))
                                     channel.overwrites = parent->overwrites;
                                 m_ctx.directory.putChannel(channel);
                                 call.ok(channel.toJson());
                                 m_ctx.hub.toUsers(m_ctx.directory.viewers(channel), ev::ChannelCreated, channel.toJson());
                             });
}

void Channels::update(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    std::optional<QString> name = f.optString(kName);
    std::optional<QString> topic = f.optString(kTopic);
    const std::optional<qint64> slowmode = f.optInt(kSlowmode, 0, limits::kSlowmodeMaxSeconds);
    const std::optional<Id> parentId = f.nullableId(kParentId);
    const std::optional<QString> type = f.optString(QLatin1String("type"));
    const std::optional<bool> persistent = f.optBool(kPersistent);
    const std::optional<QString> mode = f.optString(kMode);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    std::optional<QString> color;
    if (!readColor(call.data(), &color, &e))
        return call.fail(e);
    const Member *me = nullptr;
    const Channel *current = access::guildChannel(m_ctx.directory, channelId, call.userId(), &me, &e);
    if (!current
        || !access::allowed(m_ctx.directory, current->guildId, me, Permission::ManageChannels,
                            QStringLiteral("edit channels"), &e))
        return call.fail(e);
    if (name)
        name = validate::normalizedName(*name);
    if (topic)
        topic = topic->trimmed();
    if (QString why = checkNameAndTopic(name, topic); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    // Made once: the same value again is fine, another is not.
    if ((type && *type != channelTypeName(current->type)) || (persistent && *persistent != current->persistent)
        || (mode && *mode != channelModeName(current->mode)))
        return call.fail(Error::badRequest(QStringLiteral("type, persistent and mode are fixed when a channel is made")));
    Channel channel = *current;
    channel.name = name.value_or(channel.name);
    channel.topic = topic.value_or(channel.topic);
    channel.slowmodeSeconds = int(slowmode.value_or(channel.slowmodeSeconds));
    channel.color = color.value_or(channel.color);
    channel.parentId = parentId.value_or(channel.parentId);
    if (QString why = checkParent(m_ctx.directory, channel); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    QJsonObject changes;
    AuditLog::change(changes, kName, current->name, channel.name);
    AuditLog::change(changes, kTopic, current->topic, channel.topic);
    AuditLog::change(changes, kSlowmode, current->slowmodeSeconds, channel.slowmodeSeconds);
    const AuditEntry audit = AuditLog::entry(m_ctx, channel.guildId, op::ChannelUpdate, call.userId(), channel.id, changes);
    m_ctx.store.submit<Done>([channel, audit, slow = slowmode.has_value()](Store &s) {
                                 auto r = s.updateChannel(channel);
                                 if (r && slow)
                                     r = s.setSlowmode(channel.id, channel.slowmodeSeconds);
                                 return r ? AuditLog::write(s, audit) : r;
                             },
                             [this, call, edit = channel](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 const Channel *now = m_ctx.directory.channel(edit.id);
                                 if (!now)
                                     return call.fail(Error::notFound(QStringLiteral("unknown channel")));
                                 // Onto the channel as it is now: an overwrite set meanwhile stays.
                                 Channel channel = *now;
                                 channel.name = edit.name;
                                 channel.topic = edit.topic;
                                 channel.slowmodeSeconds = edit.slowmodeSeconds;
                                 channel.color = edit.color;
                                 channel.parentId = edit.parentId;
                                 m_ctx.directory.putChannel(channel);
                                 call.ok(channel.toJson());
                                 m_ctx.hub.toUsers(m_ctx.directory.viewers(channel), ev::ChannelUpdated, channel.toJson());
                             });
}

void Channels::remove(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Member *me = nullptr;
    const Channel *channel = access::guildChannel(m_ctx.directory, channelId, call.userId(), &me, &e);
    if (!channel
        || !access::allowed(m_ctx.directory, channel->guildId, me, Permission::ManageChannels,
                            QStringLiteral("delete channels"), &e))
        return call.fail(e);
    const Id guildId = channel->guildId;
    QJsonObject changes;
    AuditLog::change(changes, kName, channel->name, QJsonValue());
    const AuditEntry audit = AuditLog::entry(m_ctx, guildId, op::ChannelDelete, call.userId(), channelId, changes);
    m_ctx.store.submit<Done>([channelId, audit](Store &s) {
                                 auto r = s.deleteChannel(channelId);
                                 return r ? AuditLog::write(s, audit) : r;
                             },
                             [this, call, channelId, guildId](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 const Channel *gone = m_ctx.directory.channel(channelId);
                                 const QList<Id> viewers = gone ? m_ctx.directory.viewers(*gone) : QList<Id>{};
                                 QList<Id> children; // a category's channels lose it with it
                                 if (gone && gone->isCategory())
                                     for (const Channel &c : m_ctx.directory.channels(guildId))
                                         if (c.parentId == channelId)
                                             children.append(c.id);
                                 m_ctx.directory.removeChannel(channelId);
                                 const QJsonObject d{{QLatin1String("id"), idJson(channelId)},
                                                     {QLatin1String("guild_id"), idJson(guildId)}};
                                 call.ok(d);
                                 m_ctx.hub.toUsers(viewers, ev::ChannelDeleted, d);
                                 for (Id c : children)
                                     if (const Channel *child = m_ctx.directory.channel(c))
                                         m_ctx.hub.toUsers(m_ctx.directory.viewers(*child), ev::ChannelUpdated,
                                                           child->toJson());
                             });
}

} // namespace kith::server

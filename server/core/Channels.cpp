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

QString checkNameAndTopic(const std::optional<QString> &name, const std::optional<QString> &topic)
{
    if (name)
        if (QString why = validate::channelName(*name); !why.isEmpty())
            return why;
    if (topic)
        return validate::topic(*topic);
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
    if (!f.ok())
        return call.fail(f.error());
    Error e;
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
                             [this, call, channel](Result<Done> &&r) {
                                 if (!r)
                                     return call.fail(r.error());
                                 if (!m_ctx.directory.guild(channel.guildId))
                                     return call.fail(Error::notFound(QStringLiteral("unknown guild")));
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
    if (!f.ok())
        return call.fail(f.error());
    Error e;
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
    Channel channel = *current;
    channel.name = name.value_or(channel.name);
    channel.topic = topic.value_or(channel.topic);
    channel.slowmodeSeconds = int(slowmode.value_or(channel.slowmodeSeconds));
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
                                 m_ctx.directory.removeChannel(channelId);
                                 const QJsonObject d{{QLatin1String("id"), idJson(channelId)},
                                                     {QLatin1String("guild_id"), idJson(guildId)}};
                                 call.ok(d);
                                 m_ctx.hub.toUsers(viewers, ev::ChannelDeleted, d);
                             });
}

} // namespace kith::server

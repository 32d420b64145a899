#include "ReadStates.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Presence.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>

namespace kith::server {

namespace {
QJsonObject countJson(const ReadCount &c)
{
    return ReadState{c.channelId, c.lastReadId, c.unread, c.mentions}.toJson();
}
} // namespace

std::function<Result<QList<ReadCount>>(Store &)> ReadStates::countsJob(Id userId) const
{
    QList<Id> channels = m_ctx.directory.visibleChannels(userId);
    channels.removeIf([this](Id c) { // a category holds no messages to count
        const Channel *channel = m_ctx.directory.channel(c);
        return channel && channel->isCategory();
    });
    const QList<Id> blocked = m_ctx.directory.related(userId, RelationshipType::Blocked);
    return [userId, channels, blocked](Store &s) { return s.readCounts(userId, channels, blocked); };
}

QJsonArray ReadStates::toJson(const QList<ReadCount> &counts)
{
    QJsonArray out;
    for (const ReadCount &c : counts)
        out.append(countJson(c));
    return out;
}

void ReadStates::ack(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(QLatin1String("channel_id"));
    const Id messageId = f.id(QLatin1String("message_id"));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Channel *channel = access::messageChannel(m_ctx.directory, channelId, call.userId(), nullptr, &e);
    if (!channel)
        return call.fail(e);
    // Nothing stored, nothing unread: the read state stays as it is, empty.
    if (!channel->persistent)
        return call.ok(ReadState{channelId, 0, 0, 0}.toJson());
    const Id userId = call.userId();
    const QList<Id> blocked = m_ctx.directory.related(userId, RelationshipType::Blocked);
    m_ctx.store.submit<QList<ReadCount>>(
        [userId, channelId, messageId, blocked](Store &s) -> Result<QList<ReadCount>> {
            auto m = s.findMessage(messageId);
            if (!m)
                return m.error();
            if (m->channelId != channelId)
                return Error::notFound(QStringLiteral("unknown message"));
            if (auto r = s.ack(userId, channelId, messageId); !r)
                return r.error();
            return s.readCounts(userId, {channelId}, blocked);
        },
        [this, call, userId](Result<QList<ReadCount>> &&r) {
            if (!r)
                return call.fail(r.error());
            const QJsonObject json = countJson(r->first());
            call.ok(json);
            m_ctx.hub.toUser(userId, ev::ReadStateUpdated, json);
        });
}

void ReadStates::discoverOnline(const Call &call)
{
    const Id me = call.userId();
    QList<Id> ids = m_ctx.directory.audienceOf(me).values();
    std::sort(ids.begin(), ids.end());
    QJsonArray users;
    for (Id u : ids) {
        if (m_ctx.directory.blocks(me, u))
            continue;
        const Presence::View v = m_presence.publicView(u);
        if (v.status == PresenceStatus::Offline)
            continue;
        QJsonObject o = m_presence.json(u, v);
        o.remove(QLatin1String("user_id"));
        o.insert(QLatin1String("user"), m_ctx.directory.userOrPlaceholder(u).toJson());
        users.append(o);
    }
    call.ok({{QLatin1String("users"), users}});
}

void ReadStates::discoverActiveChannels(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(QLatin1String("guild_id"));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::member(m_ctx.directory, guildId, call.userId(), &e))
        return call.fail(e);
    const QList<Id> channels = m_ctx.directory.channelsVisibleTo(guildId, call.userId());
    const Id since = snowflake::fromTimestampMs(QDateTime::currentMSecsSinceEpoch() - 60 * 60 * 1000);
    m_ctx.reader.submit<QList<QPair<Id, int>>>(
        [channels, since](Store &s) { return s.activity(channels, since, limits::kActiveChannels); },
        [this, call](Result<QList<QPair<Id, int>>> &&r) {
            if (!r)
                return call.fail(r.error());
            QJsonArray out;
            for (const auto &[channelId, count] : r.value()) {
                if (const Channel *c = m_ctx.directory.channel(channelId))
                    out.append(QJsonObject{{QLatin1String("channel"), c->toJson()}, {QLatin1String("messages"), count}});
            }
            call.ok({{QLatin1String("channels"), out}});
        });
}

} // namespace kith::server

#include "Visibility.h"

#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/Protocol.h"

#include <QSet>

namespace kith::server {

Visibility::Visibility(const Directory &directory, Id guildId)
    : m_guildId(guildId)
{
    if (const Directory::GuildEntry *g = directory.guild(guildId))
        for (Id c : g->channels)
            if (const Channel *channel = directory.channel(c))
                m_before.insert(c, directory.viewers(*channel));
}

void Visibility::announce(const Directory &directory, Hub &hub) const
{
    const Directory::GuildEntry *g = directory.guild(m_guildId);
    if (!g)
        return;
    for (Id c : g->channels) {
        const Channel *channel = directory.channel(c);
        auto before = m_before.constFind(c);
        if (!channel || before == m_before.cend())
            continue;
        const QList<Id> after = directory.viewers(*channel);
        if (after == *before) // an open channel stays the same shared list: no work
            continue;
        const QSet<Id> was(before->cbegin(), before->cend()), is(after.cbegin(), after.cend());
        QList<Id> gained, lost;
        for (Id u : after)
            if (!was.contains(u))
                gained.append(u);
        for (Id u : *before)
            if (!is.contains(u) && directory.member(m_guildId, u))
                lost.append(u);
        if (!lost.isEmpty())
            hub.toUsers(lost, ev::ChannelDeleted,
                        QJsonObject{{QLatin1String("id"), idJson(c)}, {QLatin1String("guild_id"), idJson(m_guildId)}});
        if (!gained.isEmpty())
            hub.toUsers(gained, ev::ChannelCreated, channel->toJson());
    }
}

QList<Id> Visibility::kept(const Directory &directory, Id channelId) const
{
    const Channel *channel = directory.channel(channelId);
    if (!channel)
        return {};
    const QList<Id> before = m_before.value(channelId);
    const QList<Id> after = directory.viewers(*channel);
    if (after == before)
        return after;
    const QSet<Id> was(before.cbegin(), before.cend());
    QList<Id> out;
    for (Id u : after)
        if (was.contains(u))
            out.append(u);
    return out;
}

} // namespace kith::server

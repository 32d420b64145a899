#include "Directory.h"

#include <algorithm>

namespace kith::server {

void Directory::putUser(const User &user)
{
    m_users.insert(user.id, user);
}

const User *Directory::user(Id id) const
{
    auto it = m_users.constFind(id);
    return it == m_users.cend() ? nullptr : &*it;
}

User Directory::userOrPlaceholder(Id id) const
{
    if (const User *u = user(id))
        return *u;
    return {id, QStringLiteral("deleted-user"), QStringLiteral("Deleted user")};
}

void Directory::putGuild(const Guild &guild)
{
    m_guilds[guild.id].guild = guild;
}

void Directory::removeGuild(Id guildId)
{
    auto it = m_guilds.find(guildId);
    if (it == m_guilds.end())
        return;
    for (Id c : it->channels)
        m_channels.remove(c);
    for (auto m = it->members.cbegin(); m != it->members.cend(); ++m)
        m_guildsOfUser[m.key()].remove(guildId);
    m_guilds.erase(it);
}

const Directory::GuildEntry *Directory::guild(Id guildId) const
{
    auto it = m_guilds.constFind(guildId);
    return it == m_guilds.cend() ? nullptr : &*it;
}

QList<Id> Directory::guildsOf(Id userId) const
{
    QList<Id> out = m_guildsOfUser.value(userId).values();
    std::sort(out.begin(), out.end());
    return out;
}

int Directory::guildCountOf(Id userId) const
{
    return int(m_guildsOfUser.value(userId).size());
}

void Directory::putMember(Id guildId, const Member &member)
{
    auto it = m_guilds.find(guildId);
    if (it == m_guilds.end())
        return;
    it->members.insert(member.user.id, member);
    m_guildsOfUser[member.user.id].insert(guildId);
}

void Directory::removeMember(Id guildId, Id userId)
{
    auto it = m_guilds.find(guildId);
    if (it != m_guilds.end())
        it->members.remove(userId);
    m_guildsOfUser[userId].remove(guildId);
}

const Member *Directory::member(Id guildId, Id userId) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return nullptr;
    auto it = g->members.constFind(userId);
    return it == g->members.cend() ? nullptr : &*it;
}

QList<Id> Directory::memberIds(Id guildId) const
{
    const GuildEntry *g = guild(guildId);
    return g ? g->members.keys() : QList<Id>{};
}

QList<Member> Directory::members(Id guildId) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return {};
    QList<Member> out;
    out.reserve(g->members.size());
    for (const Member &m : g->members) {
        Member copy = m;
        copy.user = userOrPlaceholder(m.user.id); // names may have changed since joining
        out.append(copy);
    }
    std::sort(out.begin(), out.end(), [](const Member &a, const Member &b) {
        return a.joinedAtMs != b.joinedAtMs ? a.joinedAtMs < b.joinedAtMs : a.user.id < b.user.id;
    });
    return out;
}

void Directory::putChannel(const Channel &channel)
{
    auto g = m_guilds.find(channel.guildId);
    if (g == m_guilds.end())
        return;
    m_channels.insert(channel.id, channel);
    if (!g->channels.contains(channel.id))
        g->channels.append(channel.id);
    std::sort(g->channels.begin(), g->channels.end(), [this](Id a, Id b) {
        const Channel &ca = m_channels[a];
        const Channel &cb = m_channels[b];
        return ca.position != cb.position ? ca.position < cb.position : a < b;
    });
}

void Directory::removeChannel(Id channelId)
{
    auto it = m_channels.find(channelId);
    if (it == m_channels.end())
        return;
    auto g = m_guilds.find(it->guildId);
    if (g != m_guilds.end())
        g->channels.removeAll(channelId);
    m_channels.erase(it);
}

const Channel *Directory::channel(Id channelId) const
{
    auto it = m_channels.constFind(channelId);
    return it == m_channels.cend() ? nullptr : &*it;
}

QList<Channel> Directory::channels(Id guildId) const
{
    QList<Channel> out;
    if (const GuildEntry *g = guild(guildId)) {
        for (Id c : g->channels)
            out.append(m_channels.value(c));
    }
    return out;
}

int Directory::nextChannelPosition(Id guildId) const
{
    int pos = 0;
    for (const Channel &c : channels(guildId))
        pos = std::max(pos, c.position + 1);
    return pos;
}

QJsonObject Directory::guildJson(Id guildId) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return {};
    return guildWithContents(g->guild, channels(guildId), members(guildId));
}

} // namespace kith::server

#include "Directory.h"

#include <algorithm>

namespace kith::server {

namespace {
Id idOf(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString().toULongLong();
}
} // namespace

void Directory::note(QLatin1String kind, QJsonObject op) const
{
    if (!m_journal || m_applying)
        return;
    op.insert(QLatin1String("o"), kind);
    m_journal(op);
}

bool Directory::apply(const QJsonObject &op)
{
    m_applying = true;
    const QString kind = op.value(QLatin1String("o")).toString();
    const QJsonObject v = op.value(QLatin1String("v")).toObject();
    bool known = true;
    if (kind == u"user")
        putUser(User::fromJson(v));
    else if (kind == u"guild")
        putGuild(Guild::fromJson(v));
    else if (kind == u"guild-")
        removeGuild(idOf(op, QLatin1String("id")));
    else if (kind == u"member")
        putMember(idOf(op, QLatin1String("g")), Member::fromJson(v));
    else if (kind == u"member-")
        removeMember(idOf(op, QLatin1String("g")), idOf(op, QLatin1String("u")));
    else if (kind == u"role")
        putRole(idOf(op, QLatin1String("g")), GuildRole::fromJson(v));
    else if (kind == u"role-")
        removeRole(idOf(op, QLatin1String("g")), idOf(op, QLatin1String("id")));
    else if (kind == u"channel")
        putChannel(Channel::fromJson(v));
    else if (kind == u"channel-")
        removeChannel(idOf(op, QLatin1String("id")));
    else if (kind == u"msg")
        noteMessage(idOf(op, QLatin1String("c")), idOf(op, QLatin1String("m")));
    else if (kind == u"rel")
        setRelationship(idOf(op, QLatin1String("u")), idOf(op, QLatin1String("x")),
                        RelationshipType(op.value(QLatin1String("t")).toInt()));
    else if (kind == u"dm")
        putDm(Channel::fromJson(v));
    else if (kind == u"dm-")
        removeDm(idOf(op, QLatin1String("id")));
    else if (kind == u"kick")
        markKicked(idOf(op, QLatin1String("u")));
    else
        known = false;
    m_applying = false;
    return known;
}

void Directory::markKicked(Id userId)
{
    note(QLatin1String("kick"), {{QLatin1String("u"), QString::number(userId)}});
    m_kicked.insert(userId);
}

void Directory::putUser(const User &user)
{
    note(QLatin1String("user"), {{QLatin1String("v"), user.toJson()}});
    m_users.insert(user.id, user);
    m_userByName.insert(user.username.toLower(), user.id);
}

const User *Directory::userByName(const QString &username) const
{
    auto it = m_userByName.constFind(username.toLower());
    return it == m_userByName.cend() ? nullptr : user(*it);
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
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("guild"), {{QLatin1String("v"), guild.toJson()}});
    GuildEntry &e = m_guilds[guild.id];
    e.guild = guild;
    if (e.roles.isEmpty()) // as the store made it with the guild; a stored one replaces it
        e.roles.append(GuildRole::everyone(guild.id));
}

void Directory::removeGuild(Id guildId)
{
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("guild-"), {{QLatin1String("id"), QString::number(guildId)}});
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
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("member"), {{QLatin1String("g"), QString::number(guildId)}, {QLatin1String("v"), member.toJson()}});
    auto it = m_guilds.find(guildId);
    if (it == m_guilds.end())
        return;
    const bool joined = !it->members.contains(member.user.id);
    if (joined)
        it->memberIds.append(member.user.id);
    it->members.insert(member.user.id, member);
    m_guildsOfUser[member.user.id].insert(guildId);
    if (joined && m_membershipChanged)
        m_membershipChanged(guildId, member.user.id, true);
}

void Directory::removeMember(Id guildId, Id userId)
{
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("member-"), {{QLatin1String("g"), QString::number(guildId)}, {QLatin1String("u"), QString::number(userId)}});
    auto it = m_guilds.find(guildId);
    const bool left = it != m_guilds.end() && it->members.remove(userId);
    if (left)
        it->memberIds.removeOne(userId);
    m_guildsOfUser[userId].remove(guildId);
    if (left && m_membershipChanged)
        m_membershipChanged(guildId, userId, false);
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
    return g ? g->memberIds : QList<Id>{};
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
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("channel"), {{QLatin1String("v"), channel.toJson()}});
    auto g = m_guilds.find(channel.guildId);
    if (g == m_guilds.end())
        return;
    Channel &c = m_channels[channel.id];
    const Id last = c.lastMessageId; // callers rebuild channels from their own copy
    c = channel;
    c.lastMessageId = qMax(last, channel.lastMessageId);
    if (!g->channels.contains(channel.id))
        g->channels.append(channel.id);
    std::sort(g->channels.begin(), g->channels.end(), [this](Id a, Id b) {
        const Channel &ca = m_channels[a];
        const Channel &cb = m_channels[b];
        return ca.position != cb.position ? ca.position < cb.position : a < b;
    });
}

void Directory::noteMessage(Id channelId, Id messageId)
{
    note(QLatin1String("msg"), {{QLatin1String("c"), QString::number(channelId)}, {QLatin1String("m"), QString::number(messageId)}});
    auto it = m_channels.find(channelId);
    if (it != m_channels.end() && messageId > it->lastMessageId)
        it->lastMessageId = messageId;
}

void Directory::removeChannel(Id channelId)
{
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("channel-"), {{QLatin1String("id"), QString::number(channelId)}});
    auto it = m_channels.find(channelId);
    if (it == m_channels.end())
        return;
    auto g = m_guilds.find(it->guildId);
    if (g != m_guilds.end()) {
        g->channels.removeAll(channelId);
        // What the database's ON DELETE SET NULL does to the channels of a deleted category.
        if (it->isCategory())
            for (Id c : g->channels)
                if (auto ch = m_channels.find(c); ch != m_channels.end() && ch->parentId == channelId)
                    ch->parentId = 0;
    }
    m_channels.erase(m_channels.find(channelId));
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

QJsonObject Directory::guildJson(Id guildId, Id viewerId) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return {};
    QList<Channel> seen;
    for (Id c : g->channels)
        if (auto it = m_channels.constFind(c); it != m_channels.cend() && canView(viewerId, *it))
            seen.append(*it);
    return guildWithContents(g->guild, seen, members(guildId), g->roles);
}

void Directory::putRole(Id guildId, const GuildRole &role)
{
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("role"),
         {{QLatin1String("g"), QString::number(guildId)}, {QLatin1String("v"), role.toJson()}});
    auto g = m_guilds.find(guildId);
    if (g == m_guilds.end())
        return;
    auto same =
        std::find_if(g->roles.begin(), g->roles.end(), [&](const GuildRole &r) { return r.id == role.id; });
    if (same != g->roles.end())
        *same = role;
    else
        g->roles.append(role);
    std::stable_sort(g->roles.begin(), g->roles.end(), [](const GuildRole &a, const GuildRole &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
}

void Directory::removeRole(Id guildId, Id roleId)
{
    m_viewerCache.clear(); // who sees a restricted channel may have changed
    note(QLatin1String("role-"),
         {{QLatin1String("g"), QString::number(guildId)}, {QLatin1String("id"), QString::number(roleId)}});
    auto g = m_guilds.find(guildId);
    if (g == m_guilds.end())
        return;
    g->roles.removeIf([&](const GuildRole &r) { return r.id == roleId; });
    // What the database's ON DELETE CASCADE does to member_roles and channel_overwrites.
    for (Member &m : g->members)
        m.roleIds.removeAll(roleId);
    for (Id c : g->channels) {
        auto ch = m_channels.find(c);
        if (ch != m_channels.end())
            ch->overwrites.removeIf([&](const PermissionOverwrite &o) { return o.roleId == roleId; });
    }
}

const GuildRole *Directory::role(Id guildId, Id roleId) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return nullptr;
    for (const GuildRole &r : g->roles)
        if (r.id == roleId)
            return &r;
    return nullptr;
}

QList<GuildRole> Directory::roles(Id guildId) const
{
    const GuildEntry *g = guild(guildId);
    return g ? g->roles : QList<GuildRole>{};
}

Permissions Directory::permissionsOf(Id guildId, const Member &member) const
{
    const GuildEntry *g = guild(guildId);
    if (!g)
        return {};
    Permissions everyone, held;
    for (const GuildRole &r : g->roles) {
        if (r.id == guildId)
            everyone = r.permissions;
        else if (member.roleIds.contains(r.id))
            held |= r.permissions;
    }
    return permissions::inGuild(member.role, everyone, held);
}

int Directory::topPosition(Id guildId, const Member &member) const
{
    int top = 0;
    if (const GuildEntry *g = guild(guildId))
        for (const GuildRole &r : g->roles)
            if (member.roleIds.contains(r.id))
                top = std::max(top, r.position);
    return top;
}

Permissions Directory::permissionsIn(const Channel &channel, const Member &member) const
{
    return permissions::inChannel(member.role, permissionsOf(channel.guildId, member), channel.guildId,
                                  member.roleIds, channel.overwrites);
}

RelationshipType Directory::relationship(Id userId, Id otherId) const
{
    auto it = m_relationships.constFind(userId);
    return it == m_relationships.cend() ? RelationshipType::None : it->value(otherId, RelationshipType::None);
}

void Directory::setRelationship(Id userId, Id otherId, RelationshipType type)
{
    note(QLatin1String("rel"), {{QLatin1String("u"), QString::number(userId)}, {QLatin1String("x"), QString::number(otherId)}, {QLatin1String("t"), int(type)}});
    if (type == RelationshipType::None) {
        auto it = m_relationships.find(userId);
        if (it != m_relationships.end()) {
            it->remove(otherId);
            if (it->isEmpty())
                m_relationships.erase(it);
        }
        return;
    }
    m_relationships[userId].insert(otherId, type);
}

QList<Id> Directory::related(Id userId, RelationshipType type) const
{
    QList<Id> out;
    auto it = m_relationships.constFind(userId);
    if (it == m_relationships.cend())
        return out;
    for (auto r = it->cbegin(); r != it->cend(); ++r)
        if (r.value() == type)
            out.append(r.key());
    std::sort(out.begin(), out.end());
    return out;
}

void Directory::putDm(const Channel &channel)
{
    note(QLatin1String("dm"), {{QLatin1String("v"), channel.toJson()}});
    if (const Channel *old = this->channel(channel.id)) {
        for (const User &u : old->recipients)
            m_dmsOfUser[u.id].remove(channel.id);
    }
    Channel c = channel;
    if (const Channel *old = this->channel(channel.id))
        c.lastMessageId = qMax(old->lastMessageId, c.lastMessageId);
    for (User &u : c.recipients)
        u = User{u.id, {}, {}}; // names come from m_users when sent, so renames show
    m_channels.insert(c.id, c);
    for (const User &u : c.recipients)
        m_dmsOfUser[u.id].insert(c.id);
    if (c.type == ChannelType::Dm && c.recipients.size() == 2)
        m_dmPairs.insert(pairKey(c.recipients[0].id, c.recipients[1].id), c.id);
}

void Directory::removeDm(Id channelId)
{
    note(QLatin1String("dm-"), {{QLatin1String("id"), QString::number(channelId)}});
    auto it = m_channels.find(channelId);
    if (it == m_channels.end())
        return;
    for (const User &u : it->recipients)
        m_dmsOfUser[u.id].remove(channelId);
    if (it->type == ChannelType::Dm && it->recipients.size() == 2)
        m_dmPairs.remove(pairKey(it->recipients[0].id, it->recipients[1].id));
    m_channels.erase(it);
}

Id Directory::dmOfPair(Id a, Id b) const
{
    return m_dmPairs.value(pairKey(a, b), 0);
}

QList<Id> Directory::dmsOf(Id userId) const
{
    QList<Id> out = m_dmsOfUser.value(userId).values();
    std::sort(out.begin(), out.end());
    return out;
}

Channel Directory::dmWithUsers(Id channelId) const
{
    Channel c = m_channels.value(channelId);
    for (User &u : c.recipients)
        u = userOrPlaceholder(u.id);
    return c;
}

QList<Id> Directory::viewers(const Channel &channel) const
{
    if (!channel.isDm()) {
        if (openToAll(channel))
            return memberIds(channel.guildId);
        auto cached = m_viewerCache.constFind(channel.id);
        if (cached != m_viewerCache.cend())
            return *cached;
        QList<Id> out;
        if (const GuildEntry *g = guild(channel.guildId))
            for (Id u : g->memberIds)
                if (auto m = g->members.constFind(u);
                    m != g->members.cend() && permissionsIn(channel, *m).has(Permission::ViewChannel))
                    out.append(u);
        m_viewerCache.insert(channel.id, out);
        return out;
    }
    QList<Id> out;
    for (const User &u : channel.recipients)
        out.append(u.id);
    return out;
}

bool Directory::canView(Id userId, const Channel &channel) const
{
    if (!channel.isDm()) {
        const Member *m = member(channel.guildId, userId);
        return m && (openToAll(channel) || permissionsIn(channel, *m).has(Permission::ViewChannel));
    }
    return m_dmsOfUser.value(userId).contains(channel.id);
}

bool Directory::openToAll(const Channel &channel) const
{
    const GuildEntry *g = guild(channel.guildId);
    if (!g || g->roles.isEmpty() || !g->roles.constFirst().permissions.has(Permission::ViewChannel))
        return false; // roles are in position order: @everyone first
    for (const PermissionOverwrite &o : channel.overwrites)
        if (o.deny.has(Permission::ViewChannel))
            return false;
    return true;
}

QList<Id> Directory::channelsVisibleTo(Id guildId, Id userId) const
{
    QList<Id> out;
    if (const GuildEntry *g = guild(guildId))
        for (Id c : g->channels)
            if (auto it = m_channels.constFind(c); it != m_channels.cend() && canView(userId, *it))
                out.append(c);
    return out;
}

QSet<Id> Directory::audienceOf(Id userId) const
{
    QSet<Id> out;
    for (Id g : m_guildsOfUser.value(userId))
        if (const GuildEntry *e = guild(g))
            for (auto m = e->members.cbegin(); m != e->members.cend(); ++m)
                out.insert(m.key());
    for (Id f : related(userId, RelationshipType::Friend))
        out.insert(f);
    out.remove(userId);
    return out;
}

QList<Id> Directory::holdersOf(Id userId) const
{
    QSet<Id> out = audienceOf(userId);
    for (Id dm : dmsOf(userId))
        if (const Channel *c = channel(dm))
            for (const User &u : c->recipients)
                out.insert(u.id);
    const auto mine = m_relationships.value(userId);
    for (auto it = mine.cbegin(); it != mine.cend(); ++it)
        out.insert(it.key());
    out.insert(userId);
    return out.values();
}

QList<Id> Directory::visibleChannels(Id userId) const
{
    QList<Id> out;
    for (Id g : guildsOf(userId))
        out.append(channelsVisibleTo(g, userId));
    out.append(dmsOf(userId));
    return out;
}

void Directory::replaceContents(Directory &&fresh)
{
    m_users = std::move(fresh.m_users);
    m_userByName = std::move(fresh.m_userByName);
    m_relationships = std::move(fresh.m_relationships);
    m_dmPairs = std::move(fresh.m_dmPairs);
    m_dmsOfUser = std::move(fresh.m_dmsOfUser);
    m_guilds = std::move(fresh.m_guilds);
    m_channels = std::move(fresh.m_channels);
    m_guildsOfUser = std::move(fresh.m_guildsOfUser);
    m_viewerCache.clear();
}

} // namespace kith::server

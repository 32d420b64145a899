#include "ClientState.h"

#include "net/Connection.h"
#include "net/Outbox.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QJsonArray>

namespace kith::app {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kChannelId{"channel_id"};

QList<Message> messagesFrom(const QJsonObject &d)
{
    QList<Message> out;
    const QJsonArray a = d.value(QLatin1String("messages")).toArray();
    out.reserve(a.size());
    for (const QJsonValue &v : a)
        out.append(Message::fromJson(v.toObject()));
    return out;
}
} // namespace

ClientState::ClientState(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(connection, &Connection::ready, this, &ClientState::onReady);
    connect(connection, &Connection::event, this, &ClientState::onEvent);
    connect(&m_messageModel, &MessageListModel::olderRequested, this, &ClientState::loadOlder);
}

void ClientState::setOutbox(Outbox *outbox)
{
    if (m_outbox)
        m_outbox->disconnect(this);
    m_outbox = outbox;
    if (!outbox)
        return;
    connect(outbox, &Outbox::changed, this, [this](Id channel) {
        if (channel == m_channel)
            m_messageModel.setPending(m_outbox->entries(m_channel));
    });
    connect(outbox, &Outbox::delivered, &m_messageModel, &MessageListModel::upsert);
    m_messageModel.setPending(outbox->entries(m_channel));
}

Guild ClientState::guild(Id id) const
{
    return m_data.value(id).guild;
}

Channel ClientState::channel(Id id) const
{
    for (const GuildData &g : m_data)
        for (const Channel &c : g.channels)
            if (c.id == id)
                return c;
    return {};
}

QList<Channel> ClientState::channelsOf(Id guildId) const
{
    QList<Channel> cs = m_data.value(guildId).channels;
    ChannelListModel::sort(cs);
    return cs;
}

Role ClientState::myRole(Id guildId) const
{
    for (const Member &m : m_data.value(guildId).members)
        if (m.user.id == m_me.id)
            return m.role;
    return m_data.value(guildId).guild.ownerId == m_me.id ? Role::Owner : Role::Member;
}

void ClientState::onReady(const QJsonObject &d)
{
    m_me = User::fromJson(d.value(QLatin1String("user")).toObject());
    m_messageModel.setMe(m_me);
    m_data.clear();
    QList<Guild> order;
    for (const QJsonValue &v : d.value(QLatin1String("guilds")).toArray()) {
        const QJsonObject o = v.toObject();
        GuildData g;
        g.guild = Guild::fromJson(o);
        for (const QJsonValue &c : o.value(QLatin1String("channels")).toArray())
            g.channels.append(Channel::fromJson(c.toObject()));
        for (const QJsonValue &m : o.value(QLatin1String("members")).toArray())
            g.members.append(Member::fromJson(m.toObject()));
        order.append(g.guild);
        m_data.insert(g.guild.id, g);
    }
    m_guildModel.reset(order);
    m_hasState = true;
    // A fresh ready may follow a gap we could not replay: reload what is on screen.
    const Id keepGuild = m_data.contains(m_guild) ? m_guild : (order.isEmpty() ? 0 : order.first().id);
    const Id keepChannel = m_channel;
    m_guild = 0;
    m_channel = 0;
    selectGuild(keepGuild);
    if (keepChannel && channel(keepChannel).guildId == keepGuild)
        selectChannel(keepChannel);
    emit stateLoaded();
}

void ClientState::selectGuild(Id id)
{
    if (id && !m_data.contains(id))
        return;
    if (id == m_guild && id)
        return;
    m_guild = id;
    m_channelModel.reset(m_data.value(id).channels);
    m_memberModel.reset(m_data.value(id).members);
    emit currentGuildChanged(id);
    const QList<Channel> &cs = m_channelModel.channels();
    Id next = m_lastChannelOf.value(id);
    if (m_channelModel.rowOf(next) < 0)
        next = cs.isEmpty() ? 0 : cs.first().id;
    m_channel = ~Id(0); // force the switch even when the id is the same
    selectChannel(next);
}

void ClientState::selectChannel(Id id)
{
    if (id == m_channel)
        return;
    if (id) {
        const Channel c = channel(id);
        if (!c.id)
            return;
        if (c.guildId != m_guild) {
            m_lastChannelOf.insert(c.guildId, id);
            selectGuild(c.guildId);
            return;
        }
        m_lastChannelOf.insert(m_guild, id);
    }
    m_channel = id;
    m_messageModel.clear(id);
    if (m_outbox)
        m_messageModel.setPending(m_outbox->entries(id));
    emit currentChannelChanged(id);
    if (id)
        loadLatest();
}

void ClientState::stepChannel(int delta)
{
    const QList<Channel> &cs = m_channelModel.channels();
    if (cs.isEmpty())
        return;
    const int row = m_channelModel.rowOf(m_channel);
    const int n = int(cs.size());
    selectChannel(cs.at(((row < 0 ? 0 : row) + delta + n) % n).id);
}

void ClientState::loadLatest()
{
    const Id channelId = m_channel;
    m_messageModel.setLoadingOlder(true);
    m_connection->request(op::MessageHistory,
                          {{kChannelId, idJson(channelId)}, {QLatin1String("limit"), m_pageSize}},
                          this, [this, channelId](const Reply &r) {
                              if (channelId != m_channel)
                                  return;
                              if (!r.ok) {
                                  m_messageModel.setLoadingOlder(false);
                                  if (r.error.code != ErrorCode::Unavailable)
                                      emit actionFailed(tr("Loading messages"), r.error);
                                  return;
                              }
                              const QList<Message> page = messagesFrom(r.d);
                              m_messageModel.reset(channelId, page, page.size() < m_pageSize);
                              if (m_outbox)
                                  m_messageModel.setPending(m_outbox->entries(channelId));
                              emit historyLoaded(channelId);
                          });
}

void ClientState::loadOlder(Id channelId, Id beforeId)
{
    if (!beforeId) {
        loadLatest();
        return;
    }
    const int limit = limits::kHistoryPage;
    m_connection->request(op::MessageHistory,
                          {{kChannelId, idJson(channelId)},
                           {QLatin1String("before"), idJson(beforeId)},
                           {QLatin1String("limit"), limit}},
                          this, [this, channelId, limit](const Reply &r) {
                              if (channelId != m_channel)
                                  return;
                              if (!r.ok) {
                                  m_messageModel.setLoadingOlder(false);
                                  return;
                              }
                              const QList<Message> page = messagesFrom(r.d);
                              m_messageModel.prependOlder(page, page.size() < limit);
                              emit historyLoaded(channelId);
                          });
}

void ClientState::addGuild(const QJsonObject &full, bool select)
{
    GuildData g;
    g.guild = Guild::fromJson(full);
    if (!g.guild.id)
        return;
    for (const QJsonValue &c : full.value(QLatin1String("channels")).toArray())
        g.channels.append(Channel::fromJson(c.toObject()));
    for (const QJsonValue &m : full.value(QLatin1String("members")).toArray())
        g.members.append(Member::fromJson(m.toObject()));
    m_data.insert(g.guild.id, g);
    m_guildModel.upsert(g.guild);
    if (select || !m_guild)
        selectGuild(g.guild.id);
}

void ClientState::removeGuild(Id id)
{
    m_data.remove(id);
    m_guildModel.remove(id);
    if (id == m_guild) {
        m_guild = 0;
        const QList<Guild> &gs = m_guildModel.guilds();
        selectGuild(gs.isEmpty() ? 0 : gs.first().id);
    }
}

void ClientState::refreshMembers(Id guildId)
{
    if (guildId == m_guild)
        m_memberModel.reset(m_data.value(guildId).members);
}

void ClientState::onEvent(const QString &name, const QJsonObject &d)
{
    if (name == ev::MessageCreated || name == ev::MessageUpdated) {
        m_messageModel.upsert(Message::fromJson(d));
    } else if (name == ev::MessageDeleted) {
        if (idFromJson(d.value(kChannelId)) == m_channel)
            m_messageModel.remove(idFromJson(d.value(QLatin1String("id"))));
    } else if (name == ev::GuildCreated) {
        addGuild(d, idFromJson(d.value(QLatin1String("id"))) == m_selectAfterCreate);
    } else if (name == ev::GuildUpdated) {
        const Guild g = Guild::fromJson(d);
        if (!m_data.contains(g.id))
            return;
        m_data[g.id].guild = g;
        m_guildModel.upsert(g);
        if (g.id == m_guild)
            emit currentGuildChanged(g.id);
    } else if (name == ev::GuildDeleted) {
        removeGuild(idFromJson(d.value(QLatin1String("id"))));
    } else if (name == ev::MemberJoined || name == ev::MemberUpdated) {
        const Id gid = idFromJson(d.value(kGuildId));
        if (!m_data.contains(gid))
            return;
        const Member m = Member::fromJson(d.value(QLatin1String("member")).toObject());
        QList<Member> &ms = m_data[gid].members;
        auto it = std::find_if(ms.begin(), ms.end(), [&](const Member &x) { return x.user.id == m.user.id; });
        if (it != ms.end())
            *it = m;
        else
            ms.append(m);
        refreshMembers(gid);
    } else if (name == ev::MemberLeft) {
        const Id gid = idFromJson(d.value(kGuildId));
        const Id uid = idFromJson(d.value(QLatin1String("user_id")));
        if (uid == m_me.id) {
            removeGuild(gid);
            return;
        }
        if (!m_data.contains(gid))
            return;
        QList<Member> &ms = m_data[gid].members;
        ms.removeIf([&](const Member &x) { return x.user.id == uid; });
        refreshMembers(gid);
    } else if (name == ev::ChannelCreated || name == ev::ChannelUpdated) {
        const Channel c = Channel::fromJson(d);
        if (!m_data.contains(c.guildId))
            return;
        QList<Channel> &cs = m_data[c.guildId].channels;
        auto it = std::find_if(cs.begin(), cs.end(), [&](const Channel &x) { return x.id == c.id; });
        if (it != cs.end())
            *it = c;
        else
            cs.append(c);
        if (c.guildId == m_guild)
            m_channelModel.upsert(c);
        if (c.id == m_channel)
            emit channelInfoChanged();
    } else if (name == ev::ChannelDeleted) {
        const Id gid = idFromJson(d.value(kGuildId));
        const Id cid = idFromJson(d.value(QLatin1String("id")));
        if (m_data.contains(gid))
            m_data[gid].channels.removeIf([&](const Channel &x) { return x.id == cid; });
        if (gid == m_guild)
            m_channelModel.remove(cid);
        if (cid == m_channel) {
            const QList<Channel> &cs = m_channelModel.channels();
            selectChannel(cs.isEmpty() ? 0 : cs.first().id);
        }
    }
}

void ClientState::sendMessage(const QString &content)
{
    if (m_outbox && m_channel)
        m_outbox->enqueue(m_channel, content);
}

void ClientState::retrySend(const QString &nonce)
{
    if (m_outbox)
        m_outbox->retry(nonce);
}

void ClientState::discardSend(const QString &nonce)
{
    if (m_outbox)
        m_outbox->discard(nonce);
}

void ClientState::simple(QLatin1String op, const QJsonObject &d, const QString &what)
{
    m_connection->request(op, d, this, [this, what](const Reply &r) {
        if (!r.ok)
            emit actionFailed(what, r.error);
    });
}

void ClientState::editMessage(Id messageId, const QString &content)
{
    simple(op::MessageEdit,
           {{QLatin1String("message_id"), idJson(messageId)}, {QLatin1String("content"), content}},
           tr("Editing the message"));
}

void ClientState::deleteMessage(Id messageId)
{
    simple(op::MessageDelete, {{QLatin1String("message_id"), idJson(messageId)}},
           tr("Deleting the message"));
}

void ClientState::createGuild(const QString &name)
{
    m_connection->request(op::GuildCreate, {{QLatin1String("name"), name}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating the server"), r.error);
            return;
        }
        m_selectAfterCreate = idFromJson(r.d.value(QLatin1String("id")));
        addGuild(r.d, true);
    });
}

void ClientState::joinGuild(const QString &code)
{
    m_connection->request(op::InviteJoin, {{QLatin1String("code"), code}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Joining with the invite"), r.error);
            return;
        }
        m_selectAfterCreate = idFromJson(r.d.value(QLatin1String("id")));
        addGuild(r.d, true);
    });
}

void ClientState::leaveGuild(Id guildId)
{
    simple(op::GuildLeave, {{kGuildId, idJson(guildId)}}, tr("Leaving the server"));
}

void ClientState::renameGuild(Id guildId, const QString &name)
{
    simple(op::GuildUpdate, {{kGuildId, idJson(guildId)}, {QLatin1String("name"), name}}, tr("Renaming the server"));
}

void ClientState::deleteGuild(Id guildId)
{
    simple(op::GuildDelete, {{kGuildId, idJson(guildId)}}, tr("Deleting the server"));
}

void ClientState::setRole(Id guildId, Id userId, Role role)
{
    simple(op::MemberSetRole,
           {{kGuildId, idJson(guildId)}, {QLatin1String("user_id"), idJson(userId)}, {QLatin1String("role"), roleName(role)}},
           tr("Changing the role"));
}

void ClientState::createInvite(Id guildId)
{
    m_connection->request(op::InviteCreate, {{kGuildId, idJson(guildId)}}, this, [this, guildId](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating an invite"), r.error);
            return;
        }
        emit inviteCreated(r.d.value(QLatin1String("code")).toString(), guildId);
    });
}

void ClientState::createChannel(const QString &name, const QString &topic)
{
    QJsonObject d{{kGuildId, idJson(m_guild)}, {QLatin1String("name"), name}};
    if (!topic.isEmpty())
        d.insert(QLatin1String("topic"), topic);
    m_connection->request(op::ChannelCreate, d, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating the channel"), r.error);
            return;
        }
        onEvent(ev::ChannelCreated, r.d);
        selectChannel(idFromJson(r.d.value(QLatin1String("id"))));
    });
}

void ClientState::updateChannel(Id channelId, const QString &name, const QString &topic)
{
    simple(op::ChannelUpdate,
           {{kChannelId, idJson(channelId)}, {QLatin1String("name"), name}, {QLatin1String("topic"), topic}},
           tr("Changing the channel"));
}

void ClientState::deleteChannel(Id channelId)
{
    simple(op::ChannelDelete, {{kChannelId, idJson(channelId)}}, tr("Deleting the channel"));
}

} // namespace kith::app

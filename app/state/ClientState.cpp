#include "ClientState.h"

#include "net/Connection.h"
#include "net/Outbox.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Snowflake.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace kith::app {

namespace {
const QLatin1String kGuildId{"guild_id"};
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kUserId{"user_id"};
constexpr int kTypingShownMs = 8000;   // the protocol: drop 8 s after the last typing.started
constexpr int kTypingResendMs = 5000;  // the host passes one on per 5 s anyway
constexpr int kAckDelayMs = 250;       // coalesce acks while messages stream in

QString nameOf(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

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
    m_messageModel.setMentionTest([this](const Message &m) { return mentionsMe(m); });
    m_typingTimer.setInterval(500);
    connect(&m_typingTimer, &QTimer::timeout, this, &ClientState::expireTyping);
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(kAckDelayMs);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        const auto pending = std::exchange(m_pendingAcks, {});
        for (auto it = pending.begin(); it != pending.end(); ++it)
            ack(it.key(), it.value());
    });
    wireModels();
}

void ClientState::wireModels()
{
    m_channelModel.setExtra([this](const Channel &c, int role) -> QVariant {
        const ReadState rs = m_readStates.value(c.id);
        switch (role) {
        case ChannelListModel::UnreadRole:
            return rs.unread > 0;
        case ChannelListModel::MentionsRole:
            return c.isDm() ? rs.unread : rs.mentions;
        case ChannelListModel::PeerIdRole:
            return QVariant::fromValue<quint64>(dmPeer(c));
        case ChannelListModel::PresenceRole:
            return c.type == ChannelType::Dm ? presence(dmPeer(c)).status : QString();
        case ChannelListModel::MutedRole:
            return isMuted(c.id);
        case ChannelListModel::LastActivityRole: {
            const Id newest = c.isDm() ? m_dmActivity.value(c.id) : 0;
            return newest ? lastActivityText(newest, QDateTime::currentDateTime()) : QString();
        }
        }
        return {};
    });
    m_guildModel.setExtra([this](const Guild &g, int role) -> QVariant {
        if (role == GuildListModel::UnreadRole)
            return guildUnread(g.id);
        if (role == GuildListModel::MentionsRole)
            return guildMentions(g.id);
        return {};
    });
    m_memberModel.setExtra([this](const Member &m, int role) -> QVariant {
        const Presence p = presence(m.user.id);
        if (role == MemberListModel::PresenceRole)
            return p.status;
        if (role == MemberListModel::CustomStatusRole)
            return p.customStatus;
        return {};
    });
    connect(this, &ClientState::readStateChanged, this, [this](Id channelId) {
        m_channelModel.refresh(channelId);
        m_guildModel.refreshAll();
    });
    connect(this, &ClientState::mutesChanged, this, [this] {
        m_channelModel.refreshAll();
        m_guildModel.refreshAll();
    });
    m_activityTimer.setInterval(30000);
    connect(&m_activityTimer, &QTimer::timeout, this, [this] {
        if (isHome())
            m_channelModel.refreshAll();
    });
    m_activityTimer.start();
    connect(this, &ClientState::presenceChanged, this, [this] {
        m_memberModel.refreshAll();
        if (isHome())
            m_channelModel.refreshAll();
    });
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
    if (m_dms.contains(id))
        return m_dms.value(id);
    for (const GuildData &g : m_data)
        for (const Channel &c : g.channels)
            if (c.id == id)
                return c;
    return {};
}

QList<Channel> ClientState::channelsOf(Id guildId) const
{
    QList<Channel> cs = guildId ? m_data.value(guildId).channels : m_dms.values();
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
    m_readStates.clear();
    for (const QJsonValue &v : d.value(QLatin1String("read_states")).toArray())
        setReadState(v.toObject());
    m_dms.clear();
    for (const QJsonValue &v : d.value(QLatin1String("dms")).toArray())
        upsertDm(Channel::fromJson(v.toObject()));
    m_relations.clear();
    for (const QJsonValue &v : d.value(QLatin1String("friends")).toArray()) {
        const User u = User::fromJson(v.toObject());
        m_relations.insert(u.id, {u, QStringLiteral("friend")});
    }
    m_presence.clear();
    for (const QJsonValue &v : d.value(QLatin1String("presences")).toArray()) {
        const QJsonObject o = v.toObject();
        m_presence.insert(idFromJson(o.value(kUserId)),
                          {o.value(QLatin1String("status")).toString(), o.value(QLatin1String("custom_status")).toString()});
    }
    // The first ready tells what I chose (maybe on another device); on later ones (a restarted
    // host forgets presence) my choice stands and goes out again below.
    const QString mine = m_presence.value(m_me.id).status;
    if (!m_hasState && (mine == u"dnd" || mine == u"invisible" || mine == u"online"))
        m_myStatus = mine;
    m_typing.clear();
    m_guildModel.reset(order);
    const bool wasHome = m_hasState && m_guild == 0;
    m_hasState = true;
    // A fresh ready may follow a gap we could not replay: reload what is on screen.
    const Id keepGuild = m_data.contains(m_guild) || wasHome ? m_guild : (order.isEmpty() ? 0 : order.first().id);
    const Id keepChannel = m_channel;
    m_guild = 0;
    m_channel = 0;
    selectGuild(keepGuild);
    if (keepChannel && channel(keepChannel).id && channel(keepChannel).guildId == keepGuild)
        selectChannel(keepChannel);
    emit stateLoaded();
    emit dmsChanged();
    emit relationshipsChanged();
    emit presenceChanged(m_me.id);
    refreshRelationships();
    if (m_idle || (m_myStatus != mine && !(m_myStatus == u"online" && mine == u"idle")))
        setIdle(m_idle); // a new session starts active and online: tell the host what we are
}

void ClientState::selectGuild(Id id)
{
    if (id && !m_data.contains(id))
        return;
    if (id == m_guild && id)
        return;
    m_guild = id;
    m_channelModel.reset(id ? m_data.value(id).channels : m_dms.values());
    m_memberModel.reset(m_data.value(id).members);
    emit currentGuildChanged(id);
    const QList<Channel> &cs = m_channelModel.channels();
    Id next = m_lastChannelOf.value(id);
    if (m_channelModel.rowOf(next) < 0)
        next = cs.isEmpty() || !id ? 0 : cs.first().id; // Home opens on the friends view
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
    } else if (m_guild == 0) {
        m_lastChannelOf.insert(0, 0);
    }
    m_channel = id;
    if (m_guild == 0)
        showMembersOfHome();
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
                              if (!page.isEmpty())
                                  ack(channelId, page.first().id);
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
    if (name == ev::MessageCreated) {
        const Message m = Message::fromJson(d);
        m_messageModel.upsert(m);
        countMessage(m);
        noteDmActivity(m.channelId, m.id);
    } else if (name == ev::MessageUpdated) {
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
    } else if ((name == ev::ChannelCreated || name == ev::ChannelUpdated)
               && d.value(kGuildId).isNull()) {
        upsertDm(Channel::fromJson(d));
    } else if (name == ev::ChannelDeleted && d.value(kGuildId).isNull()) {
        removeDm(idFromJson(d.value(QLatin1String("id"))));
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
    } else {
        onSocialEvent(name, d);
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
    if (!m_guild)
        return; // Home has no channels of its own
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

// ---- friends, DMs, presence, typing, read states ----

void ClientState::onSocialEvent(const QString &name, const QJsonObject &d)
{
    if (name == ev::RelationshipUpdated) {
        applyRelationship(User::fromJson(d.value(QLatin1String("user")).toObject()),
                          d.value(QLatin1String("type")).toString());
    } else if (name == ev::PresenceUpdated) {
        const Id uid = idFromJson(d.value(kUserId));
        const QString status = d.value(QLatin1String("status")).toString();
        m_presence.insert(uid, {status, d.value(QLatin1String("custom_status")).toString()});
        if (uid == m_me.id && (status == u"online" || status == u"dnd" || status == u"invisible"))
            m_myStatus = status;
        emit presenceChanged(uid);
    } else if (name == ev::TypingStarted) {
        const Id cid = idFromJson(d.value(kChannelId));
        const Id uid = idFromJson(d.value(kUserId));
        if (uid == m_me.id)
            return;
        m_typing[cid].insert(uid, QDeadlineTimer(kTypingShownMs));
        if (!m_typingTimer.isActive())
            m_typingTimer.start();
        emit typingChanged(cid);
    } else if (name == ev::ReadStateUpdated) {
        setReadState(d);
    }
}

void ClientState::upsertDm(Channel c)
{
    if (!c.id || !c.isDm())
        return;
    if (c.name.isEmpty())
        c.name = dmTitle(c); // shown wherever a channel's name is
    // Most recent first: the list sorts by position, so the position is minus the age.
    if (c.lastMessageId > m_dmActivity.value(c.id))
        m_dmActivity.insert(c.id, c.lastMessageId);
    const Id newest = qMax(c.id, m_dmActivity.value(c.id));
    c.position = -int((snowflake::timestampMs(newest) - snowflake::kEpochMs) / 1000);
    m_dms.insert(c.id, c);
    if (m_hasState && m_guild == 0) {
        m_channelModel.upsert(c);
        if (c.id == m_channel) {
            showMembersOfHome();
            emit channelInfoChanged();
        }
    }
    emit dmsChanged();
}

void ClientState::noteDmActivity(Id channelId, Id messageId)
{
    if (!m_dms.contains(channelId) || messageId <= m_dmActivity.value(channelId))
        return;
    m_dmActivity.insert(channelId, messageId);
    upsertDm(m_dms.value(channelId));
}

QString ClientState::dmTitle(const Channel &c) const
{
    if (!c.isDm())
        return c.name;
    if (!c.name.isEmpty())
        return c.name;
    QStringList names;
    for (const User &u : c.recipients)
        if (u.id != m_me.id)
            names.append(nameOf(u));
    return names.isEmpty() ? nameOf(m_me) : names.join(QStringLiteral(", "));
}

Id ClientState::dmPeer(const Channel &c) const
{
    if (c.type != ChannelType::Dm)
        return 0;
    for (const User &u : c.recipients)
        if (u.id != m_me.id)
            return u.id;
    return 0;
}

void ClientState::showMembersOfHome()
{
    QList<Member> ms;
    for (const User &u : m_dms.value(m_channel).recipients)
        ms.append(Member{u, u.id == m_dms.value(m_channel).ownerId ? Role::Owner : Role::Member, {}});
    m_memberModel.reset(ms);
}

void ClientState::openDm(Id userId)
{
    m_connection->request(op::DmOpen, {{kUserId, idJson(userId)}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Opening the conversation"), r.error);
            return;
        }
        const Channel c = Channel::fromJson(r.d.value(QLatin1String("channel")).toObject());
        upsertDm(c);
        selectChannel(c.id);
    });
}

void ClientState::removeDm(Id cid)
{
    if (!m_dms.remove(cid))
        return;
    if (m_guild == 0)
        m_channelModel.remove(cid);
    if (cid == m_channel && m_guild == 0)
        selectChannel(0);
    emit dmsChanged();
}

void ClientState::createGroupDm(const QList<Id> &userIds, const QString &name)
{
    QJsonArray ids;
    for (Id id : userIds)
        ids.append(idJson(id));
    QJsonObject d{{QLatin1String("user_ids"), ids}};
    if (!name.trimmed().isEmpty())
        d.insert(QLatin1String("name"), name.simplified());
    m_connection->request(op::DmCreateGroup, d, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Creating the group"), r.error);
            return;
        }
        const Channel c = Channel::fromJson(r.d.value(QLatin1String("channel")).toObject());
        upsertDm(c);
        selectChannel(c.id);
    });
}

void ClientState::addToGroupDm(Id channelId, Id userId)
{
    m_connection->request(op::DmAdd, {{kChannelId, idJson(channelId)}, {kUserId, idJson(userId)}}, this,
                          [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(tr("Adding to the group"), r.error);
                                  return;
                              }
                              upsertDm(Channel::fromJson(r.d));
                          });
}

void ClientState::removeFromGroupDm(Id channelId, Id userId)
{
    m_connection->request(op::DmRemove, {{kChannelId, idJson(channelId)}, {kUserId, idJson(userId)}}, this,
                          [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(tr("Removing from the group"), r.error);
                                  return;
                              }
                              upsertDm(Channel::fromJson(r.d));
                          });
}

void ClientState::leaveGroupDm(Id channelId)
{
    m_connection->request(op::DmLeave, {{kChannelId, idJson(channelId)}}, this, [this, channelId](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Leaving the group"), r.error);
            return;
        }
        removeDm(channelId);
    });
}

QList<User> ClientState::friendsOutside(Id channelId) const
{
    const Channel c = m_dms.value(channelId);
    QList<User> out;
    for (const Relationship &r : m_relations) {
        if (r.type != u"friend")
            continue;
        const bool in = std::any_of(c.recipients.begin(), c.recipients.end(),
                                    [&](const User &u) { return u.id == r.user.id; });
        if (!in)
            out.append(r.user);
    }
    std::sort(out.begin(), out.end(), [](const User &a, const User &b) {
        return nameOf(a).compare(nameOf(b), Qt::CaseInsensitive) < 0;
    });
    return out;
}

void ClientState::applyRelationship(const User &user, const QString &type)
{
    if (!user.id)
        return;
    if (type.isEmpty() || type == u"none")
        m_relations.remove(user.id);
    else
        m_relations.insert(user.id, {user, type});
    emit relationshipsChanged();
}

void ClientState::refreshRelationships()
{
    m_connection->request(op::FriendList, {}, this, [this](const Reply &r) {
        if (!r.ok)
            return;
        m_relations.clear();
        for (const char *type : {"friends", "incoming", "outgoing", "blocked"}) {
            // The list names are plural, the relationship types singular (friends -> friend).
            QString t = QString::fromLatin1(type);
            if (t == u"friends")
                t = QStringLiteral("friend");
            for (const QJsonValue &v : r.d.value(QLatin1String(type)).toArray()) {
                const User u = User::fromJson(v.toObject());
                m_relations.insert(u.id, {u, t});
            }
        }
        emit relationshipsChanged();
    });
}

void ClientState::requestFriend(const QString &username)
{
    m_connection->request(op::FriendRequest, {{QLatin1String("username"), username}}, this, [this, username](const Reply &r) {
        emit friendRequestAnswered(username, r.ok);
        if (!r.ok)
            return;
        applyRelationship(User::fromJson(r.d.value(QLatin1String("user")).toObject()),
                          r.d.value(QLatin1String("type")).toString());
    });
}

void ClientState::relate(QLatin1String op, Id userId)
{
    m_connection->request(op, {{kUserId, idJson(userId)}}, this, [this](const Reply &r) {
        if (!r.ok) {
            emit actionFailed(tr("Changing the friendship"), r.error);
            return;
        }
        applyRelationship(User::fromJson(r.d.value(QLatin1String("user")).toObject()),
                          r.d.value(QLatin1String("type")).toString());
    });
}

void ClientState::setPresence(const QString &status, const QString &customStatus)
{
    m_myStatus = status;
    m_idle = false;
    m_connection->request(op::PresenceSet,
                          {{QLatin1String("status"), status}, {QLatin1String("custom_status"), customStatus}},
                          this, [this](const Reply &r) {
                              if (!r.ok) {
                                  emit actionFailed(tr("Changing your status"), r.error);
                                  return;
                              }
                              onSocialEvent(ev::PresenceUpdated, r.d);
                          });
}

void ClientState::setIdle(bool idle)
{
    m_idle = idle;
    if (!m_hasState || m_connection->state() != Connection::State::Online)
        return;
    // custom_status absent: left as it is.
    m_connection->request(op::PresenceSet, {{QLatin1String("status"), idle ? QStringLiteral("idle") : m_myStatus}},
                          this, [this](const Reply &r) {
                              if (r.ok)
                                  onSocialEvent(ev::PresenceUpdated, r.d);
                          });
}

QStringList ClientState::typingNames(Id channelId) const
{
    const auto users = m_typing.value(channelId);
    QList<QPair<qint64, Id>> order;
    for (auto it = users.begin(); it != users.end(); ++it)
        if (!it.value().hasExpired())
            order.append({it.value().deadline(), it.key()});
    std::sort(order.begin(), order.end());
    const Channel c = channel(channelId);
    auto lookup = [&](Id uid) -> QString {
        for (const User &u : c.recipients)
            if (u.id == uid)
                return nameOf(u);
        for (const Member &m : m_data.value(c.guildId).members)
            if (m.user.id == uid)
                return nameOf(m.user);
        if (m_relations.contains(uid))
            return nameOf(m_relations.value(uid).user);
        return tr("Someone");
    };
    QStringList names;
    for (const auto &p : order)
        names.append(lookup(p.second));
    return names;
}

void ClientState::expireTyping()
{
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        const Id cid = it.key();
        const qsizetype before = it->size();
        it->removeIf([](const auto &entry) { return entry.value().hasExpired(); });
        const bool changed = it->size() != before;
        it = it->isEmpty() ? m_typing.erase(it) : std::next(it);
        if (changed)
            emit typingChanged(cid);
    }
    if (m_typing.isEmpty())
        m_typingTimer.stop();
}

void ClientState::noteTyping()
{
    if (!m_channel || m_connection->state() != Connection::State::Online)
        return;
    if (m_typingChannel == m_channel && m_typingSent.isValid() && m_typingSent.elapsed() < kTypingResendMs)
        return;
    m_typingChannel = m_channel;
    m_typingSent.start();
    m_connection->request(op::TypingStart, {{kChannelId, idJson(m_channel)}}, this, [](const Reply &) {});
}

void ClientState::setReadState(const QJsonObject &o)
{
    const Id cid = idFromJson(o.value(kChannelId));
    if (!cid)
        return;
    const ReadState rs = ReadState::fromJson(o);
    const ReadState old = m_readStates.value(cid);
    if (old.lastReadId > rs.lastReadId)
        return; // an older marker arriving late: the newer one stands
    m_readStates.insert(cid, rs);
    if (rs.lastReadId > m_dmActivity.value(cid))
        m_dmActivity.insert(cid, rs.lastReadId); // any channel: ready lists read states before DMs
    emit readStateChanged(cid);
}

bool ClientState::mentionsMe(const Message &m) const
{
    // As the host counts them: @username as a whole name, @everyone from a guild's owner/admin.
    static const QString pre = QStringLiteral("(?<![A-Za-z0-9_.@])@");
    static const QString post = QStringLiteral("(?![A-Za-z0-9_@]|\\.[A-Za-z0-9_])");
    if (m_mentionReFor != m_me.username || !m_mentionRe.isValid()) { // built once per name: every row asks
        m_mentionReFor = m_me.username;
        m_mentionRe = QRegularExpression(pre + QRegularExpression::escape(m_me.username) + post,
                                         QRegularExpression::CaseInsensitiveOption);
        m_mentionRe.optimize();
    }
    if (!m.content.contains(u'@'))
        return false;
    if (m_mentionRe.match(m.content).hasMatch())
        return true;
    if (!m.guildId)
        return false;
    static const QRegularExpression everyone(pre + QStringLiteral("everyone") + post,
                                             QRegularExpression::CaseInsensitiveOption);
    if (!everyone.match(m.content).hasMatch())
        return false;
    for (const Member &mb : m_data.value(m.guildId).members)
        if (mb.user.id == m.author.id)
            return mb.role != Role::Member;
    return false;
}

void ClientState::countMessage(const Message &m)
{
    // The author stopped typing when the message arrived.
    if (m_typing.contains(m.channelId) && m_typing[m.channelId].remove(m.author.id))
        emit typingChanged(m.channelId);
    if (m.author.id == m_me.id || m.authorBlocked)
        return;
    if (m.channelId == m_channel && m_viewing) {
        m_pendingAcks.insert(m.channelId, qMax(m_pendingAcks.value(m.channelId), m.id));
        m_ackTimer.start();
        return;
    }
    ReadState &rs = m_readStates[m.channelId];
    if (m.id <= rs.lastReadId)
        return;
    const bool mention = mentionsMe(m);
    ++rs.unread;
    if (mention)
        ++rs.mentions;
    emit readStateChanged(m.channelId);
    if ((mention || !m.guildId) && !isMuted(m.channelId))
        emit notifiable(m, mention);
}

void ClientState::ack(Id channelId, Id messageId)
{
    const ReadState rs = m_readStates.value(channelId);
    if (!messageId || (messageId <= rs.lastReadId && rs.unread == 0 && rs.mentions == 0))
        return;
    m_connection->request(op::ChannelAck, {{kChannelId, idJson(channelId)}, {QLatin1String("message_id"), idJson(messageId)}},
                          this, [this](const Reply &r) {
                              if (r.ok)
                                  setReadState(r.d);
                          });
}

void ClientState::markRead(Id channelId)
{
    if (channelId != m_channel)
        return;
    const int n = m_messageModel.rowCount();
    for (int row = n - 1; row >= 0; --row) {
        const Id id = m_messageModel.messageAt(row).id;
        if (id) {
            ack(channelId, id);
            return;
        }
    }
}

void ClientState::setViewing(bool viewing)
{
    if (viewing == m_viewing)
        return;
    m_viewing = viewing;
    if (viewing)
        markRead(m_channel);
}

int ClientState::guildMentions(Id guildId) const
{
    if (m_mutedGuilds.contains(guildId))
        return 0;
    int n = 0;
    for (const Channel &c : m_data.value(guildId).channels)
        if (!m_mutedChannels.contains(c.id))
            n += m_readStates.value(c.id).mentions;
    return n;
}

bool ClientState::guildUnread(Id guildId) const
{
    if (m_mutedGuilds.contains(guildId))
        return false;
    for (const Channel &c : m_data.value(guildId).channels)
        if (!m_mutedChannels.contains(c.id) && m_readStates.value(c.id).unread > 0)
            return true;
    return false;
}

int ClientState::dmMentions() const
{
    int n = 0;
    for (const Channel &c : m_dms)
        if (!m_mutedChannels.contains(c.id))
            n += m_readStates.value(c.id).unread;
    return n;
}

bool ClientState::isMuted(Id channelId) const
{
    if (m_mutedChannels.contains(channelId))
        return true;
    const Id gid = channel(channelId).guildId;
    return gid && m_mutedGuilds.contains(gid);
}

void ClientState::setChannelMuted(Id channelId, bool muted)
{
    if (muted == m_mutedChannels.contains(channelId))
        return;
    if (muted)
        m_mutedChannels.insert(channelId);
    else
        m_mutedChannels.remove(channelId);
    emit mutesChanged();
}

void ClientState::setGuildMuted(Id guildId, bool muted)
{
    if (muted == m_mutedGuilds.contains(guildId))
        return;
    if (muted)
        m_mutedGuilds.insert(guildId);
    else
        m_mutedGuilds.remove(guildId);
    emit mutesChanged();
}

void ClientState::setMutes(const QSet<Id> &channels, const QSet<Id> &guilds)
{
    m_mutedChannels = channels;
    m_mutedGuilds = guilds;
    m_channelModel.refreshAll();
    m_guildModel.refreshAll();
}

QString ClientState::lastActivityText(Id messageId, const QDateTime &now)
{
    const QDateTime then = snowflake::timestamp(messageId).toLocalTime();
    const qint64 secs = qMax<qint64>(0, then.secsTo(now));
    if (secs < 60)
        return tr("now");
    if (secs < 3600)
        return tr("%n min", nullptr, int(secs / 60));
    const qint64 days = then.date().daysTo(now.toLocalTime().date());
    if (days <= 0)
        return tr("%n h", nullptr, int(secs / 3600));
    if (days == 1)
        return tr("yesterday");
    if (days < 7)
        return tr("%n days", nullptr, int(days));
    return QLocale().toString(then.date(), QLocale::ShortFormat);
}

int ClientState::totalMentions() const
{
    int n = dmMentions();
    for (auto it = m_data.begin(); it != m_data.end(); ++it)
        n += guildMentions(it.key());
    return n;
}

} // namespace kith::app

#include "ClientState.h"

#include "ShownName.h"
#include "net/Connection.h"
#include "net/HttpClient.h"
#include "net/Outbox.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Snowflake.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

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
    : QObject(parent),
      m_connection(connection),
      m_http(new HttpClient(connection, this)),
      m_attachments(m_http),
      m_dms(connection),
      m_social(connection),
      m_reads(
          connection, [this](Id channelId) { return channel(channelId).guildId; },
          [this](Id guildId, Id userId) {
              for (const Member &mb : m_data.value(guildId).members)
                  if (mb.user.id == userId)
                      return mb.role >= Role::Admin;
              return false;
          })
{
    m_admin = new GuildAdmin(this, connection, this);
    connect(connection, &Connection::ready, this, &ClientState::onReady);
    connect(connection, &Connection::event, this, &ClientState::onEvent);
    connect(&m_messageModel, &MessageListModel::olderRequested, this, &ClientState::loadOlder);
    m_messageModel.setMentionTest([this](const Message &m) { return m_reads.mentionsMe(m); });
    wireParts();
    wireModels();
}

void ClientState::wireParts()
{
    // Their signals are ours: views connect to ClientState only.
    connect(&m_dms, &DmState::upserted, this, &ClientState::showDm);
    connect(&m_dms, &DmState::removed, this, &ClientState::hideDm);
    connect(&m_dms, &DmState::dmsChanged, this, &ClientState::dmsChanged);
    connect(&m_dms, &DmState::opened, this, &ClientState::selectChannel);
    connect(&m_dms, &DmState::actionFailed, this, &ClientState::actionFailed);
    connect(&m_social, &SocialState::presenceChanged, this, &ClientState::presenceChanged);
    connect(&m_social, &SocialState::presenceChosen, this, &ClientState::presenceChosen);
    connect(&m_social, &SocialState::friendRequestAnswered, this, &ClientState::friendRequestAnswered);
    connect(&m_social, &SocialState::relationshipsChanged, this, &ClientState::relationshipsChanged);
    connect(&m_social, &SocialState::typingChanged, this, &ClientState::typingChanged);
    connect(&m_social, &SocialState::actionFailed, this, &ClientState::actionFailed);
    // My read marker counts as DM activity (it orders the DM list).
    connect(&m_reads, &ReadTracker::lastReadSet, &m_dms, &DmState::noteLastRead);
    connect(&m_reads, &ReadTracker::readStateChanged, this, &ClientState::readStateChanged);
    connect(&m_reads, &ReadTracker::mutesChanged, this, &ClientState::mutesChanged);
    connect(&m_reads, &ReadTracker::notifiable, this, &ClientState::notifiable);
}

bool ClientState::eventFilter(QObject *watched, QEvent *event)
{
    // A new language (translators changed on the application): the texts the models make
    // ("5 min", a blocked author's placeholder) are told again to the views.
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
        m_channelModel.refreshAll();
        m_messageModel.refreshAll();
    }
    return QObject::eventFilter(watched, event);
}

void ClientState::wireModels()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    m_channelModel.setExtra([this](const Channel &c, int role) -> QVariant {
        const ReadState rs = m_reads.readState(c.id);
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
            const Id newest = c.isDm() ? m_dms.activity(c.id) : 0;
            return newest ? lastActivityText(newest, QDateTime::currentDateTime()) : QString();
        }
        case ChannelListModel::AvatarRole: { // fetched only when a row is painted
            const Id peer = dmPeer(c);
            for (const User &u : c.recipients)
                if (peer && u.id == peer)
                    return m_attachments.avatar(u.avatar);
            return QImage();
        }
        }
        return {};
    });
    m_guildModel.setExtra([this](const Guild &g, int role) -> QVariant {
        if (role == GuildListModel::UnreadRole)
            return guildUnread(g.id);
        if (role == GuildListModel::MentionsRole)
            return guildMentions(g.id);
        if (role == GuildListModel::IconRole) // fetched only when a row is painted
            return m_attachments.avatar(g.icon);
        return {};
    });
    m_memberModel.setExtra([this](const Member &m, int role) -> QVariant {
        const Presence p = presence(m.user.id);
        if (role == MemberListModel::PresenceRole)
            return p.status;
        if (role == MemberListModel::CustomStatusRole)
            return p.customStatus;
        if (role == MemberListModel::AvatarRole)
            return m_attachments.avatar(m.user.avatar);
        return {};
    });
    connect(&m_attachments, &AttachmentCache::avatarReady, this, [this] {
        m_memberModel.refreshAll();
        m_guildModel.refreshAll();
        m_channelModel.refreshAll();
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
        if (m_outbox->uploading().isEmpty())
            emit uploadProgress({}, 0, 0);
    });
    connect(outbox, &Outbox::uploadProgress, this, &ClientState::uploadProgress);
    connect(outbox, &Outbox::delivered, &m_messageModel, &MessageListModel::upsert);
    connect(outbox, &Outbox::deliveredTo, this, &ClientState::rouletteDelivered);
    m_messageModel.setPending(outbox->entries(m_channel));
}

Guild ClientState::guild(Id id) const
{
    return m_data.value(id).guild;
}

Channel ClientState::channel(Id id) const
{
    if (m_dms.contains(id))
        return m_dms.channel(id);
    for (const GuildData &g : m_data)
        for (const Channel &c : g.channels)
            if (c.id == id)
                return c;
    return {};
}

Id ClientState::firstChannel() const
{
    for (const Channel &c : m_channelModel.channels())
        if (!c.isCategory())
            return c.id;
    return 0;
}

QList<Channel> ClientState::channelsOf(Id guildId) const
{
    QList<Channel> cs = guildId ? m_data.value(guildId).channels : m_dms.channels();
    cs.removeIf([](const Channel &c) { return c.isCategory(); }); // headings, not places to go
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
    m_dms.setMe(m_me);
    m_social.setMe(m_me.id);
    m_reads.setMe(m_me);
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
        // Roles come with each guild of ready too (not only guild.created): colours and what
        // I may do after a restart or a full resync depend on them.
        m_roles.reset(g.guild.id, o.value(QLatin1String("roles")).toArray());
        order.append(g.guild);
        m_data.insert(g.guild.id, g);
    }
    m_reads.reset(d.value(QLatin1String("read_states")).toArray());
    m_dms.reset(d.value(QLatin1String("dms")).toArray());
    const QString hostStatus = m_social.loadReady(d);
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
    m_social.afterReady(hostStatus);
}

void ClientState::selectGuild(Id id)
{
    if (id && !m_data.contains(id))
        return;
    if (id == m_guild && id)
        return;
    m_guild = id;
    m_channelModel.reset(id ? m_data.value(id).channels : m_dms.channels());
    m_memberModel.reset(m_data.value(id).members);
    emit currentGuildChanged(id);
    Id next = m_lastChannelOf.value(id);
    if (m_channelModel.rowOf(next) < 0)
        next = id ? firstChannel() : 0; // Home opens on the friends view
    m_channel = ~Id(0); // force the switch even when the id is the same
    selectChannel(next);
}

void ClientState::selectChannel(Id id)
{
    if (id == m_channel)
        return;
    if (id) {
        const Channel c = channel(id);
        if (!c.id || c.isCategory())
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
    // Where my reading stopped, taken before opening it marks everything read.
    const ReadState rs = readState(id);
    m_messageModel.clear(id, rs.unread > 0 ? std::optional<Id>(rs.lastReadId) : std::nullopt);
    if (m_outbox)
        m_messageModel.setPending(m_outbox->entries(id));
    emit currentChannelChanged(id);
    if (id)
        loadLatest();
}

int ClientState::incomingRequests() const
{
    const QList<Relationship> all = m_social.relationships();
    return int(std::count_if(all.begin(), all.end(), [](const Relationship &r) { return r.type == u"incoming"; }));
}

void ClientState::stepChannel(int delta)
{
    const QList<Channel> &cs = m_channelModel.channels();
    const int n = int(cs.size());
    int row = m_channelModel.rowOf(m_channel);
    for (int step = 0; step < n; ++step) { // over category headings
        row = ((row < 0 ? 0 : row) + delta + n) % n;
        if (!cs.at(row).isCategory())
            return selectChannel(cs.at(row).id);
    }
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
                                  m_reads.ack(channelId, page.first().id);
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
    m_roles.reset(g.guild.id, full.value(QLatin1String("roles")).toArray());
    m_data.insert(g.guild.id, g);
    m_guildModel.upsert(g.guild);
    if (select || !m_guild)
        selectGuild(g.guild.id);
}

void ClientState::removeGuild(Id id)
{
    m_data.remove(id);
    m_roles.forget(id);
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
        m_memberModel.reset(m_data.value(guildId).members, &m_roles, guildId);
}

const Member *ClientState::member(Id guildId, Id userId) const
{
    const auto g = m_data.constFind(guildId);
    if (g == m_data.cend())
        return nullptr;
    for (const Member &m : g->members)
        if (m.user.id == userId)
            return &m;
    return nullptr;
}

QColor ClientState::nameColor(Id guildId, Id userId) const
{
    const Member *m = member(guildId, userId);
    return m ? m_roles.colorOf(guildId, *m) : QColor();
}

void ClientState::onEvent(const QString &name, const QJsonObject &d)
{
    if (name == ev::MessageCreated) {
        const Message m = Message::fromJson(d);
        m_messageModel.upsert(m);
        m_social.stopTyping(m.channelId, m.author.id); // the author stopped typing when it arrived
        m_reads.count(m, m.channelId == m_channel && m_viewing);
        m_dms.noteMessage(m.channelId, m.id);
        if (m.id > m_newest.value(m.channelId))
            m_newest.insert(m.channelId, m.id);
    } else if (name == ev::MessageUpdated) {
        m_messageModel.upsert(Message::fromJson(d));
    } else if (name == ev::ReactionAdded || name == ev::ReactionRemoved) {
        if (idFromJson(d.value(kChannelId)) == m_channel)
            m_messageModel.applyReaction(idFromJson(d.value(QLatin1String("message_id"))),
                                         d.value(QLatin1String("emoji")).toString(), name == ev::ReactionAdded,
                                         idFromJson(d.value(QLatin1String("user_id"))) == m_me.id);
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
    } else if (name == ev::RoleCreated || name == ev::RoleUpdated || name == ev::RoleDeleted) {
        Id gid = 0;
        if (m_roles.apply(name, d, &gid)) {
            refreshMembers(gid);
            emit rolesChanged(gid);
        }
    } else if (name == ev::GuildDeleted) {
        removeGuild(idFromJson(d.value(QLatin1String("id"))));
    } else if (name == ev::MemberJoined || name == ev::MemberUpdated) {
        const Id gid = idFromJson(d.value(kGuildId));
        if (!m_data.contains(gid))
            return;
        const Member m = Member::fromJson(d.value(QLatin1String("member")).toObject());
        QList<Member> &ms = m_data[gid].members;
        auto it = std::find_if(ms.begin(), ms.end(), [&](const Member &x) { return x.user.id == m.user.id; });
        const bool rolesMoved = it == ms.end() || it->roleIds != m.roleIds;
        if (it != ms.end())
            *it = m;
        else
            ms.append(m);
        refreshMembers(gid);
        if (rolesMoved)
            emit rolesChanged(gid);
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
        m_dms.upsert(Channel::fromJson(d));
    } else if (name == ev::ChannelDeleted && d.value(kGuildId).isNull()) {
        m_dms.remove(idFromJson(d.value(QLatin1String("id"))));
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
        if (cid == m_channel)
            selectChannel(firstChannel());
    } else if (name == ev::ReadStateUpdated) {
        m_reads.apply(d);
    } else if (name == ev::UserUpdated) {
        const User u = User::fromJson(d.value(QLatin1String("user")).toObject());
        if (!u.id)
            return;
        if (u.id == m_me.id) {
            m_me = u;
            m_dms.setMe(u);
        }
        for (GuildData &g : m_data)
            for (Member &m : g.members)
                if (m.user.id == u.id)
                    m.user = u;
        refreshMembers(m_guild);
        m_dms.renameUser(u);
        m_social.renameUser(u);
        m_messageModel.renameUser(u);
        emit userUpdated(u);
    } else {
        m_social.onEvent(name, d);
    }
}

int ClientState::onlineIn(Id guildId) const
{
    int n = 0;
    for (const Member &m : m_data.value(guildId).members) {
        const QString s = m.user.id == m_me.id ? QStringLiteral("online") : presence(m.user.id).status;
        n += s == u"online" || s == u"idle" || s == u"dnd";
    }
    return n;
}

// ---- the social layer's parts, as Home and the views see them ----

void ClientState::showDm(const Channel &c)
{
    if (!m_hasState || m_guild != 0)
        return;
    m_channelModel.upsert(c);
    if (c.id == m_channel) {
        showMembersOfHome();
        emit channelInfoChanged();
    }
}

void ClientState::hideDm(Id channelId)
{
    if (m_guild == 0)
        m_channelModel.remove(channelId);
    if (channelId == m_channel && m_guild == 0)
        selectChannel(0);
}

void ClientState::showMembersOfHome()
{
    const Channel dm = m_dms.channel(m_channel);
    QList<Member> ms;
    for (const User &u : dm.recipients)
        ms.append(Member{u, u.id == dm.ownerId ? Role::Owner : Role::Member, {}});
    m_memberModel.reset(ms);
}

QStringList ClientState::typingNames(Id channelId) const
{
    const Channel c = channel(channelId);
    auto lookup = [&](Id uid) -> QString {
        for (const User &u : c.recipients)
            if (u.id == uid)
                return shownName(u);
        for (const Member &m : m_data.value(c.guildId).members)
            if (m.user.id == uid)
                return shownName(m.user);
        if (m_social.hasRelation(uid))
            return shownName(m_social.relation(uid).user);
        return tr("Someone");
    };
    QStringList names;
    for (Id uid : m_social.typingUsers(channelId))
        names.append(lookup(uid));
    return names;
}

void ClientState::markRead(Id channelId)
{
    if (channelId != m_channel)
        return;
    const int n = m_messageModel.rowCount();
    for (int row = n - 1; row >= 0; --row) {
        const Id id = m_messageModel.messageAt(row).id;
        if (id) {
            m_reads.ack(channelId, id);
            return;
        }
    }
}

void ClientState::markChannelRead(Id channelId)
{
    // The host's last_message_id from ready, or a newer one heard since.
    const Id newest = qMax(channel(channelId).lastMessageId, m_newest.value(channelId));
    if (newest && readState(channelId).unread > 0)
        m_reads.ack(channelId, newest);
}

void ClientState::markGuildRead(Id guildId)
{
    for (const Channel &c : m_data.value(guildId).channels)
        markChannelRead(c.id);
}

void ClientState::setViewing(bool viewing)
{
    if (viewing == m_viewing)
        return;
    m_viewing = viewing;
    if (viewing)
        markRead(m_channel);
}

void ClientState::setMutes(const QSet<Id> &channels, const QSet<Id> &guilds)
{
    m_reads.setMutes(channels, guilds);
    m_channelModel.refreshAll();
    m_guildModel.refreshAll();
}

int ClientState::totalMentions() const
{
    int n = dmMentions();
    for (auto it = m_data.begin(); it != m_data.end(); ++it)
        n += guildMentions(it.key());
    return n;
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

} // namespace kith::app

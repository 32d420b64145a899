#include "ReadTracker.h"

#include "net/Connection.h"
#include "shared/Protocol.h"

#include <QJsonArray>

#include <utility>

namespace kith::app {

namespace {
const QLatin1String kChannelId{"channel_id"};
constexpr int kAckDelayMs = 250; // coalesce acks while messages stream in
} // namespace

ReadTracker::ReadTracker(Connection *connection, GuildOf guildOf, IsStaff isStaff, QObject *parent)
    : QObject(parent), m_connection(connection), m_guildOf(std::move(guildOf)), m_isStaff(std::move(isStaff))
{
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(kAckDelayMs);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        const auto pending = std::exchange(m_pendingAcks, {});
        for (auto it = pending.begin(); it != pending.end(); ++it)
            ack(it.key(), it.value());
    });
}

void ReadTracker::reset(const QJsonArray &readStates)
{
    m_readStates.clear();
    for (const QJsonValue &v : readStates)
        apply(v.toObject());
}

void ReadTracker::apply(const QJsonObject &o)
{
    const Id cid = idFromJson(o.value(kChannelId));
    if (!cid)
        return;
    const ReadState rs = ReadState::fromJson(o);
    const ReadState old = m_readStates.value(cid);
    if (old.lastReadId > rs.lastReadId)
        return; // an older marker arriving late: the newer one stands
    m_readStates.insert(cid, rs);
    emit lastReadSet(cid, rs.lastReadId);
    emit readStateChanged(cid);
}

bool ReadTracker::mentionsMe(const Message &m) const
{
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
    return m_isStaff(m.guildId, m.author.id);
}

void ReadTracker::count(const Message &m, bool seen)
{
    if (m.author.id == m_me.id || m.authorBlocked)
        return;
    if (seen) {
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

void ReadTracker::ack(Id channelId, Id messageId)
{
    const ReadState rs = m_readStates.value(channelId);
    if (!messageId || (messageId <= rs.lastReadId && rs.unread == 0 && rs.mentions == 0))
        return;
    m_connection->request(op::ChannelAck, {{kChannelId, idJson(channelId)}, {QLatin1String("message_id"), idJson(messageId)}},
                          this, [this](const Reply &r) {
                              if (r.ok)
                                  apply(r.d);
                          });
}

int ReadTracker::guildMentions(Id guildId, const QList<Channel> &channels) const
{
    if (m_mutedGuilds.contains(guildId))
        return 0;
    int n = 0;
    for (const Channel &c : channels)
        if (!m_mutedChannels.contains(c.id))
            n += m_readStates.value(c.id).mentions;
    return n;
}

bool ReadTracker::guildUnread(Id guildId, const QList<Channel> &channels) const
{
    if (m_mutedGuilds.contains(guildId))
        return false;
    for (const Channel &c : channels)
        if (!m_mutedChannels.contains(c.id) && m_readStates.value(c.id).unread > 0)
            return true;
    return false;
}

int ReadTracker::dmUnread(const QList<Channel> &dms) const
{
    int n = 0;
    for (const Channel &c : dms)
        if (!m_mutedChannels.contains(c.id))
            n += m_readStates.value(c.id).unread;
    return n;
}

bool ReadTracker::isMuted(Id channelId) const
{
    if (m_mutedChannels.contains(channelId))
        return true;
    const Id gid = m_guildOf(channelId);
    return gid && m_mutedGuilds.contains(gid);
}

void ReadTracker::setChannelMuted(Id channelId, bool muted)
{
    if (muted == m_mutedChannels.contains(channelId))
        return;
    if (muted)
        m_mutedChannels.insert(channelId);
    else
        m_mutedChannels.remove(channelId);
    emit mutesChanged();
}

void ReadTracker::setGuildMuted(Id guildId, bool muted)
{
    if (muted == m_mutedGuilds.contains(guildId))
        return;
    if (muted)
        m_mutedGuilds.insert(guildId);
    else
        m_mutedGuilds.remove(guildId);
    emit mutesChanged();
}

void ReadTracker::setMutes(const QSet<Id> &channels, const QSet<Id> &guilds)
{
    m_mutedChannels = channels;
    m_mutedGuilds = guilds;
}

} // namespace kith::app

#pragma once
//! How far I have read in each channel and what is new since: read states from the host,
//! unread and mention counts raised by live messages, acks (coalesced), and mutes. Part of
//! ClientState, which forwards its public calls here and re-emits the signals as its own.

#include "shared/Types.h"

#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <functional>

namespace kith::app {

class Connection;

class ReadTracker : public QObject
{
    Q_OBJECT
public:
    //! What the tracker asks the core (ClientState) about: a channel's guild (0 for DMs and
    //! unknown channels), and whether someone is a guild's owner or admin (may @everyone).
    using GuildOf = std::function<Id(Id channelId)>;
    using IsStaff = std::function<bool(Id guildId, Id userId)>;
    ReadTracker(Connection *connection, GuildOf guildOf, IsStaff isStaff, QObject *parent = nullptr);

    void setMe(const User &me) { m_me = me; }
    //! Replaces the read states with a ready's list.
    void reset(const QJsonArray &readStates);
    //! A read state from the host (read_state.updated, an ack's reply); older markers lose.
    void apply(const QJsonObject &readState);

    ReadState readState(Id channelId) const { return m_readStates.value(channelId); }
    //! Counts a live message. `seen`: it arrived in the channel the user is looking at, so it
    //! is acked (shortly, with whatever else streams in) instead of counted.
    void count(const Message &m, bool seen);
    //! As the host counts them: @username as a whole name, @everyone from a guild's owner/admin.
    bool mentionsMe(const Message &m) const;
    //! Moves my marker in a channel to `messageId`, unless nothing would change.
    void ack(Id channelId, Id messageId);

    //! Mentions in a guild's unmuted channels (0 when the guild is muted).
    int guildMentions(Id guildId, const QList<Channel> &channels) const;
    bool guildUnread(Id guildId, const QList<Channel> &channels) const;
    //! Unread messages in the unmuted DMs.
    int dmUnread(const QList<Channel> &dms) const;

    bool isChannelMuted(Id channelId) const { return m_mutedChannels.contains(channelId); }
    bool isGuildMuted(Id guildId) const { return m_mutedGuilds.contains(guildId); }
    bool isMuted(Id channelId) const;
    void setChannelMuted(Id channelId, bool muted);
    void setGuildMuted(Id guildId, bool muted);
    QSet<Id> mutedChannels() const { return m_mutedChannels; }
    QSet<Id> mutedGuilds() const { return m_mutedGuilds; }
    //! Loads saved mutes (no mutesChanged).
    void setMutes(const QSet<Id> &channels, const QSet<Id> &guilds);

signals:
    //! My marker in a channel was (re)set; emitted before readStateChanged.
    void lastReadSet(kith::Id channelId, kith::Id messageId);
    void readStateChanged(kith::Id channelId);
    void mutesChanged();
    void notifiable(const kith::Message &message, bool mention);

private:
    Connection *m_connection;
    GuildOf m_guildOf;
    IsStaff m_isStaff;
    User m_me;
    QHash<Id, ReadState> m_readStates;
    mutable QRegularExpression m_mentionRe;
    mutable QString m_mentionReFor;
    QTimer m_ackTimer;
    QHash<Id, Id> m_pendingAcks; //!< channel -> newest message to ack
    QSet<Id> m_mutedChannels;
    QSet<Id> m_mutedGuilds;
};

} // namespace kith::app

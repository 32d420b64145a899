#pragma once
//! The client's picture of one host: guilds, channels, members and the open channel's
//! messages, kept current from the Connection's events and exposed as item models.
//! Views read the models and call the intent methods; they never see JSON.

#include "ChannelListModel.h"
#include "GuildListModel.h"
#include "MemberListModel.h"
#include "MessageListModel.h"
#include "shared/ErrorCode.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QRegularExpression>
#include <QTimer>

namespace kith::app {

class Connection;
class Outbox;

//! How a user shows: online, idle, dnd, invisible (only ever mine) or offline.
struct Presence {
    QString status = QStringLiteral("offline");
    QString customStatus;
};

//! Another user as I see them: friend, incoming, outgoing or blocked.
struct Relationship {
    User user;
    QString type;
};

class ClientState : public QObject
{
    Q_OBJECT
public:
    explicit ClientState(Connection *connection, QObject *parent = nullptr);

    //! The outbox of the signed-in account (owned elsewhere); null until signed in.
    void setOutbox(Outbox *outbox);
    Outbox *outbox() const { return m_outbox; }

    GuildListModel *guilds() { return &m_guildModel; }
    ChannelListModel *channels() { return &m_channelModel; }
    MemberListModel *members() { return &m_memberModel; }
    MessageListModel *messages() { return &m_messageModel; }

    bool hasState() const { return m_hasState; }
    const User &me() const { return m_me; }
    Id currentGuild() const { return m_guild; }
    Id currentChannel() const { return m_channel; }
    Guild guild(Id id) const;
    Channel channel(Id id) const;
    QList<Channel> channelsOf(Id guildId) const;
    Role myRole(Id guildId) const;
    bool canManage(Id guildId) const { return myRole(guildId) != Role::Member; }

    void selectGuild(Id id);
    void selectChannel(Id id);
    //! Moves to the previous (-1) or next (+1) channel of the current guild, wrapping.
    void stepChannel(int delta);

    void sendMessage(const QString &content);
    void editMessage(Id messageId, const QString &content);
    void deleteMessage(Id messageId);
    void retrySend(const QString &nonce);
    void discardSend(const QString &nonce);
    void createGuild(const QString &name);
    void joinGuild(const QString &code);
    void leaveGuild(Id guildId);
    void renameGuild(Id guildId, const QString &name);
    void deleteGuild(Id guildId);
    void setRole(Id guildId, Id userId, Role role);
    void createInvite(Id guildId);
    void createChannel(const QString &name, const QString &topic);
    void updateChannel(Id channelId, const QString &name, const QString &topic);
    void deleteChannel(Id channelId);

    // Home, friends and DMs. Home is "guild 0": its channels are my DMs; channel 0 there is
    // the friends view.
    bool isHome() const { return m_hasState && m_guild == 0; }
    void selectHome() { selectGuild(0); }
    QList<Channel> dms() const { return m_dms.values(); }
    //! A DM's title: the group's name, or the other people's names.
    QString dmTitle(const Channel &c) const;
    //! The other person of a 1:1 DM (0 for groups).
    Id dmPeer(const Channel &c) const;
    void openDm(Id userId);
    //! dm.create_group with the chosen people (not me); an empty name leaves it unnamed.
    void createGroupDm(const QList<Id> &userIds, const QString &name);
    void addToGroupDm(Id channelId, Id userId);
    void removeFromGroupDm(Id channelId, Id userId); //!< the group's owner only
    void leaveGroupDm(Id channelId);
    //! Friends who are not yet in the DM (whom "Add member" offers).
    QList<User> friendsOutside(Id channelId) const;
    QList<Relationship> relationships() const { return m_relations.values(); }
    QString relationship(Id userId) const { return m_relations.value(userId).type; }
    void refreshRelationships();
    void requestFriend(const QString &username);
    //! friend.accept/decline/cancel/remove, user.block/unblock on one user.
    void relate(QLatin1String op, Id userId);

    // Presence
    Presence presence(Id userId) const { return m_presence.value(userId); }
    QString myStatus() const { return m_myStatus; }  //!< chosen: online, idle, dnd, invisible
    QString myCustomStatus() const { return m_presence.value(m_me.id).customStatus; }
    void setPresence(const QString &status, const QString &customStatus);
    //! Reports this session idle (no input for a while) or active again.
    void setIdle(bool idle);
    bool isIdle() const { return m_idle; }

    // Typing
    //! Display names of those typing in a channel now (not me), oldest first.
    QStringList typingNames(Id channelId) const;
    //! The user is composing in the open channel: tells the host, at most every few seconds.
    void noteTyping();

    // Read states
    ReadState readState(Id channelId) const { return m_readStates.value(channelId); }
    int guildMentions(Id guildId) const;
    bool guildUnread(Id guildId) const;
    int dmMentions() const; //!< unread DMs count as mentions, as they are addressed to me
    int totalMentions() const;

    // Mutes: a muted channel, or any channel of a muted guild, raises no notification and
    // counts neither on the guild's icon nor in the total (its own badge stays).
    bool isChannelMuted(Id channelId) const { return m_mutedChannels.contains(channelId); }
    bool isGuildMuted(Id guildId) const { return m_mutedGuilds.contains(guildId); }
    //! The channel is muted itself or through its guild.
    bool isMuted(Id channelId) const;
    void setChannelMuted(Id channelId, bool muted);
    void setGuildMuted(Id guildId, bool muted);
    QSet<Id> mutedChannels() const { return m_mutedChannels; }
    QSet<Id> mutedGuilds() const { return m_mutedGuilds; }
    //! Loads saved mutes (no mutesChanged).
    void setMutes(const QSet<Id> &channels, const QSet<Id> &guilds);

    //! "now", "5 min", "3 h", "yesterday", "4 days" or a date: how long ago the message was made.
    static QString lastActivityText(Id messageId, const QDateTime &now);
    //! Whether the user sees the open channel (the window is active): new messages there are read.
    void setViewing(bool viewing);
    void markRead(Id channelId);

signals:
    void stateLoaded();             //!< after every ready (first sign-in and full resyncs)
    void currentGuildChanged(kith::Id id);
    void currentChannelChanged(kith::Id id);
    void channelInfoChanged();      //!< name or topic of the open channel
    void historyLoaded(kith::Id channelId);
    void inviteCreated(const QString &code, kith::Id guildId);
    //! A request the user made failed; `what` says which, in words.
    void actionFailed(const QString &what, const kith::Error &error);
    void presenceChanged(kith::Id userId);
    void friendRequestAnswered(const QString &username, bool ok);
    void relationshipsChanged();
    void dmsChanged();
    void typingChanged(kith::Id channelId);
    void readStateChanged(kith::Id channelId);
    void mutesChanged();
    //! A message from someone else that deserves a notification: a DM, or one that mentions me.
    void notifiable(const kith::Message &message, bool mention);

private:
    struct GuildData {
        Guild guild;
        QList<Channel> channels;
        QList<Member> members;
    };
    void onReady(const QJsonObject &d);
    void onEvent(const QString &name, const QJsonObject &d);
    void addGuild(const QJsonObject &full, bool select);
    void removeGuild(Id id);
    void refreshMembers(Id guildId);
    void loadLatest();
    void loadOlder(Id channelId, Id beforeId);
    void simple(QLatin1String op, const QJsonObject &d, const QString &what);
    void onSocialEvent(const QString &name, const QJsonObject &d);
    void upsertDm(Channel c);
    void noteDmActivity(Id channelId, Id messageId);
    void setReadState(const QJsonObject &o);
    void countMessage(const Message &m);
    bool mentionsMe(const Message &m) const;
    void applyRelationship(const User &user, const QString &type);
    void expireTyping();
    void showMembersOfHome();
    void wireModels();
    void ack(Id channelId, Id messageId);
    void removeDm(Id channelId);

    Connection *m_connection;
    Outbox *m_outbox = nullptr;
    GuildListModel m_guildModel;
    ChannelListModel m_channelModel;
    MemberListModel m_memberModel;
    MessageListModel m_messageModel;

    bool m_hasState = false;
    User m_me;
    QHash<Id, GuildData> m_data;
    QHash<Id, Id> m_lastChannelOf; //!< guild -> channel last open there
    Id m_guild = 0;
    Id m_channel = 0;
    Id m_selectAfterCreate = 0;
    int m_pageSize = 50;

    QHash<Id, Channel> m_dms;
    mutable QRegularExpression m_mentionRe;
    mutable QString m_mentionReFor;
    QHash<Id, Id> m_dmActivity; //!< DM -> newest message id seen, to list recent ones first
    QHash<Id, Relationship> m_relations;
    QHash<Id, Presence> m_presence;
    QHash<Id, ReadState> m_readStates;
    QHash<Id, QHash<Id, QDeadlineTimer>> m_typing; //!< channel -> user -> until
    QTimer m_typingTimer;
    QElapsedTimer m_typingSent;
    Id m_typingChannel = 0;
    QString m_myStatus = QStringLiteral("online");
    bool m_idle = false;
    bool m_viewing = true;
    QTimer m_ackTimer;
    QHash<Id, Id> m_pendingAcks; //!< channel -> newest message to ack
    QSet<Id> m_mutedChannels;
    QSet<Id> m_mutedGuilds;
    QTimer m_activityTimer; //!< "5 min" becomes "6 min": repaint the DM rows now and then
};

} // namespace kith::app

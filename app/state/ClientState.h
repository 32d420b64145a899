#pragma once
//! The client's picture of one host: guilds, channels, members and the open channel's
//! messages, kept current from the Connection's events and exposed as item models.
//! Views read the models and call the intent methods; they never see JSON.
//! The social layer lives in its parts (DmState, SocialState, ReadTracker): this class
//! routes events to them, forwards to them and re-emits their signals as its own.

#include "AttachmentCache.h"
#include "ChannelListModel.h"
#include "DmState.h"
#include "GuildListModel.h"
#include "MemberListModel.h"
#include "GuildAdmin.h"
#include "RoleBook.h"
#include "MessageListModel.h"
#include "ReadTracker.h"
#include "SocialState.h"
#include "shared/ErrorCode.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>

namespace kith::app {

class Connection;
class HttpClient;
class Outbox;
struct OutgoingFile;

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
    //! The guild's roles, by position (@everyone first).
    QList<GuildRole> roles(Id guildId) const { return m_roles.roles(guildId); }
    //! The colour a member's name takes in the guild (their highest coloured role); invalid for none.
    QColor nameColor(Id guildId, Id userId) const;
    //! A member of a guild I am in, or null.
    const Member *member(Id guildId, Id userId) const;
    QList<Member> guildMembers(Id guildId) const { return m_data.value(guildId).members; }
    //! Roles, bans and timeouts: the server settings screens' calls.
    GuildAdmin *admin() { return m_admin; }
    Channel channel(Id id) const;
    QList<Channel> channelsOf(Id guildId) const;
    Role myRole(Id guildId) const;
    bool canManage(Id guildId) const { return myRole(guildId) >= Role::Admin; }

    void selectGuild(Id id);
    void selectChannel(Id id);
    //! Moves to the previous (-1) or next (+1) channel of the current guild, wrapping.
    void stepChannel(int delta);

    //! Through the outbox; `replyToId` makes it a reply to that message of the channel. The
    //! files are uploaded first (then `content` may be empty).
    void sendMessage(const QString &content, Id replyToId = 0, const QList<OutgoingFile> &files = {});
    //! Attachment bytes: thumbnails, the image viewer's file, saving to disk.
    AttachmentCache *attachments() { return &m_attachments; }
    //! The host's largest upload (limits.attachment_bytes), and most files per message.
    qint64 attachmentLimit() const;
    int attachmentsPerMessage() const;
    //! Adds my `emoji` to a message of the open channel, or takes it away if I have it.
    void toggleReaction(Id messageId, const QString &emoji);
    //! Asks the host who added `emoji` to a message of the open channel (reaction.users);
    //! reactionUsersLoaded follows, nothing on failure (an older host lacks the op).
    void loadReactionUsers(Id messageId, const QString &emoji);
    void editMessage(Id messageId, const QString &content);
    void deleteMessage(Id messageId);
    void retrySend(const QString &nonce);
    void discardSend(const QString &nonce);
    void createGuild(const QString &name);
    //! invite.join; joinAnswered() says how it went. With `reportErrors` a failure is also an
    //! actionFailed() (nobody shows it otherwise).
    void joinGuild(const QString &code, bool reportErrors = true);
    void leaveGuild(Id guildId);
    void renameGuild(Id guildId, const QString &name);
    void deleteGuild(Id guildId);
    void setRole(Id guildId, Id userId, Role role);
    //! An invite code for a guild, handed to `done` (empty on failure), without the dialog
    //! inviteCreated() opens.
    void requestInvite(Id guildId, QObject *context, std::function<void(const QString &code)> done);
    //! user.update: my display name; `done(ok, error)`.
    void setDisplayName(const QString &name, QObject *context, std::function<void(bool, const kith::Error &)> done);
    //! user.update with a new avatar: `picture` (a square, already cropped) is uploaded as a PNG
    //! through the host's upload path, then set; a null image removes the avatar. `name` empty:
    //! unchanged. `done(ok, error)`.
    void setProfile(const QString &name, const QImage &picture, bool changePicture, QObject *context,
                    std::function<void(bool, const kith::Error &)> done);
    //! guild.update's icon the same way (owner and admins).
    void setGuildIcon(Id guildId, const QImage &picture, QObject *context,
                      std::function<void(bool, const kith::Error &)> done);
    //! user.change_password; on success the connection carries on with the new token (and
    //! Connection::signedIn tells whoever keeps it); `done(ok, error)`.
    void changePassword(const QString &oldPassword, const QString &newPassword, QObject *context,
                        std::function<void(bool, const kith::Error &)> done);
    //! Members of a guild who are not offline now (me included).
    int onlineIn(Id guildId) const;
    //! member.kick: owner and admins.
    void kickMember(Id guildId, Id userId);
    void createInvite(Id guildId);
    void createChannel(const QString &name, const QString &topic);
    //! channel.create in the open guild from `spec`'s name, topic, type, category, colour and
    //! kind (persistent, mode); a text channel made is opened.
    void createChannel(const Channel &spec);
    //! guild.join of a guild listed in the directory; it opens when joined. `done(ok, error)`.
    void joinListedGuild(Id guildId, QObject *context, std::function<void(bool, const kith::Error &)> done);
    void updateChannel(Id channelId, const QString &name, const QString &topic);
    void deleteChannel(Id channelId);

    // Home, friends and DMs. Home is "guild 0": its channels are my DMs; channel 0 there is
    // the friends view.
    bool isHome() const { return m_hasState && m_guild == 0; }
    void selectHome() { selectGuild(0); }
    QList<Channel> dms() const { return m_dms.channels(); }
    //! A DM's title: the group's name, or the other people's names.
    QString dmTitle(const Channel &c) const { return m_dms.title(c); }
    //! The other person of a 1:1 DM (0 for groups).
    Id dmPeer(const Channel &c) const { return m_dms.peer(c); }
    void openDm(Id userId) { m_dms.open(userId); }
    //! dm.create_group with the chosen people (not me); an empty name leaves it unnamed.
    void createGroupDm(const QList<Id> &userIds, const QString &name) { m_dms.createGroup(userIds, name); }
    void addToGroupDm(Id channelId, Id userId) { m_dms.addMember(channelId, userId); }
    //! The group's owner only.
    void removeFromGroupDm(Id channelId, Id userId) { m_dms.removeMember(channelId, userId); }
    void leaveGroupDm(Id channelId) { m_dms.leave(channelId); }
    //! Friends who are not yet in the DM (whom "Add member" offers).
    QList<User> friendsOutside(Id channelId) const { return m_social.friendsOutside(m_dms.channel(channelId)); }
    QList<Relationship> relationships() const { return m_social.relationships(); }
    //! Friend requests waiting for my answer: a badge on Home and on Pending.
    int incomingRequests() const;
    QString relationship(Id userId) const { return m_social.relation(userId).type; }
    void refreshRelationships() { m_social.refreshRelationships(); }
    void requestFriend(const QString &username) { m_social.requestFriend(username); }
    //! friend.accept/decline/cancel/remove, user.block/unblock on one user.
    void relate(QLatin1String op, Id userId) { m_social.relate(op, userId); }

    // Presence
    Presence presence(Id userId) const { return m_social.presence(userId); }
    QString myStatus() const { return m_social.myStatus(); }  //!< chosen: online, idle, dnd, invisible
    QString myCustomStatus() const { return m_social.myCustomStatus(); }
    void setPresence(const QString &status, const QString &customStatus) { m_social.setPresence(status, customStatus); }
    //! What the user chose before (kept by the app), set again on every new session.
    void setChosenPresence(const QString &status, const QString &customStatus) { m_social.setChosenPresence(status, customStatus); }
    //! Reports this session idle (no input for a while) or active again.
    void setIdle(bool idle) { m_social.setIdle(idle); }
    bool isIdle() const { return m_social.isIdle(); }

    // Typing
    //! Display names of those typing in a channel now (not me), oldest first.
    QStringList typingNames(Id channelId) const;
    //! The user is composing in the open channel: tells the host, at most every few seconds.
    void noteTyping() { m_social.noteTyping(m_channel); }

    // Read states
    ReadState readState(Id channelId) const { return m_reads.readState(channelId); }
    int guildMentions(Id guildId) const { return m_reads.guildMentions(guildId, m_data.value(guildId).channels); }
    bool guildUnread(Id guildId) const { return m_reads.guildUnread(guildId, m_data.value(guildId).channels); }
    //! Unread DMs count as mentions, as they are addressed to me.
    int dmMentions() const { return m_reads.dmUnread(m_dms.channels()); }
    int totalMentions() const;

    // Mutes: a muted channel, or any channel of a muted guild, raises no notification and
    // counts neither on the guild's icon nor in the total (its own badge stays).
    bool isChannelMuted(Id channelId) const { return m_reads.isChannelMuted(channelId); }
    bool isGuildMuted(Id guildId) const { return m_reads.isGuildMuted(guildId); }
    //! The channel is muted itself or through its guild.
    bool isMuted(Id channelId) const { return m_reads.isMuted(channelId); }
    void setChannelMuted(Id channelId, bool muted) { m_reads.setChannelMuted(channelId, muted); }
    void setGuildMuted(Id guildId, bool muted) { m_reads.setGuildMuted(guildId, muted); }
    QSet<Id> mutedChannels() const { return m_reads.mutedChannels(); }
    QSet<Id> mutedGuilds() const { return m_reads.mutedGuilds(); }
    //! Loads saved mutes (no mutesChanged).
    void setMutes(const QSet<Id> &channels, const QSet<Id> &guilds);

    //! "now", "5 min", "3 h", "yesterday", "4 days" or a date: how long ago the message was made.
    static QString lastActivityText(Id messageId, const QDateTime &now);
    //! Whether the user sees the open channel (the window is active): new messages there are read.
    void setViewing(bool viewing);
    void markRead(Id channelId);
    //! "Mark as read" on any channel, open or not: acks its newest message I know of.
    void markChannelRead(Id channelId);
    //! Every unread channel of a guild.
    void markGuildRead(Id guildId);

signals:
    void stateLoaded();             //!< after every ready (first sign-in and full resyncs)
    //! The outbox uploads a send's files: `sent` of `total` bytes; an empty nonce: none now.
    void uploadProgress(const QString &nonce, qint64 sent, qint64 total);
    void currentGuildChanged(kith::Id id);
    //! A guild's roles, or who holds them, changed: names may take other colours.
    void rolesChanged(kith::Id guildId);
    void currentChannelChanged(kith::Id id);
    void channelInfoChanged();      //!< name or topic of the open channel
    void historyLoaded(kith::Id channelId);
    //! My message in a roulette channel went to `userId` (0: nobody online could get it).
    void rouletteDelivered(kith::Id channelId, kith::Id messageId, kith::Id userId);
    //! Who reacted with `emoji` to `messageId`, in the order they did (loadReactionUsers).
    void reactionUsersLoaded(kith::Id messageId, const QString &emoji, const QList<kith::User> &users);
    void inviteCreated(const QString &code, kith::Id guildId);
    void joinAnswered(const QString &code, bool ok, const kith::Error &error);
    //! A request the user made failed; `what` says which, in words.
    void actionFailed(const QString &what, const kith::Error &error);
    void presenceChanged(kith::Id userId);
    //! A user's name changed (user.updated), maybe mine.
    void userUpdated(const kith::User &user);
    //! The user chose a status or custom text: the app keeps it for the next start.
    void presenceChosen(const QString &status, const QString &customStatus);
    void friendRequestAnswered(const QString &username, bool ok);
    void relationshipsChanged();
    void dmsChanged();
    void typingChanged(kith::Id channelId);
    void readStateChanged(kith::Id channelId);
    void mutesChanged();
    //! A message from someone else that deserves a notification: a DM, or one that mentions me.
    void notifiable(const kith::Message &message, bool mention);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

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
    Id firstChannel() const; //!< the sidebar's first channel one can open (not a category)
    //! Uploads `picture` as a PNG, then hands the upload's id to `then` (0 when `picture` is null:
    //! nothing to upload); `failed(error)` when the upload fails.
    void uploadPicture(const QImage &picture, QObject *context, std::function<void(Id)> then,
                       std::function<void(const kith::Error &)> failed);
    void showDm(const Channel &c);
    void hideDm(Id channelId);
    void showMembersOfHome();
    void wireParts();
    void wireModels();

    Connection *m_connection;
    Outbox *m_outbox = nullptr;
    HttpClient *m_http;
    AttachmentCache m_attachments;
    GuildListModel m_guildModel;
    ChannelListModel m_channelModel;
    MemberListModel m_memberModel;
    RoleBook m_roles;
    GuildAdmin *m_admin;
    MessageListModel m_messageModel;
    DmState m_dms;
    SocialState m_social;
    ReadTracker m_reads;

    bool m_hasState = false;
    User m_me;
    QHash<Id, GuildData> m_data;
    QHash<Id, Id> m_lastChannelOf; //!< guild -> channel last open there
    Id m_guild = 0;
    Id m_channel = 0;
    Id m_selectAfterCreate = 0;
    int m_pageSize = 50;
    QHash<Id, Id> m_newest; //!< channel -> newest message id heard of (live), for "mark as read"

    bool m_viewing = true; //!< the window is active: new messages in the open channel are read
    QTimer m_activityTimer; //!< "5 min" becomes "6 min": repaint the DM rows now and then
};

} // namespace kith::app

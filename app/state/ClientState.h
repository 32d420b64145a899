#pragma once
//! The client's picture of one host: guilds, channels, members and the open channel's
//! messages, kept current from the Connection's events and exposed as item models.
//! Views read the models and call the intent methods; they never see JSON.

#include "ChannelListModel.h"
#include "GuildListModel.h"
#include "MemberListModel.h"
#include "MessageListModel.h"
#include "shared/ErrorCode.h"

#include <QHash>
#include <QObject>

namespace kith::app {

class Connection;
class Outbox;

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

signals:
    void stateLoaded();             //!< after every ready (first sign-in and full resyncs)
    void currentGuildChanged(kith::Id id);
    void currentChannelChanged(kith::Id id);
    void channelInfoChanged();      //!< name or topic of the open channel
    void historyLoaded(kith::Id channelId);
    void inviteCreated(const QString &code, kith::Id guildId);
    //! A request the user made failed; `what` says which, in words.
    void actionFailed(const QString &what, const kith::Error &error);

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
};

} // namespace kith::app

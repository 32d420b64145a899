#pragma once
//! The server's in-memory picture of who exists, which guilds and channels exist and who is a
//! member with which role. Authorisation and fan-out read it without touching storage; it is
//! changed only after the matching write has committed. Gateway thread only.

#include "shared/Types.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace kith::server {

class Directory
{
public:
    struct GuildEntry {
        Guild guild;
        QList<Id> channels;             //!< in position order
        QHash<Id, Member> members;      //!< by user id
    };

    // Users
    void putUser(const User &user);
    const User *user(Id id) const;
    User userOrPlaceholder(Id id) const;

    // Guilds
    void putGuild(const Guild &guild);
    void removeGuild(Id guildId);
    const GuildEntry *guild(Id guildId) const;
    QList<Id> guildsOf(Id userId) const;

    // Members
    void putMember(Id guildId, const Member &member);
    void removeMember(Id guildId, Id userId);
    const Member *member(Id guildId, Id userId) const;
    QList<Id> memberIds(Id guildId) const;
    QList<Member> members(Id guildId) const;
    int guildCountOf(Id userId) const;

    // Channels
    void putChannel(const Channel &channel);
    void removeChannel(Id channelId);
    const Channel *channel(Id channelId) const;
    QList<Channel> channels(Id guildId) const;
    int nextChannelPosition(Id guildId) const;

    //! The guild as ready carries it.
    QJsonObject guildJson(Id guildId) const;

private:
    QHash<Id, User> m_users;
    QHash<Id, GuildEntry> m_guilds;
    QHash<Id, Channel> m_channels;
    QHash<Id, QSet<Id>> m_guildsOfUser;
};

} // namespace kith::server

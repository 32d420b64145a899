#pragma once
//! The server's in-memory picture of who exists, which guilds and channels exist and who is a
//! member with which role. Authorisation and fan-out read it without touching storage; it is
//! changed only after the matching write has committed. Gateway thread only.

#include "shared/Permissions.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonObject>
#include <functional>
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
        QList<Id> memberIds;            //!< the same people as a list: every fan-out walks it
        QList<GuildRole> roles; //!< by position: @everyone (position 0) first
    };

    //! Every change as a small JSON op, for the other nodes sharing the database (see apply).
    using Journal = std::function<void(const QJsonObject &op)>;
    void setJournal(Journal journal) { m_journal = std::move(journal); }
    //! Called when a user becomes (true) or stops being (false) a member of a guild, here or as
    //! applied from another node (statistics count who is online per guild).
    using MembershipChanged = std::function<void(Id guildId, Id userId, bool member)>;
    void setMembershipChanged(MembershipChanged changed) { m_membershipChanged = std::move(changed); }
    //! Applies a change another node journaled, without journaling it again. False if unknown.
    bool apply(const QJsonObject &op);
    //! Takes everything `fresh` knows in place of what this one knew (read again from storage);
    //! the journal and the kicked guests stay.
    void replaceContents(Directory &&fresh);

    // Users
    void putUser(const User &user);
    const User *user(Id id) const;
    User userOrPlaceholder(Id id) const;
    const User *userByName(const QString &username) const; //!< case-insensitive
    QList<Id> userIds() const { return m_users.keys(); }
    //! Guests kicked from the party: kept out (token sign-in, resume) until the server restarts.
    void markKicked(Id userId);
    bool isKicked(Id userId) const { return m_kicked.contains(userId); }
    bool isGuest(Id userId) const { const User *u = user(userId); return u && u->guest; }

    // Guilds
    void putGuild(const Guild &guild);
    void removeGuild(Id guildId);
    const GuildEntry *guild(Id guildId) const;
    QList<Id> guildIds() const { return m_guilds.keys(); }
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
    //! Removes a channel; a category's channels are left without one (parentId 0).
    void removeChannel(Id channelId);
    const Channel *channel(Id channelId) const;
    QList<Channel> channels(Id guildId) const;
    int nextChannelPosition(Id guildId) const;
    //! A message was committed in channelId: it becomes the channel's last_message_id.
    void noteMessage(Id channelId, Id messageId);

    //! The guild as ready carries it to viewerId: only the channels they can see.
    QJsonObject guildJson(Id guildId, Id viewerId) const;

    // Roles (issue 13). The guild's @everyone exists from putGuild on.
    //! Adds or replaces a role (the list stays in position order).
    void putRole(Id guildId, const GuildRole &role);
    //! Removes a role, and with it its place in members' role ids and in channels' overwrites.
    void removeRole(Id guildId, Id roleId);
    const GuildRole *role(Id guildId, Id roleId) const;
    QList<GuildRole> roles(Id guildId) const;
    //! What a member may do in the guild (rank, @everyone and their roles).
    Permissions permissionsOf(Id guildId, const Member &member) const;
    //! The position of a member's highest role (0: none but @everyone).
    int topPosition(Id guildId, const Member &member) const;
    //! What a member may do in a guild channel (permissionsOf with the channel's overwrites).
    Permissions permissionsIn(const Channel &channel, const Member &member) const;

    // Relationships: what `userId` sees of `otherId`.
    RelationshipType relationship(Id userId, Id otherId) const;
    void setRelationship(Id userId, Id otherId, RelationshipType type);
    QList<Id> related(Id userId, RelationshipType type) const;
    bool blocks(Id userId, Id otherId) const { return relationship(userId, otherId) == RelationshipType::Blocked; }
    bool blockedEitherWay(Id a, Id b) const { return blocks(a, b) || blocks(b, a); }

    // Direct messages: channels with guildId 0; recipients hold ids in join order.
    void putDm(const Channel &channel);
    void removeDm(Id channelId);
    Id dmOfPair(Id a, Id b) const;
    QList<Id> dmsOf(Id userId) const;
    Channel dmWithUsers(Id channelId) const; //!< recipients filled in from the user table

    //! Everyone who can read a channel: guild members with view_channel there, or DM recipients.
    //! Fan-out reads it for every event: an open channel answers with the member list itself,
    //! a restricted one from a cache that every change to members, roles or channels drops.
    QList<Id> viewers(const Channel &channel) const;
    bool canView(Id userId, const Channel &channel) const;
    //! Whether every member of the guild sees the channel (@everyone has view_channel and no
    //! overwrite denies it): then nobody's permissions need working out.
    bool openToAll(const Channel &channel) const;
    //! The guild's channels userId can see, in position order.
    QList<Id> channelsVisibleTo(Id guildId, Id userId) const;
    //! Users who share a guild with userId, or are friends (not userId).
    QSet<Id> audienceOf(Id userId) const;
    //! Everyone who has userId's user object: guild co-members, DM partners and anyone in a
    //! relationship with them (friends, requests, blocks), and userId.
    QList<Id> holdersOf(Id userId) const;
    //! Channels userId can read: guild channels and DMs.
    QList<Id> visibleChannels(Id userId) const;

private:
    static QPair<Id, Id> pairKey(Id a, Id b) { return a < b ? qMakePair(a, b) : qMakePair(b, a); }
    void note(QLatin1String kind, QJsonObject op) const;

    Journal m_journal;
    MembershipChanged m_membershipChanged;
    bool m_applying = false;
    QHash<Id, User> m_users;
    QHash<QString, Id> m_userByName;
    QHash<Id, QHash<Id, RelationshipType>> m_relationships;
    QHash<QPair<Id, Id>, Id> m_dmPairs;
    QHash<Id, QSet<Id>> m_dmsOfUser;
    QHash<Id, GuildEntry> m_guilds;
    QHash<Id, Channel> m_channels;
    QHash<Id, QSet<Id>> m_guildsOfUser;
    QSet<Id> m_kicked;
    mutable QHash<Id, QList<Id>> m_viewerCache; //!< restricted channels' viewers, made on demand
};

} // namespace kith::server

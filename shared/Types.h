#pragma once
//! Value types of protocol v1 with their JSON codecs (docs/PROTOCOL.md, "Objects").

#include "PermissionSet.h"
#include "Snowflake.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace kith {

//! Rank in a guild. Guest (a LAN party's, chat only) ranks below Member; values are stored.
enum class Role { Guest = -1, Member = 0, Admin = 1, Owner = 2 };
QString roleName(Role role);
bool roleFromName(const QString &name, Role *out);

QString isoTime(qint64 unixMs);            //!< 2026-01-02T03:04:05.678Z
//! A Unix time in ms as UTC calendar fields (proleptic Gregorian), for the time formatters.
struct CivilTime {
    qint64 year;
    int month, day, hour, minute, second, ms;
};
CivilTime civilTime(qint64 unixMs);
QJsonValue idJson(Id id);                  //!< id string, or null for 0
Id idFromJson(const QJsonValue &v);        //!< 0 when absent or malformed
//! Where the avatar or icon made from upload `attachmentId` is served: /api/v1/avatars/ID.png.
QString profileImagePath(Id attachmentId);

struct User {
    Id id = 0;
    QString username = {};
    QString displayName = {};
    bool guest = false;   //!< a LAN party's guest: no password, no account elsewhere
    bool serverAdmin = false; //!< made so by `kith-server admin promote`
    QString avatar = {};  //!< URL path of the 256x256 PNG (profileImagePath), empty for none (null on the wire)

    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &o);
};

struct Member {
    User user;
    Role role = Role::Member;
    qint64 joinedAtMs = 0;
    QList<Id> roleIds{}; //!< the guild roles given to them (never @everyone), in the order given
    qint64 timeoutUntilMs = 0; //!< member.timeout: silenced until then (0: never timed out or lifted)

    QJsonObject toJson() const;
    static Member fromJson(const QJsonObject &o);
};

enum class ChannelType { Text, Dm, GroupDm, Category };
QString channelTypeName(ChannelType type);
ChannelType channelTypeFromName(const QString &name); //!< unknown names read as Text

//! How a guild text channel delivers (issue 13): to everyone, or each message to one random member.
enum class ChannelMode { Normal, Roulette };
QString channelModeName(ChannelMode mode);
bool channelModeFromName(const QString &name, ChannelMode *out);

//! A guild text channel or category, or a direct-message channel (guildId 0, with recipients).
struct Channel {
    Id id = 0;
    Id guildId = 0;
    QString name;
    QString topic;
    int position = 0;
    int slowmodeSeconds = 0; //!< a guild channel's slow mode (0: off)
    ChannelType type = ChannelType::Text;
    Id ownerId = 0;             //!< group DMs only
    QList<User> recipients;     //!< DMs only: every member, in the order they joined
    Id lastMessageId = 0;       //!< the newest message ever sent here (0: none); not lowered by deletes
    QList<PermissionOverwrite> overwrites; //!< guild channels only: one per role, in the order set
    QString color;              //!< guild channels: "#rrggbb", or empty for none (null on the wire)
    Id parentId = 0;            //!< a text channel's category (0: none)
    bool persistent = true;     //!< false: messages are delivered to who is online, never stored
    ChannelMode mode = ChannelMode::Normal; //!< Roulette implies !persistent

    bool isDm() const { return type == ChannelType::Dm || type == ChannelType::GroupDm; }
    bool isCategory() const { return type == ChannelType::Category; }

    QJsonObject toJson() const;
    static Channel fromJson(const QJsonObject &o);
};

struct Guild {
    Id id = 0;
    QString name;
    Id ownerId = 0;
    QString icon = {}; //!< URL path of the 256x256 PNG (profileImagePath), empty for none (null on the wire)
    bool discoverable = false; //!< listed by directory.search (issue 13)
    QString description = {};  //!< shown in the directory, "" for none

    QJsonObject toJson() const; //!< the guild's own fields, as guild.updated carries them
    static Guild fromJson(const QJsonObject &o);
};

//! A guild's role (issue 13). @everyone has the guild's id and position 0; the others 1..n.
struct GuildRole {
    Id id = 0;
    QString name;
    QString color; //!< "#rrggbb", or empty for none (null on the wire)
    int position = 0;
    Permissions permissions;
    bool mentionable = false;

    //! A new guild's @everyone.
    static GuildRole everyone(Id guildId);
    QJsonObject toJson() const;
    static GuildRole fromJson(const QJsonObject &o);
};

//! A guild as ready and guild.create carry it: its fields plus channels, members and roles
//! (by position).
QJsonObject guildWithContents(const Guild &guild, const QList<Channel> &channels,
                              const QList<Member> &members, const QList<GuildRole> &roles = {});

//! The replied-to message as a reply shows it (reply_to).
struct MessageRef {
    Id id = 0;
    User author;
    QString content; //!< its first limits::kReplyQuoteLength characters
};

//! One emoji on a message as one reader sees it.
struct Reaction {
    QString emoji;
    int count = 0;
    bool me = false; //!< the reader is among those who added it
    bool operator==(const Reaction &o) const = default;
};

//! A file sent with a message (or uploaded, not yet sent). width/height -1 unless an image.
struct Attachment {
    Id id = 0;
    QString filename;
    qint64 size = 0;
    QString contentType;
    int width = -1;
    int height = -1;
    bool operator==(const Attachment &o) const = default;

    //! Where it is served: /api/v1/attachments/ID/FILENAME (the name percent-encoded).
    QString url() const;
    QJsonObject toJson() const; //!< with url
    static Attachment fromJson(const QJsonObject &o);
};

struct Message {
    Id id = 0;
    Id channelId = 0;
    Id guildId = 0;
    User author;
    QString content;
    QString nonce;
    qint64 editedAtMs = 0; //!< 0 when never edited
    bool authorBlocked = false; //!< for this reader: they block the author (sent only when true)
    Id replyToId = 0;           //!< 0 when not a reply
    std::optional<MessageRef> replyTo; //!< empty when not a reply or the target is deleted
    QList<Reaction> reactions;  //!< in the order each emoji was first added
    QList<Attachment> attachments; //!< in the order given to message.send

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &o);
};

enum class RelationshipType { None, Friend, Incoming, Outgoing, Blocked };
QString relationshipTypeName(RelationshipType type);

enum class PresenceStatus { Offline, Online, Idle, Dnd, Invisible };
QString presenceStatusName(PresenceStatus status);
bool presenceStatusFromName(const QString &name, PresenceStatus *out);

//! What a reader knows about their progress in one channel.
struct ReadState {
    Id channelId = 0;
    Id lastReadId = 0;  //!< 0 when never acked (null on the wire)
    int unread = 0;
    int mentions = 0;

    QJsonObject toJson() const;
    static ReadState fromJson(const QJsonObject &o);
};

} // namespace kith

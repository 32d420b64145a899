#pragma once
//! Running a guild (issue 13): roles, who holds them, bans and timeouts, as the server settings
//! screens ask for them. Typed calls in, the host's answer out; the JSON stays here. What the
//! host then announces (role.*, member.updated, member.left) reaches ClientState as events.

#include "shared/Types.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace kith::app {

class ClientState;
class Connection;

class GuildAdmin : public QObject
{
    Q_OBJECT
public:
    GuildAdmin(ClientState *state, Connection *connection, QObject *parent = nullptr);

    //! The host's answer: ok, or the reason as the host gave it.
    using Done = std::function<void(bool ok, const QString &error)>;
    struct AuditEntry {
        Id id = 0;
        QString action; //!< the op's name, e.g. "channel.update"
        Id actorId = 0;
        Id targetId = 0;
        QString reason;
        QJsonObject changes;
        qint64 createdAtMs = 0;
    };
    //! A guild of the directory (directory.search), as Explore lists it.
    struct Listed {
        Id id = 0;
        QString name;
        QString description;
        QString icon; //!< URL path of its icon, empty for none
        int memberCount = 0;
        int onlineCount = 0;
    };
    struct Ban {
        User user;
        QString reason;
        qint64 createdAtMs = 0;
    };
    //! stats.guild: every day of the range in the day series (days without a row count 0).
    struct Stats {
        QList<QPair<QDate, int>> messagesPerDay;
        QList<QPair<User, int>> topSenders;
        QList<QPair<Id, int>> busiestChannels;
        QList<QPair<User, int>> mostConnected; //!< connections
        QList<QPair<QDate, int>> peakOnline;
    };

    //! What I may do in the guild as a whole (PROTOCOL.md 6.12): the owner everything, the admin
    //! rank everything but manage_roles, else @everyone's and my roles' together. Screens hide
    //! what this lacks; the host still decides.
    Permissions myPermissions(Id guildId) const;
    //! Whether I may act on `target` (kick, ban, time out, change roles): rank first, then, between
    //! two plain members, the position of the highest role (PROTOCOL.md 7.46).
    bool outranks(Id guildId, const Member &target) const;
    //! The position of my highest role (the owner: above every role).
    int myTopPosition(Id guildId) const;

    void createRole(Id guildId, const QString &name, QObject *context,
                    std::function<void(bool, const QString &, Id)> done);
    void updateRole(Id guildId, const GuildRole &role, QObject *context, Done done);
    void deleteRole(Id guildId, Id roleId, QObject *context, Done done);
    //! `roleIds`: every role but @everyone, lowest first.
    void reorderRoles(Id guildId, const QList<Id> &roleIds, QObject *context, Done done);
    void setMemberRoles(Id guildId, Id userId, const QList<Id> &roleIds, QObject *context, Done done);
    void kick(Id guildId, Id userId, QObject *context, Done done);
    void ban(Id guildId, Id userId, const QString &reason, int deleteMessageSeconds, QObject *context,
             Done done);
    void unban(Id guildId, Id userId, QObject *context, Done done);
    //! `untilMs` 0 lifts the timeout.
    void timeout(Id guildId, Id userId, qint64 untilMs, QObject *context, Done done);
    void bans(Id guildId, QObject *context,
              std::function<void(bool ok, const QString &error, QList<Ban>)> done);
    //! Newest first; `before` 0 from the newest.
    void auditLog(Id guildId, Id before, QObject *context,
                  std::function<void(bool ok, const QString &error, QList<AuditEntry>)> done);
    //! The last `days` days (today, UTC, the last of them).
    void stats(Id guildId, int days, QObject *context, std::function<void(bool ok, const QString &error, Stats)> done);
    //! guild.update of the Overview: name, description, listed in the directory.
    void updateGuild(Id guildId, const QString &name, const QString &description, bool discoverable, QObject *context,
                     Done done);

    //! channel.update of a channel's settings: name, topic, colour, category, slow mode.
    void updateChannel(const Channel &channel, QObject *context, Done done);
    //! channel.set_overwrite; an empty allow and deny removes it (channel.delete_overwrite).
    void setOverwrite(Id channelId, const PermissionOverwrite &overwrite, QObject *context, Done done);
    //! directory.search: the discoverable guilds whose name or description match `query`.
    void searchDirectory(const QString &query, QObject *context,
                         std::function<void(bool ok, const QString &error, QList<Listed>)> done);

private:
    void call(QLatin1String op, const QJsonObject &d, QObject *context, Done done);

    ClientState *m_state;
    Connection *m_connection;
};

} // namespace kith::app

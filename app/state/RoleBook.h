#pragma once
//! The roles of every guild the user is in (PROTOCOL.md 6.11), kept from `ready`, `guild.created`
//! and the role.* events: what the member list groups by and what colours a name.

#include "shared/Types.h"

#include <QColor>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace kith::app {

class RoleBook
{
public:
    //! A guild's roles from a full guild object (its `roles`, by position).
    void reset(Id guildId, const QJsonArray &roles);
    void forget(Id guildId) { m_roles.remove(guildId); }
    //! role.created / role.updated / role.deleted: true when `guildId`'s roles changed.
    bool apply(const QString &event, const QJsonObject &d, Id *guildId);

    //! By position, @everyone (position 0) first.
    QList<GuildRole> roles(Id guildId) const { return m_roles.value(guildId); }
    //! The member's highest role (never @everyone) in `roles` (by position), or null for none.
    static const GuildRole *highest(const QList<GuildRole> &roles, Id guildId, const Member &m);
    //! The colour of the member's highest coloured role (as Discord), or an invalid colour.
    static QColor colorOf(const QList<GuildRole> &roles, Id guildId, const Member &m);
    QColor colorOf(Id guildId, const Member &m) const { return colorOf(m_roles.value(guildId), guildId, m); }

private:
    QHash<Id, QList<GuildRole>> m_roles;
};

} // namespace kith::app

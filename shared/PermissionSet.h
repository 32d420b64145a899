#pragma once
//! Permission bits and sets with their protocol names, and a channel's overwrite for one role.
//! Apart from Permissions.h (the rules) so that the value types (Types.h) can carry them.

#include "Snowflake.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace kith {

//! One bit per permission; the values are stored, so a bit never changes meaning.
enum class Permission : quint32 {
    ViewChannel = 1u << 0,
    SendMessages = 1u << 1,
    AddReactions = 1u << 2,
    AttachFiles = 1u << 3,
    MentionEveryone = 1u << 4,
    ManageMessages = 1u << 5,
    ManageChannels = 1u << 6,
    ManageRoles = 1u << 7,
    KickMembers = 1u << 8,
    BanMembers = 1u << 9,
    ModerateMembers = 1u << 10,
    ManageGuild = 1u << 11,
    ViewAuditLog = 1u << 12,
    ViewStats = 1u << 13,
};

//! A set of permissions. Plain bits with the few operations the rules need.
class Permissions
{
public:
    constexpr Permissions() = default;
    constexpr Permissions(Permission p)
        : m_bits(quint32(p))
    { }
    static constexpr Permissions fromBits(quint32 bits) { return Permissions(bits & kAllBits); }

    constexpr quint32 bits() const { return m_bits; }
    constexpr bool has(Permission p) const { return (m_bits & quint32(p)) == quint32(p); }
    constexpr bool contains(Permissions other) const { return (m_bits & other.m_bits) == other.m_bits; }
    constexpr bool isEmpty() const { return m_bits == 0; }

    constexpr Permissions operator|(Permissions o) const { return Permissions(m_bits | o.m_bits); }
    constexpr Permissions operator&(Permissions o) const { return Permissions(m_bits & o.m_bits); }
    constexpr Permissions operator~() const { return Permissions(~m_bits & kAllBits); }
    constexpr Permissions &operator|=(Permissions o)
    {
        m_bits |= o.m_bits;
        return *this;
    }
    constexpr Permissions &operator&=(Permissions o)
    {
        m_bits &= o.m_bits;
        return *this;
    }
    constexpr bool operator==(const Permissions &) const = default;

    static constexpr Permissions all() { return Permissions(kAllBits); }
    //! What a new guild's @everyone holds.
    static constexpr Permissions everyoneDefault()
    {
        return Permissions(quint32(Permission::ViewChannel) | quint32(Permission::SendMessages)
                           | quint32(Permission::AddReactions) | quint32(Permission::AttachFiles));
    }

    //! The protocol's names, in the fixed order of the enum (so replies are stable).
    QStringList names() const;
    QJsonArray toJson() const;
    //! Reads an array of permission names; false (and the offending entry in *bad) for anything
    //! that is not a known name or not a string. Duplicates are fine.
    static bool fromJson(const QJsonValue &value, Permissions *out, QString *bad = nullptr);

private:
    static constexpr quint32 kAllBits = (1u << 14) - 1;
    constexpr explicit Permissions(quint32 bits)
        : m_bits(bits)
    { }
    quint32 m_bits = 0;
};

QString permissionName(Permission p);
bool permissionFromName(const QString &name, Permission *out);

//! A channel's overwrite for one role (the guild's id is @everyone's role id).
struct PermissionOverwrite {
    Id roleId = 0;
    Permissions allow;
    Permissions deny;
};

} // namespace kith

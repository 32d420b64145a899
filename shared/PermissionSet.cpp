#include "PermissionSet.h"

#include <array>

namespace kith {

namespace {
struct Named {
    Permission permission;
    QLatin1StringView name;
};
// The enum's order: names() and toJson() list permissions in it.
constexpr std::array kNames{
    Named{Permission::ViewChannel, QLatin1StringView("view_channel")},
    Named{Permission::SendMessages, QLatin1StringView("send_messages")},
    Named{Permission::AddReactions, QLatin1StringView("add_reactions")},
    Named{Permission::AttachFiles, QLatin1StringView("attach_files")},
    Named{Permission::MentionEveryone, QLatin1StringView("mention_everyone")},
    Named{Permission::ManageMessages, QLatin1StringView("manage_messages")},
    Named{Permission::ManageChannels, QLatin1StringView("manage_channels")},
    Named{Permission::ManageRoles, QLatin1StringView("manage_roles")},
    Named{Permission::KickMembers, QLatin1StringView("kick_members")},
    Named{Permission::BanMembers, QLatin1StringView("ban_members")},
    Named{Permission::ModerateMembers, QLatin1StringView("moderate_members")},
    Named{Permission::ManageGuild, QLatin1StringView("manage_guild")},
    Named{Permission::ViewAuditLog, QLatin1StringView("view_audit_log")},
    Named{Permission::ViewStats, QLatin1StringView("view_stats")},
};
static_assert(kNames.size() == 14);

} // namespace

QString permissionName(Permission p)
{
    for (const Named &n : kNames) {
        if (n.permission == p)
            return n.name;
    }
    return {};
}

bool permissionFromName(const QString &name, Permission *out)
{
    for (const Named &n : kNames) {
        if (name == n.name) {
            *out = n.permission;
            return true;
        }
    }
    return false;
}

QStringList Permissions::names() const
{
    QStringList out;
    for (const Named &n : kNames) {
        if (has(n.permission))
            out.append(n.name);
    }
    return out;
}

QJsonArray Permissions::toJson() const
{
    return QJsonArray::fromStringList(names());
}

bool Permissions::fromJson(const QJsonValue &value, Permissions *out, QString *bad)
{
    if (!value.isArray()) {
        if (bad)
            *bad = QStringLiteral("not an array");
        return false;
    }
    Permissions result;
    for (const QJsonValue &v : value.toArray()) {
        Permission p;
        if (!v.isString() || !permissionFromName(v.toString(), &p)) {
            if (bad)
                *bad = v.isString() ? v.toString() : QStringLiteral("a non-string entry");
            return false;
        }
        result |= p;
    }
    *out = result;
    return true;
}

} // namespace kith

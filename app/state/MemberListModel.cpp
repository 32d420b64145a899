#include "MemberListModel.h"

#include "RoleBook.h"

#include <algorithm>

namespace kith::app {

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m.user.displayName.isEmpty() ? m.user.username : m.user.displayName;
    case Qt::ToolTipRole:
    case UsernameRole:
        return m.user.username;
    case UserIdRole:
        return QVariant::fromValue<quint64>(m.user.id);
    case RoleRole:
        return int(m.role);
    case RoleNameRole:
        return roleName(m.role);
    case FirstOfRoleRole: {
        if (index.row() == 0)
            return true;
        const Shown &here = m_shown.at(index.row()), &above = m_shown.at(index.row() - 1);
        if (here.group || above.group)
            return here.group != above.group;
        return m_members.at(index.row() - 1).role != m.role;
    }
    case GroupNameRole:
        return m_shown.at(index.row()).group ? m_shown.at(index.row()).group->name : QString();
    case NameColorRole:
        return m_shown.at(index.row()).color;
    }
    if (m_extra && role >= PresenceRole)
        return m_extra(m, role);
    return {};
}

void MemberListModel::reset(QList<Member> members, const RoleBook *roles, Id guildId)
{
    QList<GuildRole> guildRoles = roles ? roles->roles(guildId) : QList<GuildRole>{};
    // Groups compare by the highest role's position; no role sorts below every role.
    auto groupOf = [&](const Member &m) {
        const GuildRole *r = RoleBook::highest(guildRoles, guildId, m);
        return r ? r->position : -1;
    };
    std::stable_sort(members.begin(), members.end(), [&](const Member &a, const Member &b) {
        const int ga = groupOf(a), gb = groupOf(b);
        if (ga != gb)
            return ga > gb;
        if (ga < 0 && a.role != b.role)
            return int(a.role) > int(b.role);
        const QString an = a.user.displayName.isEmpty() ? a.user.username : a.user.displayName;
        const QString bn = b.user.displayName.isEmpty() ? b.user.username : b.user.displayName;
        return an.compare(bn, Qt::CaseInsensitive) < 0;
    });
    // Membership changes are rare and the list is short: a reset is simplest and cheap.
    beginResetModel();
    m_members = std::move(members);
    m_roles = std::move(guildRoles);
    m_shown.clear();
    for (const Member &m : std::as_const(m_members))
        m_shown.append({RoleBook::highest(m_roles, guildId, m), RoleBook::colorOf(m_roles, guildId, m)});
    endResetModel();
}

} // namespace kith::app

#include "MemberListModel.h"

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
    case FirstOfRoleRole:
        return index.row() == 0 || m_members.at(index.row() - 1).role != m.role;
    }
    if (m_extra && role >= PresenceRole)
        return m_extra(m, role);
    return {};
}

void MemberListModel::reset(QList<Member> members)
{
    std::stable_sort(members.begin(), members.end(), [](const Member &a, const Member &b) {
        if (a.role != b.role)
            return int(a.role) > int(b.role);
        const QString an = a.user.displayName.isEmpty() ? a.user.username : a.user.displayName;
        const QString bn = b.user.displayName.isEmpty() ? b.user.username : b.user.displayName;
        return an.compare(bn, Qt::CaseInsensitive) < 0;
    });
    // Membership changes are rare and the list is short: a reset is simplest and cheap.
    beginResetModel();
    m_members = std::move(members);
    endResetModel();
}

} // namespace kith::app

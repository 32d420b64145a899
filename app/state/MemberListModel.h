#pragma once
//! The members of the selected guild: owner first, then admins, then members, each by name.

#include "shared/Types.h"

#include <QAbstractListModel>

namespace kith::app {

class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { UserIdRole = Qt::UserRole + 1, RoleRole, RoleNameRole, UsernameRole, FirstOfRoleRole };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void reset(QList<Member> members);
    const QList<Member> &members() const { return m_members; }

private:
    QList<Member> m_members;
};

} // namespace kith::app

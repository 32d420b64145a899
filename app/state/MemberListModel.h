#pragma once
//! The members of the selected guild: owner first, then admins, then members, each by name.

#include "shared/Types.h"

#include <QAbstractListModel>
#include <functional>

namespace kith::app {

class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { UserIdRole = Qt::UserRole + 1, RoleRole, RoleNameRole, UsernameRole, FirstOfRoleRole, PresenceRole,
                 CustomStatusRole, AvatarRole /*!< QImage, square; null while loading or when none */ };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void reset(QList<Member> members);
    const QList<Member> &members() const { return m_members; }

    //! Roles the model does not own (unreads, presence): answered by ClientState.
    using Extra = std::function<QVariant(const Member &, int role)>;
    void setExtra(Extra extra) { m_extra = std::move(extra); }
    //! Those roles changed for every row.
    void refreshAll() { if (rowCount()) emit dataChanged(index(0), index(rowCount() - 1)); }


private:
    QList<Member> m_members;
    Extra m_extra;
};

} // namespace kith::app

#pragma once
//! The members of the selected guild, grouped as Discord does: under their highest role (highest
//! first), then those without a role by rank (owner, admins, members, guests); each group by name.

#include "shared/Types.h"

#include <QAbstractListModel>
#include <QColor>
#include <functional>

namespace kith::app {

class RoleBook;

class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { UserIdRole = Qt::UserRole + 1, RoleRole, RoleNameRole, UsernameRole, FirstOfRoleRole, PresenceRole,
                 CustomStatusRole, AvatarRole /*!< QImage, square; null while loading or when none */,
                 GroupNameRole /*!< the highest role's name, empty for a rank group (RoleRole) */,
                 NameColorRole /*!< QColor of the highest coloured role; invalid for none */ };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void reset(QList<Member> members, const RoleBook *roles = nullptr, Id guildId = 0);
    const QList<Member> &members() const { return m_members; }

    //! Roles the model does not own (unreads, presence): answered by ClientState.
    using Extra = std::function<QVariant(const Member &, int role)>;
    void setExtra(Extra extra) { m_extra = std::move(extra); }
    //! Those roles changed for every row.
    void refreshAll() { if (rowCount()) emit dataChanged(index(0), index(rowCount() - 1)); }


private:
    struct Shown {
        const GuildRole *group = nullptr; //!< into the RoleBook, valid until the next reset
        QColor color;
    };
    QList<Member> m_members;
    QList<Shown> m_shown; //!< per row
    QList<GuildRole> m_roles; //!< the guild's, as of the last reset (m_shown points into it)
    Extra m_extra;
};

} // namespace kith::app

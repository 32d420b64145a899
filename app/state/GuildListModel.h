#pragma once
//! The guilds I am in, in the order the host listed them; the server rail shows it.

#include "shared/Types.h"

#include <QAbstractListModel>
#include <functional>

namespace kith::app {

class GuildListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, InitialsRole, OwnerIdRole, UnreadRole, MentionsRole,
                 IconRole /*!< QImage, square; null while loading or when none */ };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<Guild> &guilds);
    void upsert(const Guild &guild);
    void remove(Id id);
    int rowOf(Id id) const;
    Guild at(int row) const { return m_guilds.at(row); }
    const QList<Guild> &guilds() const { return m_guilds; }

    static QString initials(const QString &name);

    //! Roles the model does not own (unreads, presence): answered by ClientState.
    using Extra = std::function<QVariant(const Guild &, int role)>;
    void setExtra(Extra extra) { m_extra = std::move(extra); }
    //! Those roles changed for every row.
    void refreshAll() { if (rowCount()) emit dataChanged(index(0), index(rowCount() - 1)); }


private:
    QList<Guild> m_guilds;
    Extra m_extra;
};

} // namespace kith::app

#pragma once
//! The guilds I am in, in the order the host listed them; the server rail shows it.

#include "shared/Types.h"

#include <QAbstractListModel>

namespace kith::app {

class GuildListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, InitialsRole, OwnerIdRole };

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

private:
    QList<Guild> m_guilds;
};

} // namespace kith::app

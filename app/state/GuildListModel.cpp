#include "GuildListModel.h"

namespace kith::app {

int GuildListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_guilds.size());
}

QVariant GuildListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Guild &g = m_guilds.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return g.name;
    case IdRole:
        return QVariant::fromValue<quint64>(g.id);
    case InitialsRole:
        return initials(g.name);
    case OwnerIdRole:
        return QVariant::fromValue<quint64>(g.ownerId);
    }
    if (m_extra && role >= UnreadRole)
        return m_extra(g, role);
    return {};
}

QHash<int, QByteArray> GuildListModel::roleNames() const
{
    return {{Qt::DisplayRole, "name"}, {IdRole, "id"}, {InitialsRole, "initials"}};
}

void GuildListModel::reset(const QList<Guild> &guilds)
{
    beginResetModel();
    m_guilds = guilds;
    endResetModel();
}

void GuildListModel::upsert(const Guild &guild)
{
    const int row = rowOf(guild.id);
    if (row >= 0) {
        m_guilds[row] = guild;
        emit dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, int(m_guilds.size()), int(m_guilds.size()));
    m_guilds.append(guild);
    endInsertRows();
}

void GuildListModel::remove(Id id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_guilds.removeAt(row);
    endRemoveRows();
}

int GuildListModel::rowOf(Id id) const
{
    for (int i = 0; i < m_guilds.size(); ++i)
        if (m_guilds[i].id == id)
            return i;
    return -1;
}

QString GuildListModel::initials(const QString &name)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out;
    for (const QString &w : words) {
        out += w.at(0).toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

} // namespace kith::app

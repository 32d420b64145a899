#include "ChannelListModel.h"

#include <algorithm>

namespace kith::app {

int ChannelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_channels.size());
}

QVariant ChannelListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Channel &c = m_channels.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.name;
    case Qt::ToolTipRole:
    case TopicRole:
        return c.topic;
    case IdRole:
        return QVariant::fromValue<quint64>(c.id);
    case GuildIdRole:
        return QVariant::fromValue<quint64>(c.guildId);
    case IsDmRole:
        return c.isDm();
    }
    if (m_extra && role >= UnreadRole)
        return m_extra(c, role);
    return {};
}

QHash<int, QByteArray> ChannelListModel::roleNames() const
{
    return {{Qt::DisplayRole, "name"}, {IdRole, "id"}, {TopicRole, "topic"}};
}

void ChannelListModel::sort(QList<Channel> &channels)
{
    std::stable_sort(channels.begin(), channels.end(), [](const Channel &a, const Channel &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
}

void ChannelListModel::reset(QList<Channel> channels)
{
    sort(channels);
    beginResetModel();
    m_channels = std::move(channels);
    endResetModel();
}

// A rename keeps its row; a move or a new channel re-sorts, which is rare enough to reset.
void ChannelListModel::upsert(const Channel &channel)
{
    const int row = rowOf(channel.id);
    if (row >= 0 && m_channels[row].position == channel.position) {
        m_channels[row] = channel;
        emit dataChanged(index(row), index(row));
        return;
    }
    QList<Channel> next = m_channels;
    if (row >= 0)
        next[row] = channel;
    else
        next.append(channel);
    sort(next);
    const int at = int(std::find_if(next.begin(), next.end(),
                                    [&](const Channel &c) { return c.id == channel.id; })
                       - next.begin());
    if (row < 0) {
        beginInsertRows({}, at, at);
        m_channels = next;
        endInsertRows();
        return;
    }
    beginResetModel();
    m_channels = next;
    endResetModel();
}

void ChannelListModel::remove(Id id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_channels.removeAt(row);
    endRemoveRows();
}

void ChannelListModel::refresh(Id id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

int ChannelListModel::rowOf(Id id) const
{
    for (int i = 0; i < m_channels.size(); ++i)
        if (m_channels[i].id == id)
            return i;
    return -1;
}

} // namespace kith::app

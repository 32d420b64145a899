#include "ChannelListModel.h"

#include <QColor>
#include <QHash>

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
    case Qt::ToolTipRole: {
        // The kind first: the mark alone does not say what it means.
        const QString kind = c.mode == ChannelMode::Roulette ? tr("Roulette: each message goes to one person")
                             : !c.persistent                 ? tr("Messages here are not stored")
                                                             : QString();
        if (kind.isEmpty() || c.topic.isEmpty())
            return kind.isEmpty() ? c.topic : kind;
        return kind + QLatin1Char('\n') + c.topic;
    }
    case TopicRole:
        return c.topic;
    case StoredRole:
        return c.persistent;
    case RouletteRole:
        return c.mode == ChannelMode::Roulette;
    case IdRole:
        return QVariant::fromValue<quint64>(c.id);
    case GuildIdRole:
        return QVariant::fromValue<quint64>(c.guildId);
    case IsDmRole:
        return c.isDm();
    case IsCategoryRole:
        return c.isCategory();
    case ColorRole:
        return c.color.isEmpty() ? QColor() : QColor(c.color);
    }
    if (m_extra && role >= UnreadRole)
        return m_extra(c, role);
    return {};
}

QHash<int, QByteArray> ChannelListModel::roleNames() const
{
    return {{Qt::DisplayRole, "name"}, {IdRole, "id"}, {TopicRole, "topic"}};
}

Qt::ItemFlags ChannelListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid() && index.row() < m_channels.size() && m_channels.at(index.row()).isCategory())
        return f & ~Qt::ItemIsSelectable;
    return f;
}

void ChannelListModel::sort(QList<Channel> &channels)
{
    const auto byPosition = [](const Channel &a, const Channel &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    };
    // A channel sorts under its category: (the category's place, or none first; then itself).
    QHash<Id, const Channel *> categories;
    for (const Channel &c : std::as_const(channels))
        if (c.isCategory())
            categories.insert(c.id, &c);
    if (categories.isEmpty()) {
        std::stable_sort(channels.begin(), channels.end(), byPosition);
        return;
    }
    const auto group = [&](const Channel &c) -> const Channel * {
        if (c.isCategory())
            return &c;
        return categories.value(c.parentId, nullptr);
    };
    QList<Channel> sorted = channels;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Channel &a, const Channel &b) {
        const Channel *ga = group(a), *gb = group(b);
        if (ga != gb) {
            if (!ga || !gb)
                return !ga; // no category first
            return byPosition(*ga, *gb);
        }
        if (a.isCategory() != b.isCategory())
            return a.isCategory(); // the heading before its channels
        return byPosition(a, b);
    });
    channels = std::move(sorted);
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
    if (row >= 0 && m_channels[row].position == channel.position && m_channels[row].parentId == channel.parentId) {
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

#pragma once
//! The channels of the selected guild, ordered by position, then id.

#include "shared/Types.h"

#include <QAbstractListModel>

namespace kith::app {

class ChannelListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, TopicRole, GuildIdRole };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(QList<Channel> channels);
    void upsert(const Channel &channel);
    void remove(Id id);
    int rowOf(Id id) const;
    const QList<Channel> &channels() const { return m_channels; }

    static void sort(QList<Channel> &channels);

private:
    QList<Channel> m_channels;
};

} // namespace kith::app

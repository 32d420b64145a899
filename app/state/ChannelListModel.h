#pragma once
//! The channels of the selected guild, ordered by position, then id.

#include "shared/Types.h"

#include <QAbstractListModel>
#include <functional>

namespace kith::app {

class ChannelListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, TopicRole, GuildIdRole, UnreadRole, MentionsRole, IsDmRole,
                 PeerIdRole, PresenceRole, MutedRole, LastActivityRole,
                 AvatarRole /*!< QImage: a 1:1 DM's peer picture; null while loading or when none */,
                 IsCategoryRole /*!< a category's heading row: not selectable */,
                 ColorRole /*!< QColor of the channel's mark; invalid for none */,
                 StoredRole /*!< false: messages reach who is online and are never stored */,
                 RouletteRole /*!< each message goes to one person picked at random */ };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void reset(QList<Channel> channels);
    void upsert(const Channel &channel);
    void remove(Id id);
    int rowOf(Id id) const;
    const QList<Channel> &channels() const { return m_channels; }

    //! The sidebar's order: channels in no category by position, then each category (by
    //! position) followed by its channels.
    static void sort(QList<Channel> &channels);

    //! Roles the model does not own (unreads, presence): answered by ClientState.
    using Extra = std::function<QVariant(const Channel &, int role)>;
    void setExtra(Extra extra) { m_extra = std::move(extra); }
    //! Those roles changed for every row.
    void refreshAll() { if (rowCount()) emit dataChanged(index(0), index(rowCount() - 1)); }
    void refresh(Id id);

private:
    QList<Channel> m_channels;
    Extra m_extra;
};

} // namespace kith::app

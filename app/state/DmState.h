#pragma once
//! My direct-message channels (1:1 and groups) and their last activity, which orders them:
//! the DM list shows the most recent first. Part of ClientState, which shows them as Home's
//! channels, forwards its public calls here and re-emits the signals as its own.

#include "shared/ErrorCode.h"
#include "shared/Types.h"

#include <QHash>
#include <QObject>

namespace kith::app {

class Connection;

class DmState : public QObject
{
    Q_OBJECT
public:
    explicit DmState(Connection *connection, QObject *parent = nullptr);

    void setMe(const User &me) { m_me = me; }
    //! Someone's name changed (user.updated): the DMs they are in show it.
    void renameUser(const User &user);
    //! Replaces the DMs with a ready's list; the activity seen so far stays.
    void reset(const QJsonArray &dms);

    bool contains(Id channelId) const { return m_dms.contains(channelId); }
    Channel channel(Id channelId) const { return m_dms.value(channelId); }
    QList<Channel> channels() const { return m_dms.values(); }
    //! The newest message id seen in a DM (0: none).
    Id activity(Id channelId) const { return m_dmActivity.value(channelId); }
    //! A group's name, or the other people's names.
    QString title(const Channel &c) const;
    //! The other person of a 1:1 DM (0 for groups).
    Id peer(const Channel &c) const;

    //! Adds or replaces a DM (from an event or a reply); other channels are ignored.
    void upsert(Channel c);
    void remove(Id channelId);
    //! A message arrived: a DM moves up the list.
    void noteMessage(Id channelId, Id messageId);
    //! My marker moved; it counts as activity, though the list is not reordered until the
    //! DM changes next. Any channel: ready lists read states before DMs.
    void noteLastRead(Id channelId, Id messageId);

    void open(Id userId);
    void createGroup(const QList<Id> &userIds, const QString &name);
    void addMember(Id channelId, Id userId);
    void removeMember(Id channelId, Id userId);
    void leave(Id channelId);

signals:
    //! A DM was added or changed (emitted before dmsChanged).
    void upserted(const kith::Channel &channel);
    //! A DM is gone (emitted before dmsChanged).
    void removed(kith::Id channelId);
    void dmsChanged();
    //! The user opened or created a DM: show it.
    void opened(kith::Id channelId);
    void actionFailed(const QString &what, const kith::Error &error);

private:
    Connection *m_connection;
    User m_me;
    QHash<Id, Channel> m_dms;
    QHash<Id, Id> m_dmActivity; //!< DM -> newest message id seen, to list recent ones first
};

} // namespace kith::app

#pragma once
//! Who is online, in memory only. Status and custom status belong to the user, idle to each
//! session; what others see is derived and sent only when it changes. Also keeps the
//! connection log, since it watches every connection come and go.
//!
//! With several nodes each node reports its own part of a user's presence (present here,
//! all idle here) and the user's chosen status as "facts"; every node merges the facts of all
//! nodes the same way (online if present anywhere, idle only if idle everywhere, the latest
//! chosen status) and tells its own sessions.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <functional>

namespace kith::server {

class Presence : public QObject
{
    Q_OBJECT
public:
    explicit Presence(ServiceContext &ctx, QObject *parent = nullptr);

    struct View {
        PresenceStatus status = PresenceStatus::Offline;
        QString customStatus;
        bool operator==(const View &o) const { return status == o.status && customStatus == o.customStatus; }
    };

    void set(const Call &call);

    View publicView(Id userId) const;  //!< as others see it: invisible is offline
    View selfView(Id userId) const;    //!< as the user's own sessions see it
    QJsonObject json(Id userId, const View &view) const;
    //! ready.presences for this user: everyone they can see who is not offline, and themselves.
    QJsonArray readyFor(Id userId) const;
    //! Sends each of a and b the other's presence, when it is not offline (new friends, a join).
    void introduce(Id a, Id b);

    void onAttached(SessionRecord *session);
    void onDetached(SessionRecord *session);

    // Several nodes (see cluster/Cluster): facts are {u, on, i, s, cs, t}.
    using Announce = std::function<void(const QJsonObject &fact)>;
    //! Called with this node's fact for a user whenever it changes.
    void setAnnounce(Announce announce) { m_announce = std::move(announce); }
    //! Called when what others see of a user goes from offline to not (true) or back (stats).
    using OnlineChanged = std::function<void(Id userId, bool online)>;
    void setOnlineChanged(OnlineChanged changed) { m_onlineChanged = std::move(changed); }
    //! Another node's fact.
    void applyRemote(int node, const QJsonObject &fact);
    //! Everything another node reported, replaced by a full list of its facts.
    void replaceRemote(int node, const QJsonArray &facts);
    //! A node stopped or died: its part of everyone's presence is gone.
    void dropNode(int node);
    //! This node's facts for every user present here.
    QJsonArray localFacts() const;

private:
    struct State {
        PresenceStatus chosen = PresenceStatus::Online;
        QString customStatus;
        qint64 chosenAt = 0;       //!< when chosen/customStatus were set (ms): the latest wins
        bool graceActive = false;  //!< last connection closed, offline not yet shown
        bool graceIdle = false;    //!< whether it was idle then
        bool liveIdle = false;     //!< idle here, as last seen with a live session
        quint64 graceEpoch = 0;
        QHash<int, bool> remote;   //!< node -> all idle there, for nodes where the user is present
        View lastPublic;
        View lastSelf;
        // What this node last announced
        bool announcedPresent = false;
        bool announcedIdle = false;
        qint64 announcedAt = 0;
    };
    struct Local {
        bool present = false;
        bool idle = true;
    };
    Local local(Id userId, const State &st) const;
    View compute(Id userId, bool self) const;
    //! Compares what others and the user see with what was last sent, and sends the changes
    //! to this node's sessions; announces this node's fact when it changed.
    void publish(Id userId);
    QJsonObject fact(Id userId, const State &st, const Local &l) const;
    void forgetIfIdle(Id userId);
    void log(SessionRecord *session, const QString &kind);

    ServiceContext &m_ctx;
    QHash<Id, State> m_states;
    QHash<int, QSet<Id>> m_usersOfNode;
    Announce m_announce;
    OnlineChanged m_onlineChanged;
};

} // namespace kith::server

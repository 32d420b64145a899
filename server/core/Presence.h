#pragma once
//! Who is online, in memory only. Status and custom status belong to the user, idle to each
//! session; what others see is derived and sent only when it changes. Also keeps the
//! connection log, since it watches every connection come and go.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>

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

private:
    struct State {
        PresenceStatus chosen = PresenceStatus::Online;
        QString customStatus;
        bool graceActive = false;  //!< last connection closed, offline not yet shown
        quint64 graceEpoch = 0;
        View lastPublic;
        View lastSelf;
    };
    View compute(Id userId, bool self) const;
    //! Compares what others and the user see with what was last sent, and sends the changes.
    void publish(Id userId);
    void log(SessionRecord *session, const QString &kind);

    ServiceContext &m_ctx;
    QHash<Id, State> m_states;
};

} // namespace kith::server

#pragma once
//! A protocol session: outlives its socket for the resume window and keeps recent events.

#include "shared/Snowflake.h"

#include <QLatin1String>
#include <QHash>
#include <QString>
#include <deque>

namespace kith::server {

class EventSink;

struct SessionRecord {
    struct Entry {
        qint64 seq;
        qint64 atMs;
        QLatin1String ev;  //!< points at a static name in shared/Protocol.h
        QString body;      //!< shared by every session the event went to
    };

    QString id;
    Id userId = 0;
    QByteArray tokenHash;
    qint64 seq = 0;                 //!< last seq handed out
    std::deque<Entry> backlog;      //!< recent events, for resume
    EventSink *sink = nullptr;      //!< attached connection, or none while detached
    qint64 detachedAtMs = 0;
    QString address;                //!< of the connection last attached
    bool idle = false;              //!< the client reported inactivity (presence.set idle)
    QHash<Id, qint64> typingAtMs;   //!< last typing.start sent on, per channel
};

} // namespace kith::server

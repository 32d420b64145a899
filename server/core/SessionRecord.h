#pragma once
//! A protocol session: outlives its socket for the resume window and keeps recent events.

#include "shared/Snowflake.h"

#include <QLatin1String>
#include <QHash>
#include <QString>
#include <deque>
#include <memory>

namespace kith::server {

class EventSink;

struct SessionRecord {
    //! One event as every recipient shares it.
    struct Event {
        QLatin1String ev;  //!< points at a static name in shared/Protocol.h
        QByteArray body;   //!< UTF-8 JSON of `d`, as every recipient's frame carries it
        qint64 atMs;
    };
    struct Entry {
        qint64 seq;
        std::shared_ptr<const Event> event;
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
    bool counted = false;           //!< its start was counted for statistics (a resume is not one)
    QHash<Id, qint64> typingAtMs;   //!< last typing.start sent on, per channel
};

} // namespace kith::server

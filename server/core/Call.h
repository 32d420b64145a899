#pragma once
//! One request on its way through a service: its data, who asks, and how to answer.
//! The connection may be gone by the time a store job completes; answering then does nothing.

#include "core/EventSink.h"
#include "core/SessionRecord.h"
#include "shared/Envelope.h"

#include <QJsonObject>
#include <QPointer>

namespace kith::server {

class Call
{
public:
    Call(QJsonValue id, QJsonObject d, EventSink *sink, QObject *sinkObject,
         std::shared_ptr<SessionRecord> session)
        : m_id(std::move(id))
        , m_d(std::move(d))
        , m_sink(sink)
        , m_sinkObject(sinkObject)
        , m_session(std::move(session))
    {
    }

    const QJsonObject &data() const { return m_d; }
    Id userId() const { return m_session ? m_session->userId : 0; }
    const std::shared_ptr<SessionRecord> &session() const { return m_session; }
    //! The connection, or null once it has closed.
    EventSink *sink() const { return m_sinkObject ? m_sink : nullptr; }

    void ok(const QJsonObject &d) const
    {
        if (EventSink *s = sink())
            s->sendFrame(encodeReply(m_id, d));
    }
    //! Replies with a body already serialised (the same bytes an event carries).
    void okBody(const QByteArray &body) const
    {
        if (EventSink *s = sink())
            s->sendFrame(encodeReplyBody(m_id, body));
    }
    void fail(const Error &e) const
    {
        if (EventSink *s = sink())
            s->sendFrame(encodeError(m_id, e));
    }

private:
    QJsonValue m_id;
    QJsonObject m_d;
    EventSink *m_sink;
    QPointer<QObject> m_sinkObject;
    std::shared_ptr<SessionRecord> m_session;
};

} // namespace kith::server

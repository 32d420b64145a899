#pragma once
//! What core/ needs of a client connection. net/Session implements it, so core never includes net.

#include <QByteArray>
#include <QString>
#include <memory>

namespace kith::server {

struct SessionRecord;

class EventSink
{
public:
    virtual ~EventSink() = default;
    //! Sends one text frame of UTF-8 JSON (an event or a reply); the connection enforces its
    //! own send-buffer bound.
    virtual void sendFrame(const QByteArray &frame) = 0;
    //! The connection now speaks for this session (after sign-in or resume).
    virtual void bindSession(std::shared_ptr<SessionRecord> session) = 0;
    virtual bool isBound() const = 0;
    virtual QString peerAddress() const = 0;
    virtual void closeSink(quint16 code, const QString &reason) = 0;
};

} // namespace kith::server

#pragma once
//! message.send in a channel that is never stored (issue 13: persistent false, and roulette):
//! the message goes to who is online now and is then gone. What is left in memory, briefly, is
//! enough to answer a resent nonce as the first send was answered and to refuse an edit.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <QHash>
#include <QSet>
#include <deque>

namespace kith::server {

class Presence;

class Fleeting
{
public:
    Fleeting(ServiceContext &ctx, Presence &presence)
        : m_ctx(ctx)
        , m_presence(presence)
    { }

    //! Delivers m (authorised and validated already, with its id) and replies once it is out.
    void send(const Call &call, const Channel &channel, Message m);
    //! Whether messageId is a recent unstored message sent through this node.
    bool knows(Id messageId) const { return m_ids.contains(messageId); }

    //! How many unstored messages are remembered (the oldest are forgotten first).
    static constexpr int kRemembered = 4096;

private:
    //! The one member a roulette message goes to: online (invisible is offline), can see the
    //! channel, not the author, no block between them; 0 when there is none.
    Id pick(const Channel &channel, Id authorId) const;
    void remember(Id authorId, const QString &nonce, Id messageId, const QByteArray &reply);

    ServiceContext &m_ctx;
    Presence &m_presence;
    QHash<QPair<Id, QString>, QByteArray> m_replies; //!< (author, nonce) -> the reply's body
    QSet<Id> m_ids;
    struct Sent {
        Id authorId;
        QString nonce;
        Id messageId;
    };
    std::deque<Sent> m_order; //!< oldest first
};

} // namespace kith::server

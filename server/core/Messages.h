#pragma once
//! message.send / history / edit / delete.

#include "core/Call.h"
#include "core/Fleeting.h"
#include "core/Reactions.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <QHash>
#include <optional>

namespace kith::server {

class Directory;
class Presence;

class Messages
{
public:
    Messages(ServiceContext &ctx, Presence &presence) : m_ctx(ctx), m_fleeting(ctx, presence) {}
    //! Messages this node stored and fanned out since start (resends of one count once).
    quint64 committedCount() const { return m_committed; }

    //! Called for each message stored (not for a resend of one): the statistics count it.
    void setOnStored(std::function<void(const Message &)> hook) { m_onStored = std::move(hook); }

    void send(const Call &call);
    void history(const Call &call);
    void edit(const Call &call);
    void remove(const Call &call);

    //! Fills in what storage does not keep per row: the author, the guild, the quoted reply.
    static void complete(const Directory &directory, Message &m);

private:
    //! A history page or an edited message, with the reactions stored for it.
    struct Page {
        QList<Message> messages;
        QList<ReactionRow> reactions;
    };
    void complete(Message &m) const { complete(m_ctx.directory, m); }
    //! rate_limited when the author sent in this slow-mode channel too recently (issue 13).
    std::optional<Error> slowmode(const Channel &channel, Id authorId);
    //! Sends a message event to everyone who can read the channel; readers who block the
    //! author get it marked author_blocked.
    //! `body` is m serialised once, shared by the reply and the event.
    //! With `reactions`, those who reacted get their own `me` (others share `body`).
    void fanOut(const Channel &channel, QLatin1String ev, const Message &m, const QByteArray &body,
                const MessageReactions *reactions = nullptr);
    //! Who a message mentions among the channel's readers; 0 stands for @everyone.
    QList<Id> mentions(const Channel &channel, Id authorId, const QString &content) const;
    ServiceContext &m_ctx;
    Fleeting m_fleeting; //!< channels that are never stored
    quint64 m_committed = 0; // gateway thread only
    std::function<void(const Message &)> m_onStored;
    //! Slow mode: when each (channel, author) last sent in a channel that has it.
    QHash<QPair<Id, Id>, qint64> m_lastSendMs;
};

} // namespace kith::server

#include "Fleeting.h"

#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Messages.h"
#include "core/Presence.h"
#include "shared/JsonWriter.h"
#include "shared/Protocol.h"

#include <QRandomGenerator>

namespace kith::server {

Id Fleeting::pick(const Channel &channel, Id authorId) const
{
    QList<Id> candidates;
    for (Id u : m_ctx.directory.viewers(channel))
        if (u != authorId && !m_ctx.directory.blockedEitherWay(u, authorId)
            && m_presence.publicView(u).status != PresenceStatus::Offline) // merged over every node
            candidates.append(u);
    if (candidates.isEmpty())
        return 0;
    return candidates.at(QRandomGenerator::global()->bounded(int(candidates.size())));
}

void Fleeting::remember(Id authorId, const QString &nonce, Id messageId, const QByteArray &reply)
{
    if (int(m_order.size()) >= kRemembered) {
        const Sent &old = m_order.front();
        m_replies.remove({old.authorId, old.nonce});
        m_ids.remove(old.messageId);
        m_order.pop_front();
    }
    m_replies.insert({authorId, nonce}, reply);
    m_ids.insert(messageId);
    m_order.push_back({authorId, nonce, messageId});
}

void Fleeting::send(const Call &call, const Channel &channel, Message m)
{
    const Id authorId = m.author.id;
    // A resend after a lost reply: answered as the first, delivered once.
    if (auto it = m_replies.constFind({authorId, m.nonce}); it != m_replies.cend())
        return call.okBody(*it);
    Messages::complete(m_ctx.directory, m);
    const QByteArray body = encodeMessage(m);
    QByteArray reply = body;
    if (channel.mode == ChannelMode::Roulette) {
        const Id to = pick(channel, authorId);
        if (to)
            m_ctx.hub.toUsers({to}, ev::MessageCreated, body);
        // The message object with delivered_to: the event's bytes, one key longer.
        reply.chop(1);
        reply.append(R"(,"delivered_to":)");
        reply.append(to ? '"' + QByteArray::number(to) + '"' : QByteArray("null"));
        reply.append('}');
    } else {
        // Everyone who can read the channel and is connected now (invisible counts: they read);
        // whoever connects later finds nothing.
        QList<Id> plain, blockers;
        for (Id u : m_ctx.directory.viewers(channel))
            if (m_presence.selfView(u).status != PresenceStatus::Offline)
                (m_ctx.directory.blocks(u, authorId) ? blockers : plain).append(u);
        m_ctx.hub.toUsers(plain, ev::MessageCreated, body);
        if (!blockers.isEmpty()) {
            Message flagged = m;
            flagged.authorBlocked = true;
            m_ctx.hub.toUsers(blockers, ev::MessageCreated, encodeMessage(flagged));
        }
    }
    remember(authorId, m.nonce, m.id, reply);
    call.okBody(reply);
}

} // namespace kith::server

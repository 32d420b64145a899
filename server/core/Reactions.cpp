#include "Reactions.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/WriteQueue.h"

#include <QJsonArray>
#include <algorithm>

namespace kith::server {

QHash<Id, MessageReactions> Reactions::group(const QList<ReactionRow> &rows)
{
    QHash<Id, MessageReactions> out;
    for (const ReactionRow &r : rows) {
        MessageReactions &m = out[r.messageId];
        auto it = std::find_if(m.begin(), m.end(), [&](const EmojiUsers &e) { return e.emoji == r.emoji; });
        if (it == m.end())
            m.append(EmojiUsers{r.emoji, {r.userId}});
        else
            it->users.append(r.userId);
    }
    return out;
}

QList<Reaction> Reactions::forReader(const MessageReactions &reactions, Id reader)
{
    QList<Reaction> out;
    out.reserve(reactions.size());
    for (const EmojiUsers &e : reactions)
        out.append(Reaction{e.emoji, int(e.users.size()), e.users.contains(reader)});
    return out;
}

std::optional<Reactions::Target> Reactions::readTarget(const Call &call) const
{
    JsonFields f(call.data());
    Target t{f.id(QLatin1String("channel_id")), f.id(QLatin1String("message_id")),
             f.string(QLatin1String("emoji")), nullptr};
    if (!f.ok()) {
        call.fail(f.error());
        return std::nullopt;
    }
    if (QString why = validate::emoji(t.emoji); !why.isEmpty()) {
        call.fail(Error::badRequest(why));
        return std::nullopt;
    }
    Error e;
    t.channel = access::messageChannel(m_ctx.directory, t.channelId, call.userId(), nullptr, &e);
    if (!t.channel) {
        call.fail(e);
        return std::nullopt;
    }
    if (auto gone = access::notStored(*t.channel)) {
        call.fail(*gone);
        return std::nullopt;
    }
    return t;
}

void Reactions::change(const Call &call, bool add)
{
    const auto target = readTarget(call);
    if (!target)
        return;
    const Id channelId = target->channelId, messageId = target->messageId;
    const QString emoji = target->emoji;
    const Id userId = call.userId();
    if (auto blocked = access::blockedDm(m_ctx.directory, *target->channel, userId))
        return call.fail(*blocked);
    if (auto quiet = add ? access::timedOut(m_ctx.directory, *target->channel, userId) : std::nullopt)
        return call.fail(*quiet);
    if (Error e; add && !access::allowedIn(m_ctx.directory, *target->channel, userId, Permission::AddReactions,
                                           QStringLiteral("add reactions in this channel"), &e))
        return call.fail(e);
    const Id reactionId = add ? m_ctx.ids.next() : 0;
    m_ctx.store.submit<bool>(
        [=](Store &s) {
            return add ? s.addReaction(reactionId, channelId, messageId, userId, emoji, limits::kReactionsPerMessage)
                       : s.removeReaction(channelId, messageId, userId, emoji);
        },
        [this, call, add, channelId, messageId, userId, emoji](Result<bool> &&changed) {
            if (!changed)
                return call.fail(changed.error());
            call.ok({});
            // Adding what I have, or removing what I do not have, changes nothing: no event.
            if (!changed.value())
                return;
            if (const Channel *c = m_ctx.directory.channel(channelId))
                m_ctx.hub.toUsers(m_ctx.directory.viewers(*c), add ? ev::ReactionAdded : ev::ReactionRemoved,
                                  QJsonObject{{QLatin1String("channel_id"), idJson(channelId)},
                                              {QLatin1String("message_id"), idJson(messageId)},
                                              {QLatin1String("user_id"), idJson(userId)},
                                              {QLatin1String("emoji"), emoji}});
        });
}

void Reactions::users(const Call &call)
{
    const auto target = readTarget(call);
    if (!target)
        return;
    const Id channelId = target->channelId, messageId = target->messageId;
    const QString emoji = target->emoji;
    m_ctx.store.submit<QList<ReactionRow>>(
        [=](Store &s) -> Result<QList<ReactionRow>> {
            const Result<Message> m = s.findMessage(messageId);
            if (!m)
                return m.error();
            if (m->channelId != channelId)
                return Error::notFound(QStringLiteral("unknown message"));
            return s.reactions(channelId, messageId, messageId);
        },
        [this, call, emoji](Result<QList<ReactionRow>> &&rows) {
            if (!rows)
                return call.fail(rows.error());
            QJsonArray users;
            for (const ReactionRow &r : rows.value()) {
                if (r.emoji != emoji || users.size() >= limits::kReactionUsers)
                    continue;
                if (const User *u = m_ctx.directory.user(r.userId))
                    users.append(u->toJson());
            }
            call.ok({{QLatin1String("users"), users}});
        });
}

} // namespace kith::server

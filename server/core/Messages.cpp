#include "Messages.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/MessageTable.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
const QLatin1String kChannelId{"channel_id"};
const QLatin1String kMessageId{"message_id"};
const QLatin1String kContent{"content"};

//! Content rules: blank is malformed, too long is too_large.
std::optional<Error> checkContent(const QString &content)
{
    if (content.size() > limits::kMessageLength)
        return Error::tooLarge(QStringLiteral("content is longer than %1 characters").arg(limits::kMessageLength));
    if (QString why = validate::messageContent(content); !why.isEmpty())
        return Error::badRequest(why);
    return std::nullopt;
}

QJsonObject deletedJson(const Message &m)
{
    return {{QLatin1String("id"), idJson(m.id)},
            {kChannelId, idJson(m.channelId)},
            {QLatin1String("guild_id"), idJson(m.guildId)}};
}
} // namespace

void Messages::complete(Message &m) const
{
    m.author = m_ctx.directory.userOrPlaceholder(m.author.id);
    if (const Channel *c = m_ctx.directory.channel(m.channelId))
        m.guildId = c->guildId;
}

void Messages::send(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    const QString content = f.string(kContent);
    const QString nonce = f.string(QLatin1String("nonce"));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Channel *channel = access::channel(m_ctx.directory, channelId, call.userId(), nullptr, &e);
    if (!channel)
        return call.fail(e);
    if (auto err = checkContent(content))
        return call.fail(*err);
    if (QString why = validate::nonce(nonce); !why.isEmpty())
        return call.fail(Error::badRequest(why));

    Message m;
    m.id = m_ctx.ids.next();
    m.channelId = channelId;
    m.guildId = channel->guildId;
    m.author = m_ctx.directory.userOrPlaceholder(call.userId());
    m.content = content;
    m.nonce = nonce;
    m_ctx.store.submit<StoredMessage>([m](SqlStore &s) { return MessageTable::insert(s, m); },
                                      [this, call](Result<StoredMessage> &&r) {
        if (!r)
            return call.fail(r.error());
        Message stored = r->message;
        complete(stored);
        const QJsonObject json = stored.toJson();
        call.ok(json);
        // A resend after a lost reply: the original was fanned out already.
        if (!r->duplicate)
            m_ctx.hub.toGuild(stored.guildId, ev::MessageCreated, json);
    });
}

void Messages::history(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    const auto before = f.optId(QLatin1String("before"));
    const auto after = f.optId(QLatin1String("after"));
    const auto around = f.optId(QLatin1String("around"));
    const auto limit = f.optInt(QLatin1String("limit"), 1, limits::kHistoryPage);
    if (!f.ok())
        return call.fail(f.error());
    if (int(before.has_value()) + int(after.has_value()) + int(around.has_value()) > 1)
        return call.fail(Error::badRequest(QStringLiteral("give at most one of before, after, around")));
    Error e;
    if (!access::channel(m_ctx.directory, channelId, call.userId(), nullptr, &e))
        return call.fail(e);
    HistoryCursor cursor = HistoryCursor::Latest;
    Id at = 0;
    if (before) {
        cursor = HistoryCursor::Before;
        at = *before;
    } else if (after) {
        cursor = HistoryCursor::After;
        at = *after;
    } else if (around) {
        cursor = HistoryCursor::Around;
        at = *around;
    }
    const int n = int(limit.value_or(limits::kHistoryDefault));
    m_ctx.store.submit<QList<Message>>(
        [channelId, cursor, at, n](SqlStore &s) { return MessageTable::history(s, channelId, cursor, at, n); },
        [this, call](Result<QList<Message>> &&r) {
            if (!r)
                return call.fail(r.error());
            QJsonArray list;
            for (Message &m : r.value()) {
                complete(m);
                list.append(m.toJson());
            }
            call.ok({{QLatin1String("messages"), list}});
        });
}

void Messages::edit(const Call &call)
{
    JsonFields f(call.data());
    const Id messageId = f.id(kMessageId);
    const QString content = f.string(kContent);
    if (!f.ok())
        return call.fail(f.error());
    if (auto err = checkContent(content))
        return call.fail(*err);
    const Id userId = call.userId();
    m_ctx.store.submit<Message>([messageId](SqlStore &s) { return MessageTable::find(s, messageId); },
                                [this, call, userId, content](Result<Message> &&found) {
        if (!found)
            return call.fail(found.error());
        Error e;
        if (!access::channel(m_ctx.directory, found->channelId, userId, nullptr, &e))
            return call.fail(Error::notFound(QStringLiteral("unknown message")));
        if (found->author.id != userId)
            return call.fail(Error::forbidden(QStringLiteral("only the author may edit a message")));
        m_ctx.store.submit<Message>(
            [id = found->id, content](SqlStore &s) {
                return MessageTable::edit(s, id, content, QDateTime::currentMSecsSinceEpoch());
            },
            [this, call](Result<Message> &&r) {
                if (!r)
                    return call.fail(r.error());
                Message m = r.value();
                complete(m);
                call.ok(m.toJson());
                m_ctx.hub.toGuild(m.guildId, ev::MessageUpdated, m.toJson());
            });
    });
}

void Messages::remove(const Call &call)
{
    JsonFields f(call.data());
    const Id messageId = f.id(kMessageId);
    if (!f.ok())
        return call.fail(f.error());
    const Id userId = call.userId();
    m_ctx.store.submit<Message>([messageId](SqlStore &s) { return MessageTable::find(s, messageId); },
                                [this, call, userId](Result<Message> &&found) {
        if (!found)
            return call.fail(found.error());
        Message m = found.value();
        Error e;
        const Member *me = nullptr;
        if (!access::channel(m_ctx.directory, m.channelId, userId, &me, &e))
            return call.fail(Error::notFound(QStringLiteral("unknown message")));
        if (m.author.id != userId && !access::atLeast(me, Role::Admin, QStringLiteral("delete others' messages"), &e))
            return call.fail(e);
        complete(m);
        m_ctx.store.submit<Done>([id = m.id](SqlStore &s) { return MessageTable::remove(s, id); },
                                 [this, call, m](Result<Done> &&r) {
                                     if (!r)
                                         return call.fail(r.error());
                                     call.ok(deletedJson(m));
                                     m_ctx.hub.toGuild(m.guildId, ev::MessageDeleted, deletedJson(m));
                                 });
    });
}

} // namespace kith::server

#include "Messages.h"

#include "core/Access.h"
#include "core/AuditLog.h"
#include "core/Attachments.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "core/Reactions.h"
#include "shared/JsonFields.h"
#include "shared/JsonWriter.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "store/Store.h"
#include "store/WriteQueue.h"
#include "ServerConfig.h"

#include <QJsonArray>

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

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

//! A message.send on its way to the store.
struct Send {
    Message message;
    QList<Id> mentioned;
    QList<Id> attachmentIds;
};

//! Puts stored attachments on the messages they belong to.
void attach(QList<Message> &messages, const QList<QPair<Id, Attachment>> &rows)
{
    if (rows.isEmpty())
        return;
    QHash<Id, QList<Attachment>> byMessage;
    for (const auto &[messageId, a] : rows)
        byMessage[messageId].append(a);
    for (Message &m : messages)
        if (auto it = byMessage.constFind(m.id); it != byMessage.cend())
            m.attachments = *it;
}


Result<StoredMessage> storeSend(Store &s, const Send &send)
{
    auto r = s.insertMessage(send.message);
    if (!r || r->duplicate || send.mentioned.isEmpty())
        return r;
    const Message &m = send.message;
    if (auto mr = s.insertMentions(m.id, m.channelId, m.author.id, send.mentioned); !mr)
        return mr.error();
    return r;
}

//! A send with attachments: the message, then its claim on the uploads, in one savepoint.
Result<StoredMessage> storeSendWithAttachments(Store &s, const Send &send)
{
    auto r = storeSend(s, send);
    if (!r)
        return r;
    const Message &m = r->message;
    if (r->duplicate) {
        auto rows = s.attachments(m.channelId, m.id, m.id);
        if (!rows)
            return rows.error();
        QList<Message> one{m};
        attach(one, rows.value());
        r->message = one.constFirst();
        return r;
    }
    auto claimed = s.claimAttachments(m.id, m.channelId, m.author.id, send.attachmentIds);
    if (!claimed)
        return claimed.error();
    r->message.attachments = claimed.value();
    return r;
}

//! Sends queued together: one INSERT for all their messages instead of a round trip each.
bool storeSends(Store &s, const std::vector<const Send *> &sends, std::vector<Result<StoredMessage>> *out)
{
    QList<Message> messages;
    messages.reserve(qsizetype(sends.size()));
    for (const Send *send : sends)
        messages.append(send->message);
    auto stored = s.insertMessages(messages);
    if (!stored)
        return false;
    for (size_t i = 0; i < sends.size(); ++i) {
        const Send &send = *sends[i];
        const Message &m = send.message;
        if (!stored->at(qsizetype(i)).duplicate && !send.mentioned.isEmpty()
            && !s.insertMentions(m.id, m.channelId, m.author.id, send.mentioned))
            return false;
        out->push_back(stored->at(qsizetype(i)));
    }
    return true;
}

const WriteQueue::Group<StoredMessage, Send> kStoreSends{storeSend, storeSends};

QJsonObject deletedJson(const Message &m)
{
    return {{QLatin1String("id"), idJson(m.id)},
            {kChannelId, idJson(m.channelId)},
            {QLatin1String("guild_id"), idJson(m.guildId)}};
}
} // namespace

void Messages::complete(const Directory &directory, Message &m)
{
    m.author = directory.userOrPlaceholder(m.author.id);
    if (const Channel *c = directory.channel(m.channelId))
        m.guildId = c->guildId;
    if (m.replyTo) {
        m.replyTo->author = directory.userOrPlaceholder(m.replyTo->author.id);
        QString &quote = m.replyTo->content;
        if (quote.size() > limits::kReplyQuoteLength) {
            // Never half of a surrogate pair.
            const qsizetype n = quote.at(limits::kReplyQuoteLength - 1).isHighSurrogate()
                                    ? limits::kReplyQuoteLength - 1 : limits::kReplyQuoteLength;
            quote.truncate(n);
        }
    }
}

void Messages::fanOut(const Channel &channel, QLatin1String ev, const Message &m, const QByteArray &body,
                      const MessageReactions *reactions)
{
    QList<Id> plain, blockers, reactors;
    if (!reactions || reactions->isEmpty()) {
        for (Id u : m_ctx.directory.viewers(channel))
            (m_ctx.directory.blocks(u, m.author.id) ? blockers : plain).append(u);
    } else {
        // `me` differs only for those who reacted: everyone else shares `body`.
        QSet<Id> reacted;
        for (const EmojiUsers &e : *reactions)
            for (Id u : e.users)
                reacted.insert(u);
        for (Id u : m_ctx.directory.viewers(channel))
            (reacted.contains(u) ? reactors : m_ctx.directory.blocks(u, m.author.id) ? blockers : plain).append(u);
    }
    m_ctx.hub.toUsers(plain, ev, body);
    if (!blockers.isEmpty()) {
        Message flagged = m;
        flagged.authorBlocked = true;
        m_ctx.hub.toUsers(blockers, ev, encodeMessage(flagged));
    }
    for (Id u : reactors) {
        Message mine = m;
        mine.authorBlocked = m_ctx.directory.blocks(u, m.author.id);
        mine.reactions = Reactions::forReader(*reactions, u);
        m_ctx.hub.toUsers({u}, ev, encodeMessage(mine));
    }
}

QList<Id> Messages::mentions(const Channel &channel, Id authorId, const QString &content) const
{
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9_.@])@([A-Za-z0-9_.]{2,32})"));
    QList<Id> out;
    if (!content.contains(u'@'))
        return out; // most messages: no regex run at all
    auto it = re.globalMatch(content);
    while (it.hasNext()) {
        QString name = it.next().captured(1);
        if (name == u"everyone") {
            // Whoever has mention_everyone in the channel (by default the owner and admins).
            const Member *m = channel.isDm() ? nullptr : m_ctx.directory.member(channel.guildId, authorId);
            if (m && !out.contains(0)
                && m_ctx.directory.permissionsIn(channel, *m).has(Permission::MentionEveryone))
                out.append(0);
            continue;
        }
        // A sentence may end right after the name: "thanks @alice." names alice.
        const User *u = m_ctx.directory.userByName(name);
        while (!u && name.endsWith(u'.')) {
            name.chop(1);
            u = name.size() >= 2 ? m_ctx.directory.userByName(name) : nullptr;
        }
        if (u && u->id != authorId && !out.contains(u->id) && m_ctx.directory.canView(u->id, channel))
            out.append(u->id);
    }
    return out;
}

std::optional<Error> Messages::slowmode(const Channel &channel, Id authorId)
{
    const Member *m = m_ctx.directory.member(channel.guildId, authorId);
    if (!m || m_ctx.directory.permissionsIn(channel, *m).has(Permission::ManageMessages))
        return std::nullopt;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 gapMs = qint64(channel.slowmodeSeconds) * 1000;
    if (m_lastSendMs.size() > 100000) // keep only what still counts
        m_lastSendMs.removeIf([now](const auto &it) { return now - it.value() >= limits::kSlowmodeMaxSeconds * 1000LL; });
    qint64 &last = m_lastSendMs[{channel.id, authorId}];
    if (last && now - last < gapMs)
        return Error::rateLimited(gapMs - (now - last),
                                  QStringLiteral("this channel is in slow mode: one message every %1 s").arg(channel.slowmodeSeconds));
    last = now;
    return std::nullopt;
}

void Messages::send(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(kChannelId);
    const QString content = f.string(kContent);
    const QString nonce = f.string(QLatin1String("nonce"));
    const std::optional<Id> replyToId = f.optId(QLatin1String("reply_to_id"));
    if (!f.ok())
        return call.fail(f.error());
    QList<Id> attachmentIds;
    if (const QJsonValue ids = call.data().value(QLatin1String("attachment_ids")); !ids.isUndefined() && !ids.isNull()) {
        if (!ids.isArray())
            return call.fail(Error::badRequest(QStringLiteral("attachment_ids must be an array of ids")));
        const QJsonArray list = ids.toArray();
        if (list.size() > limits::kAttachmentsPerMessage)
            return call.fail(Error::badRequest(
                QStringLiteral("a message carries at most %1 attachments").arg(limits::kAttachmentsPerMessage)));
        for (const QJsonValue &v : list) {
            const Id id = idFromJson(v);
            if (!id || attachmentIds.contains(id))
                return call.fail(Error::badRequest(QStringLiteral("attachment_ids must be distinct id strings")));
            attachmentIds.append(id);
        }
    }
    Error e;
    const Channel *channel = access::messageChannel(m_ctx.directory, channelId, call.userId(), nullptr, &e);
    if (!channel)
        return call.fail(e);
    if (!(content.isEmpty() && !attachmentIds.isEmpty())) // files alone need no words
        if (auto err = checkContent(content))
            return call.fail(*err);
    if (QString why = validate::nonce(nonce); !why.isEmpty())
        return call.fail(Error::badRequest(why));
    if (!channel->persistent && (!attachmentIds.isEmpty() || replyToId.value_or(0)))
        return call.fail(Error::badRequest(QStringLiteral("messages of this channel are not stored: "
                                                          "no attachments, no replies")));
    if (auto blocked = access::blockedDm(m_ctx.directory, *channel, call.userId()))
        return call.fail(*blocked);
    if (auto quiet = access::timedOut(m_ctx.directory, *channel, call.userId()))
        return call.fail(*quiet);
    if (!access::allowedIn(m_ctx.directory, *channel, call.userId(), Permission::SendMessages,
                           QStringLiteral("send messages in this channel"), &e)
        || (!attachmentIds.isEmpty()
            && !access::allowedIn(m_ctx.directory, *channel, call.userId(), Permission::AttachFiles,
                                  QStringLiteral("attach files in this channel"), &e)))
        return call.fail(e);
    if (channel->slowmodeSeconds > 0) {
        if (auto wait = slowmode(*channel, call.userId()))
            return call.fail(*wait);
    }

    Message m;
    m.id = m_ctx.ids.next();
    m.channelId = channelId;
    m.guildId = channel->guildId;
    m.author = m_ctx.directory.userOrPlaceholder(call.userId());
    m.content = content;
    m.nonce = nonce;
    if (!channel->persistent) // nothing stored, nothing counted: no mentions either
        return m_fleeting.send(call, *channel, std::move(m));
    const QList<Id> mentioned = mentions(*channel, call.userId(), content);
    m.replyToId = replyToId.value_or(0); // the store checks the target (same channel, not deleted)
    auto onStored = [this, call](Result<StoredMessage> &&r) {
        if (!r)
            return call.fail(r.error());
        Message stored = r->message;
        m_ctx.directory.noteMessage(stored.channelId, stored.id);
        complete(stored);
        const QByteArray body = encodeMessage(stored);
        call.okBody(body);
        // A resend after a lost reply: the original was fanned out already.
        const Channel *channel = m_ctx.directory.channel(stored.channelId);
        if (!r->duplicate) {
            ++m_committed;
            if (m_onStored)
                m_onStored(stored);
        }
        if (!r->duplicate && channel)
            fanOut(*channel, ev::MessageCreated, stored, body);
    };
    if (!attachmentIds.isEmpty()) {
        // Off the grouped path: the claim may refuse, and takes back only this message.
        m_ctx.store.submit<StoredMessage>(
            [send = Send{std::move(m), mentioned, attachmentIds}](Store &s) { return storeSendWithAttachments(s, send); },
            std::move(onStored));
        return;
    }
    m_ctx.store.submit(kStoreSends, Send{std::move(m), mentioned, {}}, std::move(onStored),
        // Without mentions or a reply target to read the job is the message's INSERT alone.
        mentioned.isEmpty() && !replyToId ? WriteQueue::Writes::One : WriteQueue::Writes::Many);
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
    const Channel *channel = access::messageChannel(m_ctx.directory, channelId, call.userId(), nullptr, &e);
    if (!channel)
        return call.fail(e);
    if (!channel->persistent)
        return call.ok({{QLatin1String("messages"), QJsonArray()}});
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
    m_ctx.reader.submit<Page>(
        [channelId, cursor, at, n](Store &s) -> Result<Page> {
            auto messages = s.history(channelId, cursor, at, n);
            if (!messages)
                return messages.error();
            Page page{std::move(messages.value()), {}};
            if (page.messages.isEmpty())
                return page;
            // Newest first: one range of ids holds the page's reactions.
            auto rows = s.reactions(channelId, page.messages.constLast().id, page.messages.constFirst().id);
            if (!rows)
                return rows.error();
            page.reactions = std::move(rows.value());
            auto files = s.attachments(channelId, page.messages.constLast().id, page.messages.constFirst().id);
            if (!files)
                return files.error();
            attach(page.messages, files.value());
            return page;
        },
        [this, call](Result<Page> &&r) {
            if (!r)
                return call.fail(r.error());
            const QHash<Id, MessageReactions> reactions = Reactions::group(r->reactions);
            JsonWriter w(r->messages.size() * 400 + 32);
            w.beginObject().key(QLatin1String("messages")).beginArray();
            for (Message &m : r->messages) {
                complete(m);
                m.authorBlocked = m_ctx.directory.blocks(call.userId(), m.author.id);
                if (auto it = reactions.constFind(m.id); it != reactions.cend())
                    m.reactions = Reactions::forReader(*it, call.userId());
                writeMessage(w, m);
            }
            w.endArray().endObject();
            call.okBody(w.take());
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
    if (m_fleeting.knows(messageId))
        return call.fail(Error::badRequest(QStringLiteral("messages of this channel are not stored")));
    const Id userId = call.userId();
    m_ctx.store.submit<Message>([messageId](Store &s) { return s.findMessage(messageId); },
                                [this, call, userId, content](Result<Message> &&found) {
        if (!found)
            return call.fail(found.error());
        Error e;
        if (!access::channel(m_ctx.directory, found->channelId, userId, nullptr, &e))
            return call.fail(Error::notFound(QStringLiteral("unknown message")));
        if (found->author.id != userId)
            return call.fail(Error::forbidden(QStringLiteral("only the author may edit a message")));
        m_ctx.store.submit<Page>(
            [id = found->id, channelId = found->channelId, content](Store &s) -> Result<Page> {
                auto m = s.editMessage(id, content, QDateTime::currentMSecsSinceEpoch());
                if (!m)
                    return m.error();
                auto rows = s.reactions(channelId, id, id);
                if (!rows)
                    return rows.error();
                auto files = s.attachments(channelId, id, id);
                if (!files)
                    return files.error();
                Page page{{m.value()}, std::move(rows.value())};
                attach(page.messages, files.value());
                return page;
            },
            [this, call, userId](Result<Page> &&r) {
                if (!r)
                    return call.fail(r.error());
                Message m = r->messages.constFirst();
                complete(m);
                const MessageReactions reactions = Reactions::group(r->reactions).value(m.id);
                m.reactions = Reactions::forReader(reactions, 0); // counts only: `me` is per reader
                const QByteArray body = encodeMessage(m);
                if (reactions.isEmpty()) {
                    call.okBody(body);
                } else {
                    Message mine = m;
                    mine.reactions = Reactions::forReader(reactions, userId);
                    call.okBody(encodeMessage(mine));
                }
                if (const Channel *c = m_ctx.directory.channel(m.channelId))
                    fanOut(*c, ev::MessageUpdated, m, body, &reactions);
            });
    });
}

void Messages::remove(const Call &call)
{
    JsonFields f(call.data());
    const Id messageId = f.id(kMessageId);
    if (!f.ok())
        return call.fail(f.error());
    if (m_fleeting.knows(messageId))
        return call.fail(Error::badRequest(QStringLiteral("messages of this channel are not stored")));
    const Id userId = call.userId();
    m_ctx.store.submit<Message>([messageId](Store &s) { return s.findMessage(messageId); },
                                [this, call, userId](Result<Message> &&found) {
        if (!found)
            return call.fail(found.error());
        Message m = found.value();
        Error e;
        const Member *me = nullptr;
        const Channel *channel = access::channel(m_ctx.directory, m.channelId, userId, &me, &e);
        if (!channel)
            return call.fail(Error::notFound(QStringLiteral("unknown message")));
        if (m.author.id != userId
            && !access::allowed(m_ctx.directory, channel->guildId, me, Permission::ManageMessages,
                                QStringLiteral("delete others' messages"), &e))
            return call.fail(e);
        complete(m);
        // A moderator's deletion of someone else's message is logged; one's own is not.
        std::optional<AuditEntry> audit;
        if (m.author.id != userId && channel->guildId)
            audit = AuditLog::entry(m_ctx, channel->guildId, op::MessageDelete, userId, m.id,
                                    {{QLatin1String("channel_id"), idJson(m.channelId)},
                                     {QLatin1String("author_id"), idJson(m.author.id)}});
        m_ctx.store.submit<QStringList>([id = m.id, audit](Store &s) -> Result<QStringList> {
                                     auto unused = s.releaseAttachments(id);
                                     if (!unused)
                                         return unused;
                                     if (auto r = s.deleteMessage(id); !r)
                                         return r.error();
                                     if (audit)
                                         if (auto r = AuditLog::write(s, *audit); !r)
                                             return r.error();
                                     return unused;
                                 },
                                 [this, call, m](Result<QStringList> &&r) {
                                     if (!r)
                                         return call.fail(r.error());
                                     Attachments::removeUnused(m_ctx.store, m_ctx.config.attachmentsDir, r.value());
                                     call.ok(deletedJson(m));
                                     if (const Channel *c = m_ctx.directory.channel(m.channelId))
                                         m_ctx.hub.toUsers(m_ctx.directory.viewers(*c), ev::MessageDeleted,
                                                           deletedJson(m));
                                 });
    });
}

} // namespace kith::server

#include "Search.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Messages.h"
#include "core/Reactions.h"
#include "core/SearchTerms.h"
#include "shared/JsonFields.h"
#include "shared/JsonWriter.h"
#include "shared/Limits.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

namespace kith::server {

namespace {

//! A page as the reader found it, with what history pages carry besides the rows.
struct Found {
    SearchPage page;
    QList<ReactionRow> reactions;
};

std::optional<SearchHas> hasFilter(const QString &text)
{
    if (text == u"attachment")
        return SearchHas::Attachment;
    if (text == u"image")
        return SearchHas::Image;
    if (text == u"link")
        return SearchHas::Link;
    return std::nullopt;
}

} // namespace

void Search::search(const Call &call)
{
    // Malformed fields first (bad_request), then what the caller may see (not_found).
    JsonFields f(call.data());
    const QString text = f.string(QLatin1String("query"));
    const auto guildId = f.optId(QLatin1String("guild_id"));
    const auto channelId = f.optId(QLatin1String("channel_id"));
    const auto authorId = f.optId(QLatin1String("author_id"));
    const auto hasText = f.optString(QLatin1String("has"));
    const auto before = f.optId(QLatin1String("before"));
    const auto limit = f.optInt(QLatin1String("limit"), 1, limits::kSearchPage);
    if (!f.ok())
        return call.fail(f.error());
    if (text.size() > limits::kSearchQueryLength)
        return call.fail(Error::badRequest(
            QStringLiteral("query is longer than %1 characters").arg(limits::kSearchQueryLength)));
    SearchQuery q;
    if (hasText) {
        const auto has = hasFilter(*hasText);
        if (!has)
            return call.fail(
                Error::badRequest(QStringLiteral("has must be \"attachment\", \"image\" or \"link\"")));
        q.has = *has;
    }
    const bool filtered = guildId || channelId || authorId || hasText;
    if (text.trimmed().isEmpty() && !filtered)
        return call.fail(Error::badRequest(QStringLiteral("give words to search for, or a filter")));

    const Id userId = call.userId();
    const Directory &dir = m_ctx.directory;
    Error e;
    if (guildId && !access::member(dir, *guildId, userId, &e))
        return call.fail(e);
    if (channelId) {
        const Channel *c = access::channel(dir, *channelId, userId, nullptr, &e);
        if (!c)
            return call.fail(e);
        if (guildId && c->guildId != *guildId)
            return call.fail(Error::notFound(QStringLiteral("unknown channel")));
        q.channelIds = {*channelId};
    } else if (guildId) {
        q.channelIds = dir.channelsVisibleTo(*guildId, userId);
    } else {
        q.channelIds = dir.visibleChannels(userId);
    }
    if (authorId && !dir.user(*authorId))
        return call.fail(Error::notFound(QStringLiteral("unknown user")));

    q.phrases = SearchTerms::parse(text);
    q.authorId = authorId.value_or(0);
    q.before = before.value_or(0);
    q.limit = int(limit.value_or(limits::kSearchDefault));
    q.countCap = limits::kSearchTotalCap;
    // Words asked for but none searchable (punctuation alone) match nothing; so does a caller
    // who can read no channel.
    if ((q.phrases.isEmpty() && !text.trimmed().isEmpty()) || q.channelIds.isEmpty())
        return call.okBody(QByteArrayLiteral("{\"messages\":[],\"total\":0}"));

    // SQLite indexes new messages between write batches: the index first takes in every message
    // acknowledged before this request (a round through the writer, only when it is behind).
    if (m_ctx.store.searchIndexCurrent())
        return find(call, q);
    m_ctx.store.whenSearchIndexed([this, call, q](Result<Done> &&indexed) {
        if (!indexed)
            return call.fail(indexed.error());
        find(call, q);
    });
}

void Search::find(const Call &call, const SearchQuery &q)
{
    m_ctx.reader.submit<Found>(
        [q](Store &s) -> Result<Found> {
            auto page = s.search(q);
            if (!page)
                return page.error();
            Found found{std::move(page.value()), {}};
            // Results span channels: each message's reactions and files by its own key.
            for (Message &m : found.page.messages) {
                auto rows = s.reactions(m.channelId, m.id, m.id);
                if (!rows)
                    return rows.error();
                found.reactions.append(rows.value());
                auto files = s.attachments(m.channelId, m.id, m.id);
                if (!files)
                    return files.error();
                for (const auto &file : files.value())
                    m.attachments.append(file.second);
            }
            return found;
        },
        [this, call](Result<Found> &&r) {
            if (!r)
                return call.fail(r.error());
            const Id reader = call.userId();
            const QHash<Id, MessageReactions> reactions = Reactions::group(r->reactions);
            JsonWriter w(r->page.messages.size() * 400 + 48);
            w.beginObject().key(QLatin1String("messages")).beginArray();
            for (Message &m : r->page.messages) {
                // Read access may have ended while the reader worked (a guild left meanwhile).
                const Channel *c = m_ctx.directory.channel(m.channelId);
                if (!c || !m_ctx.directory.canView(reader, *c))
                    continue;
                Messages::complete(m_ctx.directory, m);
                m.authorBlocked = m_ctx.directory.blocks(reader, m.author.id);
                if (auto it = reactions.constFind(m.id); it != reactions.cend())
                    m.reactions = Reactions::forReader(*it, reader);
                writeMessage(w, m);
            }
            w.endArray().key(QLatin1String("total")).value(r->page.total).endObject();
            call.okBody(w.take());
        });
}

} // namespace kith::server

#include "GuildDirectory.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Presence.h"
#include "core/SearchTerms.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"

#include <QJsonArray>

#include <algorithm>

namespace kith::server {

namespace {
constexpr int kQueryMax = 256; //!< characters of a directory query
constexpr int kQueryWordsMax = 16;

//! Every word of the text, folded (SearchTerms' words: quotes separate like any punctuation).
QStringList foldedWords(const QString &text)
{
    QStringList out;
    for (const QStringList &phrase : SearchTerms::parse(text))
        for (const QString &w : phrase)
            out.append(SearchTerms::fold(w));
    return out;
}

//! Whether each query word begins some word of the guild's name or description.
bool matches(const Guild &g, const QStringList &query)
{
    if (query.isEmpty())
        return true;
    const QStringList words = foldedWords(g.name + QLatin1Char(' ') + g.description);
    return std::all_of(query.cbegin(), query.cend(), [&](const QString &q) {
        return std::any_of(words.cbegin(), words.cend(), [&](const QString &w) { return w.startsWith(q); });
    });
}

//! The directory's order: most members first, then the older guild (smaller id).
struct Rank {
    qsizetype members;
    Id id;
    bool operator<(const Rank &o) const { return members != o.members ? members > o.members : id < o.id; }
};
} // namespace

void GuildDirectory::search(const Call &call)
{
    JsonFields f(call.data());
    const QString query = f.optString(QLatin1String("query")).value_or(QString());
    const int limit = int(f.optInt(QLatin1String("limit"), 1, limits::kDirectoryPageMax)
                              .value_or(limits::kDirectoryPageDefault));
    const std::optional<Id> before = f.optId(QLatin1String("before"));
    if (!f.ok())
        return call.fail(f.error());
    const Directory &dir = m_ctx.directory;
    // A guest cannot join another guild (guild.join, invite.join): there is nothing to show them.
    if (dir.isGuest(call.userId()))
        return call.fail(access::guestsCannot(QStringLiteral("browse the guild directory")));
    if (query.size() > kQueryMax)
        return call.fail(
            Error::badRequest(QStringLiteral("query must be at most %1 characters").arg(kQueryMax)));
    const QStringList words = foldedWords(query);
    if (words.size() > kQueryWordsMax)
        return call.fail(
            Error::badRequest(QStringLiteral("query must have at most %1 words").arg(kQueryWordsMax)));
    // `before` is the last guild of the previous page: the page goes on after its place in the
    // order as it stands now (its member count may have changed; the order is not a snapshot).
    std::optional<Rank> after;
    if (before) {
        const auto *g = dir.guild(*before);
        if (!g)
            return call.fail(Error::badRequest(QStringLiteral("before names no guild")));
        after = Rank{g->members.size(), *before};
    }
    QList<Rank> found;
    for (Id id : dir.guildIds()) {
        const auto *g = dir.guild(id);
        if (!g->guild.discoverable || !matches(g->guild, words))
            continue;
        const Rank r{g->members.size(), id};
        if (!after || *after < r)
            found.append(r);
    }
    std::sort(found.begin(), found.end());
    QJsonArray out;
    for (const Rank &r : std::as_const(found).first(std::min<qsizetype>(limit, found.size()))) {
        const auto *g = dir.guild(r.id);
        // Presence merges every node's facts: a member online on another node counts too.
        int online = 0;
        for (Id m : g->memberIds)
            online += m_presence.publicView(m).status != PresenceStatus::Offline;
        out.append(QJsonObject{
            {QLatin1String("id"), idJson(r.id)},
            {QLatin1String("name"), g->guild.name},
            {QLatin1String("description"), g->guild.description},
            {QLatin1String("icon"), g->guild.icon.isEmpty() ? QJsonValue() : QJsonValue(g->guild.icon)},
            {QLatin1String("member_count"), int(r.members)},
            {QLatin1String("online_count"), online}});
    }
    call.ok({{QLatin1String("guilds"), out}});
}

} // namespace kith::server

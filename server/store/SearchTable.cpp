#include "SearchTable.h"

#include "store/MessageTable.h"
#include "store/SqlConnection.h"

#include <QVariant>
#include <string>

namespace kith::server::SearchTable {

namespace {

// The index expression of postgres/008_search.sql, written identically so the planner uses it.
#define KITH_PG_DOCUMENT "to_tsvector('kith_search'::regconfig, m.content)"

//! The statement for one shape of query and the values its placeholders take, in order. The
//! text depends only on which filters are present (so each shape is prepared once); every
//! value the caller gave is bound.
struct Statement {
    std::string sql;
    QVariantList values;
};

QString idArray(const QList<Id> &ids, QChar open, QChar close)
{
    QString out(open);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += u',';
        out += QString::number(qint64(ids[i]));
    }
    return out + close;
}

//! `WHERE ...` shared by the page and the count; `paged` adds the `before` cursor.
std::string conditions(bool postgres, const SearchQuery &q, bool paged, QVariantList *values)
{
    std::string where;
    auto add = [&where](const char *condition) {
        where += where.empty() ? " WHERE " : " AND ";
        where += condition;
    };
    if (!q.phrases.isEmpty()) {
        if (postgres) {
            add(KITH_PG_DOCUMENT " @@ to_tsquery('kith_search'::regconfig, ?)");
            values->append(tsQuery(q.phrases));
        } else {
            add("f.messages_fts MATCH ?");
            values->append(ftsQuery(q.phrases));
        }
    }
    if (paged && q.before) {
        add(q.phrases.isEmpty() || postgres ? "m.id < ?" : "f.rowid < ?");
        values->append(qint64(q.before));
    }
    if (q.channelIds.size() == 1) {
        add("m.channel_id = ?");
        values->append(qint64(q.channelIds.constFirst()));
    } else if (postgres) {
        add("m.channel_id = ANY(CAST(? AS BIGINT[]))");
        values->append(idArray(q.channelIds, u'{', u'}'));
    } else {
        add("m.channel_id IN (SELECT value FROM json_each(?))");
        values->append(idArray(q.channelIds, u'[', u']'));
    }
    if (q.authorId) {
        add("m.author_id = ?");
        values->append(qint64(q.authorId));
    }
    switch (q.has) {
    case SearchHas::Any:
        break;
    case SearchHas::Attachment:
        // attachments_channel (channel_id, message_id) answers it by one probe.
        add("EXISTS (SELECT 1 FROM attachments a WHERE a.channel_id = m.channel_id AND a.message_id = m.id)");
        break;
    case SearchHas::Image:
        add("EXISTS (SELECT 1 FROM attachments a WHERE a.channel_id = m.channel_id AND a.message_id = m.id "
            "AND a.content_type LIKE 'image/%')");
        break;
    case SearchHas::Link:
        // SQLite's LIKE ignores ASCII case already.
        add(postgres ? "(m.content ILIKE '%http://%' OR m.content ILIKE '%https://%')"
                     : "(m.content LIKE '%http://%' OR m.content LIKE '%https://%')");
        break;
    }
    return where;
}

//! Where rows come from. SQLite: the FTS5 table drives (CROSS JOIN keeps it outside), walking
//! its rowids newest first and stopping at the limit, with each match's row read by primary key.
const char *source(bool postgres, const SearchQuery &q)
{
    if (q.phrases.isEmpty() || postgres)
        return " FROM messages m";
    return " FROM messages_fts f CROSS JOIN messages m ON m.id = f.rowid";
}

Statement pageStatement(bool postgres, const SearchQuery &q)
{
    Statement st;
    st.sql = std::string("SELECT " KITH_MESSAGE_COLUMNS) + source(postgres, q)
             + " LEFT JOIN messages r ON r.id = m.reply_to_id" + conditions(postgres, q, true, &st.values)
             + (q.phrases.isEmpty() || postgres ? " ORDER BY m.id DESC LIMIT ?"
                                                : " ORDER BY f.rowid DESC LIMIT ?");
    st.values.append(q.limit);
    return st;
}

Statement countStatement(bool postgres, const SearchQuery &q)
{
    Statement st;
    st.sql = std::string("SELECT COUNT(*) FROM (SELECT 1") + source(postgres, q)
             + conditions(postgres, q, false, &st.values) + " LIMIT ?) AS found";
    st.values.append(q.countCap);
    return st;
}

QSqlQuery *run(SqlConnection &s, const Statement &st, const char *name)
{
    QSqlQuery &q = s.prepared(st.sql);
    for (int i = 0; i < st.values.size(); ++i)
        q.bindValue(i, st.values[i]);
    return s.exec(q, name) ? &q : nullptr;
}

} // namespace

QString ftsQuery(const QList<QStringList> &phrases)
{
    QStringList terms;
    for (const QStringList &phrase : phrases) {
        QStringList words;
        for (QString w : phrase)
            words.append(u'"' + w.replace(u'"', QLatin1String("\"\"")) + QLatin1String("\"*"));
        terms.append(words.join(QLatin1String(" + ")));
    }
    return terms.join(u' ');
}

QString tsQuery(const QList<QStringList> &phrases)
{
    QStringList terms;
    for (const QStringList &phrase : phrases) {
        QStringList words;
        for (QString w : phrase)
            words.append(u'\'' + w.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("''"))
                         + QLatin1String("':*"));
        terms.append(words.size() == 1 ? words.constFirst()
                                       : u'(' + words.join(QLatin1String(" <-> ")) + u')');
    }
    return terms.join(QLatin1String(" & "));
}

Result<SearchPage> search(SqlConnection &s, const SearchQuery &query)
{
    const bool pg = s.isPostgres();
    SearchPage out;
    QSqlQuery *page = run(s, pageStatement(pg, query), "search page");
    if (!page)
        return storageError();
    while (page->next())
        out.messages.append(MessageTable::fromRow(*page));
    page->finish();
    // A first page shorter than the limit holds every match: nothing left to count.
    if (!query.before && out.messages.size() < query.limit) {
        out.total = int(out.messages.size());
        return out;
    }
    QSqlQuery *count = run(s, countStatement(pg, query), "search count");
    if (!count || !count->next())
        return storageError();
    out.total = count->value(0).toInt();
    count->finish();
    return out;
}

Result<SearchBacklog> backlog(SqlConnection &s)
{
    QSqlQuery &q = s.prepared(
        "SELECT (SELECT message_id FROM search_mark), (SELECT COALESCE(MAX(id), 0) FROM messages)");
    if (!s.exec(q, "search backlog") || !q.next())
        return storageError();
    SearchBacklog out{Id(q.value(0).toLongLong()), Id(q.value(1).toLongLong())};
    q.finish();
    return out;
}

Result<Id> indexAbove(SqlConnection &s, Id mark, int rows, bool *caughtUp)
{
    // The chunk's last id: the rows-th above the mark, else the newest (and nothing is left).
    QSqlQuery &nth = s.prepared("SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?");
    nth.bindValue(0, qint64(mark));
    nth.bindValue(1, rows - 1);
    if (!s.exec(nth, "search chunk end"))
        return storageError();
    *caughtUp = !nth.next();
    Id upTo = *caughtUp ? 0 : Id(nth.value(0).toLongLong());
    nth.finish();
    if (*caughtUp) {
        QSqlQuery &newest = s.prepared("SELECT COALESCE(MAX(id), 0) FROM messages");
        if (!s.exec(newest, "search newest") || !newest.next())
            return storageError();
        upTo = Id(newest.value(0).toLongLong());
        newest.finish();
    }
    if (upTo <= mark)
        return mark;
    QSqlQuery &add = s.prepared("INSERT INTO messages_fts (rowid, content) "
                                "SELECT id, content FROM messages WHERE id > ? AND id <= ?");
    add.bindValue(0, qint64(mark));
    add.bindValue(1, qint64(upTo));
    if (!s.exec(add, "search index chunk"))
        return storageError();
    QSqlQuery &move = s.prepared("UPDATE search_mark SET message_id = ?");
    move.bindValue(0, qint64(upTo));
    if (!s.exec(move, "search mark"))
        return storageError();
    return upTo;
}

Result<Done> indexOne(SqlConnection &s, Id messageId, const QString &content)
{
    QSqlQuery &q = s.prepared("INSERT INTO messages_fts (rowid, content) VALUES (?, ?)");
    q.bindValue(0, qint64(messageId));
    q.bindValue(1, content);
    return s.run(q, "search index one");
}

} // namespace kith::server::SearchTable

#include "MessageTable.h"

#include "Log.h"
#include "store/SqlConnection.h"

#include <QSet>
#include <QVariant>
#include <string>
#include <algorithm>

namespace kith::server::MessageTable {

Message fromRow(const QSqlQuery &q)
{
    Message m;
    m.id = Id(q.value(0).toLongLong());
    m.channelId = Id(q.value(1).toLongLong());
    m.author.id = Id(q.value(2).toLongLong());
    m.content = q.value(3).toString();
    m.nonce = q.value(4).toString();
    m.editedAtMs = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    m.replyToId = Id(q.value(6).toLongLong());
    if (!q.value(7).isNull()) // the target is still there
        m.replyTo = MessageRef{m.replyToId, User{.id = Id(q.value(7).toLongLong())}, q.value(8).toString()};
    return m;
}

namespace {

bool page(SqlConnection &s, const char *sql, const char *name, Id channelId, Id at, int limit,
          QList<Message> *out)
{
    QSqlQuery &q = s.prepared(sql);
    q.bindValue(0, qint64(channelId));
    q.bindValue(1, qint64(at));
    q.bindValue(2, limit);
    if (!s.exec(q, name))
        return false;
    while (q.next())
        out->append(fromRow(q));
    q.finish();
    return true;
}

constexpr const char *kOlderOrAt = "SELECT " KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM
                                   "WHERE m.channel_id = ? AND m.id <= ? ORDER BY m.id DESC LIMIT ?";
constexpr const char *kOlder = "SELECT " KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM
                               "WHERE m.channel_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?";
constexpr const char *kNewer = "SELECT " KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM
                               "WHERE m.channel_id = ? AND m.id > ? ORDER BY m.id ASC LIMIT ?";

// Rows per multi-row INSERT: a prepared statement per row count up to this, 5 parameters a row.
constexpr int kMaxRows = 64;

//! Row r's placeholder for column c, named for the reason given in insert(); made once.
const QString &placeholder(int r, int c)
{
    static const QList<QString> names = [] {
        QList<QString> n;
        for (int row = 0; row < kMaxRows; ++row)
            for (const char *col : {":i", ":c", ":a", ":t", ":n"})
                n.append(QLatin1String(col) + QString::number(row));
        return n;
    }();
    return names[r * 5 + c];
}

std::string insertManySql(int rows)
{
    std::string sql = "INSERT INTO messages (id, channel_id, author_id, content, nonce) VALUES ";
    for (int r = 0; r < rows; ++r) {
        const std::string n = std::to_string(r);
        sql += (r ? ", (:i" : "(:i") + n + ", :c" + n + ", :a" + n + ", :t" + n + ", :n" + n + ")";
    }
    // RETURNING (SQLite 3.35+) tells which rows went in; the others met their nonce.
    return sql + " ON CONFLICT (author_id, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING id";
}

//! The message stored earlier under this one's (author, nonce).
Result<StoredMessage> stored(SqlConnection &s, const Message &message);

//! insert() of a reply: its target must be a message of the same channel, read here so that the
//! reply carries it.
Result<StoredMessage> insertReply(SqlConnection &s, Message message);

} // namespace

Result<StoredMessage> insert(SqlConnection &s, const Message &message)
{
    if (message.replyToId)
        return insertReply(s, message);
    // One statement on the common path: a repeated (author, nonce) is turned away by the unique
    // index instead of being looked up before every insert; only then is the stored one read.
    // So the job stays a single write (WriteQueue::Writes::One) and needs no savepoint.
    // Named placeholders: QSqlResult formats a name for every positional bind (QString::arg),
    // which cost more than the rest of the binding on this path.
    QSqlQuery &q = s.prepared("INSERT INTO messages (id, channel_id, author_id, content, nonce) "
                              "VALUES (:id, :channel, :author, :content, :nonce) "
                              "ON CONFLICT (author_id, nonce) WHERE nonce IS NOT NULL DO NOTHING");
    q.bindValue(QStringLiteral(":id"), qint64(message.id));
    q.bindValue(QStringLiteral(":channel"), qint64(message.channelId));
    q.bindValue(QStringLiteral(":author"), qint64(message.author.id));
    q.bindValue(QStringLiteral(":content"), message.content);
    q.bindValue(QStringLiteral(":nonce"), message.nonce.isEmpty() ? QVariant() : QVariant(message.nonce));
    if (!s.exec(q, "insert message")) {
        // The channel may have been deleted between authorisation and this write; anything
        // else is a storage failure the client may retry. PostgreSQL names the broken key (its
        // transaction takes no other query now); SQLite's stays usable, so it is asked.
        bool exists = false;
        if (s.isPostgres()) {
            exists = !s.lastErrorIsForeignKey();
        } else {
            QSqlQuery &c = s.prepared("SELECT 1 FROM channels WHERE id = ?");
            c.bindValue(0, qint64(message.channelId));
            exists = s.exec(c, "channel exists") && c.next();
            c.finish();
        }
        return exists ? storageError() : Error::notFound(QStringLiteral("unknown channel"));
    }
    if (q.numRowsAffected() > 0)
        return StoredMessage{message, false};
    return stored(s, message);
}

Result<QList<StoredMessage>> insertMany(SqlConnection &s, const QList<Message> &messages)
{
    QList<StoredMessage> out;
    out.reserve(messages.size());
    for (qsizetype start = 0; start < messages.size();) {
        if (messages[start].replyToId) { // rare: alone, with its target read first
            auto r = insertReply(s, messages[start]);
            if (!r)
                return r.error();
            out.append(r.value());
            ++start;
            continue;
        }
        // A statement's rows: no (author, nonce) twice, so a resend in the same batch meets its
        // original already stored, as when sent one by one. A reply ends the statement.
        QSet<QPair<Id, QString>> nonces;
        qsizetype end = start;
        for (; end < messages.size() && end - start < kMaxRows; ++end) {
            const Message &m = messages[end];
            if (m.replyToId)
                break;
            if (m.nonce.isEmpty())
                continue;
            const QPair<Id, QString> key{m.author.id, m.nonce};
            if (nonces.contains(key))
                break;
            nonces.insert(key);
        }
        const int rows = int(end - start);
        QSqlQuery &q = s.prepared(insertManySql(rows));
        for (int r = 0; r < rows; ++r) {
            const Message &m = messages[start + r];
            q.bindValue(placeholder(r, 0), qint64(m.id));
            q.bindValue(placeholder(r, 1), qint64(m.channelId));
            q.bindValue(placeholder(r, 2), qint64(m.author.id));
            q.bindValue(placeholder(r, 3), m.content);
            q.bindValue(placeholder(r, 4), m.nonce.isEmpty() ? QVariant() : QVariant(m.nonce));
        }
        if (!s.exec(q, "insert messages"))
            return storageError(); // the caller runs them one by one, which tells why
        QSet<Id> inserted;
        while (q.next())
            inserted.insert(Id(q.value(0).toLongLong()));
        q.finish();
        for (qsizetype i = start; i < end; ++i) {
            if (inserted.contains(messages[i].id)) {
                out.append(StoredMessage{messages[i], false});
            } else if (auto dup = stored(s, messages[i])) {
                out.append(dup.value());
            } else {
                return dup.error();
            }
        }
        start = end;
    }
    return out;
}

namespace {

Result<StoredMessage> stored(SqlConnection &s, const Message &message)
{
    QSqlQuery &dup = s.prepared("SELECT " KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM "WHERE m.author_id = ? AND m.nonce = ?");
    dup.bindValue(0, qint64(message.author.id));
    dup.bindValue(1, message.nonce);
    if (!s.exec(dup, "find nonce"))
        return storageError();
    if (!dup.next()) {
        dup.finish();
        qCWarning(lcStore) << "message" << message.id << "neither inserted nor found by its nonce";
        return storageError();
    }
    StoredMessage out{fromRow(dup), true};
    dup.finish();
    return out;
}

} // namespace

namespace {

Result<StoredMessage> insertReply(SqlConnection &s, Message message)
{
    QSqlQuery &t = s.prepared("SELECT channel_id, author_id, content FROM messages WHERE id = ?");
    t.bindValue(0, qint64(message.replyToId));
    if (!s.exec(t, "find reply target"))
        return storageError();
    const bool found = t.next() && Id(t.value(0).toLongLong()) == message.channelId;
    if (found)
        message.replyTo = MessageRef{message.replyToId, User{.id = Id(t.value(1).toLongLong())}, t.value(2).toString()};
    t.finish();
    if (!found) {
        // A resend whose target went meanwhile is still the message stored the first time.
        if (!message.nonce.isEmpty()) {
            QSqlQuery &n = s.prepared("SELECT 1 FROM messages WHERE author_id = ? AND nonce = ?");
            n.bindValue(0, qint64(message.author.id));
            n.bindValue(1, message.nonce);
            if (!s.exec(n, "find nonce of reply"))
                return storageError();
            const bool resend = n.next();
            n.finish();
            if (resend)
                return stored(s, message);
        }
        return Error::notFound(QStringLiteral("unknown message to reply to"));
    }
    QSqlQuery &q = s.prepared("INSERT INTO messages (id, channel_id, author_id, content, nonce, reply_to_id) "
                              "VALUES (:id, :channel, :author, :content, :nonce, :reply) "
                              "ON CONFLICT (author_id, nonce) WHERE nonce IS NOT NULL DO NOTHING");
    q.bindValue(QStringLiteral(":id"), qint64(message.id));
    q.bindValue(QStringLiteral(":channel"), qint64(message.channelId));
    q.bindValue(QStringLiteral(":author"), qint64(message.author.id));
    q.bindValue(QStringLiteral(":content"), message.content);
    q.bindValue(QStringLiteral(":nonce"), message.nonce.isEmpty() ? QVariant() : QVariant(message.nonce));
    q.bindValue(QStringLiteral(":reply"), qint64(message.replyToId));
    if (!s.exec(q, "insert reply"))
        return storageError(); // the channel is there: its message was just read
    if (q.numRowsAffected() > 0)
        return StoredMessage{message, false};
    return stored(s, message);
}

} // namespace

Result<Message> find(SqlConnection &s, Id messageId)
{
    QSqlQuery &q = s.prepared("SELECT " KITH_MESSAGE_COLUMNS KITH_MESSAGE_FROM "WHERE m.id = ?");
    q.bindValue(0, qint64(messageId));
    if (!s.exec(q, "find message"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("unknown message"));
    Message m = fromRow(q);
    q.finish();
    return m;
}

Result<Message> edit(SqlConnection &s, Id messageId, const QString &content, qint64 nowMs)
{
    QSqlQuery &q = s.prepared("UPDATE messages SET content = ?, edited_at = ? WHERE id = ?");
    q.bindValue(0, content);
    q.bindValue(1, nowMs);
    q.bindValue(2, qint64(messageId));
    if (!s.exec(q, "edit message"))
        return storageError();
    return find(s, messageId);
}

Result<Done> remove(SqlConnection &s, Id messageId)
{
    QSqlQuery &q = s.prepared("DELETE FROM messages WHERE id = ?");
    q.bindValue(0, qint64(messageId));
    if (!s.exec(q, "delete message"))
        return storageError();
    return Done{};
}

Result<QHash<Id, Id>> lastIds(SqlConnection &s)
{
    // One index probe per channel on messages(channel_id, id), not a scan of the messages.
    QSqlQuery &q = s.prepared("SELECT c.id, (SELECT MAX(m.id) FROM messages m WHERE m.channel_id = c.id) FROM channels c");
    if (!s.exec(q, "last message ids"))
        return storageError();
    QHash<Id, Id> out;
    while (q.next())
        if (!q.value(1).isNull())
            out.insert(Id(q.value(0).toLongLong()), Id(q.value(1).toLongLong()));
    q.finish();
    return out;
}

Result<QList<Message>> history(SqlConnection &s, Id channelId, HistoryCursor cursor, Id at, int limit)
{
    QList<Message> out;
    switch (cursor) {
    case HistoryCursor::Latest:
        if (!page(s, kOlderOrAt, "history latest", channelId, Id(INT64_MAX), limit, &out))
            return storageError();
        break;
    case HistoryCursor::Before:
        if (!page(s, kOlder, "history before", channelId, at, limit, &out))
            return storageError();
        break;
    case HistoryCursor::After:
        if (!page(s, kNewer, "history after", channelId, at, limit, &out))
            return storageError();
        std::reverse(out.begin(), out.end());
        break;
    case HistoryCursor::Around: {
        QList<Message> older, newer;
        if (!page(s, kOlderOrAt, "history around older", channelId, at, limit, &older)
            || !page(s, kNewer, "history around newer", channelId, at, limit, &newer))
            return storageError();
        // About half on each side; a short side leaves its room to the other.
        qsizetype nNew = std::min<qsizetype>(newer.size(), limit / 2);
        const qsizetype nOld = std::min<qsizetype>(older.size(), limit - nNew);
        nNew = std::min<qsizetype>(newer.size(), limit - nOld);
        for (qsizetype i = nNew - 1; i >= 0; --i)
            out.append(newer[i]);
        out.append(older.mid(0, nOld));
        break;
    }
    }
    return out;
}

} // namespace kith::server::MessageTable

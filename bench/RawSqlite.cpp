#include "RawSqlite.h"

#include "Clock.h"
#include "shared/Snowflake.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>
#include <sqlite3.h>

namespace kith::bench {

namespace {
std::atomic<int> g_connections{0};
}

RawSqlite::RawSqlite(const QString &path, bool applySchema, bool syncFull)
    : m_name(QStringLiteral("bench-raw-%1").arg(g_connections++))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    // The same pragmas as server/store/SqlStore.cpp.
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL"))
             && exec(QStringLiteral("PRAGMA synchronous=") + (syncFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL")))
             && exec(QStringLiteral("PRAGMA foreign_keys=ON"))
             && exec(QStringLiteral("PRAGMA cache_size=-16000"));
    if (m_open && applySchema) {
        for (const QString &statement : schemaStatements()) {
            if (!exec(statement)) {
                m_open = false;
                break;
            }
        }
    }
}

RawSqlite::~RawSqlite()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool RawSqlite::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (q.exec(sql))
        return true;
    m_error = sql.left(60) + QStringLiteral(": ") + q.lastError().text();
    return false;
}

QStringList RawSqlite::schemaStatements()
{
    QStringList files = QDir(QStringLiteral(":/schema")).entryList({QStringLiteral("*.sql")},
                                                                   QDir::Files, QDir::Name);
    QStringList out;
    static const QRegularExpression comment(QStringLiteral("--[^\n]*"));
    for (const QString &name : files) {
        QFile f(QStringLiteral(":/schema/") + name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(f.readAll());
        text.remove(comment);
        // As the server's migrate(): a trigger's body has semicolons of its own.
        QString pending;
        for (const QString &s : text.split(u';')) {
            pending += s + u';';
            if (!sqlite3_complete(pending.toUtf8().constData()))
                continue;
            pending.chop(1);
            if (!pending.trimmed().isEmpty())
                out << pending.trimmed();
            pending.clear();
        }
    }
    return out;
}

bool RawSqlite::addChannel(qint64 userId, qint64 guildId, qint64 channelId)
{
    return exec(QStringLiteral("INSERT INTO users (id, username, username_key, display_name, "
                               "password_hash, created_at) VALUES (%1, 'raw', 'raw', 'raw', '', 0)")
                    .arg(userId))
           && exec(QStringLiteral("INSERT INTO guilds (id, name, owner_id) VALUES (%1, 'raw', %2)")
                       .arg(guildId)
                       .arg(userId))
           && exec(QStringLiteral("INSERT INTO channels (id, guild_id, name, position) "
                                  "VALUES (%1, %2, 'general', 0)")
                       .arg(channelId)
                       .arg(guildId));
}

double RawSqlite::insertMessages(qint64 channelId, qint64 authorId, qint64 rows, int batch,
                                 qint64 firstMs, int contentChars, const QString &noncePrefix,
                                 QList<qint64> *idsOut, const std::function<QString(qint64)> &content)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    QSqlQuery q(db);
    // The INSERT of server/store/MessageTable.cpp (the server binds by name, which is cheaper in
    // QtSql; the statement SQLite runs is the same).
    if (!q.prepare(QStringLiteral("INSERT INTO messages (id, channel_id, author_id, content, nonce) "
                                  "VALUES (?, ?, ?, ?, ?) "
                                  "ON CONFLICT (author_id, nonce) WHERE nonce IS NOT NULL DO NOTHING"))) {
        m_error = q.lastError().text();
        return -1;
    }
    const QString pad(qMax(0, contentChars - 24), u'x');
    const qint64 t0 = nowNs();
    const qint64 perTx = batch > 0 ? batch : rows;
    for (qint64 i = 0; i < rows;) {
        if (!db.transaction()) {
            m_error = db.lastError().text();
            return -1;
        }
        for (qint64 end = qMin(rows, i + perTx); i < end; ++i) {
            const qint64 id = qint64(snowflake::fromTimestampMs(firstMs + i));
            q.bindValue(0, id);
            q.bindValue(1, channelId);
            q.bindValue(2, authorId);
            q.bindValue(3, content ? content(i) : QStringLiteral("raw message %1 ").arg(i) + pad);
            q.bindValue(4, noncePrefix + QString::number(i));
            if (!q.exec()) {
                m_error = q.lastError().text();
                db.rollback();
                return -1;
            }
            if (idsOut)
                idsOut->append(id);
        }
        if (!db.commit()) {
            m_error = db.lastError().text();
            return -1;
        }
    }
    return double(nowNs() - t0) / 1e9;
}

} // namespace kith::bench

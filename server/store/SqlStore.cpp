#include "SqlStore.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>

namespace kith::server {

namespace {

struct Migration {
    int version;
    QString path;
};

QList<Migration> sqliteMigrations()
{
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/kith/migrations/sqlite"));
    static const QRegularExpression re(QStringLiteral("^(\\d+)_.*\\.sql$"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = re.match(name);
        if (m.hasMatch())
            out.append({m.captured(1).toInt(), dir.filePath(name)});
    }
    return out;
}

// Splits a migration into statements; the files contain no semicolons inside literals.
QStringList statements(const QString &sql)
{
    QStringList out;
    QString clean;
    for (const QString &line : sql.split(u'\n')) {
        const qsizetype dash = line.indexOf(QLatin1String("--"));
        clean += (dash >= 0 ? line.left(dash) : line) + u'\n';
    }
    for (const QString &s : clean.split(u';')) {
        if (!s.trimmed().isEmpty())
            out.append(s.trimmed());
    }
    return out;
}

} // namespace

SqlStore::SqlStore(QString connectionName)
    : m_name(std::move(connectionName))
{
}

SqlStore::~SqlStore()
{
    close();
}

QSqlDatabase SqlStore::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqlStore::open(const QString &path, bool syncFull, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery mode(db);
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()
        || mode.value(0).toString() != u"wal") {
        *error = QStringLiteral("cannot use %1: not a writable SQLite database (%2)")
                     .arg(path, mode.lastError().text());
        return false;
    }
    mode.finish(); // an active statement would make the migration's COMMIT fail
    const QString sync = syncFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (!execRaw(QStringLiteral("PRAGMA synchronous=") + sync, "pragma synchronous")
        || !execRaw(QStringLiteral("PRAGMA foreign_keys=ON"), "pragma foreign_keys")
        || !execRaw(QStringLiteral("PRAGMA busy_timeout=5000"), "pragma busy_timeout")
        || !execRaw(QStringLiteral("PRAGMA cache_size=-16000"), "pragma cache_size")) {
        *error = QStringLiteral("cannot configure database %1: %2").arg(path, m_lastError);
        return false;
    }
    return migrate(error);
}

bool SqlStore::openReader(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open() || !execRaw(QStringLiteral("PRAGMA query_only=1"), "pragma query_only")
        || !execRaw(QStringLiteral("PRAGMA busy_timeout=5000"), "pragma busy_timeout")
        || !execRaw(QStringLiteral("PRAGMA cache_size=-8000"), "pragma cache_size")) {
        *error = QStringLiteral("cannot open database %1 for reading: %2").arg(path, db.lastError().text());
        return false;
    }
    return true;
}

void SqlStore::close()
{
    m_prepared.clear();
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
}

QSqlQuery &SqlStore::prepared(const char *sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery q(database());
        q.setForwardOnly(true);
        if (!q.prepare(QString::fromUtf8(sql)))
            qCCritical(lcStore) << "prepare failed:" << sql << q.lastError().text();
        it = m_prepared.insert(sql, q);
    }
    return *it;
}

bool SqlStore::exec(QSqlQuery &query, const char *name)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    qCWarning(lcStore) << "query" << name << "failed:" << m_lastError;
    return false;
}

Result<Done> SqlStore::run(QSqlQuery &query, const char *name)
{
    if (!exec(query, name))
        return storageError();
    return Done{};
}

bool SqlStore::execRaw(const QString &sql, const char *name)
{
    QSqlQuery q(database());
    if (q.exec(sql))
        return true;
    m_lastError = q.lastError().text();
    qCWarning(lcStore) << "statement" << name << "failed:" << m_lastError;
    return false;
}

// Prepared once: these run for every job and every batch.
bool SqlStore::begin() { return exec(prepared("BEGIN IMMEDIATE"), "begin"); }
bool SqlStore::commit() { return exec(prepared("COMMIT"), "commit"); }
void SqlStore::rollback() { exec(prepared("ROLLBACK"), "rollback"); }
bool SqlStore::savepoint() { return exec(prepared("SAVEPOINT job"), "savepoint"); }
void SqlStore::releaseSavepoint() { exec(prepared("RELEASE job"), "release"); }
void SqlStore::rollbackToSavepoint()
{
    exec(prepared("ROLLBACK TO job"), "rollback to");
    releaseSavepoint();
}

bool SqlStore::inTransaction()
{
    // No API for it through QtSql: a BEGIN succeeds only outside a transaction (then it is
    // taken back). A BEGIN failing for any other reason also says the transaction is gone.
    QSqlQuery &probe = prepared("BEGIN");
    if (probe.exec()) {
        probe.finish();
        execRaw(QStringLiteral("ROLLBACK"), "probe rollback");
        return false;
    }
    return probe.lastError().databaseText().contains(QLatin1String("within a transaction"));
}

int SqlStore::knownSchemaVersion()
{
    const auto all = sqliteMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int SqlStore::schemaVersion()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool SqlStore::migrate(QString *error)
{
    if (!execRaw(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
                 "schema_version")) {
        *error = QStringLiteral("cannot create schema_version: %1").arg(m_lastError);
        return false;
    }
    const int current = schemaVersion();
    const int known = knownSchemaVersion();
    if (current > known) {
        *error = QStringLiteral("database schema version %1 is newer than this kith-server "
                                "understands (%2); run a newer kith-server")
                     .arg(current)
                     .arg(known);
        return false;
    }
    for (const Migration &m : sqliteMigrations()) {
        if (m.version <= current)
            continue;
        QFile f(m.path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("missing migration %1").arg(m.path);
            return false;
        }
        const QString sql = QString::fromUtf8(f.readAll());
        if (!begin()) {
            *error = QStringLiteral("cannot start migration %1: %2").arg(m.version).arg(m_lastError);
            return false;
        }
        bool ok = true;
        for (const QString &stmt : statements(sql)) {
            if (!execRaw(stmt, "migration")) {
                ok = false;
                break;
            }
        }
        QSqlQuery v(database());
        if (ok) {
            ok = v.exec(QStringLiteral("DELETE FROM schema_version"));
            ok = ok && v.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
            v.addBindValue(m.version);
            ok = ok && v.exec();
        }
        if (!ok || !commit()) {
            rollback();
            *error = QStringLiteral("migration %1 failed: %2").arg(m.version).arg(m_lastError);
            return false;
        }
        qCInfo(lcStore) << "database migrated to schema version" << m.version;
    }
    return true;
}

} // namespace kith::server

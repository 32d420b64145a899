#include "SqlConnection.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <QLibrary>
#include <libpq-fe.h> // types only; the functions come from LibPq
#include <sqlite3.h>

namespace kith::server {

namespace {

struct Migration {
    int version;
    QString path;
};

QList<Migration> migrations(bool postgres)
{
    QList<Migration> out;
    const QDir dir(postgres ? QStringLiteral(":/kith/migrations/postgres") : QStringLiteral(":/kith/migrations/sqlite"));
    static const QRegularExpression re(QStringLiteral("^(\\d+)_.*\\.sql$"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = re.match(name);
        if (m.hasMatch())
            out.append({m.captured(1).toInt(), dir.filePath(name)});
    }
    return out;
}

// Splits a migration into statements; the files contain no semicolons inside literals. A
// trigger's body holds semicolons of its own: pieces are joined until SQLite calls the text a
// complete statement (its parser knows CREATE TRIGGER ... BEGIN ... END).
QStringList statements(const QString &sql)
{
    QStringList out;
    QString clean;
    for (const QString &line : sql.split(u'\n')) {
        const qsizetype dash = line.indexOf(QLatin1String("--"));
        clean += (dash >= 0 ? line.left(dash) : line) + u'\n';
    }
    QString pending;
    for (const QString &s : clean.split(u';')) {
        pending += s + u';';
        if (!sqlite3_complete(pending.toUtf8().constData()))
            continue;
        pending.chop(1);
        if (!pending.trimmed().isEmpty())
            out.append(pending.trimmed());
        pending.clear();
    }
    if (!pending.chopped(1).trimmed().isEmpty())
        out.append(pending.chopped(1).trimmed());
    return out;
}

template <class Handle>
Handle *driverHandle(const QSqlDatabase &db, const char *typeName)
{
    // The type names are the drivers' own: QSQLITE's "sqlite3*", QPSQL's "pg_conn*" (libpq's struct).
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), typeName) != 0)
        return nullptr;
    return *static_cast<Handle *const *>(v.constData());
}

// libpq, taken from the process once QPSQL has loaded it, not linked: a linked libpq (with
// GnuTLS, LDAP and SASL behind it) costs every process ~2.7 MB of memory, the desktop app's
// embedded server included, which never speaks to PostgreSQL.
struct LibPq {
    using Status = ConnStatusType (*)(const PGconn *);
    using TransactionStatus = PGTransactionStatusType (*)(const PGconn *);
    Status status = nullptr;
    TransactionStatus transactionStatus = nullptr;

    static const LibPq &get()
    {
        static const LibPq pq = [] {
            LibPq out;
            const std::pair<const char *, int> names[] = {{"pq", 5}, {"libpq", -1}, {"pq", -1}};
            for (const auto &[name, version] : names) {
                QLibrary lib(QString::fromLatin1(name), version);
                out.status = reinterpret_cast<Status>(lib.resolve("PQstatus"));
                out.transactionStatus = reinterpret_cast<TransactionStatus>(lib.resolve("PQtransactionStatus"));
                if (out.status && out.transactionStatus)
                    return out; // never unloaded: QPSQL holds it too
            }
            qCWarning(lcStore) << "libpq not found in the process: a lost PostgreSQL connection is noticed only by its errors";
            return LibPq{};
        }();
        return pq;
    }
};

// Two nodes starting at once on one PostgreSQL migrate one after the other.
constexpr const char *kMigrationLock = "SELECT pg_advisory_lock(74200001)";
constexpr const char *kMigrationUnlock = "SELECT pg_advisory_unlock(74200001)";

} // namespace

SqlConnection::SqlConnection(QString connectionName)
    : m_name(std::move(connectionName))
{
}

SqlConnection::~SqlConnection()
{
    close();
}

QSqlDatabase SqlConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqlConnection::openDriver(const DatabaseUrl &url, QString *error)
{
    m_postgres = url.isPostgres();
    QSqlDatabase db = QSqlDatabase::addDatabase(url.driverName(), m_name);
    if (!db.isValid()) {
        *error = QStringLiteral("cannot use %1: the Qt SQL driver %2 is not installed")
                     .arg(url.display(), m_postgres ? QStringLiteral("QPSQL (Debian: libqt6sql6-psql)")
                                                    : QStringLiteral("QSQLITE (Debian: libqt6sql6-sqlite)"));
        return false;
    }
    url.applyTo(db);
    if (!db.open()) {
        // libpq's text spans lines; a start error is one line.
        const QSqlError e = db.lastError();
        *error = QStringLiteral("cannot open database %1: %2")
                     .arg(url.display(), (e.databaseText().isEmpty() ? e.text() : e.databaseText()).simplified());
        return false;
    }
    return true;
}

bool SqlConnection::open(const DatabaseUrl &url, bool syncFull, QString *error)
{
    if (!openDriver(url, error))
        return false;
    if (m_postgres) {
        // Notices (e.g. "relation already exists, skipping") would only fill the log.
        if (!execRaw(QStringLiteral("SET client_min_messages = warning"), "client_min_messages")) {
            *error = QStringLiteral("cannot configure database %1: %2").arg(url.display(), m_lastError);
            return false;
        }
        return migrate(error);
    }
    QSqlQuery mode(database());
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()
        || mode.value(0).toString() != u"wal") {
        *error = QStringLiteral("cannot use %1: not a writable SQLite database (%2)")
                     .arg(url.display(), mode.lastError().text());
        return false;
    }
    mode.finish(); // an active statement would make the migration's COMMIT fail
    const QString sync = syncFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (!execRaw(QStringLiteral("PRAGMA synchronous=") + sync, "pragma synchronous")
        || !execRaw(QStringLiteral("PRAGMA foreign_keys=ON"), "pragma foreign_keys")
        || !execRaw(QStringLiteral("PRAGMA busy_timeout=5000"), "pragma busy_timeout")
        || !execRaw(QStringLiteral("PRAGMA cache_size=-16000"), "pragma cache_size")) {
        *error = QStringLiteral("cannot configure database %1: %2").arg(url.display(), m_lastError);
        return false;
    }
    return migrate(error);
}

bool SqlConnection::openReader(const DatabaseUrl &url, QString *error)
{
    if (!openDriver(url, error))
        return false;
    // PostgreSQL: a search whose words all fold away would otherwise print a NOTICE.
    const bool ok = m_postgres
        ? execRaw(QStringLiteral("SET default_transaction_read_only = on"), "read only")
              && execRaw(QStringLiteral("SET client_min_messages = warning"), "client_min_messages")
        : execRaw(QStringLiteral("PRAGMA query_only=1"), "pragma query_only")
              && execRaw(QStringLiteral("PRAGMA busy_timeout=5000"), "pragma busy_timeout")
              && execRaw(QStringLiteral("PRAGMA cache_size=-8000"), "pragma cache_size");
    if (!ok) {
        *error = QStringLiteral("cannot open database %1 for reading: %2").arg(url.display(), m_lastError);
        return false;
    }
    return true;
}

bool SqlConnection::isConnected()
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return false;
    if (!m_postgres)
        return true;
    PGconn *conn = driverHandle<PGconn>(db, "pg_conn*");
    const LibPq &pq = LibPq::get();
    return conn && (!pq.status || pq.status(conn) == CONNECTION_OK);
}

void SqlConnection::close()
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

QSqlQuery &SqlConnection::prepared(std::string_view sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery q(database());
        q.setForwardOnly(true);
        if (!q.prepare(QString::fromUtf8(sql.data(), qsizetype(sql.size()))))
            qCCritical(lcStore) << "prepare failed:" << sql.data() << q.lastError().text();
        it = m_prepared.emplace(std::string(sql), q).first;
    }
    return it->second;
}

bool SqlConnection::exec(QSqlQuery &query, const char *name)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    m_lastErrorCode = query.lastError().nativeErrorCode();
    if (m_errorCounter)
        m_errorCounter->fetchAndAddRelaxed(1);
    qCWarning(lcStore) << "query" << name << "failed:" << m_lastError;
    return false;
}

Result<Done> SqlConnection::run(QSqlQuery &query, const char *name)
{
    if (!exec(query, name))
        return storageError();
    return Done{};
}

bool SqlConnection::execRaw(const QString &sql, const char *name)
{
    QSqlQuery q(database());
    if (q.exec(sql))
        return true;
    m_lastError = q.lastError().text();
    m_lastErrorCode = q.lastError().nativeErrorCode();
    if (m_errorCounter)
        m_errorCounter->fetchAndAddRelaxed(1);
    qCWarning(lcStore) << "statement" << name << "failed:" << m_lastError;
    return false;
}

bool SqlConnection::control(std::string_view sql, const char *name)
{
    // SQLite: prepared once, these run for every batch. PostgreSQL cannot PREPARE transaction
    // control, so there they go as simple queries.
    if (m_postgres)
        return execRaw(QString::fromLatin1(sql.data(), qsizetype(sql.size())), name);
    return exec(prepared(sql), name);
}

bool SqlConnection::begin() { return control(m_postgres ? "BEGIN" : "BEGIN IMMEDIATE", "begin"); }
bool SqlConnection::commit() { return control("COMMIT", "commit"); }
void SqlConnection::rollback() { control("ROLLBACK", "rollback"); }
bool SqlConnection::savepoint() { return control("SAVEPOINT job", "savepoint"); }
void SqlConnection::releaseSavepoint() { control("RELEASE SAVEPOINT job", "release"); }
void SqlConnection::rollbackToSavepoint()
{
    control("ROLLBACK TO SAVEPOINT job", "rollback to");
    releaseSavepoint();
}

bool SqlConnection::inTransaction()
{
    const QSqlDatabase db = database();
    if (m_postgres) {
        PGconn *conn = driverHandle<PGconn>(db, "pg_conn*");
        const LibPq &pq = LibPq::get();
        // Unknown: say yes, so a failed job rolls back to its savepoint rather than assume.
        return conn && (!pq.transactionStatus || pq.transactionStatus(conn) == PQTRANS_INTRANS);
    }
    sqlite3 *handle = driverHandle<sqlite3>(db, "sqlite3*");
    return handle && sqlite3_get_autocommit(handle) == 0;
}

int SqlConnection::knownSchemaVersion()
{
    const auto all = migrations(false);
    return all.isEmpty() ? 0 : all.last().version;
}

int SqlConnection::schemaVersion()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool SqlConnection::migrate(QString *error)
{
    if (m_postgres && !execRaw(QString::fromLatin1(kMigrationLock), "migration lock")) {
        *error = QStringLiteral("cannot lock the schema for migration: %1").arg(m_lastError);
        return false;
    }
    const bool ok = [&] {
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
        for (const Migration &m : migrations(m_postgres)) {
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
            bool applied = true;
            for (const QString &stmt : statements(sql)) {
                if (!execRaw(stmt, "migration")) {
                    applied = false;
                    break;
                }
            }
            if (applied) {
                QSqlQuery v(database());
                applied = v.exec(QStringLiteral("DELETE FROM schema_version"))
                    && v.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
                if (applied) {
                    v.addBindValue(m.version);
                    applied = v.exec();
                }
                if (!applied) // the write's own error, not an earlier statement's
                    m_lastError = QStringLiteral("schema_version: ") + v.lastError().text();
            }
            if (!applied || !commit()) {
                const QString reason = m_lastError;
                rollback();
                *error = QStringLiteral("migration %1 failed: %2").arg(m.version).arg(reason);
                return false;
            }
            qCInfo(lcStore) << "database migrated to schema version" << m.version;
        }
        return true;
    }();
    if (m_postgres)
        execRaw(QString::fromLatin1(kMigrationUnlock), "migration unlock");
    return ok;
}

} // namespace kith::server

#pragma once
//! One QtSql connection, SQLite or PostgreSQL, with the project's single SQL error path and the
//! few places where the two dialects differ. Lives on one thread.

#include "shared/Result.h"
#include "store/DatabaseUrl.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <string>
#include <string_view>
#include <unordered_map>

//! PostgreSQL SQL for "now" in milliseconds since the epoch, on the database's clock (nodes'
//! clocks may disagree).
#define KITH_PG_NOW_MS "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT"

namespace kith::server {

//! What a failed statement becomes for the client: retryable, details stay in the log.
inline Error storageError()
{
    return Error::unavailable(QStringLiteral("storage failure, try again"));
}

class SqlConnection
{
public:
    explicit SqlConnection(QString connectionName);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    //! Opens the database and runs pending migrations (SQLite: WAL, synchronous per `syncFull`).
    bool open(const DatabaseUrl &db, bool syncFull, QString *error);
    //! Connects without touching the schema or the session's settings (the cluster bus).
    bool connect(const DatabaseUrl &db, QString *error) { return openDriver(db, error); }
    //! Opens an already migrated database for reading only.
    bool openReader(const DatabaseUrl &db, QString *error);
    void close();

    bool isPostgres() const { return m_postgres; }
    //! Whether the server behind the connection still answers (PostgreSQL: the socket is up).
    bool isConnected();

    //! A prepared query for this statement text, reused across calls.
    QSqlQuery &prepared(std::string_view sql);
    //! Runs a prepared query; on failure logs the query's name and error. The one error path.
    bool exec(QSqlQuery &query, const char *name);
    //! exec() as a Result: a failed statement is `unavailable` for the client.
    Result<Done> run(QSqlQuery &query, const char *name);
    //! Runs a one-off statement without parameters (pragmas, transactions, migrations).
    bool execRaw(const QString &sql, const char *name);

    bool begin();
    bool commit();
    void rollback();
    bool savepoint();
    void releaseSavepoint();
    void rollbackToSavepoint();
    //! Whether a transaction is open and usable, as the driver's library says. After an I/O
    //! error or a full disk SQLite may roll the whole transaction back by itself; a failed
    //! statement outside a savepoint leaves a PostgreSQL transaction aborted.
    bool inTransaction();
    //! PostgreSQL takes back nothing of a failed statement by itself: every job needs its savepoint.
    bool statementsRollBackAlone() const { return !m_postgres; }

    QString lastError() const { return m_lastError; }
    //! Whether the last failed statement broke a foreign key (PostgreSQL's SQLSTATE 23503), read
    //! from the error because an aborted PostgreSQL transaction answers no further query.
    bool lastErrorIsForeignKey() const { return m_lastErrorCode == QLatin1String("23503"); }
    //! Every failed statement also adds one to *counter (read by other threads for metrics).
    void setErrorCounter(QAtomicInteger<qint64> *counter) { m_errorCounter = counter; }
    QSqlDatabase database() const;

    //! Highest migration this binary ships.
    static int knownSchemaVersion();
    int schemaVersion();

private:
    struct TextHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    bool openDriver(const DatabaseUrl &db, QString *error);
    bool migrate(QString *error);
    bool control(std::string_view sql, const char *name);

    QString m_name;
    bool m_postgres = false;
    std::unordered_map<std::string, QSqlQuery, TextHash, std::equal_to<>> m_prepared;
    QString m_lastError;
    QString m_lastErrorCode; //!< the driver's native code of m_lastError
    QAtomicInteger<qint64> *m_errorCounter = nullptr;
};

} // namespace kith::server

#pragma once
//! One QtSql connection with the project's single SQL error path. Lives on one thread.

#include "core/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace kith::server {

//! What a failed statement becomes for the client: retryable, details stay in the log.
inline Error storageError()
{
    return Error::unavailable(QStringLiteral("storage failure, try again"));
}

class SqlStore
{
public:
    explicit SqlStore(QString connectionName);
    ~SqlStore();
    SqlStore(const SqlStore &) = delete;
    SqlStore &operator=(const SqlStore &) = delete;

    //! Opens the SQLite file, sets WAL and runs pending migrations.
    bool open(const QString &path, bool syncFull, QString *error);
    //! Opens an already migrated database for reading only.
    bool openReader(const QString &path, QString *error);
    void close();

    //! A prepared query for this statement text, reused across calls (statements are static).
    QSqlQuery &prepared(const char *sql);
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
    //! Whether a transaction is still open. After an I/O error, a full disk or lack of memory
    //! SQLite may have rolled the whole transaction back by itself.
    bool inTransaction();

    QString lastError() const { return m_lastError; }
    QSqlDatabase database() const;

    //! Highest migration this binary ships.
    static int knownSchemaVersion();
    int schemaVersion();

private:
    bool migrate(QString *error);

    QString m_name;
    QHash<const char *, QSqlQuery> m_prepared;
    QString m_lastError;
};

} // namespace kith::server

#pragma once
//! Where the data lives: a SQLite file (the default, in the data folder) or a PostgreSQL
//! database named by a `postgresql://user:pass@host:port/dbname?opt=val` URL.

#include <QString>
#include <optional>

class QSqlDatabase;

namespace kith::server {

struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path;              //!< SQLite: the absolute file
    QString host;              //!< PostgreSQL from here on
    int port = 5432;
    QString name;
    QString user;
    QString password;
    QString options;           //!< libpq connection options, "key=value;key=value"

    bool isPostgres() const { return kind == Kind::Postgres; }
    //! The QtSql driver's name, and the connection's parameters set on `db`.
    QString driverName() const;
    void applyTo(QSqlDatabase &db) const;
    //! For logs and messages: the file, or the URL without its password.
    QString display() const;

    //! `url` empty or `sqlite:FILE` (relative to `dataDir`) is SQLite; `postgresql://` and
    //! `postgres://` are PostgreSQL. Anything else is refused with a reason.
    static std::optional<DatabaseUrl> parse(const QString &url, const QString &dataDir, QString *error);
    static bool isPostgresUrl(const QString &url);
};

} // namespace kith::server

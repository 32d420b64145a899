#pragma once
//! Where a subcommand finds a database, as the user names it: a PostgreSQL URL, a data folder
//! (its SQLite file kith.db), or a SQLite file itself (a backup). A data folder is locked for as
//! long as the command works on it, with the lock a running server holds.

#include "store/DatabaseUrl.h"

#include <QString>
#include <memory>
#include <optional>

namespace kith::server {
class FolderLock;
class SqlConnection;
} // namespace kith::server

namespace kith::server::tools {

class DataLocation
{
public:
    //! `text`: postgresql://… or postgres://…, an existing file (SQLite), or a folder (existing or not).
    static std::optional<DataLocation> parse(const QString &text, QString *error);

    DataLocation(DataLocation &&) noexcept;
    DataLocation &operator=(DataLocation &&) noexcept;
    ~DataLocation();

    bool isPostgres() const { return m_url.isPostgres(); }
    const DatabaseUrl &url() const { return m_url; }
    //! The data folder; empty for PostgreSQL and for a SQLite file named directly.
    QString folder() const { return m_folder; }
    //! For messages: the folder, the file or the URL without its password.
    QString display() const;
    //! Whether two locations name the same database.
    bool sameDatabase(const DataLocation &other) const;
    //! SQLite: whether the file exists. PostgreSQL: true (the server says when connecting).
    bool exists() const;

    //! Takes the data folder's lock, creating the folder when `create`; nothing for PostgreSQL or
    //! a file. A folder a running server holds is refused (FolderLock::inUseMessage).
    //! Returns nothing on success, else the exit code after reporting why.
    std::optional<int> lock(bool create);

    //! Whether `db` is a Kith database this binary understands: its schema version, else the
    //! exit code (kRefused) after saying why (no schema_version table, or a newer schema).
    static std::optional<int> checkKith(SqlConnection &db, const QString &display, int *version);
    //! For PostgreSQL: refuses (kRefused) a database a live kith-server node holds a lease in,
    //! so nothing is copied from or into a database that is being written.
    static std::optional<int> refuseIfServed(SqlConnection &db, const QString &display);

private:
    DataLocation() = default;
    DatabaseUrl m_url;
    QString m_folder;
    std::unique_ptr<FolderLock> m_lock;
};

//! A connection name no other connection in the process uses.
QString connectionName(const char *role);

} // namespace kith::server::tools

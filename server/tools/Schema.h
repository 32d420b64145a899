#pragma once
//! The tables of a database as the database itself describes them (SQLite's catalogue,
//! PostgreSQL's pg_catalog): columns and their kinds, primary keys, foreign keys, sequences.
//! Read at run time, so a table or column a later migration adds is seen without code changes.

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace kith::server::tools {

struct Column {
    //! What a value must become to fit the column, whatever the other database gave.
    enum class Kind { Integer, Real, Text, Blob, Boolean, Other };
    QString name;
    Kind kind = Kind::Other;
    bool serial = false; //!< PostgreSQL: filled from a sequence (serial or identity)
};

struct Table {
    QString name;
    QList<Column> columns; //!< writable columns in declaration order (no generated ones)
    QStringList primaryKey; //!< in key order; empty when none
    bool hasRowid = false; //!< SQLite: an ordinary table with the implicit rowid
    QStringList references; //!< tables its foreign keys point to (itself included if so)

    const Column *column(const QString &name) const;
};

class Schema
{
public:
    //! Reads every ordinary table of `db` (SQLite: not its own sqlite_* tables nor virtual
    //! tables and their shadow tables; PostgreSQL: the current schema).
    static std::optional<Schema> read(const QSqlDatabase &db, bool postgres, QString *error);

    const QList<Table> &tables() const { return m_tables; }
    const Table *table(const QString &name) const;
    //! Names in an order where every table comes after the tables it references (cycles, which
    //! the Kith schema has none of, are broken arbitrarily).
    QStringList dependencyOrder() const;

private:
    QList<Table> m_tables;
};

//! `name` quoted as an SQL identifier (both dialects).
QString quoted(const QString &name);

} // namespace kith::server::tools

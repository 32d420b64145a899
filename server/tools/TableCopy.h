#pragma once
//! Copies every table of one Kith database into another, SQLite or PostgreSQL either side,
//! driven by what the two schemas say (Schema): tables in foreign-key order, columns by name,
//! values made to fit the target's column kinds, keyset-paged reads, batched prepared inserts,
//! all in one transaction on the target that commits only when the row counts agree.

#include "Schema.h"

#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace kith::server {
class SqlConnection;
}

namespace kith::server::tools {

class TableCopy
{
public:
    //! Both connections open on databases migrated to the same schema version.
    TableCopy(SqlConnection &source, SqlConnection &target);

    //! Per-installation runtime state that is never copied: the schema version (each side has
    //! its own), PostgreSQL node leases and bus messages, SQLite's search index mark.
    static bool isRuntimeTable(const QString &name);
    //! Rows in every table of `db` except the runtime ones (0 for a database with no tables).
    static std::optional<qint64> dataRows(SqlConnection &db, QString *error);

    struct Count {
        QString table;
        qint64 source = 0;
        qint64 target = 0;
    };
    //! Copies everything; `replace` first deletes what the target's tables hold. True when the
    //! target committed with every count equal; `counts` has each table's counts either way
    //! (when they differ the target is rolled back).
    bool run(bool replace, QList<Count> *counts, QString *error);
    //! What run() left out because only the source has it (a dialect's own table or column).
    const QStringList &notes() const { return m_notes; }

private:
    struct Plan {
        QString table;
        QStringList sourceKey; //!< columns to page the source by (empty: one read)
        QStringList sourceColumns; //!< read from the source ...
        QStringList targetColumns; //!< ... written to these target columns
        QList<Column::Kind> kinds; //!< target kinds, parallel to targetColumns
    };
    //! (table, column) of the target filled from sequences (PostgreSQL), set past the copied rows.
    using Serial = std::pair<QString, QString>;
    bool plan(QList<Plan> *plans, QList<Serial> *serials, QString *error);
    bool copy(const Plan &plan, QString *error);
    bool count(SqlConnection &db, const QString &table, qint64 *rows, QString *error);
    //! The target's search index starts empty, to be filled by its server.
    bool restartSearchIndex(QString *error);

    SqlConnection &m_source;
    SqlConnection &m_target;
    QStringList m_notes;
};

//! `value` as a value of `kind` (NULL stays NULL): integers from booleans and back, text,
//! bytes; what the two drivers hand out differs, what is stored must not.
QVariant fitValue(const QVariant &value, Column::Kind kind);

} // namespace kith::server::tools

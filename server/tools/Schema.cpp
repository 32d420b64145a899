#include "Schema.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace kith::server::tools {

namespace {

// SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1), plus BOOL for clarity.
Column::Kind sqliteKind(const QString &declared)
{
    const QString t = declared.toUpper();
    if (t.contains(QLatin1String("INT")))
        return Column::Kind::Integer;
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB"))
        || t.contains(QLatin1String("TEXT")))
        return Column::Kind::Text;
    if (t.contains(QLatin1String("BLOB")))
        return Column::Kind::Blob;
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA"))
        || t.contains(QLatin1String("DOUB")))
        return Column::Kind::Real;
    if (t.contains(QLatin1String("BOOL")))
        return Column::Kind::Boolean;
    return Column::Kind::Other;
}

Column::Kind postgresKind(const QString &type)
{
    static const QSet<QString> integers{QStringLiteral("int2"), QStringLiteral("int4"),
                                        QStringLiteral("int8")};
    static const QSet<QString> reals{QStringLiteral("float4"), QStringLiteral("float8"),
                                     QStringLiteral("numeric")};
    static const QSet<QString> texts{QStringLiteral("text"), QStringLiteral("varchar"),
                                     QStringLiteral("bpchar"), QStringLiteral("name")};
    if (integers.contains(type))
        return Column::Kind::Integer;
    if (reals.contains(type))
        return Column::Kind::Real;
    if (texts.contains(type))
        return Column::Kind::Text;
    if (type == u"bytea")
        return Column::Kind::Blob;
    if (type == u"bool")
        return Column::Kind::Boolean;
    return Column::Kind::Other;
}

bool fail(const QSqlQuery &q, const char *what, QString *error)
{
    *error = QStringLiteral("cannot read the schema (%1): %2").arg(QLatin1String(what), q.lastError().text());
    return false;
}

bool readSqlite(const QSqlDatabase &db, QList<Table> &out, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")))
        return fail(q, "tables", error);
    QList<std::pair<QString, QString>> found;
    QStringList virtualTables;
    static const QRegularExpression virtualRe(QStringLiteral("^\\s*CREATE\\s+VIRTUAL\\s+TABLE"),
                                              QRegularExpression::CaseInsensitiveOption);
    while (q.next()) {
        const QString name = q.value(0).toString();
        const QString sql = q.value(1).toString();
        if (virtualRe.match(sql).hasMatch())
            virtualTables.append(name);
        else
            found.append({name, sql});
    }
    static const QRegularExpression withoutRowid(QStringLiteral("WITHOUT\\s+ROWID\\s*$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    for (const auto &[name, sql] : std::as_const(found)) {
        // A virtual table (full-text search) keeps its data in shadow tables named after it;
        // they are the virtual table's business, not data to copy.
        const bool shadow = std::any_of(virtualTables.cbegin(), virtualTables.cend(),
                                        [&](const QString &v) { return name.startsWith(v + u'_'); });
        if (shadow)
            continue;
        Table t;
        t.name = name;
        t.hasRowid = !withoutRowid.match(sql.trimmed()).hasMatch();
        QSqlQuery cols(db);
        cols.prepare(QStringLiteral("SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid"));
        cols.addBindValue(name);
        if (!cols.exec())
            return fail(cols, "columns", error);
        QList<std::pair<int, QString>> key;
        while (cols.next()) {
            if (cols.value(3).toInt() != 0) // hidden or generated: not written
                continue;
            const QString column = cols.value(0).toString();
            t.columns.append({column, sqliteKind(cols.value(1).toString()), false});
            if (cols.value(2).toInt() > 0)
                key.append({cols.value(2).toInt(), column});
        }
        std::sort(key.begin(), key.end());
        for (const auto &k : std::as_const(key))
            t.primaryKey.append(k.second);
        QSqlQuery fks(db);
        fks.prepare(QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"));
        fks.addBindValue(name);
        if (!fks.exec())
            return fail(fks, "foreign keys", error);
        while (fks.next())
            t.references.append(fks.value(0).toString());
        out.append(t);
    }
    return true;
}

bool readPostgres(const QSqlDatabase &db, QList<Table> &out, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.oid")))
        return fail(q, "tables", error);
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    for (const QString &name : std::as_const(names)) {
        Table t;
        t.name = name;
        QSqlQuery cols(db);
        cols.prepare(QStringLiteral(
            "SELECT a.attname, ty.typname, a.attgenerated <> '', "
            "       pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type ty ON ty.oid = a.atttypid "
            "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attnum"));
        cols.addBindValue(name);
        if (!cols.exec())
            return fail(cols, "columns", error);
        while (cols.next()) {
            if (cols.value(2).toBool()) // generated: computed by the database
                continue;
            t.columns.append(
                {cols.value(0).toString(), postgresKind(cols.value(1).toString()), cols.value(3).toBool()});
        }
        QSqlQuery key(db);
        key.prepare(QStringLiteral("SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                                   "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) "
                                   "WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ? "
                                   "ORDER BY array_position(i.indkey::int2[], a.attnum)"));
        key.addBindValue(name);
        if (!key.exec())
            return fail(key, "primary keys", error);
        while (key.next())
            t.primaryKey.append(key.value(0).toString());
        QSqlQuery fks(db);
        fks.prepare(QStringLiteral(
            "SELECT DISTINCT p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
            "JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ?"));
        fks.addBindValue(name);
        if (!fks.exec())
            return fail(fks, "foreign keys", error);
        while (fks.next())
            t.references.append(fks.value(0).toString());
        out.append(t);
    }
    return true;
}

} // namespace

const Column *Table::column(const QString &name) const
{
    for (const Column &c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

std::optional<Schema> Schema::read(const QSqlDatabase &db, bool postgres, QString *error)
{
    Schema s;
    if (!(postgres ? readPostgres(db, s.m_tables, error) : readSqlite(db, s.m_tables, error)))
        return std::nullopt;
    return s;
}

const Table *Schema::table(const QString &name) const
{
    for (const Table &t : m_tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

QStringList Schema::dependencyOrder() const
{
    QStringList order;
    QSet<QString> placed;
    QList<const Table *> left;
    for (const Table &t : m_tables)
        left.append(&t);
    while (!left.isEmpty()) {
        bool progress = false;
        for (auto it = left.begin(); it != left.end();) {
            const Table *t = *it;
            const bool ready =
                std::all_of(t->references.cbegin(), t->references.cend(), [&](const QString &r) {
                    return r == t->name || placed.contains(r) || !table(r);
                });
            if (ready) {
                order.append(t->name);
                placed.insert(t->name);
                it = left.erase(it);
                progress = true;
            } else {
                ++it;
            }
        }
        if (!progress) { // a cycle: take the first one left
            order.append(left.first()->name);
            placed.insert(left.first()->name);
            left.removeFirst();
        }
    }
    return order;
}

QString quoted(const QString &name)
{
    QString out = name;
    out.replace(u'"', QLatin1String("\"\""));
    return u'"' + out + u'"';
}

} // namespace kith::server::tools

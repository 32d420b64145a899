#include "TableCopy.h"

#include "store/SqlConnection.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace kith::server::tools {

namespace {

// Rows read per page of the source: bounded memory whatever the driver buffers.
constexpr int kPageRows = 2000;
// Parameters per INSERT stay under SQLite's oldest limit (999).
constexpr int kMaxParameters = 900;
constexpr int kMaxRowsPerInsert = 100;

QString columnList(const QStringList &names)
{
    QStringList q;
    for (const QString &n : names)
        q.append(n == u"rowid" ? n : quoted(n));
    return q.join(QLatin1String(", "));
}

QString placeholders(int n)
{
    QStringList marks(n, QStringLiteral("?"));
    return u'(' + marks.join(QLatin1String(", ")) + u')';
}

bool failed(const QSqlQuery &q, const QString &what, QString *error)
{
    *error = QStringLiteral("%1: %2").arg(what, q.lastError().text());
    return false;
}

} // namespace

QVariant fitValue(const QVariant &value, Column::Kind kind)
{
    if (value.isNull())
        return QVariant();
    switch (kind) {
    case Column::Kind::Integer:
        return value.toLongLong();
    case Column::Kind::Boolean:
        return value.toBool();
    case Column::Kind::Real:
        return value.toDouble();
    case Column::Kind::Text: {
        const QString s = value.toString();
        // An empty value is not NULL: the drivers bind a null QString as NULL.
        return s.isNull() ? QString(QLatin1String("")) : s;
    }
    case Column::Kind::Blob: {
        const QByteArray b = value.toByteArray();
        return b.isNull() ? QByteArray("", 0) : b;
    }
    case Column::Kind::Other:
        break;
    }
    return value;
}

TableCopy::TableCopy(SqlConnection &source, SqlConnection &target)
    : m_source(source)
    , m_target(target)
{ }

bool TableCopy::isRuntimeTable(const QString &name)
{
    return name == u"schema_version" || name == u"nodes" || name == u"bus_events" || name == u"search_mark";
}

std::optional<qint64> TableCopy::dataRows(SqlConnection &db, QString *error)
{
    const auto schema = Schema::read(db.database(), db.isPostgres(), error);
    if (!schema)
        return std::nullopt;
    qint64 total = 0;
    for (const Table &t : schema->tables()) {
        if (isRuntimeTable(t.name))
            continue;
        QSqlQuery q(db.database());
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + quoted(t.name)) || !q.next()) {
            failed(q, QStringLiteral("cannot count the rows of %1").arg(t.name), error);
            return std::nullopt;
        }
        total += q.value(0).toLongLong();
    }
    return total;
}

bool TableCopy::plan(QList<Plan> *plans, QList<Serial> *serials, QString *error)
{
    const auto from = Schema::read(m_source.database(), m_source.isPostgres(), error);
    if (!from)
        return false;
    const auto to = Schema::read(m_target.database(), m_target.isPostgres(), error);
    if (!to)
        return false;
    // Both sides are at one schema version: what only one side has is that dialect's own
    // (derived data such as a search index), made again by the target's database.
    const QString sourceKind =
        m_source.isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    for (const Table &s : from->tables()) {
        if (!isRuntimeTable(s.name) && !to->table(s.name))
            m_notes.append(QStringLiteral("table %1 exists only in the source (%2); not copied")
                               .arg(s.name, sourceKind));
    }
    for (const QString &name : to->dependencyOrder()) {
        if (isRuntimeTable(name))
            continue;
        const Table &t = *to->table(name);
        const Table *s = from->table(name);
        if (!s)
            continue; // nothing to copy; its count is 0 on both sides
        Plan p;
        p.table = name;
        // SQLite's implicit rowid and PostgreSQL's declared "rowid" column (which the schema
        // gives where the order of insertion matters, as SQLite's rowid keeps it) are one thing.
        const bool sourceRowid = !m_source.isPostgres() && s->hasRowid && !s->column(QStringLiteral("rowid"));
        const bool targetRowid = !m_target.isPostgres() && t.hasRowid && !t.column(QStringLiteral("rowid"));
        for (const Column &c : t.columns) {
            if (s->column(c.name) || (c.name == u"rowid" && sourceRowid)) {
                p.sourceColumns.append(c.name);
                p.targetColumns.append(c.name);
                p.kinds.append(c.kind);
            }
            if (c.serial)
                serials->append({name, c.name});
        }
        for (const Column &c : s->columns) {
            if (t.column(c.name))
                continue;
            if (c.name == u"rowid" && targetRowid) {
                p.sourceColumns.append(c.name);
                p.targetColumns.append(c.name);
                p.kinds.append(Column::Kind::Integer);
                continue;
            }
            m_notes.append(QStringLiteral("column %1.%2 exists only in the source (%3); not copied")
                               .arg(name, c.name, sourceKind));
        }
        if (sourceRowid)
            p.sourceKey = QStringList{QStringLiteral("rowid")};
        else
            p.sourceKey = s->primaryKey;
        plans->append(p);
    }
    return true;
}

bool TableCopy::copy(const Plan &p, QString *error)
{
    const int n = int(p.targetColumns.size());
    if (n == 0)
        return true;
    const int perInsert = qBound(1, kMaxParameters / n, kMaxRowsPerInsert);
    const QString insert =
        QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quoted(p.table), columnList(p.targetColumns));
    QSqlQuery one(m_target.database());
    QSqlQuery many(m_target.database());
    if (!one.prepare(insert + placeholders(n)))
        return failed(one, QStringLiteral("cannot prepare the insert into %1").arg(p.table), error);
    QStringList rows(perInsert, placeholders(n));
    if (perInsert > 1 && !many.prepare(insert + rows.join(QLatin1String(", "))))
        return failed(many, QStringLiteral("cannot prepare the insert into %1").arg(p.table), error);

    // Keyset paging: each page starts after the last key read, in key order.
    const int k = int(p.sourceKey.size());
    const QString key = columnList(p.sourceKey);
    const QString select =
        QStringLiteral("SELECT %1%2 FROM %3")
            .arg(k ? key + QLatin1String(", ") : QString(), columnList(p.sourceColumns), quoted(p.table));
    const QString page = QStringLiteral(" ORDER BY %1 LIMIT %2").arg(key).arg(kPageRows);
    QSqlQuery first(m_source.database());
    QSqlQuery next(m_source.database());
    first.setForwardOnly(true);
    next.setForwardOnly(true);
    if (!first.prepare(k ? select + page : select))
        return failed(first, QStringLiteral("cannot prepare the read of %1").arg(p.table), error);
    if (k && !next.prepare(select + QStringLiteral(" WHERE (%1) > %2").arg(key, placeholders(k)) + page))
        return failed(next, QStringLiteral("cannot prepare the read of %1").arg(p.table), error);

    QList<QVariantList> pending;
    const auto write = [&](QSqlQuery &q, qsizetype rowCount) {
        int i = 0;
        for (qsizetype r = 0; r < rowCount; ++r)
            for (const QVariant &v : std::as_const(pending[r]))
                q.bindValue(i++, v);
        if (!q.exec())
            return failed(q, QStringLiteral("cannot write to %1").arg(p.table), error);
        pending.remove(0, rowCount);
        return true;
    };
    QVariantList lastKey;
    for (bool firstPage = true;; firstPage = false) {
        QSqlQuery &read = firstPage ? first : next;
        for (int i = 0; i < lastKey.size(); ++i)
            read.bindValue(i, lastKey[i]);
        if (!read.exec())
            return failed(read, QStringLiteral("cannot read %1").arg(p.table), error);
        int got = 0;
        while (read.next()) {
            ++got;
            QVariantList row;
            row.reserve(n);
            for (int c = 0; c < n; ++c)
                row.append(fitValue(read.value(k + c), p.kinds[c]));
            pending.append(std::move(row));
            if (k) {
                lastKey.clear();
                for (int c = 0; c < k; ++c)
                    lastKey.append(read.value(c));
            }
            if (perInsert > 1 && pending.size() == perInsert && !write(many, perInsert))
                return false;
        }
        if (read.lastError().isValid())
            return failed(read, QStringLiteral("cannot read %1").arg(p.table), error);
        read.finish();
        if (!k || got < kPageRows)
            break;
    }
    while (!pending.isEmpty())
        if (!write(one, 1))
            return false;
    return true;
}

bool TableCopy::count(SqlConnection &db, const QString &table, qint64 *rows, QString *error)
{
    QSqlQuery q(db.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + quoted(table)) || !q.next())
        return failed(q, QStringLiteral("cannot count the rows of %1").arg(table), error);
    *rows = q.value(0).toLongLong();
    q.finish();
    return true;
}

bool TableCopy::restartSearchIndex(QString *error)
{
    // SQLite's index holds the messages up to its mark (migrations/sqlite/008_search.sql); the
    // copied ones are not in it. Emptied with the mark at 0, the target's server indexes them all.
    if (m_target.isPostgres())
        return true;
    QSqlQuery q(m_target.database());
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_mark'")))
        return failed(q, QStringLiteral("cannot read the target's schema"), error);
    if (!q.next())
        return true;
    q.finish();
    if (!q.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')"))
        || !q.exec(QStringLiteral("UPDATE search_mark SET message_id = 0")))
        return failed(q, QStringLiteral("cannot empty the target's search index"), error);
    return true;
}

bool TableCopy::run(bool replace, QList<Count> *counts, QString *error)
{
    QList<Plan> plans;
    QList<Serial> serials;
    if (!plan(&plans, &serials, error))
        return false;
    // One snapshot of the source for every table; a PostgreSQL source could still be written.
    if (!m_source.execRaw(m_source.isPostgres()
                              ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                              : QStringLiteral("BEGIN"),
                          "source snapshot")) {
        *error = QStringLiteral("cannot read the source: %1").arg(m_source.lastError());
        return false;
    }
    const auto endSource =
        qScopeGuard([this] { m_source.execRaw(QStringLiteral("ROLLBACK"), "source snapshot end"); });
    if (!m_target.begin()) {
        *error = QStringLiteral("cannot write the target: %1").arg(m_target.lastError());
        return false;
    }
    bool ok = true;
    if (replace) {
        for (auto it = plans.crbegin(); ok && it != plans.crend(); ++it) {
            QSqlQuery del(m_target.database());
            if (!del.exec(QStringLiteral("DELETE FROM ") + quoted(it->table)))
                ok = failed(del, QStringLiteral("cannot empty %1 in the target").arg(it->table), error);
        }
    }
    for (const Plan &p : std::as_const(plans)) {
        if (!ok || !(ok = copy(p, error)))
            break;
    }
    if (ok)
        ok = restartSearchIndex(error);
    for (const auto &[table, column] : std::as_const(serials)) {
        if (!ok)
            break;
        // The next id the database makes follows the copied ones.
        QSqlQuery q(m_target.database());
        q.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(%1) FROM "
                                 "%2), 0) + 1, false)")
                      .arg(quoted(column), quoted(table)));
        q.addBindValue(quoted(table));
        q.addBindValue(column);
        if (!q.exec())
            ok = failed(q, QStringLiteral("cannot set the sequence of %1.%2").arg(table, column), error);
        q.finish();
    }
    bool equal = true;
    for (const Plan &p : std::as_const(plans)) {
        if (!ok)
            break;
        Count c{p.table};
        ok = count(m_source, p.table, &c.source, error) && count(m_target, p.table, &c.target, error);
        equal = equal && c.source == c.target;
        counts->append(c);
    }
    if (ok && !equal)
        *error = QStringLiteral("the row counts of the target differ from the source's; nothing was kept");
    if (!ok || !equal) {
        m_target.rollback();
        return false;
    }
    if (!m_target.commit()) {
        *error = QStringLiteral("cannot commit the target: %1").arg(m_target.lastError());
        m_target.rollback();
        return false;
    }
    return true;
}

} // namespace kith::server::tools

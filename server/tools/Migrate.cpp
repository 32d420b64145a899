#include "Migrate.h"

#include "Cli.h"
#include "DataLocation.h"
#include "TableCopy.h"
#include "store/SqlConnection.h"

namespace kith::server::tools {

namespace {

const QString kCommand = QStringLiteral("migrate");

//! Opens the source as it is, bringing it to this binary's schema first if it is older (as a
//! server start would). Nothing or the exit code.
std::optional<int> openSource(DataLocation &source, SqlConnection &db)
{
    QString error;
    if (!source.exists())
        return fail(kRefused,
                    QStringLiteral("no Kith database in %1 (expected kith.db)").arg(source.display()));
    if (auto refused = source.lock(false))
        return refused;
    if (!db.connect(source.url(), &error))
        return fail(kFailed, error);
    int version = 0;
    if (auto refused = DataLocation::checkKith(db, source.display(), &version))
        return refused;
    if (auto refused = DataLocation::refuseIfServed(db, source.display()))
        return refused;
    if (version < SqlConnection::knownSchemaVersion()) {
        db.close();
        if (!db.open(source.url(), true, &error))
            return fail(kFailed, error);
    }
    return std::nullopt;
}

//! Opens (creating and migrating) the target, refusing one that holds data unless `replace`.
std::optional<int> openTarget(DataLocation &target, SqlConnection &db, bool replace)
{
    QString error;
    if (auto refused = target.lock(true))
        return refused;
    if (target.exists()) {
        if (!db.connect(target.url(), &error))
            return fail(kFailed, error);
        if (auto refused = DataLocation::refuseIfServed(db, target.display()))
            return refused;
        const auto rows = TableCopy::dataRows(db, &error);
        if (!rows)
            return fail(kFailed, QStringLiteral("%1: %2").arg(target.display(), error));
        if (*rows > 0 && !replace)
            return fail(kRefused, QStringLiteral("%1 already holds data (%2 rows); nothing was written. "
                                                 "--force replaces everything in it")
                                      .arg(target.display())
                                      .arg(*rows));
        db.close();
    }
    if (!db.open(target.url(), true, &error))
        return fail(kFailed, error);
    return std::nullopt;
}

} // namespace

int migrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Copies every user, guild, message, DM and token from one Kith database into another: from\n"
        "SQLite to PostgreSQL, back, or between two of a kind. SOURCE and TARGET are each a data\n"
        "folder (its SQLite file kith.db; also a SQLite file such as a backup, for SOURCE) or a\n"
        "postgresql:// URL. The target is created or brought to the current schema first, and the\n"
        "copy is one transaction: it is kept only if every table ends with as many rows as the\n"
        "source has. Stop the server first: a data folder or database in use is refused.\n"
        "Exit status: 0 copied, 1 failed (nothing kept), 2 refused or wrong usage."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("The database to copy: a data folder or a PostgreSQL URL."),
                                  QStringLiteral("SOURCE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Where to copy it: a data folder or a PostgreSQL URL."),
                                QStringLiteral("TARGET"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("Replace what the target holds (default: refuse a target that holds data)."));
    parser.addOptions({from, to, force});
    if (auto done =
            parseArguments(parser, arguments, QStringLiteral("migrate --from SOURCE --to TARGET [--force]")))
        return *done;
    if (auto missing = requireOption(parser, from, kCommand))
        return *missing;
    if (auto missing = requireOption(parser, to, kCommand))
        return *missing;

    QString error;
    auto source = DataLocation::parse(parser.value(from), &error);
    if (!source)
        return fail(kRefused, QStringLiteral("--from: ") + error);
    auto target = DataLocation::parse(parser.value(to), &error);
    if (!target)
        return fail(kRefused, QStringLiteral("--to: ") + error);
    if (source->sameDatabase(*target))
        return fail(kRefused,
                    QStringLiteral("--from and --to name the same database (%1)").arg(source->display()));

    SqlConnection sourceDb(connectionName("source"));
    if (auto stop = openSource(*source, sourceDb))
        return *stop;
    SqlConnection targetDb(connectionName("target"));
    if (auto stop = openTarget(*target, targetDb, parser.isSet(force)))
        return *stop;
    if (sourceDb.schemaVersion() != targetDb.schemaVersion())
        return fail(kFailed, QStringLiteral("schema versions differ: %1 in %2, %3 in %4")
                                 .arg(sourceDb.schemaVersion())
                                 .arg(source->display())
                                 .arg(targetDb.schemaVersion())
                                 .arg(target->display()));

    TableCopy copy(sourceDb, targetDb);
    QList<TableCopy::Count> counts;
    const bool ok = copy.run(parser.isSet(force), &counts, &error);
    for (const QString &note : copy.notes())
        fail(kOk, QStringLiteral("note: ") + note);
    for (const TableCopy::Count &c : std::as_const(counts)) {
        if (c.source == c.target)
            say(QStringLiteral("%1 %2 rows").arg(c.table).arg(c.target));
        else
            say(QStringLiteral("%1 %2 rows (the source has %3)").arg(c.table).arg(c.target).arg(c.source));
    }
    if (!ok)
        return fail(kFailed, error);
    say(QStringLiteral("migrated %1 to %2").arg(source->display(), target->display()));
    return kOk;
}

} // namespace kith::server::tools

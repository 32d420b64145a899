#include "Backup.h"

#include "Cli.h"
#include "DataLocation.h"
#include "store/SqlConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>

namespace kith::server::tools {

namespace {

const QString kCommand = QStringLiteral("backup");

int postgresRefused(const DatabaseUrl &url, const QString &file)
{
    return fail(kRefused,
                QStringLiteral("backup copies SQLite databases; back up PostgreSQL with its own tools, e.g.\n"
                               "  pg_dump --format=custom --file '%1' '%2'\n"
                               "(password from PGPASSWORD or ~/.pgpass; restore with pg_restore)")
                    .arg(file.isEmpty() ? QStringLiteral("kith.dump") : file, url.display()));
}

//! The first line of PRAGMA quick_check on `file`: "ok" for a sound database.
QString quickCheck(const QString &file, int *version)
{
    DatabaseUrl url;
    url.path = file;
    SqlConnection db(connectionName("check"));
    QString error;
    if (!db.connect(url, &error))
        return error;
    QSqlQuery q(db.database());
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        return q.lastError().text();
    const QString result = q.value(0).toString();
    q.finish();
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return q.lastError().text();
    *version = q.value(0).toInt();
    return result;
}

} // namespace

int backup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a consistent copy of a data folder's SQLite database (kith.db) to FILE, also while\n"
        "the server runs and writes: the copy is the database as it was at one moment, compacted,\n"
        "in one file. Restore it with kith-server restore. A PostgreSQL database is backed up with\n"
        "pg_dump (the command says how). Exit status: 0 written, 1 failed, 2 refused or wrong usage."));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The data folder."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The backup file to write."),
                                QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Replace FILE if it exists (default: refuse)."));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("The server's --db, if it has one: sqlite:FILE (relative to the data "
                       "folder); for postgresql:// it prints the pg_dump command to use."),
        QStringLiteral("URL"));
    parser.addOptions({data, to, force, db});
    if (auto done =
            parseArguments(parser, arguments, QStringLiteral("backup --data DIR --to FILE [--force]")))
        return *done;
    QString error;
    if (parser.isSet(db) && DatabaseUrl::isPostgresUrl(parser.value(db))) {
        const auto url = DatabaseUrl::parse(parser.value(db), QString(), &error);
        return url ? postgresRefused(*url, parser.value(to))
                   : fail(kRefused, QStringLiteral("--db: ") + error);
    }
    if (!parser.isSet(db))
        if (auto missing = requireOption(parser, data, kCommand))
            return *missing;
    if (auto missing = requireOption(parser, to, kCommand))
        return *missing;

    const QString dataDir = parser.value(data).isEmpty() ? QDir::currentPath() : parser.value(data);
    const auto url = DatabaseUrl::parse(parser.value(db), dataDir, &error);
    if (!url)
        return fail(kRefused, QStringLiteral("--db: ") + error);
    const QString source = QDir::toNativeSeparators(url->path);
    if (!QFileInfo(url->path).isFile())
        return fail(kRefused, QStringLiteral("no SQLite database at %1 (for a server on PostgreSQL, "
                                             "give its --db URL)")
                                  .arg(source));
    const QFileInfo out(parser.value(to));
    const QString file = QDir::toNativeSeparators(out.absoluteFilePath());
    if (out.isDir())
        return fail(kRefused, QStringLiteral("--to %1 is a folder: name the backup file").arg(file));
    if (out.exists() && !parser.isSet(force))
        return fail(kRefused,
                    QStringLiteral("%1 exists: nothing was written; --force replaces it").arg(file));
    if (out.exists() && out.canonicalFilePath() == QFileInfo(url->path).canonicalFilePath())
        return fail(kRefused, QStringLiteral("--to names the database itself"));
    if (!QDir().mkpath(out.absolutePath()))
        return fail(
            kFailed,
            QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(out.absolutePath())));

    // No folder lock: a running server keeps its lock, and SQLite's own locking lets this read
    // next to it (WAL: readers and the writer do not wait for each other).
    SqlConnection database(connectionName("backup"));
    if (!database.connect(*url, &error))
        return fail(kFailed, error);
    int version = 0;
    if (auto refused = DataLocation::checkKith(database, source, &version))
        return *refused;
    database.execRaw(QStringLiteral("PRAGMA busy_timeout=10000"), "busy timeout");

    // Written beside FILE under another name and renamed when complete: FILE is never half a backup.
    QTemporaryFile partial(out.absoluteFilePath() + QStringLiteral(".XXXXXX.partial"));
    if (!partial.open())
        return fail(kFailed, QStringLiteral("cannot write in %1: %2")
                                 .arg(QDir::toNativeSeparators(out.absolutePath()), partial.errorString()));
    partial.close(); // VACUUM INTO takes an empty file
    {
        // One read transaction: the copy is the database as of its start, whatever commits meanwhile.
        QSqlQuery vacuum(database.database());
        vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
        vacuum.addBindValue(partial.fileName());
        if (!vacuum.exec())
            return fail(kFailed,
                        QStringLiteral("cannot back up %1: %2").arg(source, vacuum.lastError().text()));
    }
    database.close();
    int copied = 0;
    const QString check = quickCheck(partial.fileName(), &copied);
    if (check != u"ok")
        return fail(kFailed,
                    QStringLiteral("the backup did not check out (%1); nothing was written").arg(check));
    if (out.exists() && !QFile::remove(out.absoluteFilePath()))
        return fail(kFailed, QStringLiteral("cannot replace %1").arg(file));
    if (!partial.rename(out.absoluteFilePath()))
        return fail(kFailed, QStringLiteral("cannot write %1: %2").arg(file, partial.errorString()));
    partial.setAutoRemove(false);
    say(QStringLiteral("backed up %1 to %2 (schema version %3, %4 bytes)")
            .arg(source, file)
            .arg(copied)
            .arg(QFileInfo(out.absoluteFilePath()).size()));
    return kOk;
}

} // namespace kith::server::tools

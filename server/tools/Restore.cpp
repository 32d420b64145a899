#include "Restore.h"

#include "Cli.h"
#include "DataLocation.h"
#include "store/SqlConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace kith::server::tools {

namespace {

const QString kCommand = QStringLiteral("restore");

int postgresRefused(const DatabaseUrl &url, const QString &file)
{
    return fail(kRefused,
                QStringLiteral("restore fills SQLite data folders; restore a pg_dump into an empty "
                               "PostgreSQL database with pg_restore, e.g.\n"
                               "  pg_restore --no-owner --dbname '%1' '%2'\n"
                               "(password from PGPASSWORD or ~/.pgpass). To move a SQLite backup into "
                               "PostgreSQL: kith-server migrate --from BACKUP --to URL")
                    .arg(url.display(), file.isEmpty() ? QStringLiteral("kith.dump") : file));
}

} // namespace

int restore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes a data folder from a backup that kith-server backup wrote: the folder must be new or\n"
        "empty; the backup is checked to be a Kith database first and brought to this kith-server's\n"
        "schema. A server started on the folder has everything the backup had, sign-in tokens\n"
        "included. Exit status: 0 restored, 1 failed (the folder is left as it was), 2 refused or\n"
        "wrong usage."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The backup file."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("The data folder to fill (new or empty)."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("The server's --db, if it has one: sqlite:FILE (relative to the data "
                       "folder); for postgresql:// it prints the pg_restore command to use."),
        QStringLiteral("URL"));
    parser.addOptions({from, data, db});
    if (auto done = parseArguments(parser, arguments, QStringLiteral("restore --from FILE --data DIR")))
        return *done;
    QString error;
    if (parser.isSet(db) && DatabaseUrl::isPostgresUrl(parser.value(db))) {
        const auto url = DatabaseUrl::parse(parser.value(db), QString(), &error);
        return url ? postgresRefused(*url, parser.value(from))
                   : fail(kRefused, QStringLiteral("--db: ") + error);
    }
    if (auto missing = requireOption(parser, from, kCommand))
        return *missing;
    if (auto missing = requireOption(parser, data, kCommand))
        return *missing;

    const QFileInfo backupFile(parser.value(from));
    const QString backup = QDir::toNativeSeparators(backupFile.absoluteFilePath());
    if (!backupFile.isFile())
        return fail(kRefused, QStringLiteral("no backup file %1").arg(backup));
    const QFileInfo folder(parser.value(data));
    const QString dir = QDir::toNativeSeparators(folder.absoluteFilePath());
    if (folder.exists() && !folder.isDir())
        return fail(kRefused, QStringLiteral("--data %1 is not a folder").arg(dir));
    if (folder.isDir()
        && !QDir(folder.absoluteFilePath())
                .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return fail(kRefused,
                    QStringLiteral("data folder %1 is not empty: nothing was written; restore into a new "
                                   "or empty folder")
                        .arg(dir));
    const auto target = DatabaseUrl::parse(parser.value(db), folder.absoluteFilePath(), &error);
    if (!target)
        return fail(kRefused, QStringLiteral("--db: ") + error);

    DatabaseUrl sourceUrl;
    sourceUrl.path = backupFile.absoluteFilePath();
    SqlConnection source(connectionName("backup"));
    if (!source.connect(sourceUrl, &error))
        return fail(kFailed, error);
    int version = 0;
    if (auto refused = DataLocation::checkKith(source, backup, &version))
        return *refused;

    const bool created = !folder.exists();
    auto location = DataLocation::parse(folder.absoluteFilePath(), &error);
    if (!location)
        return fail(kRefused, error);
    if (auto stop = location->lock(true))
        return *stop;
    // On any failure the folder goes back to how it was: empty, or not there.
    bool done = false;
    const auto undo = qScopeGuard([&] {
        if (done)
            return;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(target->path + QLatin1String(suffix));
        location.reset();
        if (created)
            QDir().rmdir(folder.absoluteFilePath());
    });
    if (!QDir().mkpath(QFileInfo(target->path).absolutePath()))
        return fail(kFailed, QStringLiteral("cannot create %1")
                                 .arg(QDir::toNativeSeparators(QFileInfo(target->path).absolutePath())));
    {
        // A page-by-page rewrite rather than a file copy: what the backup file holds is read
        // through SQLite, so a torn or foreign file fails here and not in the server later.
        QSqlQuery vacuum(source.database());
        vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
        vacuum.addBindValue(target->path);
        if (!vacuum.exec())
            return fail(kFailed,
                        QStringLiteral("cannot restore %1: %2").arg(backup, vacuum.lastError().text()));
    }
    source.close();
    {
        SqlConnection restored(connectionName("restored"));
        if (!restored.open(*target, true, &error)) // WAL, and the current schema
            return fail(kFailed, error);
        version = restored.schemaVersion();
    }
    done = true;
    say(QStringLiteral("restored %1 into %2 (schema version %3)").arg(backup, dir).arg(version));
    return kOk;
}

} // namespace kith::server::tools

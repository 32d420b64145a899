#include "DataLocation.h"

#include "Cli.h"
#include "platform/FolderLock.h"
#include "store/SqlConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kith::server::tools {

QString connectionName(const char *role)
{
    static int counter = 0;
    return QStringLiteral("kith-tool-%1-%2").arg(QLatin1String(role)).arg(++counter);
}

DataLocation::DataLocation(DataLocation &&) noexcept = default;
DataLocation &DataLocation::operator=(DataLocation &&) noexcept = default;
DataLocation::~DataLocation() = default;

std::optional<DataLocation> DataLocation::parse(const QString &text, QString *error)
{
    DataLocation out;
    if (DatabaseUrl::isPostgresUrl(text)) {
        auto url = DatabaseUrl::parse(text, QString(), error);
        if (!url)
            return std::nullopt;
        out.m_url = *url;
        return out;
    }
    if (text.isEmpty() || text.contains(QLatin1String("://"))) {
        *error = QStringLiteral("\"%1\" is neither a data folder nor a PostgreSQL URL "
                                "(postgresql://USER:PASSWORD@HOST:PORT/DB)")
                     .arg(text);
        return std::nullopt;
    }
    const QFileInfo info(text);
    if (info.isFile()) {
        out.m_url.path = info.absoluteFilePath();
        return out;
    }
    out.m_folder = QDir(text).absolutePath();
    out.m_url.path = QDir(out.m_folder).filePath(QStringLiteral("kith.db"));
    return out;
}

QString DataLocation::display() const
{
    if (!m_folder.isEmpty())
        return QDir::toNativeSeparators(m_folder);
    return m_url.display();
}

bool DataLocation::sameDatabase(const DataLocation &other) const
{
    if (isPostgres() != other.isPostgres())
        return false;
    if (isPostgres())
        return m_url.host == other.m_url.host && m_url.port == other.m_url.port
               && m_url.name == other.m_url.name;
    const QString a = QFileInfo(m_url.path).canonicalFilePath();
    const QString b = QFileInfo(other.m_url.path).canonicalFilePath();
    return a.isEmpty() ? m_url.path == other.m_url.path : a == b;
}

bool DataLocation::exists() const
{
    return isPostgres() || QFileInfo(m_url.path).isFile();
}

std::optional<int> DataLocation::lock(bool create)
{
    if (m_folder.isEmpty())
        return std::nullopt;
    if (create && !QDir().mkpath(m_folder))
        return fail(kFailed, QStringLiteral("cannot create data folder %1").arg(display()));
    m_lock = std::make_unique<FolderLock>(m_folder, FolderLock::serverFileName());
    qint64 holder = 0;
    switch (m_lock->tryLock(&holder)) {
    case FolderLock::Outcome::Locked:
        return std::nullopt;
    case FolderLock::Outcome::HeldByOther:
        return fail(kRefused, FolderLock::inUseMessage(m_lock->folder(), holder)
                                  + QStringLiteral(": stop the server first"));
    case FolderLock::Outcome::Error:
        break;
    }
    return fail(kFailed, QStringLiteral("cannot lock data folder %1").arg(display()));
}

std::optional<int> DataLocation::checkKith(SqlConnection &db, const QString &display, int *version)
{
    QSqlQuery q(db.database());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return fail(kRefused, QStringLiteral("%1 is not a Kith database (no schema version: %2)")
                                  .arg(display, q.lastError().text().simplified()));
    *version = q.value(0).toInt();
    q.finish();
    if (*version > SqlConnection::knownSchemaVersion())
        return fail(kRefused,
                    QStringLiteral("%1 has schema version %2, newer than this kith-server understands (%3): "
                                   "use a newer kith-server")
                        .arg(display)
                        .arg(*version)
                        .arg(SqlConnection::knownSchemaVersion()));
    return std::nullopt;
}

std::optional<int> DataLocation::refuseIfServed(SqlConnection &db, const QString &display)
{
    if (!db.isPostgres())
        return std::nullopt;
    QSqlQuery q(db.database());
    // The lease table exists from schema 4 on; an older database has no live node.
    if (!q.exec(QStringLiteral("SELECT to_regclass('nodes') IS NOT NULL")) || !q.next())
        return fail(kFailed, QStringLiteral("cannot read %1: %2").arg(display, q.lastError().text()));
    if (!q.value(0).toBool())
        return std::nullopt;
    if (!q.exec(QStringLiteral(
            "SELECT id, holder FROM nodes "
            "WHERE expires_at > (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT ORDER BY id")))
        return fail(kFailed, QStringLiteral("cannot read %1: %2").arg(display, q.lastError().text()));
    if (!q.next())
        return std::nullopt;
    return fail(kRefused,
                QStringLiteral("database %1 is in use by a running server (node %2: %3): stop it first")
                    .arg(display, q.value(0).toString(), q.value(1).toString()));
}

} // namespace kith::server::tools

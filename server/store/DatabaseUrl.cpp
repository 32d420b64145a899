#include "DatabaseUrl.h"

#include <QDir>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace kith::server {

QString DatabaseUrl::driverName() const
{
    return isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
}

void DatabaseUrl::applyTo(QSqlDatabase &db) const
{
    if (!isPostgres()) {
        db.setDatabaseName(path);
        return;
    }
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(name);
    db.setUserName(user);
    db.setPassword(password);
    db.setConnectOptions(options);
}

QString DatabaseUrl::display() const
{
    if (!isPostgres())
        return QDir::toNativeSeparators(path);
    return QStringLiteral("postgresql://%1%2:%3/%4")
        .arg(user.isEmpty() ? QString() : user + u'@', host)
        .arg(port)
        .arg(name);
}

bool DatabaseUrl::isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, const QString &dataDir, QString *error)
{
    DatabaseUrl out;
    if (text.isEmpty()) {
        out.path = QDir(dataDir).absoluteFilePath(QStringLiteral("kith.db"));
        return out;
    }
    if (text.startsWith(QLatin1String("sqlite:"))) {
        const QUrl url(text);
        const QString p = url.path().isEmpty() ? url.toString(QUrl::RemoveScheme) : url.path();
        out.path = QDir(dataDir).absoluteFilePath(p);
        return out;
    }
    if (!isPostgresUrl(text)) {
        *error = QStringLiteral("unsupported database URL \"%1\": use postgresql://USER:PASSWORD@HOST:PORT/DB, "
                                "sqlite:FILE, or leave it out for SQLite in the data folder")
                     .arg(text);
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("invalid PostgreSQL URL \"%1\": expected postgresql://USER:PASSWORD@HOST:PORT/DB")
                     .arg(QUrl(text).toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    out.kind = Kind::Postgres;
    out.host = url.host();
    out.port = url.port(5432);
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    out.name = url.path(QUrl::FullyDecoded).mid(1);
    if (out.name.isEmpty())
        out.name = out.user.isEmpty() ? QStringLiteral("kith") : out.user;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        options.append(key + u'=' + value);
    // A database that does not answer must not hold a start or a reconnect for long.
    if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=5"));
    out.options = options.join(u';');
    return out;
}

} // namespace kith::server

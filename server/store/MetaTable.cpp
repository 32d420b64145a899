#include "MetaTable.h"

#include "store/SqlConnection.h"

#include <QVariant>

namespace kith::server::MetaTable {

Result<std::optional<QString>> get(SqlConnection &s, const QString &key)
{
    QSqlQuery &q = s.prepared("SELECT value FROM server_meta WHERE key = ?");
    q.bindValue(0, key);
    if (!s.exec(q, "meta get"))
        return storageError();
    std::optional<QString> out;
    if (q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

Result<Done> set(SqlConnection &s, const QString &key, const QString &value)
{
    QSqlQuery &q = s.prepared("INSERT INTO server_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!s.exec(q, "meta set"))
        return storageError();
    return Done{};
}

} // namespace kith::server::MetaTable

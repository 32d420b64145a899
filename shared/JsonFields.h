#pragma once
//! Reads typed fields out of a request body, collecting the first error.

#include "ErrorCode.h"
#include "PermissionSet.h"
#include "Snowflake.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace kith {

class JsonFields
{
public:
    explicit JsonFields(const QJsonObject &o) : m_o(o) {}

    QString string(QLatin1String key);                         //!< required string
    std::optional<QString> optString(QLatin1String key);       //!< absent or null -> nullopt
    Id id(QLatin1String key);                                  //!< required id string
    std::optional<Id> optId(QLatin1String key);
    //! Absent -> nullopt; null -> 0 (a thing removed); else a required id string.
    std::optional<Id> nullableId(QLatin1String key);
    std::optional<qint64> optInt(QLatin1String key, qint64 min, qint64 max);
    QJsonObject object(QLatin1String key);
    std::optional<bool> optBool(QLatin1String key); //!< absent or null -> nullopt
    //! A required array of at most `max` id strings, duplicates dropped, in the order given.
    QList<Id> ids(QLatin1String key, int max);
    //! A required array of permission names.
    Permissions permissions(QLatin1String key);
    std::optional<Permissions> optPermissions(QLatin1String key);

    bool has(QLatin1String key) const;
    bool ok() const { return !m_error; }
    const Error &error() const { return *m_error; }
    void fail(const QString &message);

private:
    void failOnce(const QString &message);
    const QJsonObject &m_o;
    std::optional<Error> m_error;
};

} // namespace kith

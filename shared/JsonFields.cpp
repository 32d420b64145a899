#include "JsonFields.h"

namespace kith {

void JsonFields::failOnce(const QString &message)
{
    if (!m_error)
        m_error = Error::badRequest(message);
}

void JsonFields::fail(const QString &message)
{
    failOnce(message);
}

bool JsonFields::has(QLatin1String key) const
{
    const QJsonValue v = m_o.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonFields::string(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined() || v.isNull()) {
        failOnce(QStringLiteral("missing field \"%1\"").arg(key));
        return {};
    }
    if (!v.isString()) {
        failOnce(QStringLiteral("field \"%1\" must be a string").arg(key));
        return {};
    }
    return v.toString();
}

std::optional<QString> JsonFields::optString(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        failOnce(QStringLiteral("field \"%1\" must be a string").arg(key));
        return std::nullopt;
    }
    return v.toString();
}

Id JsonFields::id(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined() || v.isNull()) {
        failOnce(QStringLiteral("missing field \"%1\"").arg(key));
        return 0;
    }
    Id out = 0;
    if (!v.isString() || !snowflake::parse(v.toString(), &out)) {
        failOnce(QStringLiteral("field \"%1\" must be an id string").arg(key));
        return 0;
    }
    return out;
}

std::optional<Id> JsonFields::optId(QLatin1String key)
{
    if (!has(key))
        return std::nullopt;
    const Id v = id(key);
    return ok() ? std::optional<Id>(v) : std::nullopt;
}

std::optional<qint64> JsonFields::optInt(QLatin1String key, qint64 min, qint64 max)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double x = v.toDouble();
    if (!v.isDouble() || x != double(qint64(x))) {
        failOnce(QStringLiteral("field \"%1\" must be an integer").arg(key));
        return std::nullopt;
    }
    if (x < double(min) || x > double(max)) {
        failOnce(QStringLiteral("field \"%1\" must be between %2 and %3").arg(key).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(x);
}

QJsonObject JsonFields::object(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (!v.isObject()) {
        failOnce(QStringLiteral("field \"%1\" must be an object").arg(key));
        return {};
    }
    return v.toObject();
}

} // namespace kith

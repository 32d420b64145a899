#include "JsonFields.h"

#include <QJsonArray>

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

std::optional<Id> JsonFields::nullableId(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull())
        return Id(0);
    const Id out = id(key);
    return ok() ? std::optional<Id>(out) : std::nullopt;
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

std::optional<bool> JsonFields::optBool(QLatin1String key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        failOnce(QStringLiteral("field \"%1\" must be true or false").arg(key));
        return std::nullopt;
    }
    return v.toBool();
}

QList<Id> JsonFields::ids(QLatin1String key, int max)
{
    const QJsonValue v = m_o.value(key);
    if (!v.isArray()) {
        failOnce(QStringLiteral("field \"%1\" must be an array of ids").arg(key));
        return {};
    }
    const QJsonArray list = v.toArray();
    if (list.size() > max) {
        failOnce(QStringLiteral("field \"%1\" holds at most %2 ids").arg(key).arg(max));
        return {};
    }
    QList<Id> out;
    for (const QJsonValue &e : list) {
        Id id = 0;
        if (!e.isString() || !snowflake::parse(e.toString(), &id)) {
            failOnce(QStringLiteral("field \"%1\" must be an array of ids").arg(key));
            return {};
        }
        if (!out.contains(id))
            out.append(id);
    }
    return out;
}

Permissions JsonFields::permissions(QLatin1String key)
{
    Permissions out;
    QString bad;
    if (!Permissions::fromJson(m_o.value(key), &out, &bad)) {
        failOnce(m_o.value(key).isArray()
                     ? QStringLiteral("field \"%1\": unknown permission \"%2\"").arg(key, bad.left(64))
                     : QStringLiteral("field \"%1\" must be an array of permission names").arg(key));
        return {};
    }
    return out;
}

std::optional<Permissions> JsonFields::optPermissions(QLatin1String key)
{
    if (!has(key))
        return std::nullopt;
    const Permissions p = permissions(key);
    return ok() ? std::optional<Permissions>(p) : std::nullopt;
}

} // namespace kith

#include "Envelope.h"

#include "JsonWriter.h"
#include "StrictJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace kith {

namespace {

bool usableId(const QJsonValue &v)
{
    if (v.isString())
        return !v.toString().isEmpty() && v.toString().size() <= 64;
    if (v.isDouble()) {
        const double x = v.toDouble();
        return x == double(qint64(x)) && x >= 0 && x <= 9007199254740991.0;
    }
    return false;
}

} // namespace

bool parseRequest(const QByteArray &frame, Request *request, Error *error)
{
    request->id = QJsonValue(QJsonValue::Null);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = Error::badRequest(QStringLiteral("malformed JSON: %1 at offset %2")
                                       .arg(pe.errorString())
                                       .arg(pe.offset));
        return false;
    }
    if (!doc.isObject()) {
        *error = Error::badRequest(QStringLiteral("a request must be a JSON object"));
        return false;
    }
    const QJsonObject o = doc.object();
    const QJsonValue id = o.value(QLatin1String("id"));
    if (!usableId(id)) {
        *error = Error::badRequest(
            QStringLiteral("\"id\" must be a non-negative integer or a short string"));
        return false;
    }
    request->id = id;
    const QJsonValue op = o.value(QLatin1String("op"));
    if (!op.isString() || op.toString().isEmpty()) {
        *error = Error::badRequest(QStringLiteral("\"op\" must be a non-empty string"));
        return false;
    }
    request->op = op.toString();
    const QJsonValue d = o.value(QLatin1String("d"));
    if (d.isUndefined() || d.isNull()) {
        request->d = {};
    } else if (d.isObject()) {
        request->d = d.toObject();
    } else {
        *error = Error::badRequest(QStringLiteral("\"d\" must be an object"));
        return false;
    }
    // What QJsonDocument lets through but RFC 8259 does not, and what no database keeps as
    // sent (U+0000, unpaired surrogates): one rule for every string, content included.
    qsizetype members = 0;
    if (const QString why = strictjson::check(frame, &members); !why.isEmpty()) {
        *error = Error::badRequest(why);
        return false;
    }
    if (strictjson::duplicateKeys(o, members)) {
        request->id = QJsonValue(QJsonValue::Null); // which "id" was meant is unknowable
        *error = Error::badRequest(QStringLiteral("an object has the same key twice"));
        return false;
    }
    return true;
}

QByteArray encodeRequest(const QJsonValue &id, QLatin1String op, const QJsonObject &d)
{
    QJsonObject o{{QLatin1String("op"), op}, {QLatin1String("id"), id}, {QLatin1String("d"), d}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray encodeReply(const QJsonValue &re, const QJsonObject &d)
{
    // Framed by hand around the body: no outer QJsonObject holding a copy of d.
    return encodeReplyBody(re, encodeBody(d));
}

QByteArray encodeReplyBody(const QJsonValue &re, const QByteArray &body)
{
    JsonWriter w(body.size() + 48);
    w.beginObject().key(QLatin1String("re"));
    if (re.isDouble()) // parseRequest only lets integral ids through
        w.value(qint64(re.toDouble()));
    else if (re.isString())
        w.value(re.toString());
    else
        w.null();
    w.key(QLatin1String("ok")).value(true).key(QLatin1String("d")).raw(body).endObject();
    return w.take();
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject e{{QLatin1String("code"), errorCodeName(error.code)},
                  {QLatin1String("message"), error.message}};
    if (error.code == ErrorCode::RateLimited || (error.code == ErrorCode::Unavailable && error.retryAfterMs >= 0))
        e.insert(QLatin1String("retry_after_ms"), qMax<qint64>(1, error.retryAfterMs));
    return e;
}

Error errorFromJson(const QJsonObject &o)
{
    Error e;
    if (!errorCodeFromName(o.value(QLatin1String("code")).toString(), &e.code))
        e.code = ErrorCode::Internal;
    e.message = o.value(QLatin1String("message")).toString();
    e.retryAfterMs = o.value(QLatin1String("retry_after_ms")).toInteger(-1);
    return e;
}

QByteArray encodeError(const QJsonValue &re, const Error &error)
{
    QJsonObject o{{QLatin1String("re"), re},
                  {QLatin1String("ok"), false},
                  {QLatin1String("error"), errorToJson(error)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray encodeBody(const QJsonObject &d)
{
    return QJsonDocument(d).toJson(QJsonDocument::Compact);
}

QByteArray encodeEvent(QLatin1String name, qint64 seq, const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + name.size() + 40);
    out.append(R"({"ev":")").append(name.data(), name.size()).append('"');
    if (seq >= 0)
        out.append(R"(,"seq":)").append(QByteArray::number(seq));
    out.append(R"(,"d":)").append(body).append('}');
    return out;
}

QByteArray encodeEvent(const QString &name, qint64 seq, const QByteArray &body)
{
    const QByteArray n = name.toLatin1();
    return encodeEvent(QLatin1String(n), seq, body);
}

std::optional<ServerFrame> parseServerFrame(const QByteArray &frame)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    ServerFrame f;
    f.d = o.value(QLatin1String("d")).toObject();
    if (o.contains(QLatin1String("ev"))) {
        f.kind = ServerFrame::Kind::Event;
        f.ev = o.value(QLatin1String("ev")).toString();
        f.seq = o.value(QLatin1String("seq")).toInteger(-1);
        return f;
    }
    if (!o.contains(QLatin1String("re")))
        return std::nullopt;
    f.kind = ServerFrame::Kind::Reply;
    f.re = o.value(QLatin1String("re"));
    f.ok = o.value(QLatin1String("ok")).toBool();
    if (!f.ok)
        f.error = errorFromJson(o.value(QLatin1String("error")).toObject());
    return f;
}

} // namespace kith

#pragma once
//! A forward-only JSON writer for the hot path: appends compact UTF-8 straight into one buffer,
//! with no QJsonObject in between. Strings are escaped exactly as QJsonDocument::Compact does
//! (RFC 8259: `"` `\` and control characters escaped, everything else as UTF-8), so its bytes
//! are the bytes Qt would write for the same keys in the same order.

#include "shared/Snowflake.h"

#include <QByteArray>
#include <QLatin1String>
#include <QString>
#include <QStringView>

namespace kith {

struct Message;
struct User;

class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    //! An object key; the value written next belongs to it.
    JsonWriter &key(QLatin1String name);

    JsonWriter &value(QStringView s);
    JsonWriter &value(const QString &s) { return value(QStringView(s)); }
    JsonWriter &value(QLatin1String s);
    JsonWriter &value(const char *) = delete; // would silently pick value(bool)
    JsonWriter &value(qint64 n);
    JsonWriter &value(int n) { return value(qint64(n)); }
    JsonWriter &value(bool b);
    JsonWriter &null();
    //! A snowflake as the protocol sends it: a decimal string, or null for 0.
    JsonWriter &id(Id id);
    //! An ISO 8601 UTC time with ms, as kith::isoTime formats it.
    JsonWriter &isoTime(qint64 unixMs);
    //! A value already serialised as JSON (an encoded body), copied as is.
    JsonWriter &raw(QByteArrayView json);

    //! The JSON written so far; the writer is empty afterwards.
    QByteArray take();

    //! `"text"` with JSON escaping, on its own.
    static QByteArray quoted(QStringView s);

private:
    char *reserveTail(qsizetype n);
    //! Room for a value of up to n bytes, after the comma that separates it from the last one.
    char *startValue(qsizetype n);
    void commit(const char *end) { m_len = qsizetype(end - m_buf.constData()); }
    static char *latin1Into(char *out, QLatin1String s);

    QByteArray m_buf;
    qsizetype m_len = 0;
    bool m_comma = false; //!< a value was written at this level: the next one needs a ','
};

//! The body of a message event or reply, the same bytes as encodeBody(m.toJson()).
QByteArray encodeMessage(const Message &m);
void writeUser(JsonWriter &w, const User &u);
void writeMessage(JsonWriter &w, const Message &m);

} // namespace kith

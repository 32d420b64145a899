#include "JsonWriter.h"

#include "Types.h"

#include <charconv>
#include <cstring>
#include <utility>

namespace kith {

namespace {

char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10); // lower case, as Qt writes it
}

// Writes s escaped, without quotes, at out; needs at most 6 bytes per UTF-16 unit.
char *escapeInto(char *out, QStringView s)
{
    const char16_t *p = s.utf16();
    const char16_t *const end = p + s.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            *out++ = char(u);
            continue;
        }
        if (u < 0x80) {
            *out++ = '\\';
            switch (u) {
            case u'"': *out++ = '"'; break;
            case u'\\': *out++ = '\\'; break;
            case 0x08: *out++ = 'b'; break;
            case 0x0c: *out++ = 'f'; break;
            case 0x0a: *out++ = 'n'; break;
            case 0x0d: *out++ = 'r'; break;
            case 0x09: *out++ = 't'; break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hexDigit(u >> 4);
                *out++ = hexDigit(u & 0xf);
            }
            continue;
        }
        if (u < 0x800) {
            *out++ = char(0xc0 | (u >> 6));
            *out++ = char(0x80 | (u & 0x3f));
            continue;
        }
        if (QChar::isSurrogate(u)) {
            if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
                const char32_t c = QChar::surrogateToUcs4(u, *p++);
                *out++ = char(0xf0 | (c >> 18));
                *out++ = char(0x80 | ((c >> 12) & 0x3f));
                *out++ = char(0x80 | ((c >> 6) & 0x3f));
                *out++ = char(0x80 | (c & 0x3f));
                continue;
            }
            // A lone surrogate has no UTF-8 form: escape it, as Qt does.
            *out++ = '\\';
            *out++ = 'u';
            *out++ = hexDigit((u >> 12) & 0xf);
            *out++ = hexDigit((u >> 8) & 0xf);
            *out++ = hexDigit((u >> 4) & 0xf);
            *out++ = hexDigit(u & 0xf);
            continue;
        }
        *out++ = char(0xe0 | (u >> 12));
        *out++ = char(0x80 | ((u >> 6) & 0x3f));
        *out++ = char(0x80 | (u & 0x3f));
    }
    return out;
}

char *digits(char *out, qint64 v, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + v % 10);
        v /= 10;
    }
    return out + width;
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
    : m_buf(reserve, Qt::Uninitialized)
{
}

char *JsonWriter::reserveTail(qsizetype n)
{
    if (m_len + n > m_buf.size())
        m_buf.resize(qMax(m_len + n, m_buf.size() * 2));
    return m_buf.data() + m_len;
}

char *JsonWriter::startValue(qsizetype n)
{
    // One reservation per value, its separating comma included.
    char *out = reserveTail(n + 1);
    if (m_comma)
        *out++ = ',';
    m_comma = true;
    return out;
}

JsonWriter &JsonWriter::beginObject()
{
    char *out = startValue(1);
    *out++ = '{';
    commit(out);
    m_comma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    *reserveTail(1) = '}';
    ++m_len;
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    char *out = startValue(1);
    *out++ = '[';
    commit(out);
    m_comma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    *reserveTail(1) = ']';
    ++m_len;
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1String name)
{
    char *out = latin1Into(startValue(name.size() * 6 + 3), name);
    *out++ = ':';
    commit(out);
    m_comma = false; // the value follows the colon
    return *this;
}

JsonWriter &JsonWriter::value(QStringView s)
{
    char *out = startValue(s.size() * 6 + 2);
    *out++ = '"';
    out = escapeInto(out, s);
    *out++ = '"';
    commit(out);
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1String s)
{
    commit(latin1Into(startValue(s.size() * 6 + 2), s));
    return *this;
}

char *JsonWriter::latin1Into(char *out, QLatin1String s)
{
    *out++ = '"';
    const char *p = s.data();
    const char *const end = p + s.size();
    while (p != end) {
        const uchar c = uchar(*p++);
        if (c >= 0x80) { // Latin-1 above ASCII is two bytes of UTF-8
            *out++ = char(0xc0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            *out++ = char(c);
        } else {
            const char16_t u = c;
            out = escapeInto(out, QStringView(&u, 1));
        }
    }
    *out++ = '"';
    return out;
}

JsonWriter &JsonWriter::value(qint64 n)
{
    char *out = startValue(20);
    commit(std::to_chars(out, out + 20, n).ptr);
    return *this;
}

JsonWriter &JsonWriter::value(bool b)
{
    return raw(b ? QByteArrayView("true") : QByteArrayView("false"));
}

JsonWriter &JsonWriter::null()
{
    return raw(QByteArrayView("null"));
}

JsonWriter &JsonWriter::id(Id id)
{
    if (!id)
        return null();
    char *out = startValue(22);
    *out++ = '"';
    out = std::to_chars(out, out + 20, id).ptr;
    *out++ = '"';
    commit(out);
    return *this;
}

JsonWriter &JsonWriter::isoTime(qint64 unixMs)
{
    const CivilTime t = civilTime(unixMs);
    if (t.year < 0 || t.year > 9999) // outside what four digits hold: the general formatter
        return value(kith::isoTime(unixMs));
    char *out = startValue(26);
    *out++ = '"';
    out = digits(out, t.year, 4);
    *out++ = '-';
    out = digits(out, t.month, 2);
    *out++ = '-';
    out = digits(out, t.day, 2);
    *out++ = 'T';
    out = digits(out, t.hour, 2);
    *out++ = ':';
    out = digits(out, t.minute, 2);
    *out++ = ':';
    out = digits(out, t.second, 2);
    *out++ = '.';
    out = digits(out, t.ms, 3);
    *out++ = 'Z';
    *out++ = '"';
    commit(out);
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    char *out = startValue(json.size());
    std::memcpy(out, json.data(), size_t(json.size()));
    commit(out + json.size());
    return *this;
}

QByteArray JsonWriter::take()
{
    m_buf.truncate(m_len);
    m_len = 0;
    m_comma = false;
    return std::exchange(m_buf, QByteArray());
}

QByteArray JsonWriter::quoted(QStringView s)
{
    JsonWriter w(s.size() + 2);
    w.value(s);
    return w.take();
}

// Keys in the order QJsonObject keeps them (sorted), so the bytes equal Qt's own output.
void writeUser(JsonWriter &w, const User &u)
{
    w.beginObject();
    w.key(QLatin1String("avatar"));
    if (u.avatar.isEmpty())
        w.null();
    else
        w.value(u.avatar);
    w.key(QLatin1String("display_name")).value(u.displayName);
    if (u.guest)
        w.key(QLatin1String("guest")).value(true);
    w.key(QLatin1String("id")).id(u.id);
    w.key(QLatin1String("username")).value(u.username);
    w.endObject();
}

void writeMessage(JsonWriter &w, const Message &m)
{
    w.beginObject();
    w.key(QLatin1String("attachments")).beginArray();
    for (const Attachment &a : m.attachments) {
        w.beginObject();
        w.key(QLatin1String("content_type")).value(a.contentType);
        w.key(QLatin1String("filename")).value(a.filename);
        w.key(QLatin1String("height"));
        if (a.height >= 0)
            w.value(a.height);
        else
            w.null();
        w.key(QLatin1String("id")).id(a.id);
        w.key(QLatin1String("size")).value(a.size);
        w.key(QLatin1String("url")).value(a.url());
        w.key(QLatin1String("width"));
        if (a.width >= 0)
            w.value(a.width);
        else
            w.null();
        w.endObject();
    }
    w.endArray();
    w.key(QLatin1String("author"));
    writeUser(w, m.author);
    if (m.authorBlocked)
        w.key(QLatin1String("author_blocked")).value(true);
    w.key(QLatin1String("channel_id")).id(m.channelId);
    w.key(QLatin1String("content")).value(m.content);
    w.key(QLatin1String("created_at")).isoTime(snowflake::timestampMs(m.id));
    w.key(QLatin1String("edited_at"));
    if (m.editedAtMs)
        w.isoTime(m.editedAtMs);
    else
        w.null();
    w.key(QLatin1String("guild_id")).id(m.guildId);
    w.key(QLatin1String("id")).id(m.id);
    w.key(QLatin1String("nonce"));
    if (m.nonce.isEmpty())
        w.null();
    else
        w.value(m.nonce);
    // Keys in QJsonObject's (sorted) order, so the bytes equal encodeBody(m.toJson()).
    w.key(QLatin1String("reactions")).beginArray();
    for (const Reaction &r : m.reactions) {
        w.beginObject();
        w.key(QLatin1String("count")).value(r.count);
        w.key(QLatin1String("emoji")).value(r.emoji);
        w.key(QLatin1String("me")).value(r.me);
        w.endObject();
    }
    w.endArray();
    w.key(QLatin1String("reply_to"));
    if (m.replyTo) {
        w.beginObject();
        w.key(QLatin1String("author"));
        writeUser(w, m.replyTo->author);
        w.key(QLatin1String("content")).value(m.replyTo->content);
        w.key(QLatin1String("id")).id(m.replyTo->id);
        w.endObject();
    } else {
        w.null();
    }
    w.key(QLatin1String("reply_to_id")).id(m.replyToId);
    w.endObject();
}

QByteArray encodeMessage(const Message &m)
{
    JsonWriter w(m.content.size() + m.author.displayName.size() + 380);
    writeMessage(w, m);
    return w.take();
}

} // namespace kith

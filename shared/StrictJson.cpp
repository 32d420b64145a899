#include "StrictJson.h"

#include <QJsonArray>

namespace kith::strictjson {

namespace {

// SQLite reads both back as U+FFFD: refused so that what is acknowledged is what is stored.
const char kNonCharacter[] = "U+FFFE or U+FFFF in a string";

bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

int hexValue(uchar c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString at(const char *what, qsizetype offset)
{
    return QStringLiteral("%1 at offset %2").arg(QLatin1String(what)).arg(offset);
}

// number = [ minus ] int [ frac ] [ exp ] (RFC 8259 section 6); QJsonDocument also takes "1."
// and ".5". Advances *i past the number.
bool scanNumber(const uchar *p, qsizetype n, qsizetype *i)
{
    qsizetype k = *i;
    if (k < n && p[k] == '-')
        ++k;
    if (k < n && p[k] == '0') {
        ++k;
    } else if (k < n && p[k] >= '1' && p[k] <= '9') {
        while (k < n && isDigit(p[k]))
            ++k;
    } else {
        return false;
    }
    if (k < n && p[k] == '.') {
        ++k;
        if (k >= n || !isDigit(p[k]))
            return false;
        while (k < n && isDigit(p[k]))
            ++k;
    }
    if (k < n && (p[k] == 'e' || p[k] == 'E')) {
        ++k;
        if (k < n && (p[k] == '+' || p[k] == '-'))
            ++k;
        if (k >= n || !isDigit(p[k]))
            return false;
        while (k < n && isDigit(p[k]))
            ++k;
    }
    *i = k;
    return true;
}

qsizetype countMembers(const QJsonValue &v);

qsizetype countMembers(const QJsonObject &o)
{
    qsizetype n = o.size();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it->isObject() || it->isArray())
            n += countMembers(it.value());
    }
    return n;
}

qsizetype countMembers(const QJsonValue &v)
{
    if (v.isObject())
        return countMembers(v.toObject());
    qsizetype n = 0;
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a) {
            if (e.isObject() || e.isArray())
                n += countMembers(e);
        }
    }
    return n;
}

} // namespace

QString check(QByteArrayView json, qsizetype *members)
{
    *members = 0;
    const auto *p = reinterpret_cast<const uchar *>(json.data());
    const qsizetype n = json.size();
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return QStringLiteral("a byte-order mark before the JSON text is not allowed");
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c == ':') {
            // Outside strings a colon only ever separates a member's name from its value.
            ++*members;
            ++i;
        } else if (c == '-' || isDigit(c) || c == '.') {
            if (!scanNumber(p, n, &i))
                return at("a number not written as RFC 8259 says", i);
        } else if (c != '"') {
            ++i;
        } else {
            // A string. QJsonDocument has checked its UTF-8 and that it ends.
            bool high = false; // the previous escape was a high surrogate awaiting its low half
            for (++i;;) {
                if (i >= n)
                    return at("unterminated string", i);
                const uchar s = p[i];
                if (s == '\\' && i + 1 < n && p[i + 1] == 'u') {
                    int u = 0;
                    for (qsizetype k = i + 2; k < i + 6; ++k) {
                        const int h = k < n ? hexValue(p[k]) : -1;
                        if (h < 0)
                            return at("an invalid \\u escape", i);
                        u = u * 16 + h;
                    }
                    if (u == 0)
                        return QStringLiteral("strings must not contain U+0000");
                    if (u == 0xFFFE || u == 0xFFFF)
                        return at(kNonCharacter, i);
                    const bool isHigh = u >= 0xD800 && u <= 0xDBFF;
                    const bool isLow = u >= 0xDC00 && u <= 0xDFFF;
                    if (high != isLow)
                        return at("an unpaired UTF-16 surrogate escape", i);
                    high = isHigh;
                    i += 6;
                    continue;
                }
                if (high)
                    return at("an unpaired UTF-16 surrogate escape", i);
                if (s == '"') {
                    ++i;
                    break;
                }
                if (s < 0x20)
                    return at("a raw control character inside a string (escape it)", i);
                if (s == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
                    return at(kNonCharacter, i);
                if (s == '\\') {
                    const uchar e = i + 1 < n ? p[i + 1] : 0;
                    if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n'
                        && e != 'r' && e != 't')
                        return at("an escape RFC 8259 does not define", i);
                    i += 2;
                    continue;
                }
                ++i;
            }
        }
    }
    return {};
}

bool duplicateKeys(const QJsonObject &parsed, qsizetype members)
{
    return countMembers(parsed) < members;
}

} // namespace kith::strictjson

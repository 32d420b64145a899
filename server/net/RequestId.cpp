#include "RequestId.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cctype>

namespace kith::server {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Index just past the string that opens at `at` (a '"'), or -1 if it never closes.
qsizetype endOfString(QByteArrayView f, qsizetype at)
{
    for (qsizetype i = at + 1; i < f.size(); ++i) {
        if (f[i] == '\\')
            ++i;
        else if (f[i] == '"')
            return i + 1;
    }
    return -1;
}

QJsonValue usable(QByteArrayView token)
{
    const QByteArray wrapped = '[' + token.toByteArray() + ']';
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
    if (!doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Null);
    const QJsonValue v = doc.array().at(0);
    if (v.isString() && !v.toString().isEmpty() && v.toString().size() <= 64)
        return v;
    if (v.isDouble()) {
        const double x = v.toDouble();
        if (x == double(qint64(x)) && x >= 0 && x <= 9007199254740991.0)
            return v;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonValue peekRequestId(QByteArrayView f)
{
    const QJsonValue none(QJsonValue::Null);
    qsizetype i = 0;
    while (i < f.size() && isSpace(f[i]))
        ++i;
    if (i >= f.size() || f[i] != '{')
        return none;
    int depth = 0;
    QByteArrayView idToken;
    bool closed = false;
    while (i < f.size()) {
        const char c = f[i];
        if (closed) {
            if (!isSpace(c))
                return none; // something after the object
            ++i;
            continue;
        }
        if (c == '"') {
            const qsizetype end = endOfString(f, i);
            if (end < 0)
                return none;
            if (depth == 1) {
                qsizetype j = end;
                while (j < f.size() && isSpace(f[j]))
                    ++j;
                if (j < f.size() && f[j] == ':' && f.sliced(i, end - i) == QByteArrayView("\"id\"")) {
                    ++j;
                    while (j < f.size() && isSpace(f[j]))
                        ++j;
                    qsizetype k = j;
                    if (k < f.size() && f[k] == '"') {
                        k = endOfString(f, k);
                        if (k < 0)
                            return none;
                    } else {
                        while (k < f.size() && (std::isdigit(uchar(f[k])) || f[k] == '-' || f[k] == '+' || f[k] == '.'
                                                || f[k] == 'e' || f[k] == 'E'))
                            ++k;
                    }
                    idToken = f.sliced(j, k - j); // empty: a value that is not a usable id
                    i = k;
                    continue;
                }
            }
            i = end;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return none;
            if (depth == 0)
                closed = true;
        }
        ++i;
    }
    if (!closed || idToken.isEmpty())
        return none;
    return usable(idToken);
}

} // namespace kith::server

#include "HttpRequest.h"

#include <QUrl>

namespace kith::server {

bool HttpRequest::isUpgrade() const
{
    return header("upgrade").toLower().contains("websocket");
}

std::optional<HttpRequest> HttpRequest::parse(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return std::nullopt;
    const QList<QByteArray> start = lines.first().trimmed().split(' ');
    if (start.size() != 3 || !start.at(2).startsWith("HTTP/1.") || !start.at(1).startsWith('/'))
        return std::nullopt;
    HttpRequest r;
    r.method = start.at(0);
    const QByteArray target = start.at(1);
    const qsizetype q = target.indexOf('?');
    r.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    if (q >= 0)
        r.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // Repeated headers join with commas (RFC 9110 5.3); a repeated Content-Length is refused below.
        if (r.headers.contains(name)) {
            if (name == "content-length" && r.headers.value(name) != value)
                return std::nullopt;
            if (name != "content-length")
                r.headers[name] += ", " + value;
        } else {
            r.headers.insert(name, value);
        }
    }
    return r;
}

} // namespace kith::server

#pragma once
//! The head of a plain HTTP/1.1 request, as the Gateway peeked it: method, path, query, headers.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>
#include <optional>

namespace kith::server {

struct HttpRequest {
    QByteArray method;                    //!< "GET", "POST", ...
    QString path;                         //!< percent-decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased, values trimmed

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    //! Whether this head asks for a WebSocket (Upgrade: websocket).
    bool isUpgrade() const;
    //! The request line and headers up to (not including) the blank line; nullopt when malformed.
    static std::optional<HttpRequest> parse(const QByteArray &head);
};

} // namespace kith::server

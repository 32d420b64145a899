#pragma once
//! HTTP by hand on the gateway's port, for tests that check the exact status, headers and
//! bytes (no client library between the test and the server's answer).

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace kith::test {

struct HttpReply {
    int status = 0; //!< 0: no answer
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    bool closed = false; //!< the server closed the connection
    QJsonObject json() const;
    QString describe() const;
};

//! Sends `raw` (head and body as given) and reads until the server closes the connection. The
//! server may run on this thread: this waits by running the event loop.
HttpReply httpExchange(quint16 port, const QByteArray &raw);

//! A request's bytes: `Authorization: Bearer` when a token is given, `extra` header lines as given.
QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QString &token,
                       const QByteArray &body = {}, const QByteArray &extra = {}, bool withLength = true);

//! POST /api/v1/attachments as `token`: the reply (201 and the attachment's JSON on success).
HttpReply httpUpload(quint16 port, const QString &token, const QByteArray &body, const QString &filename,
                     const QByteArray &contentType = {});

} // namespace kith::test

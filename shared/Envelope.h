#pragma once
//! The frame envelope: requests, replies and events (docs/PROTOCOL.md, "Envelope").

#include "ErrorCode.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <optional>

namespace kith {

//! A client request: {"op":..., "id":..., "d":{...}}.
struct Request {
    QJsonValue id;  //!< number or string as the client sent it; Null when unusable
    QString op;
    QJsonObject d;
};

//! Parses a text frame into a request. On failure fills *error and leaves in request->id
//! whatever usable id could still be read, so the error can name the request.
bool parseRequest(const QByteArray &frame, Request *request, Error *error);

QByteArray encodeRequest(const QJsonValue &id, QLatin1String op, const QJsonObject &d);
QByteArray encodeReply(const QJsonValue &re, const QJsonObject &d);
//! A reply around a body already serialised with encodeBody (shared with an event).
QByteArray encodeReplyBody(const QJsonValue &re, const QByteArray &body);
QByteArray encodeError(const QJsonValue &re, const Error &error);
QJsonObject errorToJson(const Error &error);
Error errorFromJson(const QJsonObject &o);

//! Serialises an event body once; the bytes are then framed per session with its own seq.
QByteArray encodeBody(const QJsonObject &d);
//! {"ev":name,"seq":seq,"d":body}; seq < 0 leaves seq out (hello).
QByteArray encodeEvent(QLatin1String name, qint64 seq, const QByteArray &body);
QByteArray encodeEvent(const QString &name, qint64 seq, const QByteArray &body);

//! A frame the server sends, as a client reads it.
struct ServerFrame {
    enum class Kind { Reply, Event } kind = Kind::Reply;
    QJsonValue re;        //!< Reply: the request id (Null for frame-level errors)
    bool ok = false;      //!< Reply
    Error error;          //!< Reply with ok == false
    QString ev;           //!< Event name
    qint64 seq = -1;      //!< Event seq; -1 when absent (hello)
    QJsonObject d;
};

std::optional<ServerFrame> parseServerFrame(const QByteArray &frame);

} // namespace kith

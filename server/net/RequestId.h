#pragma once
//! The `id` of a request frame without parsing the frame: a frame refused by the rate limit is
//! still answered with its id (PROTOCOL.md 5.3), but a flood must not cost a JSON parse each.

#include <QByteArrayView>
#include <QJsonValue>

namespace kith::server {

//! The top-level "id" of a frame that holds one JSON object, when usable as parseRequest
//! accepts it (a non-negative integer up to 2^53-1, or a string of 1-64 characters); else null.
//! One pass over the bytes, no allocation unless an id is found.
QJsonValue peekRequestId(QByteArrayView frame);

} // namespace kith::server

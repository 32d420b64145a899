#pragma once
//! Server-to-client WebSocket text frames (RFC 6455 §5.2), built from the UTF-8 we already hold.
//! Unmasked (a server never masks) and uncompressed (no extension is negotiated).

#include <QByteArray>
#include <QByteArrayView>

namespace kith::server::wsframe {

//! The most header bytes one unmasked frame needs (2 + 8-byte length).
inline constexpr int kMaxHeaderBytes = 10;
//! Payload bytes per frame; a longer message is split into continuation frames at the size
//! QWebSocket uses by default, so peers get the frames they got from it before.
inline constexpr qsizetype kMaxFramePayload = 512 * 1024;

//! Writes the header of one frame carrying `length` payload bytes into `out`
//! (at least kMaxHeaderBytes long); returns its size: 2, 4 or 10.
int writeHeader(char *out, quint8 opcode, bool fin, quint64 length);

//! The whole text message as wire bytes, put together in `buffer` (grown as needed, kept by
//! the caller for the next message). The view points into `buffer`.
QByteArrayView encodeText(QByteArrayView utf8, QByteArray &buffer);

} // namespace kith::server::wsframe

#include "WsFrame.h"

#include <QtEndian>
#include <cstring>

namespace kith::server::wsframe {

int writeHeader(char *out, quint8 opcode, bool fin, quint64 length)
{
    out[0] = char((fin ? 0x80 : 0x00) | (opcode & 0x0F));
    if (length <= 125) {
        out[1] = char(length);
        return 2;
    }
    if (length <= 0xFFFF) {
        out[1] = char(126);
        qToBigEndian<quint16>(quint16(length), out + 2);
        return 4;
    }
    out[1] = char(127); // the top bit stays 0: lengths here are far below 2^63
    qToBigEndian<quint64>(length, out + 2);
    return 10;
}

QByteArrayView encodeText(QByteArrayView utf8, QByteArray &buffer)
{
    const qsizetype total = utf8.size();
    const qsizetype frames = total == 0 ? 1 : (total + kMaxFramePayload - 1) / kMaxFramePayload;
    const qsizetype room = total + frames * kMaxHeaderBytes;
    if (buffer.size() < room)
        buffer.resize(room);
    char *out = buffer.data();
    qsizetype at = 0;
    for (qsizetype i = 0; i < frames; ++i) {
        const qsizetype size = qMin(total - at, kMaxFramePayload);
        const quint8 opcode = i == 0 ? 0x1 : 0x0; // text, then continuation
        out += writeHeader(out, opcode, i == frames - 1, quint64(size));
        if (size > 0)
            std::memcpy(out, utf8.data() + at, size_t(size));
        out += size;
        at += size;
    }
    return QByteArrayView(buffer.constData(), out - buffer.constData());
}

} // namespace kith::server::wsframe

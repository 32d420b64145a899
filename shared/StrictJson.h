#pragma once
//! The parts of RFC 8259 that QJsonDocument lets through, checked on the raw bytes of a frame
//! QJsonDocument has already accepted (docs/PROTOCOL.md, "What the parser accepts").

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace kith::strictjson {

//! Checks bytes QJsonDocument parsed without error: no byte-order mark, no raw control
//! character inside a string, only the escapes RFC 8259 lists, no U+0000, U+FFFE or U+FFFF, no
//! unpaired UTF-16 surrogate escape, numbers as the RFC's grammar writes them. Counts the members of every
//! object into *members (for duplicateKeys). Returns the reason, or an empty string when valid.
QString check(QByteArrayView json, qsizetype *members);

//! True when the document parsed from those bytes holds fewer members than they spell:
//! QJsonDocument keeps only the last of duplicate keys.
bool duplicateKeys(const QJsonObject &parsed, qsizetype members);

} // namespace kith::strictjson

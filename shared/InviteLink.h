#pragma once
//! An invite that carries its host: kith://HOST:PORT/invite/CODE, with ?tls=1&fp=FINGERPRINT
//! when the host serves TLS (docs/PROTOCOL.md, "Invite links"). Also reads what people paste
//! instead: a ws:// or wss:// URL with a code, or a code alone.

#include <QString>
#include <QUrl>

namespace kith {

struct InviteLink {
    QUrl server;          //!< ws://HOST:PORT or wss://HOST:PORT; empty for a bare code
    QString code;
    QString fingerprint;  //!< SHA-256 of the host's certificate, "AB:CD:…"; empty if none given

    bool isValid() const { return !code.isEmpty(); }
    //! The kith:// form. Needs `server` and `code`.
    QString toString() const;

    //! Accepts "kith://HOST:PORT/invite/CODE[?tls=1&fp=…]", "ws(s)://HOST:PORT/invite/CODE",
    //! "ws(s)://HOST:PORT CODE" and "CODE", with spaces around. Anything else is invalid.
    static InviteLink parse(const QString &text);
    //! Whether `text` is meant as a kith:// link (an argument the app was started with).
    static bool isLink(const QString &text);
    //! Colon-separated uppercase hex, from hex with or without colons; empty if not SHA-256.
    static QString normalizeFingerprint(const QString &text);
    //! The fingerprint of a certificate given as DER: SHA-256, colon-separated uppercase hex.
    static QString fingerprintOf(const QByteArray &der);
};

} // namespace kith

#pragma once
//! The certificate and key a server serves wss:// with: files the operator gives
//! (--tls-cert/--tls-key, e.g. from Let's Encrypt), or a self-signed one made once and kept in
//! the data folder (--tls-self-signed, LAN parties), which clients pin by fingerprint.

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <optional>

namespace kith::server {

struct TlsIdentity {
    QSslCertificate certificate;
    QList<QSslCertificate> chain; //!< intermediates after the certificate, if the file had them
    QSslKey key;

    //! SHA-256 of the certificate, colon-separated uppercase hex (what clients pin).
    QString fingerprint() const;
    //! A server-side configuration: TLS 1.2 or newer, no client certificates.
    QSslConfiguration serverConfiguration() const;

    //! Loads PEM files; the key may be RSA or EC, unencrypted.
    static std::optional<TlsIdentity> fromFiles(const QString &certPath, const QString &keyPath, QString *error);
    //! Loads `<folder>/tls/cert.pem` and `key.pem`, making them first if missing (an EC P-256
    //! key, a certificate valid for ten years naming `commonName`). The key file is owner-only.
    static std::optional<TlsIdentity> selfSigned(const QString &folder, const QString &commonName, QString *error);
};

} // namespace kith::server

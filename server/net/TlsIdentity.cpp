#include "TlsIdentity.h"

#include "shared/InviteLink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace kith::server {

namespace {

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

//! A new EC P-256 key and a self-signed certificate for it, both as PEM.
bool generate(const QString &commonName, QByteArray *certPem, QByteArray *keyPem)
{
    PKey key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    Bn serial(BN_new());
    if (!key || !cert || !serial)
        return false;
    const QByteArray cn = commonName.left(64).toUtf8();
    X509_NAME *name = X509_get_subject_name(cert.get());
    bool ok = X509_set_version(cert.get(), 2) == 1
        && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24L * 3600) != nullptr
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) != nullptr
        && X509_set_pubkey(cert.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Kith"), -1, -1, 0) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                      -1, -1, 0) == 1
        && X509_set_issuer_name(cert.get(), name) == 1
        && addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        && addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        && X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    if (!ok)
        return false;
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey_traditional(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return false;
    *certPem = drain(certBio.get());
    *keyPem = drain(keyBio.get());
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    // Before the bytes are in it: a key must never be readable by others, not even briefly.
    f.setPermissions(permissions);
    return f.write(bytes) == bytes.size() && f.commit();
}

std::optional<QSslKey> readKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

bool keyMatches(const QByteArray &certPem, const QByteArray &keyPem)
{
    Bio cb(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    Bio kb(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    Cert cert(cb ? PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr) : nullptr);
    PKey key(kb ? PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr) : nullptr);
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

QString TlsIdentity::fingerprint() const
{
    return InviteLink::fingerprintOf(certificate.toDer());
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificate(certificate);
    c.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
    c.setPrivateKey(key);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

std::optional<TlsIdentity> TlsIdentity::fromFiles(const QString &certPath, const QString &keyPath, QString *error)
{
    QFile cf(certPath), kf(keyPath);
    if (!cf.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read TLS certificate %1: %2").arg(certPath, cf.errorString());
        return std::nullopt;
    }
    if (!kf.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read TLS key %1: %2").arg(keyPath, kf.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(cf.readAll(), QSsl::Pem);
    if (certs.isEmpty() || certs.first().isNull()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return std::nullopt;
    }
    const std::optional<QSslKey> key = readKey(kf.readAll());
    if (!key) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPath);
        return std::nullopt;
    }
    if (!keyMatches(certs.first().toPem(), key->toPem())) {
        *error = QStringLiteral("the key in %1 does not belong to the certificate in %2").arg(keyPath, certPath);
        return std::nullopt;
    }
    TlsIdentity id;
    id.certificate = certs.first();
    id.chain = certs.mid(1);
    id.key = *key;
    return id;
}

std::optional<TlsIdentity> TlsIdentity::selfSigned(const QString &folder, const QString &commonName, QString *error)
{
    const QString dir = QDir(folder).absoluteFilePath(QStringLiteral("tls"));
    const QString certPath = dir + QStringLiteral("/cert.pem");
    const QString keyPath = dir + QStringLiteral("/key.pem");
    if (!QFileInfo::exists(certPath) || !QFileInfo::exists(keyPath)) {
        QByteArray certPem, keyPem;
        if (!generate(commonName, &certPem, &keyPem)) {
            *error = QStringLiteral("cannot make a TLS certificate (OpenSSL failed)");
            return std::nullopt;
        }
        if (!QDir().mkpath(dir)
            || !writeFile(keyPath, keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || !writeFile(certPath, certPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                 | QFileDevice::ReadOther)) {
            *error = QStringLiteral("cannot write the TLS certificate to %1").arg(dir);
            return std::nullopt;
        }
    }
    return fromFiles(certPath, keyPath, error);
}

} // namespace kith::server

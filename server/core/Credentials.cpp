#include "Credentials.h"

#include <QAtomicInteger>

#include <sodium.h>

namespace kith::server::Credentials {

bool initialize()
{
    return sodium_init() >= 0;
}

QString hashPassword(const QString &password)
{
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

namespace {
QAtomicInteger<quint64> g_verifications = 0;
QAtomicInteger<quint64> g_dummyVerifications = 0;
} // namespace

bool verifyPassword(const QString &password, const QString &hash)
{
    const QByteArray pw = password.toUtf8();
    const QByteArray h = hash.toLatin1();
    if (h.isEmpty())
        return false;
    g_verifications.fetchAndAddRelaxed(1);
    return crypto_pwhash_str_verify(h.constData(), pw.constData(), quint64(pw.size())) == 0;
}

bool verifyPasswordOrDummy(const QString &password, const QString &hash)
{
    if (!hash.isEmpty())
        return verifyPassword(password, hash);
    // Made once per process, of a password nobody knows, with the same cost as a real one.
    static const QString dummy = hashPassword(newToken());
    g_dummyVerifications.fetchAndAddRelaxed(1);
    verifyPassword(password, dummy);
    return false;
}

quint64 verifications()
{
    return g_verifications.loadRelaxed();
}

quint64 dummyVerifications()
{
    return g_dummyVerifications.loadRelaxed();
}

QString newToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray tokenHash(const QString &token)
{
    const QByteArray t = token.toUtf8();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char *>(t.constData()), quint64(t.size()));
    return QByteArray(reinterpret_cast<const char *>(out), sizeof out);
}

QString newInviteCode()
{
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr quint32 n = sizeof kAlphabet - 1;
    QString out;
    for (int i = 0; i < 10; ++i)
        out += QLatin1Char(kAlphabet[randombytes_uniform(n)]);
    return out;
}

} // namespace kith::server::Credentials

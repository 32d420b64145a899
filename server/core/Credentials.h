#pragma once
//! Password hashing (Argon2id) and session tokens (256 random bits, stored only as a hash).

#include <QByteArray>
#include <QString>

namespace kith::server::Credentials {

bool initialize(); //!< sodium_init; once at start
//! Slow by design (~70 ms): call off the gateway thread.
QString hashPassword(const QString &password);
bool verifyPassword(const QString &password, const QString &hash);
//! As verifyPassword, but an empty hash (no such user) is checked against a dummy hash and
//! fails: an unknown username costs the same time as a wrong password.
bool verifyPasswordOrDummy(const QString &password, const QString &hash);
//! Argon2id verifications so far, and how many of them were against the dummy hash (metrics, tests).
quint64 verifications();
quint64 dummyVerifications();
QString newToken();                              //!< 43 characters of base64url
QByteArray tokenHash(const QString &token);      //!< SHA-256; what storage keeps
QString newInviteCode();                         //!< 10 characters of [A-Za-z0-9]

} // namespace kith::server::Credentials

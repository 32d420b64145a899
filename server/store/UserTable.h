#pragma once
//! Accounts and session tokens in storage. Runs on the store thread.

#include "core/Result.h"
#include "shared/Types.h"

namespace kith::server {

class SqlStore;

struct StoredUser {
    User user;
    QString passwordHash;
};

namespace UserTable {
Result<User> insert(SqlStore &s, const User &user, const QString &passwordHash, qint64 nowMs);
//! A guest named `user.username` or, if taken (ignoring case), the first free of name_2,
//! name_3, … cut to fit the username limit. Returns the guest as stored.
Result<User> insertGuest(SqlStore &s, User user, qint64 nowMs);
Result<StoredUser> findByUsername(SqlStore &s, const QString &username);
Result<QList<User>> all(SqlStore &s);

Result<Done> insertToken(SqlStore &s, const QByteArray &tokenHash, Id userId, qint64 nowMs);
Result<Id> userOfToken(SqlStore &s, const QByteArray &tokenHash);
Result<Done> deleteToken(SqlStore &s, const QByteArray &tokenHash);
Result<Done> setDisplayName(SqlStore &s, Id userId, const QString &displayName);
//! The stored password hash of an account (empty for a guest).
Result<QString> passwordHashOf(SqlStore &s, Id userId);
//! A new password: every token of the user is revoked and `keepTokenHash` is the only one left.
Result<Done> replacePassword(SqlStore &s, Id userId, const QString &passwordHash, const QByteArray &keepTokenHash,
                             qint64 nowMs);
} // namespace UserTable

} // namespace kith::server

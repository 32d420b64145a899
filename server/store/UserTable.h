#pragma once
//! Accounts and session tokens in SQL. Runs on the store thread; SqlStore forwards the Store interface here.

#include "store/Store.h"

namespace kith::server {

class SqlConnection;

namespace UserTable {
Result<User> insert(SqlConnection &s, const User &user, const QString &passwordHash, qint64 nowMs);
//! A guest named `user.username` or, if taken (ignoring case), the first free of name_2,
//! name_3, … cut to fit the username limit. Returns the guest as stored.
Result<User> insertGuest(SqlConnection &s, User user, qint64 nowMs);
Result<StoredUser> findByUsername(SqlConnection &s, const QString &username);
Result<QList<User>> all(SqlConnection &s);

Result<Done> insertToken(SqlConnection &s, const QByteArray &tokenHash, Id userId, qint64 nowMs);
Result<Id> userOfToken(SqlConnection &s, const QByteArray &tokenHash);
Result<Done> deleteToken(SqlConnection &s, const QByteArray &tokenHash);
Result<Done> setDisplayName(SqlConnection &s, Id userId, const QString &displayName);
//! The stored password hash of an account (empty for a guest).
Result<QString> passwordHashOf(SqlConnection &s, Id userId);
//! A new password: every token of the user is revoked and `keepTokenHash` is the only one left.
Result<Done> setServerAdmin(SqlConnection &s, Id userId, bool admin);
Result<Done> replacePassword(SqlConnection &s, Id userId, const QString &passwordHash, const QByteArray &keepTokenHash,
                             qint64 nowMs);
} // namespace UserTable

} // namespace kith::server

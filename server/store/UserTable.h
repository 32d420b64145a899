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
} // namespace UserTable

} // namespace kith::server

#include "UserTable.h"

#include "store/SqlConnection.h"
#include "shared/Limits.h"

#include <QVariant>

namespace kith::server::UserTable {

namespace {
QString avatarOf(const QVariant &attachmentId)
{
    return attachmentId.isNull() ? QString() : profileImagePath(Id(attachmentId.toLongLong()));
}

Result<bool> taken(SqlConnection &s, const QString &username)
{
    QSqlQuery &exists = s.prepared("SELECT 1 FROM users WHERE username_key = ?");
    exists.bindValue(0, username.toLower());
    if (!s.exec(exists, "user exists"))
        return storageError();
    const bool found = exists.next();
    exists.finish();
    return found;
}

Result<User> insertRow(SqlConnection &s, const User &user, const QString &passwordHash, qint64 nowMs)
{
    QSqlQuery &q = s.prepared("INSERT INTO users (id, username, username_key, display_name, "
                              "password_hash, created_at, guest) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bindValue(0, qint64(user.id));
    q.bindValue(1, user.username);
    q.bindValue(2, user.username.toLower());
    q.bindValue(3, user.displayName);
    q.bindValue(4, passwordHash);
    q.bindValue(5, nowMs);
    q.bindValue(6, user.guest ? 1 : 0);
    if (!s.exec(q, "insert user"))
        return storageError();
    return user;
}
} // namespace

Result<User> insert(SqlConnection &s, const User &user, const QString &passwordHash, qint64 nowMs)
{
    const Result<bool> t = taken(s, user.username);
    if (!t)
        return t.error();
    if (t.value())
        return Error::conflict(QStringLiteral("that username is taken"));
    return insertRow(s, user, passwordHash, nowMs);
}

Result<User> insertGuest(SqlConnection &s, User user, qint64 nowMs)
{
    const QString base = user.username;
    for (int n = 1; n < 10000; ++n) {
        if (n > 1) {
            const QString suffix = QStringLiteral("_%1").arg(n);
            user.username = base.left(limits::kUsernameMax - int(suffix.size())) + suffix;
        }
        const Result<bool> t = taken(s, user.username);
        if (!t)
            return t.error();
        if (!t.value()) {
            user.guest = true;
            user.displayName = user.username; // two guests who asked for one name never look alike

            return insertRow(s, user, QStringLiteral(""), nowMs); // not null: no password, never verifies
        }
    }
    return Error::conflict(QStringLiteral("no free nickname like that one"));
}

Result<StoredUser> findByUsername(SqlConnection &s, const QString &username)
{
    QSqlQuery &q = s.prepared("SELECT u.id, u.username, u.display_name, u.password_hash, u.guest, u.server_admin, "
                              "a.attachment_id FROM users u LEFT JOIN user_avatars a ON a.user_id = u.id "
                              "WHERE u.username_key = ?");
    q.bindValue(0, username.toLower());
    if (!s.exec(q, "find user"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("no such user"));
    StoredUser u{{Id(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toString(), q.value(4).toBool(),
                  q.value(5).toBool(), avatarOf(q.value(6))},
                 q.value(3).toString()};
    q.finish();
    return u;
}

Result<QList<User>> all(SqlConnection &s)
{
    QSqlQuery &q = s.prepared("SELECT u.id, u.username, u.display_name, u.guest, u.server_admin, a.attachment_id "
                              "FROM users u LEFT JOIN user_avatars a ON a.user_id = u.id");
    if (!s.exec(q, "all users"))
        return storageError();
    QList<User> out;
    while (q.next())
        out.append({Id(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
                    q.value(4).toBool(), avatarOf(q.value(5))});
    q.finish();
    return out;
}

Result<Done> insertToken(SqlConnection &s, const QByteArray &tokenHash, Id userId, qint64 nowMs)
{
    QSqlQuery &q = s.prepared("INSERT INTO tokens (hash, user_id, created_at) VALUES (?, ?, ?)");
    q.bindValue(0, tokenHash);
    q.bindValue(1, qint64(userId));
    q.bindValue(2, nowMs);
    if (!s.exec(q, "insert token"))
        return storageError();
    return Done{};
}

Result<Id> userOfToken(SqlConnection &s, const QByteArray &tokenHash)
{
    QSqlQuery &q = s.prepared("SELECT user_id FROM tokens WHERE hash = ?");
    q.bindValue(0, tokenHash);
    if (!s.exec(q, "token user"))
        return storageError();
    if (!q.next())
        return Error::unauthorized(QStringLiteral("invalid or revoked token"));
    const Id id = Id(q.value(0).toLongLong());
    q.finish();
    return id;
}

Result<Done> deleteToken(SqlConnection &s, const QByteArray &tokenHash)
{
    QSqlQuery &q = s.prepared("DELETE FROM tokens WHERE hash = ?");
    q.bindValue(0, tokenHash);
    if (!s.exec(q, "delete token"))
        return storageError();
    return Done{};
}

Result<Done> setDisplayName(SqlConnection &s, Id userId, const QString &displayName)
{
    QSqlQuery &q = s.prepared("UPDATE users SET display_name = ? WHERE id = ?");
    q.bindValue(0, displayName);
    q.bindValue(1, qint64(userId));
    if (!s.exec(q, "set display name"))
        return storageError();
    return Done{};
}

Result<QString> passwordHashOf(SqlConnection &s, Id userId)
{
    QSqlQuery &q = s.prepared("SELECT password_hash FROM users WHERE id = ?");
    q.bindValue(0, qint64(userId));
    if (!s.exec(q, "password hash"))
        return storageError();
    if (!q.next())
        return Error::notFound(QStringLiteral("no such user"));
    const QString hash = q.value(0).toString();
    q.finish();
    return hash;
}

Result<Done> replacePassword(SqlConnection &s, Id userId, const QString &passwordHash, const QByteArray &keepTokenHash,
                             qint64 nowMs)
{
    QSqlQuery &u = s.prepared("UPDATE users SET password_hash = ? WHERE id = ?");
    u.bindValue(0, passwordHash);
    u.bindValue(1, qint64(userId));
    if (!s.exec(u, "set password"))
        return storageError();
    QSqlQuery &d = s.prepared("DELETE FROM tokens WHERE user_id = ?");
    d.bindValue(0, qint64(userId));
    if (!s.exec(d, "revoke tokens"))
        return storageError();
    return insertToken(s, keepTokenHash, userId, nowMs);
}

Result<Done> setServerAdmin(SqlConnection &s, Id userId, bool admin)
{
    QSqlQuery &q = s.prepared("UPDATE users SET server_admin = ? WHERE id = ?");
    q.bindValue(0, admin ? 1 : 0);
    q.bindValue(1, qint64(userId));
    if (!s.exec(q, "set server admin"))
        return storageError();
    return Done{};
}

} // namespace kith::server::UserTable

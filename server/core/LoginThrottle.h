#pragma once
//! Slows password guessing per (address, username): a few failures are free, then each
//! further one doubles a lockout. Token logins and other users are never affected.

#include <QHash>
#include <QString>

namespace kith::server {

class LoginThrottle
{
public:
    //! Milliseconds until this pair may try again; 0 when it may try now.
    qint64 retryAfterMs(const QString &address, const QString &username, qint64 nowMs) const;
    void recordFailure(const QString &address, const QString &username, qint64 nowMs);
    void recordSuccess(const QString &address, const QString &username);
    //! Drops entries whose lockout ended long ago, so memory stays bounded.
    void prune(qint64 nowMs);

private:
    struct Entry {
        int failures = 0;
        qint64 lockedUntilMs = 0;
        qint64 lastFailureMs = 0;
    };
    static QString key(const QString &address, const QString &username);
    QHash<QString, Entry> m_entries;
};

} // namespace kith::server

#pragma once
//! Slows password guessing: per (address, username) a few failures are free, then each further
//! one doubles a lockout; per username across all addresses the same, with a larger allowance
//! (guessers that spread over many addresses). Token logins and other users are never affected.

#include <QHash>
#include <QString>

namespace kith::server {

class LoginThrottle
{
public:
    //! When failures start locking, and after how long without one the count starts over.
    struct Policy {
        int freeFailures;
        qint64 forgetAfterMs;
    };
    static Policy defaultPerAddress();
    static Policy defaultPerUsername(); //!< 50 wrong passwords in 10 minutes

    void setPolicies(Policy perAddress, Policy perUsername);

    //! Milliseconds until this pair may try again (either lockout); 0 when it may try now.
    qint64 retryAfterMs(const QString &address, const QString &username, qint64 nowMs) const;
    void recordFailure(const QString &address, const QString &username, qint64 nowMs);
    //! Clears the (address, username) count; the username's count only runs out with time,
    //! so a guesser cannot clear it by signing in to an account of their own elsewhere.
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
    static void fail(Entry &e, const Policy &policy, qint64 nowMs);
    static void prune(QHash<QString, Entry> &entries, const Policy &policy, qint64 nowMs);

    Policy m_perAddress = defaultPerAddress();
    Policy m_perUsername = defaultPerUsername();
    QHash<QString, Entry> m_entries;   //!< per (address, username)
    QHash<QString, Entry> m_usernames; //!< per username, lower case
};

} // namespace kith::server

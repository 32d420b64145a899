#include "LoginThrottle.h"

#include "shared/Limits.h"

namespace kith::server {

LoginThrottle::Policy LoginThrottle::defaultPerAddress()
{
    return {limits::kLoginFailuresFree, limits::kLoginLockoutMaxMs};
}

LoginThrottle::Policy LoginThrottle::defaultPerUsername()
{
    return {limits::kLoginFailuresPerUsername, limits::kLoginWindowPerUsernameMs};
}

void LoginThrottle::setPolicies(Policy perAddress, Policy perUsername)
{
    m_perAddress = perAddress;
    m_perUsername = perUsername;
}

QString LoginThrottle::key(const QString &address, const QString &username)
{
    return address + u'\n' + username.toLower();
}

qint64 LoginThrottle::retryAfterMs(const QString &address, const QString &username, qint64 nowMs) const
{
    qint64 until = 0;
    if (auto it = m_entries.constFind(key(address, username)); it != m_entries.cend())
        until = it->lockedUntilMs;
    if (auto it = m_usernames.constFind(username.toLower()); it != m_usernames.cend())
        until = qMax(until, it->lockedUntilMs);
    return qMax<qint64>(0, until - nowMs);
}

void LoginThrottle::fail(Entry &e, const Policy &policy, qint64 nowMs)
{
    if (e.failures > 0 && nowMs - e.lastFailureMs > policy.forgetAfterMs && e.lockedUntilMs < nowMs)
        e.failures = 0;
    ++e.failures;
    e.lastFailureMs = nowMs;
    const int over = e.failures - policy.freeFailures;
    if (over >= 0) {
        const qint64 lock = qMin<qint64>(qint64(limits::kLoginLockoutMs) << qMin(over, 20),
                                         limits::kLoginLockoutMaxMs);
        e.lockedUntilMs = nowMs + lock;
    }
}

void LoginThrottle::recordFailure(const QString &address, const QString &username, qint64 nowMs)
{
    fail(m_entries[key(address, username)], m_perAddress, nowMs);
    fail(m_usernames[username.toLower()], m_perUsername, nowMs);
}

void LoginThrottle::recordSuccess(const QString &address, const QString &username)
{
    m_entries.remove(key(address, username));
}

void LoginThrottle::prune(QHash<QString, Entry> &entries, const Policy &policy, qint64 nowMs)
{
    const qint64 keep = qMax<qint64>(policy.forgetAfterMs, limits::kLoginLockoutMaxMs);
    for (auto it = entries.begin(); it != entries.end();) {
        if (nowMs - it->lastFailureMs > keep && it->lockedUntilMs < nowMs)
            it = entries.erase(it);
        else
            ++it;
    }
}

void LoginThrottle::prune(qint64 nowMs)
{
    prune(m_entries, m_perAddress, nowMs);
    prune(m_usernames, m_perUsername, nowMs);
}

} // namespace kith::server

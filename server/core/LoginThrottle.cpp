#include "LoginThrottle.h"

#include "shared/Limits.h"

namespace kith::server {

QString LoginThrottle::key(const QString &address, const QString &username)
{
    return address + u'\n' + username.toLower();
}

qint64 LoginThrottle::retryAfterMs(const QString &address, const QString &username, qint64 nowMs) const
{
    auto it = m_entries.constFind(key(address, username));
    if (it == m_entries.cend())
        return 0;
    return qMax<qint64>(0, it->lockedUntilMs - nowMs);
}

void LoginThrottle::recordFailure(const QString &address, const QString &username, qint64 nowMs)
{
    Entry &e = m_entries[key(address, username)];
    ++e.failures;
    e.lastFailureMs = nowMs;
    const int over = e.failures - limits::kLoginFailuresFree;
    if (over >= 0) {
        const qint64 lock = qMin<qint64>(qint64(limits::kLoginLockoutMs) << qMin(over, 20),
                                         limits::kLoginLockoutMaxMs);
        e.lockedUntilMs = nowMs + lock;
    }
}

void LoginThrottle::recordSuccess(const QString &address, const QString &username)
{
    m_entries.remove(key(address, username));
}

void LoginThrottle::prune(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastFailureMs > limits::kLoginLockoutMaxMs && it->lockedUntilMs < nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace kith::server

#include "RateLimiter.h"

#include <cmath>

namespace kith::server {

RateLimiter::RateLimiter(int ratePerSecond, int burst)
    : m_rate(qMax(1, ratePerSecond) / 1000.0)
    , m_burst(qMax(1, burst))
    , m_tokens(m_burst)
{
}

bool RateLimiter::take(qint64 nowMs, qint64 *retryAfterMs)
{
    if (m_lastMs >= 0)
        m_tokens = qMin(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate);
    m_lastMs = nowMs;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    *retryAfterMs = qMax<qint64>(1, qint64(std::ceil((1.0 - m_tokens) / m_rate)));
    return false;
}

} // namespace kith::server

#pragma once
//! A token bucket: `rate` requests per second on average, `burst` at once.

#include <QtGlobal>

namespace kith::server {

class RateLimiter
{
public:
    RateLimiter(int ratePerSecond, int burst);
    //! Takes one token; false with the wait until one is available in *retryAfterMs.
    bool take(qint64 nowMs, qint64 *retryAfterMs);

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace kith::server

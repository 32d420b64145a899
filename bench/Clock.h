#pragma once
//! One monotonic clock for every thread of the bench, so send and receipt times compare.

#include <chrono>
#include <QtGlobal>

namespace kith::bench {

inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace kith::bench

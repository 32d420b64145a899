#pragma once
//! A latency histogram with fixed buckets that one thread fills and any thread reads: relaxed
//! atomics only, so observing costs a few adds and never a lock.

#include <QAtomicInteger>
#include <array>

namespace kith::server {

class Histogram
{
public:
    //! Upper bounds in microseconds, from 0.5 ms to 2.5 s; one more bucket holds the rest (+Inf).
    static constexpr std::array<qint64, 12> kBoundsUs{500,   1000,   2500,   5000,   10000,   25000,
                                                      50000, 100000, 250000, 500000, 1000000, 2500000};

    void observe(qint64 us)
    {
        size_t i = 0;
        while (i < kBoundsUs.size() && us > kBoundsUs[i])
            ++i;
        m_buckets[i].fetchAndAddRelaxed(1);
        m_sumUs.fetchAndAddRelaxed(us);
    }

    struct Snapshot {
        std::array<qint64, kBoundsUs.size() + 1> cumulative{}; //!< observations <= each bound, then all
        qint64 count = 0;
        qint64 sumUs = 0;
    };
    Snapshot snapshot() const
    {
        Snapshot s;
        qint64 running = 0;
        for (size_t i = 0; i < m_buckets.size(); ++i) {
            running += m_buckets[i].loadRelaxed();
            s.cumulative[i] = running;
        }
        s.count = running; // _count equals the +Inf bucket even while another thread observes
        s.sumUs = m_sumUs.loadRelaxed();
        return s;
    }

private:
    std::array<QAtomicInteger<qint64>, kBoundsUs.size() + 1> m_buckets{};
    QAtomicInteger<qint64> m_sumUs = 0;
};

} // namespace kith::server

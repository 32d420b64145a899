#include "Latencies.h"

#include <algorithm>
#include <cmath>

namespace kith::bench {

void Latencies::merge(const std::vector<qint64> &more)
{
    m_ns.insert(m_ns.end(), more.begin(), more.end());
    m_sorted = false;
}

qint64 Latencies::percentile(double p)
{
    if (m_ns.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_ns.begin(), m_ns.end());
        m_sorted = true;
    }
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const auto rank = qint64(std::ceil(p / 100.0 * double(m_ns.size())));
    return m_ns[size_t(std::clamp<qint64>(rank - 1, 0, qint64(m_ns.size()) - 1))];
}

qint64 Latencies::max()
{
    return percentile(100);
}

QString Latencies::ms(double p)
{
    return m_ns.empty() ? QStringLiteral("-") : formatMs(percentile(p));
}

QString Latencies::maxMs()
{
    return m_ns.empty() ? QStringLiteral("-") : formatMs(max());
}

QString formatMs(qint64 ns)
{
    const double ms = double(ns) / 1e6;
    return QString::number(ms, 'f', ms < 10 ? 3 : (ms < 100 ? 2 : 1));
}

} // namespace kith::bench

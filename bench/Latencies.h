#pragma once
//! A bag of durations (ns) with percentiles; merged from every client after a run.

#include <QString>
#include <vector>

namespace kith::bench {

class Latencies
{
public:
    void add(qint64 ns) { m_ns.push_back(ns); }
    void merge(const std::vector<qint64> &more);
    qint64 count() const { return qint64(m_ns.size()); }
    //! p in [0, 100]; sorts on first use. 0 when empty.
    qint64 percentile(double p);
    qint64 max();
    //! "1.23" milliseconds, or "-" when empty.
    QString ms(double p);
    QString maxMs();

private:
    std::vector<qint64> m_ns;
    bool m_sorted = false;
};

QString formatMs(qint64 ns);

} // namespace kith::bench

#pragma once
//! CPU time of a process and its busiest thread between two samples, from /proc. Printed beside
//! every figure so a reader sees whether the server, the relay or the generator was saturated.

#include <QHash>
#include <QString>

namespace kith::bench {

class CpuUsage
{
public:
    //! Samples pid now (0: this process).
    static CpuUsage sample(qint64 pid);

    //! "93% (top thread kith-server 88%)" over the interval since an earlier sample.
    QString describeSince(const CpuUsage &earlier) const;
    double percentSince(const CpuUsage &earlier) const;
    double secondsSince(const CpuUsage &earlier) const; //!< CPU seconds used meanwhile

    //! Busy share of the whole machine (all cores = 100 x cores) since an earlier sample; with the
    //! target's and the bench's share this shows how much other work competed for the cores.
    double machinePercentSince(const CpuUsage &earlier) const;

private:
    struct Thread {
        QString name;
        qint64 ticks = 0;
    };
    qint64 m_wallNs = 0;
    qint64 m_ticks = 0;
    qint64 m_machineBusy = 0;
    QHash<qint64, Thread> m_threads;
};

} // namespace kith::bench

#include "CpuUsage.h"

#include "Clock.h"

#include <QDir>
#include <QFile>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace kith::bench {

namespace {
// Clock ticks per second of /proc's CPU times. Without /proc (macOS, Windows) every sample reads
// zero ticks, so the figures print as 0: the bench's CPU columns are Linux-only.
double clockTicks()
{
#ifdef Q_OS_UNIX
    return double(sysconf(_SC_CLK_TCK));
#else
    return 100.0;
#endif
}

// utime + stime of a /proc/.../stat line; the comm field may hold spaces, so parse after ')'.
bool readStat(const QString &path, QString *name, qint64 *ticks)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = f.readAll();
    const qsizetype open = s.indexOf('('), close = s.lastIndexOf(')');
    if (open < 0 || close < open)
        return false;
    *name = QString::fromUtf8(s.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = s.mid(close + 2).split(' ');
    // After ')': state(0) ... utime is field 14 of the full line, i.e. index 11 here.
    *ticks = fields.value(11).toLongLong() + fields.value(12).toLongLong();
    return true;
}
} // namespace

CpuUsage CpuUsage::sample(qint64 pid)
{
    CpuUsage u;
    u.m_wallNs = nowNs();
    QFile stat(QStringLiteral("/proc/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        // cpu  user nice system idle iowait irq softirq steal ...: busy = all but idle, iowait.
        const QList<QByteArray> f = stat.readLine().simplified().split(' ');
        for (int i = 1; i < f.size() && i <= 8; ++i) {
            if (i != 4 && i != 5)
                u.m_machineBusy += f[i].toLongLong();
        }
    }
    const QString base = pid > 0 ? QStringLiteral("/proc/%1").arg(pid) : QStringLiteral("/proc/self");
    QString name;
    readStat(base + QStringLiteral("/stat"), &name, &u.m_ticks);
    const QStringList tids = QDir(base + QStringLiteral("/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        Thread t;
        if (readStat(base + QStringLiteral("/task/%1/stat").arg(tid), &t.name, &t.ticks))
            u.m_threads.insert(tid.toLongLong(), t);
    }
    return u;
}

double CpuUsage::percentSince(const CpuUsage &earlier) const
{
    const double wallS = double(m_wallNs - earlier.m_wallNs) / 1e9;
    if (wallS <= 0)
        return 0;
    return 100.0 * double(m_ticks - earlier.m_ticks) / clockTicks() / wallS;
}

double CpuUsage::secondsSince(const CpuUsage &earlier) const
{
    return double(m_ticks - earlier.m_ticks) / clockTicks();
}

double CpuUsage::machinePercentSince(const CpuUsage &earlier) const
{
    const double wallS = double(m_wallNs - earlier.m_wallNs) / 1e9;
    if (wallS <= 0)
        return 0;
    return 100.0 * double(m_machineBusy - earlier.m_machineBusy) / clockTicks() / wallS;
}

QString CpuUsage::describeSince(const CpuUsage &earlier) const
{
    const double wallS = double(m_wallNs - earlier.m_wallNs) / 1e9;
    const double hz = clockTicks();
    QString topName;
    double top = -1;
    for (auto it = m_threads.cbegin(); it != m_threads.cend(); ++it) {
        const qint64 before = earlier.m_threads.value(it.key()).ticks;
        const double pct = wallS > 0 ? 100.0 * double(it->ticks - before) / hz / wallS : 0;
        if (pct > top) {
            top = pct;
            topName = it->name;
        }
    }
    return QStringLiteral("%1% (top thread %2 %3%)")
        .arg(qRound(percentSince(earlier)))
        .arg(topName)
        .arg(qRound(top));
}

} // namespace kith::bench

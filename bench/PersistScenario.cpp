#include "PersistScenario.h"

#include "Cohort.h"
#include "KithServer.h"
#include "RawSqlite.h"
#include "SendRun.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <cstdio>

namespace kith::bench {

PersistScenario::PersistScenario(const BenchOptions &options)
    : m_options(options)
{
}

bool PersistScenario::run(Table *summary, QString *error)
{
    SendResult r;
    {
        KithServer server(m_options);
        if (!server.start(error))
            return false;
        std::fprintf(stderr, "[bench] persist: kith-server pid %lld\n", server.process().pid());
        ClientPool pool(m_options.threads);
        Cohort cohort;
        const int senders = m_options.persistSenders;
        if (!cohort.create(pool, server.url(), senders, Cohort::Guilds::Own, QStringLiteral("per"),
                           error))
            return false;
        QList<int> who;
        for (int k = 0; k < senders; ++k)
            who << cohort.first() + k;
        const auto planFor = [&](int k) {
            SendPlan p;
            p.channelId = cohort.channelId(k);
            p.contentChars = m_options.contentChars;
            p.window = m_options.persistWindow;
            p.completeOnAck = true;
            return p;
        };
        r = SendRun::run(pool, who, planFor, m_options.warmup, m_options.duration, 1,
                         server.process().pid());
    }

    // The ceiling: as many rows as the server stored, the same INSERT, no server.
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/kith-bench-raw-XXXXXX"));
    const qint64 rows = qMax<qint64>(m_options.rawRows, r.acked);
    struct Raw {
        QString label;
        double seconds;
    };
    QList<Raw> raws;
    const QList<int> batches = m_options.rawBatch > 0 ? QList<int>{0, m_options.rawBatch}
                                                      : QList<int>{0};
    for (int batch : batches) {
        RawSqlite raw(dir.filePath(QStringLiteral("raw%1.db").arg(batch)), true, m_options.syncFull);
        if (!raw.isOpen() || !raw.addChannel(1, 2, 3)) {
            *error = QStringLiteral("raw sqlite: ") + raw.lastError();
            return false;
        }
        const double s = raw.insertMessages(3, 1, rows, batch,
                                            QDateTime::currentMSecsSinceEpoch() - rows, m_options.contentChars,
                                            QStringLiteral("n"));
        if (s < 0) {
            *error = QStringLiteral("raw sqlite: ") + raw.lastError();
            return false;
        }
        raws.append({batch > 0 ? QStringLiteral("raw SQLite, %1 rows per transaction").arg(batch)
                               : QStringLiteral("raw SQLite, one transaction"),
                     s});
    }

    Table t(QStringLiteral("persist: %1 senders, window %2, %3 s")
                .arg(m_options.persistSenders)
                .arg(m_options.persistWindow)
                .arg(m_options.duration),
            {QStringLiteral("target"), QStringLiteral("messages"), QStringLiteral("msg/s"),
             QStringLiteral("ack p50 ms"), QStringLiteral("ack p99 ms"), QStringLiteral("ack max ms"),
             QStringLiteral("target CPU"), QStringLiteral("bench CPU"), QStringLiteral("others CPU"),
             QStringLiteral("us/msg (server: CPU, raw: wall)")});
    t.addRow({QStringLiteral("kith-server (acknowledged)"), num(double(r.acked)), num(r.ackedPerSec),
              r.ack.ms(50), r.ack.ms(99), r.ack.maxMs(), r.targetCpu, r.benchCpu,
              num(r.otherCpu) + u'%', num(r.targetUsPer(r.acked), 1)});
    // The raw inserts run alone on the bench's main thread: wall time per row (fsync waits included).
    for (const Raw &raw : raws)
        t.addRow({raw.label, num(double(rows)), num(double(rows) / raw.seconds), QString(), QString(),
                  QString(), QString(), QString(), QString(), num(raw.seconds * 1e6 / double(rows), 1)});
    t.addRow({QStringLiteral("server / raw one transaction"), QString(),
              num(100.0 * r.ackedPerSec / (double(rows) / raws[0].seconds), 1) + u'%'});
    t.addNote(QStringLiteral("errors: %1; both: synchronous=%2, WAL, the server's schema and INSERT")
                  .arg(r.errorSummary(), m_options.syncFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL")));
    t.print();
    if (summary) {
        summary->addRow({QStringLiteral("persist, %1 senders").arg(m_options.persistSenders),
                         QStringLiteral("acked msg/s (raw: one transaction)"), num(r.ackedPerSec),
                         num(double(rows) / raws[0].seconds),
                         num(100.0 * r.ackedPerSec / (double(rows) / raws[0].seconds), 1) + u'%'});
        summary->addRow({QString(), QStringLiteral("CPU us per message (raw: wall us per row)"),
                         num(r.targetUsPer(r.acked), 1), num(raws[0].seconds * 1e6 / double(rows), 1)});
        summary->addRow({QString(), QStringLiteral("ack p50 / p99 ms"),
                         r.ack.ms(50) + QStringLiteral(" / ") + r.ack.ms(99)});
    }
    return true;
}

} // namespace kith::bench

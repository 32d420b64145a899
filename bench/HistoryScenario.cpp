#include "HistoryScenario.h"

#include "Clock.h"
#include "Cohort.h"
#include "KithServer.h"
#include "Latencies.h"
#include "RawSqlite.h"
#include "RequestLoop.h"
#include "shared/Protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <cstdio>

namespace kith::bench {

namespace {
constexpr int kWarmRequests = 20;
constexpr int kPage = 50;

struct Probe {
    QString label;
    qint64 expectFirst = 0, expectLast = 0; //!< ids the page must start and end with (0: any)
    Latencies latency;
    QString check; //!< whether the first reply held the page asked for
};

bool probe(ClientPool &pool, int index, QLatin1String op, const QJsonObject &d, int repeats,
           Probe *out, QString *error)
{
    auto st = std::make_shared<RequestLoop>();
    st->op = op;
    st->d = d;
    st->remaining = repeats + kWarmRequests;
    pool.post(index, [st](BenchClient *c) { issue(c, st); });
    if (!ClientPool::waitUntil([&] { return st->done.load(); }, 600000)) {
        *error = QStringLiteral("%1 did not finish").arg(out->label);
        return false;
    }
    if (st->errors) {
        *error = QStringLiteral("%1: %2 errors, first %3").arg(out->label).arg(st->errors).arg(st->firstError);
        return false;
    }
    out->latency.merge(std::vector<qint64>(st->ns.begin() + kWarmRequests, st->ns.end()));
    if (op == op::MessageHistory) {
        const QJsonArray messages = st->firstReply.value(QLatin1String("messages")).toArray();
        const QString first = messages.first().toObject().value(QLatin1String("id")).toString();
        const QString last = messages.last().toObject().value(QLatin1String("id")).toString();
        const bool right = messages.size() == kPage
                           && (!out->expectFirst || first == QString::number(out->expectFirst))
                           && (!out->expectLast || last == QString::number(out->expectLast));
        out->check = right ? QStringLiteral("50 messages, the expected ids")
                           : QStringLiteral("WRONG PAGE: %1 messages %2..%3, expected %4..%5")
                                 .arg(messages.size())
                                 .arg(first, last)
                                 .arg(out->expectFirst)
                                 .arg(out->expectLast);
    }
    return true;
}
} // namespace

HistoryScenario::HistoryScenario(const BenchOptions &options)
    : m_options(options)
{
}

bool HistoryScenario::run(qint64 k, Table *summary, QString *error)
{
    KithServer server(m_options);
    if (!server.start(error))
        return false;
    Cohort cohort;
    {
        ClientPool setup(1);
        if (!cohort.create(setup, server.url(), 1, Cohort::Guilds::Shared, QStringLiteral("hist"),
                           error))
            return false;
    }
    if (server.stop() != 0) {
        *error = QStringLiteral("kith-server did not stop cleanly: ") + server.process().outputTail();
        return false;
    }
    // Offline fill: the server's own table and INSERT, one transaction, ids one ms apart ending a
    // minute ago (older than anything the server made).
    QList<qint64> ids;
    double fillS;
    {
        RawSqlite db(server.databasePath(), false, false);
        if (!db.isOpen()) {
            *error = QStringLiteral("open %1: %2").arg(server.databasePath(), db.lastError());
            return false;
        }
        ids.reserve(k);
        fillS = db.insertMessages(cohort.channelId().toLongLong(), cohort.userId(0).toLongLong(), k,
                                  0, QDateTime::currentMSecsSinceEpoch() - 60000 - k,
                                  m_options.contentChars, QStringLiteral("h"), &ids);
        if (fillS < 0) {
            *error = QStringLiteral("fill: ") + db.lastError();
            return false;
        }
    }
    std::fprintf(stderr, "[bench] history: %lld messages written in %.1f s\n", k, fillS);
    if (!server.start(error))
        return false;
    std::fprintf(stderr, "[bench] history K=%lld: kith-server pid %lld\n", k, server.process().pid());

    // Optional write load on the same server: reads share the storage thread with writes.
    std::unique_ptr<ClientPool> load;
    Cohort loadCohort;
    qint64 loadStartNs = 0;
    if (m_options.historyLoad > 0) {
        load = std::make_unique<ClientPool>(1);
        if (!loadCohort.create(*load, server.url(), m_options.historyLoad, Cohort::Guilds::Own,
                               QStringLiteral("load"), error))
            return false;
        loadStartNs = nowNs();
        for (int k = 0; k < m_options.historyLoad; ++k) {
            SendPlan plan;
            plan.channelId = loadCohort.channelId(k);
            plan.contentChars = m_options.contentChars;
            plan.window = m_options.persistWindow;
            plan.completeOnAck = true;
            plan.startNs = loadStartNs;
            plan.endNs = loadStartNs + 3600'000'000'000LL;
            load->post(loadCohort.first() + k, [plan](BenchClient *b) { b->startSending(plan); });
        }
    }

    ClientPool pool(1);
    const int c = cohort.openSessions(pool, server.url(), 1, Target::Server, 1, error);
    if (c < 0)
        return false;
    const QString channel = cohort.channelId();
    auto page = [&](const char *cursor, qint64 id) {
        QJsonObject d{{QLatin1String("channel_id"), channel}, {QLatin1String("limit"), kPage}};
        if (cursor)
            d.insert(QLatin1String(cursor), QString::number(id));
        return d;
    };
    QList<Probe> probes;
    struct Spec {
        QString label;
        QLatin1String op;
        QJsonObject d;
        qint64 first, last; // ids were written oldest first; pages come newest first
    };
    const auto n = ids.size();
    const QList<Spec> specs{
        {QStringLiteral("ping (round-trip floor)"), op::Ping, {}, 0, 0},
        {QStringLiteral("newest page (no cursor)"), op::MessageHistory, page(nullptr, 0),
         ids.value(n - 1), ids.value(n - kPage)},
        {QStringLiteral("middle page (before K/2)"), op::MessageHistory,
         page("before", ids.value(n / 2)), ids.value(n / 2 - 1), ids.value(n / 2 - kPage)},
        {QStringLiteral("oldest page (before #51)"), op::MessageHistory,
         page("before", ids.value(kPage)), ids.value(kPage - 1), ids.value(0)},
    };
    for (const Spec &s : specs) {
        Probe p;
        p.label = s.label;
        p.expectFirst = s.first;
        p.expectLast = s.last;
        if (!probe(pool, c, s.op, s.d, m_options.historyRepeats, &p, error))
            return false;
        probes.append(p);
    }

    QString loadNote;
    if (load) {
        const double s = double(nowNs() - loadStartNs) / 1e9;
        loadNote = QStringLiteral(", while %1 senders stored %2 msg/s")
                       .arg(m_options.historyLoad)
                       .arg(num(double(load->progress().acked.load()) / s));
        load.reset();
    }
    Table t(QStringLiteral("history: K = %1 messages in one channel, %2 sequential fetches each%3")
                .arg(num(double(k)))
                .arg(m_options.historyRepeats)
                .arg(loadNote),
            {QStringLiteral("request"), QStringLiteral("p50 ms"), QStringLiteral("p99 ms"),
             QStringLiteral("max ms"), QStringLiteral("first reply")});
    for (Probe &p : probes)
        t.addRow({p.label, p.latency.ms(50), p.latency.ms(99), p.latency.maxMs(), p.check.trimmed()});
    t.addNote(QStringLiteral("fill: %1 rows inserted offline in %2 s; time is request sent -> "
                             "reply received by the client")
                  .arg(num(double(k)))
                  .arg(fillS, 0, 'f', 1));
    t.print();
    if (summary) {
        summary->addRow({QStringLiteral("history K=%1%2").arg(num(double(k)), loadNote),
                         QStringLiteral("page p50 / p99 ms: newest, middle, oldest"),
                         QStringLiteral("%1/%2, %3/%4, %5/%6")
                             .arg(probes[1].latency.ms(50), probes[1].latency.ms(99),
                                  probes[2].latency.ms(50), probes[2].latency.ms(99),
                                  probes[3].latency.ms(50), probes[3].latency.ms(99)),
                         QStringLiteral("ping %1/%2").arg(probes[0].latency.ms(50),
                                                          probes[0].latency.ms(99))});
    }
    return true;
}

} // namespace kith::bench

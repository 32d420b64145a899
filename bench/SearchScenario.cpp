#include "SearchScenario.h"

#include "Clock.h"
#include "Cohort.h"
#include "KithServer.h"
#include "Latencies.h"
#include "RawSqlite.h"
#include "RequestLoop.h"
#include "shared/Protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <atomic>
#include <cstdio>
#include <memory>

namespace kith::bench {

namespace {
constexpr int kWarmRequests = 10;
constexpr int kVocabulary = 20000;
constexpr int kWordsPerMessage = 10;

// Marker words planted at known rates, so each probe's share of the messages is known.
struct Planted {
    const char *word;
    int every; //!< one message in this many holds it
};
constexpr Planted kPlanted[] = {{"common", 10}, {"kitten", 100}, {"rare", 10000}};

//! Pronounceable made-up words ("tavo", "merisku"...), drawn Zipf-like: a few are everywhere,
//! most are seldom, as in chat.
class Words
{
public:
    Words()
    {
        static const char *const syllables[] = {"ta", "vo",  "me",  "ri",  "sku", "lan", "po",
                                                "de", "zi",  "nor", "bel", "ka",  "mu",  "fi",
                                                "go", "res", "ul",  "tem", "xa",  "yo"};
        QRandomGenerator rng(42);
        for (int i = 0; i < kVocabulary; ++i) {
            QString w;
            const int n = 2 + int(rng.bounded(3));
            for (int s = 0; s < n; ++s)
                w += QLatin1String(syllables[rng.bounded(20)]);
            m_words.append(w);
        }
    }
    QString message(qint64 i) const
    {
        QRandomGenerator rng(quint32(i * 2654435761u));
        QString out;
        for (int k = 0; k < kWordsPerMessage; ++k) {
            // Zipf-like: the rank is the square of a uniform draw.
            const double u = rng.generateDouble();
            out += m_words[int(u * u * u * (kVocabulary - 1))] + u' ';
        }
        for (const Planted &p : kPlanted)
            if (i % p.every == 0)
                out += QLatin1String(p.word) + u' ';
        return out.trimmed();
    }

private:
    QStringList m_words;
};

} // namespace

SearchScenario::SearchScenario(const BenchOptions &options)
    : m_options(options)
{ }

bool SearchScenario::run(qint64 k, Table *summary, QString *error)
{
    if (!m_options.db.isEmpty()) {
        *error = QStringLiteral("search fills the server's SQLite file offline; --db is not supported");
        return false;
    }
    KithServer server(m_options);
    if (!server.start(error))
        return false;
    Cohort cohort;
    {
        ClientPool setup(1);
        if (!cohort.create(setup, server.url(), 1, Cohort::Guilds::Shared, QStringLiteral("srch"), error))
            return false;
    }
    if (server.stop() != 0) {
        *error = QStringLiteral("kith-server did not stop cleanly: ") + server.process().outputTail();
        return false;
    }
    double fillS;
    {
        const Words words;
        RawSqlite db(server.databasePath(), false, false);
        if (!db.isOpen()) {
            *error = QStringLiteral("open %1: %2").arg(server.databasePath(), db.lastError());
            return false;
        }
        fillS = db.insertMessages(cohort.channelId().toLongLong(), cohort.userId(0).toLongLong(), k, 100000,
                                  QDateTime::currentMSecsSinceEpoch() - 60000 - k, 0, QStringLiteral("s"),
                                  nullptr, [&words](qint64 i) { return words.message(i); });
        if (fillS < 0) {
            *error = QStringLiteral("fill: ") + db.lastError();
            return false;
        }
    }
    std::fprintf(stderr, "[bench] search: %lld messages written in %.1f s\n", k, fillS);
    // The fill is not indexed yet (the server indexes above its mark, between write batches):
    // the first search waits for all of it, so it times building the index.
    const qint64 startNs = nowNs();
    if (!server.start(error))
        return false;

    ClientPool pool(1);
    const int c = cohort.openSessions(pool, server.url(), 1, Target::Server, 1, error);
    if (c < 0)
        return false;
    double indexS = 0;
    {
        auto st = std::make_shared<RequestLoop>();
        st->op = op::MessageSearch;
        st->d = QJsonObject{{QLatin1String("query"), QLatin1String("rare")}};
        st->remaining = 1;
        pool.post(c, [st](BenchClient *b) { issue(b, st); });
        if (!ClientPool::waitUntil([&] { return st->done.load(); }, 1800000)) {
            *error = QStringLiteral("the first search did not finish");
            return false;
        }
        if (st->errors) {
            *error = QStringLiteral("the first search: ") + st->firstError;
            return false;
        }
        indexS = double(nowNs() - startNs) / 1e9;
    }
    std::fprintf(stderr, "[bench] search: server start -> first search answered (index built): %.1f s\n",
                 indexS);
    struct Probe {
        QString label;
        QLatin1String op;
        QJsonObject d;
        Latencies latency;
        QString check;
    };
    auto query = [](const char *q) { return QJsonObject{{QLatin1String("query"), QLatin1String(q)}}; };
    QList<Probe> probes{
        {QStringLiteral("ping (round-trip floor)"), op::Ping, {}, {}, {}},
        {QStringLiteral("\"common\" (1 in 10)"), op::MessageSearch, query("common"), {}, {}},
        {QStringLiteral("\"kitten\" (1 in 100)"), op::MessageSearch, query("kitten"), {}, {}},
        {QStringLiteral("\"rare\" (1 in 10,000)"), op::MessageSearch, query("rare"), {}, {}},
        {QStringLiteral("\"kit\" (prefix of kitten)"), op::MessageSearch, query("kit"), {}, {}},
    };
    const int repeats = qMax(1, m_options.historyRepeats / 5);
    for (Probe &p : probes) {
        auto st = std::make_shared<RequestLoop>();
        st->op = p.op;
        st->d = p.d;
        st->remaining = repeats + kWarmRequests;
        pool.post(c, [st](BenchClient *b) { issue(b, st); });
        if (!ClientPool::waitUntil([&] { return st->done.load(); }, 1800000)) {
            *error = QStringLiteral("%1 did not finish").arg(p.label);
            return false;
        }
        if (st->errors) {
            *error =
                QStringLiteral("%1: %2 errors, first %3").arg(p.label).arg(st->errors).arg(st->firstError);
            return false;
        }
        p.latency.merge(std::vector<qint64>(st->ns.begin() + kWarmRequests, st->ns.end()));
        if (p.op == op::MessageSearch)
            p.check = QStringLiteral("%1 messages, total %2")
                          .arg(st->firstReply.value(QLatin1String("messages")).toArray().size())
                          .arg(st->firstReply.value(QLatin1String("total")).toInt());
    }
    Table t(QStringLiteral("search: K = %1 messages in one channel, %2 sequential one-word queries each")
                .arg(num(double(k)))
                .arg(repeats),
            {QStringLiteral("query"), QStringLiteral("p50 ms"), QStringLiteral("p99 ms"),
             QStringLiteral("max ms"), QStringLiteral("first reply")});
    for (Probe &p : probes)
        t.addRow({p.label, p.latency.ms(50), p.latency.ms(99), p.latency.maxMs(), p.check});
    t.addNote(QStringLiteral("fill: %1 rows of %2 generated words inserted offline with the server's INSERT "
                             "in %3 s; the server indexed them between its start and the first search's "
                             "answer, %4 s; 25 results a page, total counted up to 10,000; time is request "
                             "sent -> reply received")
                  .arg(num(double(k)))
                  .arg(kWordsPerMessage)
                  .arg(fillS, 0, 'f', 1)
                  .arg(indexS, 0, 'f', 1));
    t.print();
    if (summary)
        summary->addRow(
            {QStringLiteral("search K=%1").arg(num(double(k))),
             QStringLiteral("one word p50 / p99 ms: 1 in 10, 1 in 100, 1 in 10,000"),
             QStringLiteral("%1/%2, %3/%4, %5/%6")
                 .arg(probes[1].latency.ms(50), probes[1].latency.ms(99), probes[2].latency.ms(50),
                      probes[2].latency.ms(99), probes[3].latency.ms(50), probes[3].latency.ms(99)),
             QStringLiteral("ping %1/%2").arg(probes[0].latency.ms(50), probes[0].latency.ms(99))});
    return true;
}

} // namespace kith::bench

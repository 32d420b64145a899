// kith-bench: load generator for kith-server, with kith-relay as the baseline in the same run.
// Prints figures, never pass/fail. See bench/README.md.
#include "BenchOptions.h"
#include "ConnectionsScenario.h"
#include "FanoutScenario.h"
#include "HistoryScenario.h"
#include "SearchScenario.h"
#include "PersistScenario.h"
#include "Table.h"
#include "TransferScenario.h"
#include "platform/ProcessHooks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cstdio>

using namespace kith::bench;

namespace {

// 10,000 sessions need 10,000 descriptors here, and kith-server (a child) inherits the limit.
void raiseOpenFiles()
{
    kith::server::ProcessHooks::raiseOpenFileLimit(); // the platform code lives in kith-platform
}

QString findBinary(const QString &given, const QStringList &candidates)
{
    if (!given.isEmpty())
        return given;
    for (const QString &c : candidates) {
        if (QFileInfo(c).isExecutable())
            return QFileInfo(c).absoluteFilePath();
    }
    return candidates.value(0);
}

template <class T>
QList<T> parseList(const QString &text, bool *ok)
{
    QList<T> out;
    *ok = true;
    for (QString part : text.split(u',', Qt::SkipEmptyParts)) {
        part.remove(u'_');
        bool good = false;
        const qint64 v = part.toLongLong(&good);
        if (!good || v <= 0)
            *ok = false;
        out << T(v);
    }
    *ok = *ok && !out.isEmpty();
    return out;
}

void printHeader(const BenchOptions &o, const QString &scenario)
{
    QFile load(QStringLiteral("/proc/loadavg"));
    load.open(QIODevice::ReadOnly);
    std::printf("kith-bench %s  %s UTC  cores %d  loadavg %s  client threads %d  content %d chars  "
                "synchronous=%s\n",
                qPrintable(scenario),
                qPrintable(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))),
                QThread::idealThreadCount(), load.readAll().split(' ').mid(0, 3).join(' ').constData(),
                o.threads, o.contentChars, o.syncFull ? "full" : "normal");
    std::printf("server %s\nrelay  %s\n", qPrintable(o.serverPath), qPrintable(o.relayPath));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kith-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KITH_VERSION));
    raiseOpenFiles();

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Load generator for kith-server; runs each scenario against kith-server and, where it "
        "applies, kith-relay (the bare WebSocket ceiling), and prints both."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("scenario"),
                            QStringLiteral("fanout | connections | persist | history | transfer | search | all"));
    const auto opt = [&](const char *name, const char *help, const char *value = nullptr,
                         const char *def = nullptr) {
        QString text = QString::fromLatin1(help);
        if (value && def)
            text += QStringLiteral(" Default: %1.").arg(QString::fromLatin1(def));
        QCommandLineOption o(QString::fromLatin1(name), text);
        if (value) {
            o.setValueName(QString::fromLatin1(value));
            if (def)
                o.setDefaultValue(QString::fromLatin1(def));
        }
        p.addOption(o);
        return o;
    };
    const auto oServer = opt("server", "kith-server binary (default: ../server/kith-server).", "PATH");
    const auto oRelay = opt("relay", "kith-relay binary (default: next to kith-bench).", "PATH");
    const auto oLog = opt("server-log", "--log-level passed to kith-server.", "LEVEL", "warning");
    const auto oThreads = opt("threads", "Client threads in the generator.", "N", "2");
    const auto oDuration = opt("duration", "Seconds of measured sending per case.", "S", "10");
    const auto oWarmup = opt("warmup", "Seconds of unmeasured sending first.", "S", "1");
    const auto oSize = opt("size", "Characters of message content.", "N", "64");
    const auto oUsers = opt("users", "Accounts the sessions share.", "N", "10");
    const auto oKeep = opt("keep-data", "Keep the servers' data folders.");
    const auto oDb = opt("db", "kith-server's database (its --db): e.g. postgresql://USER@HOST:PORT/DB, an empty database per run. Default: SQLite in a temporary folder.", "URL");
    const auto oSync = opt("sync", "SQLite synchronous for kith-server and the raw ceiling: full (the server's default) or normal.", "MODE", "full");
    const auto oNoRelay = opt("no-relay", "Do not run kith-relay beside kith-server.");
    const auto oCross = opt("cross-node", "fanout with --db postgresql://...: also two kith-server nodes on that database, "
                                          "senders on node A, every other session on node B.");
    const auto oNoServer = opt("no-server", "fanout/connections: only kith-relay (to check the generator).");
    const auto oClients = opt("clients", "fanout: sessions in the channel.", "N", "50");
    const auto oSenders = opt("senders", "fanout: how many of them send.", "N", "5");
    const auto oRate = opt("rate", "fanout: msg/s per sender; 0 = saturation.", "R", "200");
    const auto oWindow = opt("window", "fanout saturation: sends in flight per sender.", "N", "16");
    const auto oSessions = opt("sessions", "connections: idle sessions (list allowed).", "N[,N]", "1000");
    const auto oConc = opt("connect-concurrency", "Connections opened at once.", "N", "32");
    const auto oPSenders = opt("persist-senders", "persist: senders (each in its own guild).", "N", "32");
    const auto oPWindow = opt("persist-window", "persist: sends in flight per sender.", "N", "16");
    const auto oRawRows = opt("raw-rows", "persist: rows for the raw SQLite ceiling (at least what the server stored).", "N", "200000");
    const auto oRawBatch = opt("raw-batch", "persist: also time raw inserts in transactions of N rows (0: off).", "N", "64");
    const auto oK = opt("k", "history, search: messages in the channel (list allowed).", "K[,K]", "1000,100000");
    const auto oRepeats = opt("repeats", "history: fetches per page position.", "N", "500");
    const auto oHLoad = opt("history-load", "history: this many senders (own guilds, --persist-window each) write while pages are fetched.", "N", "0");
    const auto oMiB = opt("mib", "transfer: size of the file uploaded and downloaded.", "MIB", "25");
    const auto oRuns = opt("runs", "transfer: uploads, downloads and baseline downloads each.", "N", "5");
    p.process(app);

    const QStringList pos = p.positionalArguments();
    const QString scenario = pos.value(0);
    const QStringList known{QStringLiteral("fanout"), QStringLiteral("connections"),
                            QStringLiteral("persist"), QStringLiteral("history"), QStringLiteral("transfer"),
                            QStringLiteral("search"),
                            QStringLiteral("all")};
    if (pos.size() != 1 || !known.contains(scenario)) {
        std::fprintf(stderr, "kith-bench: name one scenario: %s\n", qPrintable(known.join(u' ')));
        return 2;
    }

    BenchOptions o;
    const QString dir = QCoreApplication::applicationDirPath();
    o.serverPath = findBinary(p.value(oServer), {dir + QStringLiteral("/../server/kith-server"),
                                                 dir + QStringLiteral("/kith-server")});
    o.relayPath = findBinary(p.value(oRelay), {dir + QStringLiteral("/kith-relay")});
    o.serverLogLevel = p.value(oLog);
    bool ok = true;
    auto toInt = [&](const QCommandLineOption &x, int min) {
        bool good = false;
        const int v = p.value(x).toInt(&good);
        if (!good || v < min) {
            std::fprintf(stderr, "kith-bench: bad --%s\n", qPrintable(x.names().first()));
            ok = false;
        }
        return v;
    };
    auto toDouble = [&](const QCommandLineOption &x, double min) {
        bool good = false;
        const double v = p.value(x).toDouble(&good);
        if (!good || v < min) {
            std::fprintf(stderr, "kith-bench: bad --%s\n", qPrintable(x.names().first()));
            ok = false;
        }
        return v;
    };
    o.threads = toInt(oThreads, 1);
    o.duration = toDouble(oDuration, 0.1);
    o.warmup = toDouble(oWarmup, 0);
    o.contentChars = toInt(oSize, 1);
    o.users = toInt(oUsers, 1);
    o.keepData = p.isSet(oKeep);
    o.relay = !p.isSet(oNoRelay);
    if (p.value(oSync) != u"full" && p.value(oSync) != u"normal") {
        std::fprintf(stderr, "kith-bench: --sync is full or normal\n");
        return 2;
    }
    o.syncFull = p.value(oSync) == u"full";
    o.db = p.value(oDb);
    o.server = !p.isSet(oNoServer);
    o.crossNode = p.isSet(oCross);
    if (o.crossNode && !o.db.startsWith(QStringLiteral("postgres"))) {
        std::fprintf(stderr, "kith-bench: --cross-node needs --db postgresql://...\n");
        return 2;
    }
    o.clients = toInt(oClients, 1);
    o.senders = toInt(oSenders, 1);
    o.rate = toDouble(oRate, 0);
    o.window = toInt(oWindow, 1);
    o.connectConcurrency = toInt(oConc, 1);
    o.persistSenders = toInt(oPSenders, 1);
    o.persistWindow = toInt(oPWindow, 1);
    o.rawRows = toInt(oRawRows, 1);
    o.rawBatch = toInt(oRawBatch, 0);
    o.historyRepeats = toInt(oRepeats, 1);
    o.historyLoad = toInt(oHLoad, 0);
    o.transferMiB = toInt(oMiB, 1);
    o.transferRuns = toInt(oRuns, 1);
    bool listOk = false;
    o.sessions = parseList<int>(p.value(oSessions), &listOk);
    ok = ok && listOk;
    o.historyK = parseList<qint64>(p.value(oK), &listOk);
    ok = ok && listOk;
    if (!ok)
        return 2;
    if (o.senders > o.clients) {
        std::fprintf(stderr, "kith-bench: --senders exceeds --clients\n");
        return 2;
    }
    if (scenario == u"all" && !p.isSet(oSessions))
        o.sessions = {1000, 10000};
    if (scenario == u"all" && !p.isSet(oK))
        o.historyK = {1000, 1000000};

    printHeader(o, scenario);
    Table summary(QStringLiteral("summary"),
                  {QStringLiteral("case"), QStringLiteral("figure"), QStringLiteral("kith-server"),
                   QStringLiteral("baseline (relay / raw / ping)"), QStringLiteral("server vs baseline")});
    QString error;
    auto fail = [&](const QString &what) {
        std::fprintf(stderr, "kith-bench: %s: %s\n", qPrintable(what), qPrintable(error));
        return 1;
    };

    const bool all = scenario == u"all";
    if (scenario == u"fanout" || all) {
        FanoutScenario fanout(o);
        QList<FanoutScenario::Case> cases;
        if (all)
            cases = {{50, 50, 5, 0}, {50, 5, 200, 0}, {200, 10, 0, o.window}};
        else
            cases = {{o.clients, o.senders, o.rate, o.window}};
        for (const auto &c : cases)
            if (!fanout.run(c, &summary, &error))
                return fail(c.label());
    }
    if (scenario == u"connections" || all) {
        ConnectionsScenario connections(o);
        for (int n : o.sessions)
            if (!connections.run(n, &summary, &error))
                return fail(QStringLiteral("connections %1").arg(n));
    }
    if (scenario == u"persist" || all) {
        PersistScenario persist(o);
        if (!persist.run(&summary, &error))
            return fail(QStringLiteral("persist"));
    }
    if (scenario == u"history" || all) {
        HistoryScenario history(o);
        for (qint64 k : o.historyK)
            if (!history.run(k, &summary, &error))
                return fail(QStringLiteral("history K=%1").arg(k));
    }
    if (scenario == u"transfer" || all) {
        TransferScenario transfer(o);
        if (!transfer.run(&summary, &error))
            return fail(QStringLiteral("transfer"));
    }
    if (scenario == u"search") { // not in `all`: the fill alone takes minutes at 1,000,000
        SearchScenario search(o);
        for (qint64 k : o.historyK)
            if (!search.run(k, &summary, &error))
                return fail(QStringLiteral("search K=%1").arg(k));
    }
    summary.print();
    return 0;
}

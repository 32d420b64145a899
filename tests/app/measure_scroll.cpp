// Measures the desktop app with a long channel: fills a server with N messages (default
// 100,000), opens the app on it, then scrolls from the newest message to the very first one
// page by page, timing each frame's paint and reading RSS. Prints figures, asserts nothing;
// it belongs with the benchmarks (bench/) and lives here until it moves there.
//   measure_scroll [N [ws://host:port]]     (QT_QPA_PLATFORM=offscreen or a DISPLAY)
#include "host/EmbeddedServer.h"
#include "server/Server.h"
#include "state/ClientState.h"
#include "ui/AppController.h"
#include "ui/ChatPane.h"
#include "ui/MainWindow.h"
#include "ui/MessageDelegate.h"
#include "ui/MessageView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>

using namespace kith;
using namespace kith::app;

namespace {

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

// Fills the server over a raw socket, many requests in flight at once.
QString fill(const QUrl &url, int count)
{
    QWebSocket ws;
    QHash<qint64, QJsonObject> replies;
    qint64 next = 1, done = 0;
    QObject::connect(&ws, &QWebSocket::textMessageReceived, [&](const QString &t) {
        const QJsonObject o = QJsonDocument::fromJson(t.toUtf8()).object();
        if (o.contains(QLatin1String("re"))) {
            replies.insert(o.value(QLatin1String("re")).toInteger(), o);
            ++done;
        }
    });
    ws.open(url);
    waitUntil([&] { return ws.state() == QAbstractSocket::ConnectedState; });
    auto send = [&](const QString &op, const QJsonObject &d) {
        const qint64 id = next++;
        ws.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("op"), op}, {QStringLiteral("id"), id}, {QStringLiteral("d"), d}}).toJson(QJsonDocument::Compact)));
        return id;
    };
    auto call = [&](const QString &op, const QJsonObject &d) {
        const qint64 id = send(op, d);
        waitUntil([&] { return replies.contains(id); });
        return replies.take(id).value(QLatin1String("d")).toObject();
    };
    call(QStringLiteral("session.register"), {{QStringLiteral("username"), QStringLiteral("filler")},
                                              {QStringLiteral("password"), QStringLiteral("filler-password")}});
    const QJsonObject guild = call(QStringLiteral("guild.create"), {{QStringLiteral("name"), QStringLiteral("Long history")}});
    const QString channel = guild.value(QLatin1String("channels")).toArray().first().toObject().value(QLatin1String("id")).toString();
    const QStringList samples{
        QStringLiteral("short one"),
        QStringLiteral("A longer message with **bold**, *italics* and `code`, long enough to wrap on a normal window width at least once or twice, as people do."),
        QStringLiteral("```\nint main() {\n    return 0;\n}\n```"),
        QStringLiteral("a link: https://example.org/some/page and more words after it"),
    };
    QElapsedTimer t;
    t.start();
    const qint64 base = done;
    for (int i = 0; i < count; ++i) {
        send(QStringLiteral("message.send"), {{QStringLiteral("channel_id"), channel},
                                              {QStringLiteral("content"), QStringLiteral("%1 — %2").arg(i).arg(samples.at(i % samples.size()))},
                                              {QStringLiteral("nonce"), QStringLiteral("n%1").arg(i)}});
        if (i % 500 == 499)
            waitUntil([&] { return done - base >= i - 1000; });
        replies.clear();
    }
    waitUntil([&] { return done - base >= count; });
    std::printf("filled %d messages in %lld ms\n", count, t.elapsed());
    ws.close();
    return channel;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[size_t(p * double(v.size() - 1))];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    qputenv("KITH_NO_KEYCHAIN", "1");
    QTemporaryDir serverDir, appDir;

    // A server without the per-session rate limit, on its own thread like the embedded one.
    QThread serverThread;
    serverThread.start();
    QObject worker;
    worker.moveToThread(&serverThread);
    server::Server *srv = nullptr;
    QUrl url(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString());
    // With a URL (a kith-server started with [limits] requests_per_second raised), the RSS
    // figures are the app's alone; without, the server shares this process.
    if (url.isEmpty())
        QMetaObject::invokeMethod(&worker, [&] {
        server::ServerConfig c;
        c.dataDir = serverDir.path();
        c.port = 0;
        c.requestsPerSecond = 1000000;
        c.requestBurst = 1000000;
        c.syncFull = false;
        srv = new server::Server(c);
        QString error;
        if (!srv->start(&error))
            qFatal("server: %s", qPrintable(error));
        url = srv->url();
    }, Qt::BlockingQueuedConnection);
    fill(url, count);

    const long before = rssKb();
    QElapsedTimer t;
    t.start();
    AppController controller(AppOptions{appDir.path(), false});
    bool usable = false;
    QObject::connect(&controller, &AppController::usable, [&] { usable = true; });
    controller.window()->resize(1280, 800);
    controller.window()->show();
    controller.connectRemote(url, QStringLiteral("filler"), QStringLiteral("filler-password"), false);
    waitUntil([&] { return usable; });
    std::printf("usable after %lld ms; RSS %ld kB (before the app: %ld kB)\n", t.elapsed(), rssKb(), before);

    MessageView *view = controller.window()->chat()->view();
    MessageListModel *model = controller.state()->messages();
    QScrollBar *sb = view->verticalScrollBar();
    // First, a few older pages with the view held near the top: the row in the middle must
    // stay at its pixel once the page is in and its rows have their real heights.
    waitUntil([&] { return sb->maximum() > 0; });
    for (int i = 0; i < 3 && model->canFetchOlder(); ++i) {
        sb->setValue(5);
        const QModelIndex mid = view->indexAt(QPoint(30, view->viewport()->height() / 2));
        const quint64 id = mid.data(MessageListModel::IdRole).toULongLong();
        const int y = view->visualRect(mid).top();
        const int rows = model->rowCount();
        waitUntil([&] { return model->rowCount() != rows; });
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const int after = view->visualRect(model->index(model->rowOf(id))).top();
        std::printf("older page %d: row under the middle at y %d before, %d after: %s\n", i + 1, y, after,
                    y == after ? "kept" : "MOVED");
    }
    // What those older pages look like once laid out for real (KITH_MEASURE_GRAB=file.png).
    if (qEnvironmentVariableIsSet("KITH_MEASURE_GRAB")) {
        sb->setValue(0);
        view->grab().save(qEnvironmentVariable("KITH_MEASURE_GRAB"));
    }
    std::vector<double> frames, pages, delegateMs, turns, pageTurns;
    bool justLoaded = false;
    // A page inserted by processEvents() (as the view prefetches) stalls the GUI thread there,
    // not in repaint(): time whole turns (events + scroll + paint) and the turns after a page.
    int pageTurnsLeft = 0;
    // GUI-thread cost of each older page: the view's layouts (each measures every row) and,
    // where the delegate defers it, the document layout of the new rows, until the next page.
    std::vector<double> pageLayoutMs, pageRefineMs;
    qint64 layoutMark = view->layoutNs(), refineMark = view->messageDelegate()->refineNs();
    const auto closePage = [&] {
        pageLayoutMs.push_back((view->layoutNs() - layoutMark) / 1e6);
        pageRefineMs.push_back((view->messageDelegate()->refineNs() - refineMark) / 1e6);
        layoutMark = view->layoutNs();
        refineMark = view->messageDelegate()->refineNs();
    };
    bool pageOpen = false;
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, [&](const QModelIndex &, int first) {
        if (first != 0)
            return;
        if (pageOpen)
            closePage();
        layoutMark = view->layoutNs();
        refineMark = view->messageDelegate()->refineNs();
        pageOpen = true;
    });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, [&](const QModelIndex &, int first) {
        if (first == 0)
            pageTurnsLeft = 2;
    });
    qint64 docsInPaint = 0;
    QElapsedTimer run;
    run.start();
    QElapsedTimer turn;
    while (true) {
        turn.start();
        QCoreApplication::processEvents();
        if (sb->value() == 0 && !model->canFetchOlder() && model->reachedStart())
            break;
        if (sb->value() == 0 && !model->canFetchOlder()) { // a page is on its way
            QElapsedTimer p;
            p.start();
            const int rows = model->rowCount();
            waitUntil([&] { return model->rowCount() != rows || model->reachedStart(); });
            QCoreApplication::processEvents();
            pages.push_back(p.nsecsElapsed() / 1e6);
            justLoaded = true;
            pageTurnsLeft = 0; // counted as a wait, not as a turn
            continue;
        }
        sb->setValue(qMax(0, sb->value() - view->viewport()->height() / 3));
        QElapsedTimer f;
        f.start();
        view->messageDelegate()->resetPaintedNs();
        const qint64 made = view->messageDelegate()->documentsMade();
        view->viewport()->repaint();
        docsInPaint += view->messageDelegate()->documentsMade() - made;
        frames.push_back(f.nsecsElapsed() / 1e6);
        delegateMs.push_back(view->messageDelegate()->paintedNs() / 1e6);
        if (qEnvironmentVariableIsSet("KITH_MEASURE_VERBOSE") && frames.back() > 16)
            std::printf("slow frame %zu: %.1f ms (delegate %.1f ms), rows %d, after page %d\n", frames.size(),
                        frames.back(), delegateMs.back(), model->rowCount(), int(justLoaded));
        justLoaded = false;
        const double turnMs = turn.nsecsElapsed() / 1e6;
        turns.push_back(turnMs);
        if (pageTurnsLeft > 0) {
            --pageTurnsLeft;
            pageTurns.push_back(turnMs);
        }
        if (qEnvironmentVariableIsSet("KITH_MEASURE_VERBOSE") && turnMs > 16)
            std::printf("slow turn %zu: %.1f ms, rows %d\n", turns.size(), turnMs, model->rowCount());
    }
    for (int i = 0; i < 20; ++i) // let the last page settle
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (pageOpen)
        closePage();
    std::printf("scrolled to the first of %d messages in %lld ms: %zu frames, %zu pages\n", model->rowCount(),
                run.elapsed(), frames.size(), pages.size());
    std::printf("paint per frame ms: p50 %.2f p95 %.2f p99 %.2f max %.2f\n", percentile(frames, .5),
                percentile(frames, .95), percentile(frames, .99), percentile(frames, 1));
    std::printf("of which the delegate ms: p50 %.2f p95 %.2f max %.2f\n", percentile(delegateMs, .5),
                percentile(delegateMs, .95), percentile(delegateMs, 1));
    const auto over = std::count_if(turns.begin(), turns.end(), [](double v) { return v > 1000.0 / 60; });
    std::printf("GUI thread per turn (events + scroll + paint) ms: p50 %.2f p99 %.2f max %.2f; %lld of %zu over 16.7\n",
                percentile(turns, .5), percentile(turns, .99), percentile(turns, 1), (long long)over, turns.size());
    std::printf("turns right after a page insert (%zu) ms: p50 %.1f p95 %.1f max %.1f\n", pageTurns.size(),
                percentile(pageTurns, .5), percentile(pageTurns, .95), percentile(pageTurns, 1));
    std::printf("GUI time per older page (%zu): row layouts ms p50 %.1f max %.1f; deferred document layout ms "
                "p50 %.1f max %.1f, longest turn of it %.1f\n", pageLayoutMs.size(), percentile(pageLayoutMs, .5),
                percentile(pageLayoutMs, 1), percentile(pageRefineMs, .5), percentile(pageRefineMs, 1),
                view->messageDelegate()->refineMaxNs() / 1e6);
    std::printf("waits at the top for a page (incl. network) ms: p50 %.1f p95 %.1f max %.1f\n", percentile(pages, .5),
                percentile(pages, .95), percentile(pages, 1));
    std::printf("documents laid out: %lld in all, %lld of them while painting\n",
                view->messageDelegate()->documentsMade(), docsInPaint);
    std::printf("RSS after scrolling: %ld kB\n", rssKb());
    controller.shutdown();
    if (srv)
        QMetaObject::invokeMethod(&worker, [&] { srv->stop(); delete srv; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}

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
    std::vector<double> frames, pages, delegateMs;
    bool justLoaded = false;
    qint64 docsInPaint = 0;
    QElapsedTimer run;
    run.start();
    while (true) {
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
    }
    std::printf("scrolled to the first of %d messages in %lld ms: %zu frames, %zu pages\n", model->rowCount(),
                run.elapsed(), frames.size(), pages.size());
    std::printf("paint per frame ms: p50 %.2f p95 %.2f p99 %.2f max %.2f\n", percentile(frames, .5),
                percentile(frames, .95), percentile(frames, .99), percentile(frames, 1));
    std::printf("of which the delegate ms: p50 %.2f p95 %.2f max %.2f\n", percentile(delegateMs, .5),
                percentile(delegateMs, .95), percentile(delegateMs, 1));
    std::printf("page load incl. layout ms: p50 %.1f p95 %.1f max %.1f\n", percentile(pages, .5),
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

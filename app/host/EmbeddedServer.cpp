#include "EmbeddedServer.h"

#include "platform/Plugins.h"
#include "shared/Limits.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "kith.app.host")

namespace kith::app {

namespace {
// How often a taken port is tried again. Cheap: one bind() that fails.
constexpr int kReclaimIntervalMs = 2000;
const QString kModule = QStringLiteral("kith_server_module");
} // namespace

void EmbeddedServer::Thread::run()
{
    exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (atEnd)
        atEnd();
}

EmbeddedServer::EmbeddedServer(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("kith-embedded-server"));
    // Last on the thread: its OpenSSL state is freed here, not in the thread's exit, which runs
    // after wait() has returned and could meet OpenSSL's clean-up at process exit.
    m_thread.atEnd = [this] {
        if (m_plugin)
            m_plugin->releaseThread();
    };
}

EmbeddedServer::~EmbeddedServer()
{
    m_pendingStart = nullptr;
    stopAndWait();
}

QString EmbeddedServer::modulePath()
{
    return plugins::find(kModule);
}

ServerPlugin *EmbeddedServer::plugin(QString *error)
{
    if (m_plugin)
        return m_plugin;
    std::unique_ptr<QPluginLoader> loader;
    m_plugin = plugins::load<ServerPlugin>(kModule, &loader, error);
    if (!m_plugin)
        return nullptr;
    loader->moveToThread(thread()); // it outlives this thread's runs
    m_loader = std::move(loader);
    return m_plugin;
}

void EmbeddedServer::start(const QString &dataDir, quint16 port)
{
    if (m_stopping) {
        m_pendingStart = [this, dataDir, port] { start(dataDir, port); };
        return;
    }
    if (m_running || m_starting)
        return;
    m_starting = true;
    ++m_generation;
    QDir().mkpath(dataDir);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    launch(dataDir, port);
}

void EmbeddedServer::launch(const QString &dataDir, quint16 port)
{
    // The Server is built inside its thread so its sockets, timers and database connection
    // all belong there.
    QMetaObject::invokeMethod(m_worker, [this, dataDir, port, party = m_party, generation = m_generation] {
        QElapsedTimer t;
        t.start();
        QString error;
        auto kind = HostedServer::StartError::None;
        ServerPlugin *module = plugin(&error);
        auto tryStart = [&](quint16 p) -> std::unique_ptr<HostedServer> {
            if (!module)
                return nullptr;
            HostedServerConfig config;
            config.dataDir = dataDir;
            config.port = p;
            // What others see when they join: this machine's name.
            const QString machine = QSysInfo::machineHostName();
            config.serverName = machine.isEmpty() ? QStringLiteral("Kith") : machine;
            config.party = party;
            auto s = module->create(config);
            if (s->start(&error, &kind))
                return s;
            return nullptr;
        };
        std::unique_ptr<HostedServer> s = tryStart(port);
        quint16 busy = 0;
        // Only a taken port moves the server elsewhere; any other failure is the user's to see.
        if (!s && port != 0 && kind == HostedServer::StartError::AddressInUse) {
            qCInfo(lcHost) << "port" << port << "is taken (" << error << "); using a free one until it is free";
            busy = port;
            s = tryStart(0);
        }
        const qint64 ms = t.elapsed();
        const QUrl url = s ? s->url() : QUrl();
        const quint64 partyGuild = s ? s->partyGuildId() : 0;
        const QString fingerprint = s ? s->fingerprint() : QString();
        const bool ok = s != nullptr;
        m_server = std::move(s);
        if (ok && busy) {
            auto *reclaim = new QTimer(m_worker);
            reclaim->setInterval(kReclaimIntervalMs);
            QObject::connect(reclaim, &QTimer::timeout, m_worker, [this, reclaim, busy] {
                QString why;
                if (!m_server || !m_server->listenAlso(busy, &why))
                    return;
                reclaim->deleteLater();
                qCInfo(lcHost) << "port" << busy << "is free again and accepts connections";
                QMetaObject::invokeMethod(this, [this, busy] {
                    m_reclaiming = 0;
                    emit portRestored(busy);
                }, Qt::QueuedConnection);
            });
            reclaim->start();
        }
        if (!ok) {
            // Nothing runs in the thread: let it go, so start() can be tried again.
            QMetaObject::invokeMethod(this, [this, generation] { finishStop(generation, false); }, Qt::QueuedConnection);
            QThread::currentThread()->quit();
        }
        QMetaObject::invokeMethod(this, [this, url, error, ms, busy, partyGuild, fingerprint, ok] {
            m_startMs = ms;
            if (!ok) {
                emit failed(error);
                return;
            }
            m_starting = false;
            if (m_stopping)
                return; // stop() came first; its finish follows
            m_running = true;
            m_url = url;
            m_fingerprint = fingerprint;
            m_partyGuildId = partyGuild;
            m_reclaiming = busy;
            qCInfo(lcHost) << "embedded server on" << url << "started in" << ms << "ms";
            emit started(url);
            if (busy)
                emit portBusy(busy, quint16(url.port()));
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void EmbeddedServer::stop(quint16 closeCode)
{
    if (!m_worker || m_stopping)
        return;
    m_stopping = true;
    m_running = false;
    // The thread stops its server, then its own event loop; finished() brings us back here.
    QMetaObject::invokeMethod(m_worker, [this, closeCode, generation = m_generation] {
        if (m_server) {
            m_server->stop(closeCode, closeCode == limits::kClosePartyEnded ? QStringLiteral("the host ended the party")
                                                                             : QString());
            m_server.reset();
        }
        QMetaObject::invokeMethod(this, [this, generation] { finishStop(generation, true); }, Qt::QueuedConnection);
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
}

void EmbeddedServer::stopAndWait()
{
    m_pendingStart = nullptr; // quitting: nothing starts again
    stop();
    if (m_thread.isRunning())
        m_thread.wait();
    finishStop(m_generation, m_stopping);
}

void EmbeddedServer::finishStop(quint64 generation, bool emitStopped)
{
    if (generation != m_generation || !m_worker)
        return;
    m_thread.wait(); // it has quit its loop; let it end before a new start() reuses it
    m_worker = nullptr; // deleted by the thread's finished signal
    m_running = false;
    m_starting = false;
    m_stopping = false;
    m_reclaiming = 0;
    m_url = QUrl();
    m_fingerprint.clear();
    if (emitStopped)
        emit stopped();
    if (auto next = std::exchange(m_pendingStart, nullptr))
        next();
}

} // namespace kith::app

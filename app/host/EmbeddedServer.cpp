#include "EmbeddedServer.h"

#include "server/Server.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHost, "kith.app.host")

namespace kith::app {

EmbeddedServer::EmbeddedServer(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("kith-embedded-server"));
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

void EmbeddedServer::start(const QString &dataDir, quint16 port)
{
    if (m_running || m_worker)
        return;
    QDir().mkpath(dataDir);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    // The Server is built inside its thread so its sockets, timers and database connection
    // all belong there.
    QMetaObject::invokeMethod(m_worker, [this, dataDir, port] {
        QElapsedTimer t;
        t.start();
        auto tryStart = [&](quint16 p, QString *error) {
            server::ServerConfig config;
            config.dataDir = dataDir;
            config.port = p;
            config.serverName = QStringLiteral("Local");
            auto *s = new server::Server(config);
            if (s->start(error))
                return s;
            delete s;
            return static_cast<server::Server *>(nullptr);
        };
        QString error;
        server::Server *s = tryStart(port, &error);
        if (!s && port != 0) {
            qCInfo(lcHost) << "port" << port << "unavailable (" << error << "); using a free one";
            s = tryStart(0, &error);
        }
        const qint64 ms = t.elapsed();
        const QUrl url = s ? s->url() : QUrl();
        m_server = s;
        QMetaObject::invokeMethod(this, [this, url, error, ms, ok = s != nullptr] {
            m_startMs = ms;
            if (!ok) {
                emit failed(error);
                return;
            }
            m_running = true;
            m_url = url;
            qCInfo(lcHost) << "embedded server on" << url << "started in" << ms << "ms";
            emit started(url);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void EmbeddedServer::stop()
{
    if (!m_worker)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, [this] {
            if (m_server) {
                m_server->stop();
                delete m_server;
                m_server = nullptr;
            }
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    m_worker = nullptr; // deleted by the thread's finished signal
    m_running = false;
}

} // namespace kith::app

#pragma once
//! Runs a kith-server-core Server on its own QThread, for "Start a local server". The app
//! then talks to it over loopback WebSocket like to any other host: one code path.

#include <QObject>
#include <QThread>
#include <QUrl>

namespace kith::server {
class Server;
}

namespace kith::app {

class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override; //!< stops the server and joins its thread

    //! Starts asynchronously; emits started() or failed(). `port` 0 picks a free one; a taken
    //! remembered port falls back to a free one.
    void start(const QString &dataDir, quint16 port = 0);
    //! Stops the server inside its thread (connections get 1001, data is flushed) and joins it.
    void stop();

    bool isRunning() const { return m_running; }
    bool isStarting() const { return m_worker && !m_running; }
    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    qint64 startMs() const { return m_startMs; } //!< how long start() took inside the thread

signals:
    void started(const QUrl &url);
    void failed(const QString &reason);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;         //!< lives in m_thread; invokeMethod's context there
    kith::server::Server *m_server = nullptr; //!< created, used and deleted only in m_thread
    bool m_running = false;
    QUrl m_url;
    qint64 m_startMs = 0;
};

} // namespace kith::app

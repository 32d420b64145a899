#pragma once
//! Runs the app's own server on its own QThread, for "Start a local server". The server is the
//! kith_server_module plugin (ServerPlugin.h), loaded in that thread on the first start. The app
//! then talks to it over loopback WebSocket like to any other host: one code path.

#include "ServerPlugin.h"

#include <QObject>
#include <QThread>
#include <QUrl>
#include <functional>
#include <memory>

class QPluginLoader;

namespace kith::app {

class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override; //!< stops the server and joins its thread

    //! Starts asynchronously; emits started() or failed() with the real reason. `port` 0 picks
    //! a free one. If `port` is taken by another program the server starts on a free port,
    //! emits portBusy(), and takes `port` back as soon as it is free (portRestored()), so an
    //! address given out keeps working. After failed(), start() may be called again.
    void start(const QString &dataDir, quint16 port = 0);
    //! What the next start() serves (see HostedParty).
    using Party = HostedParty;
    void setParty(const Party &party) { m_party = party; }
    const Party &party() const { return m_party; }
    //! The running party's guild (0 without guests).
    quint64 partyGuildId() const { return m_partyGuildId; }

    //! Stops the server inside its thread (connections get `closeCode`, data is flushed)
    //! without blocking the caller; emits stopped() when done. A start() meanwhile runs after it.
    void stop(quint16 closeCode = 1001);
    //! stop() and wait until the thread is gone: for quitting, when nothing is left to draw.
    void stopAndWait();

    bool isRunning() const { return m_running; }
    bool isStarting() const { return m_starting; }
    bool isStopping() const { return m_stopping; }
    QUrl url() const { return m_url; }
    //! The running server's certificate fingerprint, with TLS; else empty.
    QString fingerprint() const { return m_fingerprint; }
    quint16 port() const { return quint16(m_url.port()); }
    //! The port asked for but taken by someone else, while the server waits for it; else 0.
    quint16 reclaimingPort() const { return m_reclaiming; }
    qint64 startMs() const { return m_startMs; } //!< how long start() took inside the thread
    //! The server module's file, for loading it ahead (LibraryPreload); empty if not found.
    static QString modulePath();

signals:
    void started(const QUrl &url);
    void failed(const QString &reason);
    void portBusy(quint16 wanted, quint16 using_);
    void portRestored(quint16 port);
    void stopped();

private:
    void launch(const QString &dataDir, quint16 port);
    //! The server module, loaded on first start; in m_thread only.
    ServerPlugin *plugin(QString *error);
    //! Back on our thread once the server thread has ended (for start `generation`).
    void finishStop(quint64 generation, bool emitStopped);

    //! The server's thread. Before it ends it deletes what its loop left to delete (the
    //! server's sockets), then runs atEnd: the module frees the thread's OpenSSL state there.
    class Thread : public QThread
    {
    public:
        std::function<void()> atEnd;

    protected:
        void run() override;
    };
    Thread m_thread;
    QObject *m_worker = nullptr;         //!< lives in m_thread; invokeMethod's context there
    std::unique_ptr<HostedServer> m_server; //!< created, used and deleted only in m_thread
    std::unique_ptr<QPluginLoader> m_loader; //!< keeps the server module loaded
    ServerPlugin *m_plugin = nullptr;        //!< loaded and used only in m_thread
    bool m_running = false;
    bool m_starting = false;
    bool m_stopping = false;
    quint16 m_reclaiming = 0;
    quint64 m_generation = 0;            //!< one per start(), so a late finish never hits a newer run
    std::function<void()> m_pendingStart; //!< a start() asked for while stopping
    QUrl m_url;
    QString m_fingerprint;
    qint64 m_startMs = 0;
    Party m_party;
    quint64 m_partyGuildId = 0;
};

} // namespace kith::app

#pragma once
//! A whole Kith server: storage, services and the WebSocket gateway. kith-server's main and
//! the desktop app's embedded host both own one of these. Lives on the thread that made it.

#include "ServerConfig.h"
#include "net/GatewayStats.h"

#include <QObject>
#include <QUrl>
#include <memory>

namespace kith::server {

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override; //!< stops if still running

    //! Why start() failed, for callers that react differently (the app retries another port).
    enum class StartError { None, FolderInUse, AddressInUse, Other };

    //! Locks the data folder, opens (and migrates) the database, loads state and starts
    //! listening. Returns false with a one-line reason in *error (and the kind in *kind).
    bool start(QString *error, StartError *kind = nullptr);
    //! Closes every connection (1001, or `closeCode` with `reason`), flushes the write queue
    //! and closes the database.
    void stop(quint16 closeCode = 1001, const QString &reason = {});

    bool isRunning() const;
    //! The node id in this server's snowflakes: configured, leased (PostgreSQL) or 0.
    int nodeId() const;
    quint16 port() const;   //!< the real port, also when configured as 0
    //! The real port of /healthz and /metrics; 0 when they are off.
    quint16 metricsPort() const;
    QUrl url() const;       //!< ws://host:port, or wss:// with TLS
    //! The TLS certificate's SHA-256 ("AB:CD:…"); empty without TLS.
    QString fingerprint() const;
    //! Also accepts connections on `port` of the same address (the app keeps an address it gave
    //! out once that port is free again). False if it is still taken.
    bool listenAlso(quint16 port, QString *error);
    QList<quint16> ports() const; //!< every port accepting connections, the main one first
    quint64 partyGuildId() const;  //!< the LAN party's guild, with guests on; else 0
    const ServerConfig &config() const;
    //! What the gateway refused, cut or paused so far (also in /metrics); zeros when stopped.
    GatewayStats gatewayStats() const;

signals:
    void stopped();
    //! The server stopped by itself and cannot go on (e.g. its node id lease was lost).
    void failed(const QString &reason);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kith::server

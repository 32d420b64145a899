#pragma once
//! What the embedded-server module offers the app. The server (kith-server-core with QtSql,
//! SQLite, libsodium and libcrypto) is a plugin that EmbeddedServer loads on the server's own
//! thread: the GUI thread neither loads nor relocates any of it while the window is built, and
//! an app that only talks to other hosts never maps it.

#include <QHostAddress>
#include <QString>
#include <QUrl>
#include <QtPlugin>
#include <memory>

namespace kith::app {

//! What the app's own server serves: a LAN party (guests, on `listen`, usually every
//! interface) or, with `guests` false, the app's own loopback-only server.
struct HostedParty {
    bool guests = false;
    QString name;
    QString password;
    QHostAddress listen = QHostAddress(QHostAddress::LocalHost);
    bool tls = false; //!< wss:// with a certificate kept in the server's folder
    QString announce; //!< where LAN beacons go (HOST:PORT or broadcast); empty: none
};

struct HostedServerConfig {
    QString dataDir;
    quint16 port = 0; //!< 0 picks a free one
    QString serverName; //!< what others see when they join
    HostedParty party;
};

//! One server. Made, used and deleted on one thread (it owns sockets and timers there).
class HostedServer
{
public:
    enum class StartError { None, AddressInUse, Other };
    virtual ~HostedServer() = default;
    //! Locks the folder, opens (and migrates) the database and listens; false with the reason.
    virtual bool start(QString *error, StartError *kind) = 0;
    virtual void stop(quint16 closeCode, const QString &reason) = 0;
    //! Also accepts connections on `port` (an address given out before); false while it is taken.
    virtual bool listenAlso(quint16 port, QString *error) = 0;
    virtual QUrl url() const = 0;
    virtual QString fingerprint() const = 0;
    virtual quint64 partyGuildId() const = 0;
};

class ServerPlugin
{
public:
    virtual ~ServerPlugin() = default;
    virtual std::unique_ptr<HostedServer> create(const HostedServerConfig &config) = 0;
    //! Frees the server libraries' per-thread state (OpenSSL's) of the calling thread: called
    //! last on the thread that ran a HostedServer, so nothing of it is freed after the thread
    //! is waited for, when the process may already be exiting.
    virtual void releaseThread() = 0;
};

} // namespace kith::app

#define KITH_SERVER_PLUGIN_IID "chat.kith.ServerPlugin/2"
Q_DECLARE_INTERFACE(kith::app::ServerPlugin, KITH_SERVER_PLUGIN_IID)

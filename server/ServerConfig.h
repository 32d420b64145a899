#pragma once
//! Everything kith-server needs to start; filled from flags, environment variables, a config
//! file or by the app.

#include "shared/Limits.h"

#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <functional>

namespace kith::server {

struct ServerConfig;

//! One setting as the file, the environment and the command line know it. The table of them
//! (ServerConfig::settings()) is the one place a setting is declared.
struct ConfigSetting {
    QString section;    //!< INI section, e.g. "server"
    QString key;        //!< INI key, e.g. "node_id"
    QString flag;       //!< command-line flag without "--"; empty: none
    QString valueName;  //!< the flag's value in --help ("HOST:PORT"); empty: a switch that turns it on
    QString help;       //!< one sentence for --help
    bool path = false;  //!< a relative path in the file is relative to the file's folder
    //! Validates and stores the value; false with the reason (without the setting's name) in *why.
    std::function<bool(ServerConfig &, const QString &value, QString *why)> set;

    QString iniKey() const { return section + QLatin1Char('/') + key; }    //!< "server/node_id"
    QString envName() const;                                               //!< "KITH_NODE_ID"
};

struct ServerConfig {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = limits::kDefaultPort;  //!< 0 picks a free port
    QString dataDir;                      //!< required: the SQLite file and other state live here
    QString databaseUrl;                  //!< postgresql://… or sqlite:FILE; empty: dataDir/kith.db (see DatabaseUrl)
    QString serverName = QStringLiteral("Kith");
    int nodeId = -1;                      //!< 0-1023, part of every id this node makes; -1: leased
                                          //!< from PostgreSQL (the lowest free), 0 on SQLite
    QString logLevel = QStringLiteral("info"); //!< kith-server's main applies it; debug, info, warning, error
    //! Who may sign up (session.register): "open" (anyone), "invite" (with a guild invite code),
    //! "closed" (nobody: accounts come from `kith-server admin create-user`). hello says which.
    QString registration = QStringLiteral("open");
    // Health and metrics over HTTP on a port of their own; off unless given
    bool metrics = false;
    QHostAddress metricsHost = QHostAddress(QHostAddress::LocalHost);
    quint16 metricsPort = 0;              //!< 0 picks a free port
    int requestsPerSecond = limits::kRequestsPerSecond;
    int requestBurst = limits::kRequestBurst;
    int loginFailuresPerUsername = limits::kLoginFailuresPerUsername;
    int loginWindowPerUsernameMs = limits::kLoginWindowPerUsernameMs;
    int hashQueue = limits::kHashQueue;             //!< password hashes waiting or running
    int hashesPerAddress = limits::kHashesPerAddress;
    int storeQueue = 100000;                        //!< store jobs waiting; beyond: unavailable
    // The edge of the internet (see docs/OPERATIONS.md, "Limits")
    int handshakeTimeoutMs = 10000;       //!< a connection's upgrade request must be complete by then
    int connectionsPerAddress = 256;      //!< upgrading + open connections per client address
    qint64 queuedBytesTotal = 268435456;  //!< bytes queued for sending across all sessions
    //! Peers whose connections are not counted per address; the client's address is taken from
    //! their X-Forwarded-For instead (a reverse proxy in front of the server).
    QList<QHostAddress> trustedProxies;
    // Files (docs/OPERATIONS.md, "Attachments")
    QString attachmentsDir;               //!< empty: dataDir/attachments; several nodes may share one mount
    qint64 attachmentBytes = limits::kAttachmentBytes; //!< largest upload; hello's limits.attachment_bytes
    int httpBodyTimeoutMs = 30000;        //!< an HTTP request body with no byte for this long is closed
    bool syncFull = true;                 //!< SQLite synchronous=FULL: durable across power loss
    // LAN party
    bool guests = false;                  //!< session.guest is open; a party guild exists
    QString partyName;                    //!< the party guild's name (default: serverName)
    QString partyPassword;                //!< guests must give it; empty: none
    QString announce;                     //!< where LAN beacons go: HOST:PORT or broadcast[:PORT]; empty: none
    // TLS: serve wss:// instead of ws://
    bool tlsSelfSigned = false;           //!< a certificate made once and kept in dataDir/tls
    QString tlsCert;                      //!< PEM certificate (chain) file; with tlsKey, wins over self-signed
    QString tlsKey;                       //!< PEM private key file

    bool tls() const { return tlsSelfSigned || !tlsCert.isEmpty(); }

    //! Every setting of the file, the environment and the flags, in --help order.
    static const QList<ConfigSetting> &settings();
    static const ConfigSetting *setting(const QString &section, const QString &key);

    //! Reads an INI file (see settings()); an unknown key or a bad value is an error naming it.
    //! Precedence is the caller's: load the file, then the environment, then apply flags.
    bool loadFile(const QString &path, QString *error);
    //! Reads every setting's environment variable that is set and not empty.
    bool loadEnvironment(QString *error, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    //! Applies one value; `source` names where it came from in the error ("--node-id").
    bool apply(const ConfigSetting &s, const QString &value, const QString &source, QString *error);

    //! Parses "HOST:PORT", "[v6]:PORT", "HOST" or ":PORT".
    bool setListen(const QString &listen, QString *error);
    //! Parses "HOST:PORT", "[v6]:PORT", ":PORT" or "PORT" (then on 127.0.0.1); empty turns metrics off.
    bool setMetrics(const QString &value, QString *error);
};

} // namespace kith::server

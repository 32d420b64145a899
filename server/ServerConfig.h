#pragma once
//! Everything kith-server needs to start; filled from flags, a config file or by the app.

#include "shared/Limits.h"

#include <QHostAddress>
#include <QString>

namespace kith::server {

struct ServerConfig {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = limits::kDefaultPort;  //!< 0 picks a free port
    QString dataDir;                      //!< required: the SQLite file and other state live here
    QString databaseUrl;                  //!< postgresql://… or sqlite:FILE; empty: dataDir/kith.db (see DatabaseUrl)
    QString serverName = QStringLiteral("Kith");
    int nodeId = -1;                      //!< 0-1023, part of every id this node makes; -1: leased
                                          //!< from PostgreSQL (the lowest free), 0 on SQLite
    int requestsPerSecond = limits::kRequestsPerSecond;
    int requestBurst = limits::kRequestBurst;
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

    //! Reads an INI file ([server] listen, data, db, name, node_id; [limits] ...).
    //! Values already given on the command line win; call before applying flags.
    bool loadFile(const QString &path, QString *error);
    //! Parses "HOST:PORT", "[v6]:PORT", "HOST" or ":PORT".
    bool setListen(const QString &listen, QString *error);
};

} // namespace kith::server

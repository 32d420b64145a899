#pragma once
//! A whole Kith server: storage, services and the WebSocket gateway. kith-server's main and
//! the desktop app's embedded host both own one of these. Lives on the thread that made it.

#include "ServerConfig.h"

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

    //! Opens (and migrates) the database, loads state and starts listening.
    //! Returns false with a one-line reason in *error.
    bool start(QString *error);
    //! Closes every connection (1001), flushes the write queue and closes the database.
    void stop();

    bool isRunning() const;
    quint16 port() const;   //!< the real port, also when configured as 0
    QUrl url() const;       //!< ws://host:port
    const ServerConfig &config() const;

signals:
    void stopped();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kith::server

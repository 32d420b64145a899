#pragma once
//! An in-process kith::server::Server on 127.0.0.1 port 0 with a throwaway data folder (and a
//! throwaway PostgreSQL database when the suite runs on PostgreSQL, see TestDatabase).

#include "TestClient.h"
#include "TestDatabase.h"

#include "server/ServerConfig.h"

#include <QTemporaryDir>
#include <memory>

namespace kith::server {
class Server;
}

namespace kith::test {

class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    //! Edit before start(): limits, node id... dataDir and the listen address are set here.
    server::ServerConfig config;

    bool start(QString *error = nullptr);
    void stop();
    //! Stops and starts a new Server on the same data folder (and a new free port).
    bool restart(QString *error = nullptr);

    server::Server *server() const { return m_server.get(); }
    QUrl url() const;
    QString dataDir() const { return m_dir.path(); }
    const TestDatabase &database() const { return m_db; }
    //! Runs f on a private connection to this server's database (see TestDatabase::with).
    bool withDb(const std::function<bool(QSqlDatabase &)> &f) const { return m_db.with(m_dir.path(), f); }

    //! A connected client (hello received), owned by the caller.
    std::unique_ptr<TestClient> connect();
    //! A connected client signed in as a new user; name gets a unique suffix when taken.
    std::unique_ptr<TestClient> newUser(const QString &name, QString *usernameOut = nullptr);

    static QString password() { return QStringLiteral("correct horse battery"); }

private:
    QTemporaryDir m_dir;
    TestDatabase m_db;
    std::unique_ptr<server::Server> m_server;
    int m_userCounter = 0;
};

} // namespace kith::test

#include "ServerFixture.h"

#include "server/Server.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace kith::test {

ServerFixture::ServerFixture()
{
    config.host = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.dataDir = m_dir.path();
    config.databaseUrl = m_db.url();
    config.serverName = u"Kith test"_s;
    // Tests rarely need power-loss durability; the kill -9 test in e2e/ uses the real binary.
    config.syncFull = false;
}

ServerFixture::~ServerFixture()
{
    stop();
}

bool ServerFixture::start(QString *error)
{
    QString err;
    if (!m_dir.isValid()) {
        err = u"cannot create a temporary data folder"_s;
    } else {
        config.dataDir = m_dir.path();
        m_server = std::make_unique<server::Server>(config);
        if (!m_server->start(&err))
            m_server.reset();
    }
    if (error)
        *error = err;
    else if (!m_server)
        qWarning("ServerFixture: server did not start: %s", qPrintable(err));
    return m_server != nullptr;
}

void ServerFixture::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

bool ServerFixture::restart(QString *error)
{
    stop();
    config.port = 0;
    return start(error);
}

QUrl ServerFixture::url() const
{
    return m_server ? m_server->url() : QUrl();
}

std::unique_ptr<TestClient> ServerFixture::connect()
{
    auto c = std::make_unique<TestClient>();
    if (!c->connectTo(url()))
        qWarning("ServerFixture: no hello from %s", qPrintable(url().toString()));
    return c;
}

std::unique_ptr<TestClient> ServerFixture::newUser(const QString &name, QString *usernameOut)
{
    auto c = connect();
    const QString username = u"%1_%2"_s.arg(name).arg(++m_userCounter);
    const Reply r = c->registerUser(username, password(), name);
    if (!r.ok)
        qWarning("ServerFixture: register %s failed: %s", qPrintable(username),
                 qPrintable(r.describe()));
    if (usernameOut)
        *usernameOut = username;
    return c;
}

} // namespace kith::test

// The embedded-server module: kith-server-core behind app/host/ServerPlugin.h.
#include "host/ServerPlugin.h"
#include "server/Server.h"
#include "server/OpenSslThread.h"

#include <QObject>

namespace kith::app {
namespace {

class Hosted final : public HostedServer
{
public:
    explicit Hosted(server::ServerConfig config)
        : m_server(std::move(config))
    { }

    bool start(QString *error, StartError *kind) override
    {
        auto why = server::Server::StartError::None;
        const bool ok = m_server.start(error, &why);
        *kind = ok                                                ? StartError::None
                : why == server::Server::StartError::AddressInUse ? StartError::AddressInUse
                                                                  : StartError::Other;
        return ok;
    }
    void stop(quint16 closeCode, const QString &reason) override { m_server.stop(closeCode, reason); }
    bool listenAlso(quint16 port, QString *error) override { return m_server.listenAlso(port, error); }
    QUrl url() const override { return m_server.url(); }
    QString fingerprint() const override { return m_server.fingerprint(); }
    quint64 partyGuildId() const override { return m_server.partyGuildId(); }

private:
    server::Server m_server;
};

} // namespace

class ServerModule : public QObject, public ServerPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID KITH_SERVER_PLUGIN_IID)
    Q_INTERFACES(kith::app::ServerPlugin)
public:
    std::unique_ptr<HostedServer> create(const HostedServerConfig &c) override
    {
        server::ServerConfig config;
        config.dataDir = c.dataDir;
        config.port = c.port;
        config.serverName = c.serverName;
        config.host = c.party.listen;
        config.guests = c.party.guests;
        config.partyName = c.party.name;
        config.partyPassword = c.party.password;
        config.tlsSelfSigned = c.party.tls;
        config.announce = c.party.announce;
        return std::make_unique<Hosted>(std::move(config));
    }
    void releaseThread() override { server::releaseOpenSslThread(); }
};

} // namespace kith::app

#include "ServerModule.moc"

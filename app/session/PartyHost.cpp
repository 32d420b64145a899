#include "PartyHost.h"

#include "HostSession.h"
#include "LanBrowser.h"
#include "host/EmbeddedServer.h"
#include "shared/InviteLink.h"
#include "shared/Limits.h"
#include "state/ClientState.h"

#include <QNetworkInterface>

namespace kith::app {

PartyHost::PartyHost(EmbeddedServer *server, HostSession *local, QObject *parent)
    : QObject(parent), m_server(server), m_local(local)
{
    connect(local->state(), &ClientState::presenceChanged, this, [this] {
        if (isHosting() && !m_link.isEmpty())
            emit changed();
    });
}

void PartyHost::begin(const QString &name, const QString &password, const QString &announce)
{
    EmbeddedServer::Party party;
    party.guests = true;
    party.name = name;
    party.password = password;
    const QString listen = qEnvironmentVariable("KITH_PARTY_LISTEN");
    party.listen = listen.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(listen);
    party.tls = true;
    // A party kept on loopback (tests, trying it out) never announces beyond it.
    party.announce = LanBrowser::target(announce, party.listen.isLoopback());
    m_server->setParty(party);
    m_starting = true;
    m_link.clear();
    // The same server, the same port, opened up: the app's own connection comes straight back.
    m_server->stop();
    emit changed();
}

void PartyHost::end()
{
    if (!m_server->party().guests)
        return;
    m_server->setParty({});
    m_starting = false;
    m_link.clear();
    m_server->stop(limits::kClosePartyEnded);
    emit changed();
}

void PartyHost::onLocalReady()
{
    if (!m_starting || !isHosting() || !m_local->connection()->isOnline())
        return;
    m_starting = false;
    const Id guildId = m_server->partyGuildId();
    m_local->state()->requestInvite(guildId, this, [this, guildId](const QString &code) {
        if (code.isEmpty())
            return;
        QUrl server;
        server.setScheme(m_server->url().scheme());
        server.setHost(address().section(QLatin1Char(':'), 0, -2));
        server.setPort(m_server->port());
        m_link = InviteLink{server, code, m_server->fingerprint()}.toString();
        m_local->state()->selectGuild(guildId);
        emit linkReady();
        emit changed();
    });
}

bool PartyHost::isHosting() const
{
    return m_server->isRunning() && m_server->party().guests;
}

QString PartyHost::name() const
{
    return m_server->party().name;
}

QString PartyHost::address() const
{
    if (!isHosting())
        return {};
    QHostAddress addr = m_server->party().listen;
    if (addr == QHostAddress::Any || addr == QHostAddress::AnyIPv4 || addr == QHostAddress::AnyIPv6) {
        // Listening everywhere: the address others on the network use is this machine's own.
        addr = QHostAddress(QHostAddress::LocalHost);
        for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
            if (!(i.flags() & QNetworkInterface::IsUp) || !(i.flags() & QNetworkInterface::IsRunning)
                || (i.flags() & QNetworkInterface::IsLoopBack))
                continue;
            for (const QNetworkAddressEntry &e : i.addressEntries())
                if (e.ip().protocol() == QAbstractSocket::IPv4Protocol && !e.ip().isLinkLocal()) {
                    addr = e.ip();
                    break;
                }
            if (!addr.isLoopback())
                break;
        }
    }
    return QStringLiteral("%1:%2").arg(addr.toString()).arg(m_server->port());
}

QString PartyHost::fingerprint() const
{
    return isHosting() ? m_server->fingerprint() : QString();
}

int PartyHost::people() const
{
    return isHosting() ? m_local->state()->onlineIn(m_server->partyGuildId()) : 0;
}

} // namespace kith::app

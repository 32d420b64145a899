#include "HostController.h"

#include "HostSet.h"
#include "Notices.h"
#include "SavedHosts.h"
#include "host/EmbeddedServer.h"
#include "platform/Keychain.h"
#include "state/ClientState.h"
#include "Settings.h"

#include <QSettings>
#include <memory>

namespace kith::app {

HostController::HostController(HostSet *hosts, HostSession *primary, EmbeddedServer *server, QSettings *settings,
                               Keychain *keychain, Notices *notices, QObject *parent)
    : QObject(parent), m_hosts(hosts), m_primary(primary), m_server(server), m_settings(settings),
      m_keychain(keychain), m_notices(notices), m_saved(new SavedHosts(settings, keychain, this))
{
}

QString HostController::trustKey(const QUrl &url)
{
    return QStringLiteral("trust/%1").arg(HostSession::idFor(url));
}

void HostController::open(Connection *connection, const QUrl &url, const Credentials &credentials,
                          const QString &fingerprint)
{
    // The app's own server: its certificate is known first hand. Others: what was pinned on
    // first use, or what the invite link or the party's beacon said.
    if (m_server->isRunning() && url == m_server->url())
        connection->setPinnedFingerprint(m_server->fingerprint());
    else if (!fingerprint.isEmpty())
        connection->setPinnedFingerprint(fingerprint);
    else
        connection->setPinnedFingerprint(m_settings->value(trustKey(url)).toString());
    connection->open(url, credentials);
}

void HostController::applySavedPresence(HostSession *host)
{
    const QString base = QStringLiteral("presence/%1/").arg(host->id());
    host->state()->setChosenPresence(m_settings->value(base + QStringLiteral("status")).toString(),
                                     m_settings->value(base + QStringLiteral("custom")).toString());
}

void HostController::wire(HostSession *host)
{
    Connection *connection = host->connection();
    connect(connection, &Connection::certificateTrusted, this, [this, host](const QString &fingerprint) {
        if (host->kind() == HostSession::Kind::Local)
            return;
        storeSetting(m_settings, trustKey(host->connection()->url()), fingerprint);
        m_notices->show(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), fingerprint] {
            return tr("First connection to %1: its certificate (SHA-256 %2) is now remembered.").arg(name, fingerprint);
        });
    });
    connect(connection, &Connection::certificateChanged, this, [this, host](const QString &expected, const QString &got) {
        m_notices->show(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), expected, got] {
            return tr("Did not connect to %1: its certificate changed (expected %2, got %3). Someone may be pretending "
                      "to be it. If its owner made a new one, leave it and join again.")
                .arg(name, expected, got);
        });
    });
    connect(connection, &Connection::certificateInvalid, this, [this, host](const QString &reason) {
        m_notices->show(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), reason] {
            return tr("Did not connect to %1: %2. Someone may be pretending to be it, or its owner must fix its "
                      "certificate.")
                .arg(name, reason);
        });
    });
    connect(connection, &Connection::partyEnded, this, [this, host] {
        if (host->kind() == HostSession::Kind::Local)
            return; // this app ended its own party; it reconnects to its server by itself
        m_notices->show(QStringLiteral("ended-") + host->id(), [name = host->name()] {
            return tr("The host ended %1. What was said there stays on the host's computer.").arg(name);
        });
    });
    connect(connection, &Connection::kicked, this, [this, host] {
        m_notices->show(QStringLiteral("kicked-") + host->id(), [name = host->name()] {
            return tr("The host of %1 removed you from the party.").arg(name);
        });
    });
    emit wired(host);
    if (m_inFront)
        connection->setBackoff(500, 1500);
    // The status the user chose is the app's to keep: a restarted host forgets it.
    auto key = [host](const char *what) { return QStringLiteral("presence/%1/%2").arg(host->id(), QLatin1String(what)); };
    applySavedPresence(host);
    connect(host->state(), &ClientState::presenceChosen, this, [this, key](const QString &status, const QString &custom) {
        storeSetting(m_settings, key("status"), status);
        storeSetting(m_settings, key("custom"), custom);
    });
    connect(host, &HostSession::nameChanged, this, &HostController::hostsChanged);
    connect(host, &HostSession::outboxWriteFailed, this, [this, host](const QString &error) {
        m_notices->show(QStringLiteral("outbox-") + host->id(), [name = host->name(), error] {
            return tr("Messages you type for %1 cannot be saved on this computer (%2). They are still sent while "
                      "Kith runs; free some disk space or check the data folder.").arg(name, error);
        });
    });
    connect(host->state(), &ClientState::stateLoaded, this, &HostController::hostsChanged);
}

void HostController::join(const QUrl &url, const Credentials &credentials, const QString &inviteCode,
                          const QString &label, const QString &fingerprint)
{
    // A saved host is still being read from the keychain: once it is back, this join finds it.
    if (m_saved->whenRestored(url, [=, this] { join(url, credentials, inviteCode, label, fingerprint); }))
        return;
    if (HostSession *known = m_hosts->findByUrl(url)) {
        m_hosts->setCurrent(known);
        if (!inviteCode.isEmpty())
            known->state()->joinGuild(inviteCode);
        return;
    }
    const auto kind = credentials.mode == Credentials::Mode::Guest ? HostSession::Kind::Guest : HostSession::Kind::Remote;
    HostSession *host = m_hosts->add(HostSession::idFor(url), kind);
    if (!label.isEmpty())
        host->setLabel(label);
    wire(host);
    // Once in: join the guild of the invite (a guest is in the party's already), then show it.
    auto first = std::make_shared<QMetaObject::Connection>();
    *first = connect(host->state(), &ClientState::stateLoaded, this, [this, host, inviteCode, first] {
        disconnect(*first);
        if (!inviteCode.isEmpty() && host->kind() != HostSession::Kind::Guest)
            host->state()->joinGuild(inviteCode);
        m_hosts->setCurrent(host);
        emit joined(host);
    });
    connect(host->connection(), &Connection::signedIn, host, [this, host](const QString &token, const User &me) {
        m_keychain->write(SavedHosts::tokenKey(host->connection()->url(), me.username), token);
        save();
    });
    connect(host->connection(), &Connection::signInFailed, host, [this, host](const Error &error) {
        m_notices->show(QStringLiteral("host"), [name = host->name(), why = error.message] {
            return tr("Could not join %1: %2").arg(name, why);
        });
        if (!host->state()->hasState())
            leave(host->id());
    });
    open(host->connection(), url, credentials, fingerprint);
}

void HostController::leave(const QString &hostId)
{
    HostSession *host = m_hosts->find(hostId);
    if (!host || host == m_primary)
        return;
    if (!host->connection()->me().username.isEmpty())
        m_keychain->remove(SavedHosts::tokenKey(host->connection()->url(), host->connection()->me().username));
    // Joining again later trusts whatever certificate it shows then (its owner made a new one).
    m_settings->remove(trustKey(host->connection()->url()));
    m_hosts->remove(hostId);
    save();
    emit hostsChanged();
}

void HostController::restore()
{
    m_saved->restore([this](const SavedHosts::Entry &h, const QString &token) {
        if (m_hosts->findByUrl(h.url))
            return;
        HostSession *host = m_hosts->add(HostSession::idFor(h.url),
                                         h.guest ? HostSession::Kind::Guest : HostSession::Kind::Remote);
        host->setLabel(h.label);
        wire(host);
        connect(host->connection(), &Connection::signedIn, host, [this] { save(); });
        Credentials c;
        c.mode = Credentials::Mode::Token;
        c.username = h.username;
        c.token = token;
        open(host->connection(), h.url, c);
        emit hostsChanged();
    });
}

void HostController::save()
{
    m_saved->save(m_hosts->hosts(), m_primary);
}

void HostController::setInFront(bool front)
{
    // Someone looking at the window wants the chat back as soon as the host is: retry often.
    constexpr int kFrontMaxMs = 1500, kBackgroundMaxMs = 30000;
    m_inFront = front;
    for (HostSession *h : m_hosts->hosts()) {
        h->connection()->setBackoff(500, front ? kFrontMaxMs : kBackgroundMaxMs);
        if (front)
            h->connection()->reconnectNow();
    }
}

} // namespace kith::app

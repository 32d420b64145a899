#include "PrimarySignIn.h"

#include "HostController.h"
#include "HostSession.h"
#include "LocalSecret.h"
#include "LocalServer.h"
#include "Notices.h"
#include "SavedHosts.h"
#include "host/EmbeddedServer.h"
#include "platform/Keychain.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "state/ClientState.h"
#include "Settings.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>

namespace kith::app {

namespace {
const QString kLast = QStringLiteral("session/last");           // "local" | "remote"
const QString kLocalUser = QStringLiteral("local/username");
const QString kRemoteUrl = QStringLiteral("remote/url");
const QString kRemoteUser = QStringLiteral("remote/username");

QString localUsername()
{
    QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    name.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.]")));
    name = name.left(limits::kUsernameMax);
    return validate::username(name).isEmpty() && name != u"root" ? name : QStringLiteral("owner");
}

QString randomSecret()
{
    QByteArray bytes(18, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.resize(16);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

PrimarySignIn::PrimarySignIn(HostSession *primary, HostController *hosts, LocalServer *server, QSettings *settings,
                             Keychain *keychain, Notices *notices, const QString &dataDir, QObject *parent)
    : QObject(parent), m_primary(primary), m_connection(primary->connection()), m_hosts(hosts), m_local(server),
      m_settings(settings), m_keychain(keychain), m_notices(notices),
      m_secret(new LocalSecret(keychain, settings, notices, dataDir, this)), m_dataDir(dataDir)
{
    connect(m_local, &LocalServer::up, this, &PrimarySignIn::openLocal);
    connect(m_connection, &Connection::signedIn, this, &PrimarySignIn::onSignedIn);
    connect(m_connection, &Connection::signInFailed, this, &PrimarySignIn::onSignInFailed);
    connect(m_keychain, &Keychain::unavailable, this, [this] {
        if (m_mode == Mode::Remote)
            m_notices->show(QStringLiteral("keychain"), [] {
                return tr("No system keychain found: you will need to sign in again next time.");
            });
    });
}

bool PrimarySignIn::startsLocal(const QSettings &settings, bool local)
{
    return local || settings.value(kLast).toString() == u"local";
}

void PrimarySignIn::prepare(bool local)
{
    if (startsLocal(*m_settings, local)) {
        m_mode = Mode::Local;
        m_local->start();
        if (const QString user = m_settings->value(kLocalUser).toString(); !user.isEmpty())
            m_secret->readAhead(user);
    }
}

void PrimarySignIn::resume(bool local)
{
    const QString last = m_settings->value(kLast).toString();
    if (local || last == u"local") {
        startLocal();
        return;
    }
    const QUrl url(m_settings->value(kRemoteUrl).toString());
    const QString user = m_settings->value(kRemoteUser).toString();
    if (last != u"remote" || !url.isValid() || user.isEmpty()) {
        emit welcomeNeeded();
        return;
    }
    m_primary->setIdentity(HostSession::idFor(url), HostSession::Kind::Remote);
    m_hosts->applySavedPresence(m_primary);
    emit prefill(url, user);
    emit progress(tr("Connecting to %1…").arg(url.host()));
    m_keychain->read(SavedHosts::tokenKey(url, user), this, [this, url, user](std::optional<QString> token) {
        if (!token) {
            emit failed(tr("Sign in to %1 again.").arg(url.host()));
            return;
        }
        m_mode = Mode::Remote;
        Credentials c;
        c.mode = Credentials::Mode::Token;
        c.username = user;
        c.token = *token;
        m_hosts->open(m_connection, url, c);
    });
}

void PrimarySignIn::becomeLocal()
{
    m_mode = Mode::Local;
    m_primary->setIdentity(QStringLiteral("local"), HostSession::Kind::Local);
    m_hosts->applySavedPresence(m_primary);
}

void PrimarySignIn::startLocal(const QString &displayName)
{
    becomeLocal();
    m_displayName = displayName;
    emit progress(tr("Starting your local server…"));
    EmbeddedServer *server = m_local->server();
    if (server->isRunning()) {
        if (m_connection->state() == Connection::State::Offline)
            openLocal(server->url());
        return;
    }
    if (!server->isStarting())
        m_local->start();
}

void PrimarySignIn::openLocal(const QUrl &url)
{
    storeSetting(m_settings, kLast, QStringLiteral("local"));
    const QString user = m_settings->value(kLocalUser).toString();
    if (user.isEmpty()) {
        // First use: make the owner account. Its password is random; the user never types it.
        m_firstRun = true;
        m_localPassword = randomSecret();
        Credentials c;
        c.mode = Credentials::Mode::Register;
        c.username = localUsername();
        c.password = m_localPassword;
        c.displayName = m_displayName.isEmpty() ? c.username : m_displayName;
        m_hosts->open(m_connection, url, c);
        return;
    }
    m_secret->read(user, [this, url, user](QString token, QString password) {
        m_localPassword = password;
        Credentials c;
        c.username = user;
        if (!token.isEmpty()) {
            c.mode = Credentials::Mode::Token;
            c.token = token;
        } else if (!password.isEmpty()) {
            c.mode = Credentials::Mode::Password;
            c.password = password;
        } else {
            emit failed(tr("The key of your local account is missing."));
            return;
        }
        m_hosts->open(m_connection, url, c);
    });
}

void PrimarySignIn::connectRemote(const QUrl &url, const QString &username, const QString &password, bool create)
{
    m_mode = Mode::Remote;
    m_primary->setIdentity(HostSession::idFor(url), HostSession::Kind::Remote);
    m_hosts->applySavedPresence(m_primary);
    m_signedInOnce = false;
    emit busy(tr("Connecting to %1…").arg(url.host()));
    storeSetting(m_settings, kRemoteUrl, url.toString());
    storeSetting(m_settings, kRemoteUser, username);
    Credentials c;
    c.mode = create ? Credentials::Mode::Register : Credentials::Mode::Password;
    c.username = username;
    c.password = password;
    m_hosts->open(m_connection, url, c);
}

void PrimarySignIn::onSignedIn(const QString &token, const User &me)
{
    m_signedInOnce = true;
    if (m_mode == Mode::Local) {
        storeSetting(m_settings, kLocalUser, me.username);
        m_secret->save(m_connection->me().username, token, m_localPassword);
    } else {
        storeSetting(m_settings, kLast, QStringLiteral("remote"));
        m_keychain->write(SavedHosts::tokenKey(m_connection->url(), me.username), token);
    }
    m_settings->sync();
}

void PrimarySignIn::onSignInFailed(const Error &error)
{
    Credentials c;
    c.username = m_settings->value(kLocalUser).toString();
    const QUrl local = m_local->server()->url();
    if (m_mode == Mode::Local && error.code == ErrorCode::Unauthorized && !m_localPassword.isEmpty()
        && !c.username.isEmpty() && !m_triedPassword) {
        // The saved token was revoked: the password still opens the account.
        m_triedPassword = true;
        c.mode = Credentials::Mode::Password;
        c.password = m_localPassword;
        m_hosts->open(m_connection, local, c);
        return;
    }
    if (m_mode == Mode::Local && m_firstRun && error.code == ErrorCode::Conflict) {
        // The name is taken in this database already (settings were lost): pick another.
        c.mode = Credentials::Mode::Register;
        c.username = localUsername().left(limits::kUsernameMax - 5) + QLatin1Char('_')
            + QString::number(QRandomGenerator::global()->bounded(1000, 9999));
        c.password = m_localPassword;
        c.displayName = m_displayName.isEmpty() ? localUsername() : m_displayName;
        m_hosts->open(m_connection, local, c);
        return;
    }
    if (m_mode == Mode::Local && error.code == ErrorCode::Unauthorized && m_localPassword.isEmpty() && !c.username.isEmpty()) {
        // The saved token was revoked and no password is kept (no keychain): the owner of the
        // data folder can set one with the server's own tool.
        emit failed(tr("Your local account's saved key was refused (its password was changed, or it was signed "
                       "out everywhere), and without a system keychain Kith keeps no password. "
                       "\"kith-server admin reset-password %1 --data %2\" sets a new one.")
                        .arg(c.username, QDir::toNativeSeparators(QDir(m_dataDir).filePath(QStringLiteral("server")))));
        return;
    }
    emit failed(error.message.isEmpty() ? tr("Sign-in failed.") : error.message);
}

void PrimarySignIn::onReady()
{
    ClientState *state = m_primary->state();
    if (m_mode == Mode::Local && m_firstRun && state->guilds()->rowCount() == 0) {
        m_firstRun = false;
        const User &me = state->me();
        state->createGuild(tr("%1's server").arg(me.displayName.isEmpty() ? me.username : me.displayName));
    }
}

void PrimarySignIn::signOut()
{
    if (m_mode == Mode::Remote) {
        m_keychain->remove(SavedHosts::tokenKey(m_connection->url(), m_connection->me().username));
        m_connection->request(op::SessionLogout, {}, this, [](const Reply &) {});
    }
    m_settings->remove(kLast);
    m_connection->close();
    m_local->server()->stop();
    m_mode = Mode::None;
    emit welcomeNeeded();
}

} // namespace kith::app

#include "AppController.h"

#include "ChatPane.h"
#include "Icons.h"
#include "HostPartyDialog.h"
#include "IdleWatcher.h"
#include "platform/TrayNotifier.h"
#include "Language.h"
#include "Composer.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "WelcomeScreen.h"
#include "host/EmbeddedServer.h"
#include "net/FrameLog.h"
#include "net/Outbox.h"
#include "platform/Keychain.h"
#include "session/HostSet.h"
#include "session/LanBrowser.h"
#include "session/PartyHost.h"
#include "shared/InviteLink.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"
#include "shared/Validation.h"
#include "state/ClientState.h"

#include <QScopeGuard>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcApp, "kith.app")

namespace kith::app {

namespace {
const QString kLast = QStringLiteral("session/last");           // "local" | "remote"
const QString kLocalUser = QStringLiteral("local/username");
const QString kLocalPort = QStringLiteral("local/port");
// Where LAN party beacons go and are listened for (KITH_ANNOUNCE overrides it).
const QString kAnnounce = QStringLiteral("party/announce");
const QString kRemoteUrl = QStringLiteral("remote/url");
const QString kRemoteUser = QStringLiteral("remote/username");
const QString kTheme = QStringLiteral("ui/theme");
const QString kTextScale = QStringLiteral("ui/textScale");
const QString kCompact = QStringLiteral("ui/compact");
const QString kNotify = QStringLiteral("notifications/enabled");
const QString kSound = QStringLiteral("notifications/sound");
const QString kLanguage = QStringLiteral("ui/language");
const QString kMutedChannels = QStringLiteral("mute/channels");
const QString kMutedGuilds = QStringLiteral("mute/guilds");
const QString kKeychainNoticeShown = QStringLiteral("notices/keychain_shown");

QSet<Id> idSet(const QStringList &list)
{
    QSet<Id> ids;
    for (const QString &s : list)
        if (const Id id = s.toULongLong())
            ids.insert(id);
    return ids;
}

QStringList idList(const QSet<Id> &ids)
{
    QStringList out;
    for (Id id : ids)
        out.append(QString::number(id));
    out.sort();
    return out;
}

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

QString remoteKey(const QUrl &url, const QString &user)
{
    return QStringLiteral("remote/%1/%2").arg(url.toString(), user.toLower());
}
} // namespace

QString AppController::settingsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("settings.ini"));
}

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent), m_options(options),
      m_settings(std::make_unique<QSettings>(settingsPath(options.dataDir), QSettings::IniFormat)),
      m_frameLog(new FrameLog(this)),
      m_theme(new Theme(this, QDir(options.dataDir).filePath(QStringLiteral("cache")))), m_keychain(new Keychain(QStringLiteral("Kith"), this)),
      m_server(new EmbeddedServer(this)), m_hosts(new HostSet(options.dataDir, this)),
      m_primary(m_hosts->add(QStringLiteral("local"), HostSession::Kind::Local)),
      m_connection(m_primary->connection()), m_state(m_primary->state()),
      m_party(new PartyHost(m_server, m_primary, this)), m_lan(new LanBrowser(this))
{
    Connection::warmUp();
    m_hosts->setFrameLog(m_frameLog); // before any host connects
    QDir().mkpath(options.dataDir);
    connect(m_server, &EmbeddedServer::started, this, &AppController::openLocalWith);
    if (options.local || m_settings->value(kLast).toString() == u"local") {
        // The server starts on its own thread while this one builds the window.
        m_mode = Mode::Local;
        startServer();
    }
    m_theme->setTextScale(m_settings->value(kTextScale, 1.0).toDouble());
    m_theme->setCompact(m_settings->value(kCompact, false).toBool());
    m_theme->load(m_settings->value(kTheme, QStringLiteral("dark")).toString());
    m_theme->apply(qApp);
    connect(m_connection, &Connection::signedIn, this, &AppController::onSignedIn);
    connect(m_connection, &Connection::signInFailed, this, &AppController::onSignInFailed);
    connect(m_connection, &Connection::stateChanged, this, &AppController::onStateChanged);
    connect(m_state, &ClientState::stateLoaded, this, &AppController::onReady);
    wireHost(m_primary);
    connect(m_hosts, &HostSet::countsChanged, this, [this] {
        if (m_notifier)
            m_notifier->setUnreadCount(m_hosts->totalMentions());
    });
    connect(m_hosts, &HostSet::currentChanged, this, [this](HostSession *host) {
        if (m_window && host) {
            m_window->setHost(host->state(), host->connection());
            restoreNotices();
        }
        syncRailHosts();
        syncInviteServer();
    });
    // While hosting, the banner says so, with how many are here.
    connect(m_party, &PartyHost::linkReady, this, [this] {
        m_hosts->setCurrent(m_primary);
        syncInviteServer();
    });
    m_lan->setTarget(LanBrowser::target(m_settings->value(kAnnounce).toString()));
    connect(m_party, &PartyHost::changed, this, [this] {
        if (m_window)
            m_window->setOwnPartyFingerprint(m_party->fingerprint());
        if (m_party->isHosting() && !m_party->link().isEmpty()) {
            notice(QStringLiteral("party"), [this] {
                return tr("You are hosting %1 at %2 · here now: %3").arg(m_party->name(), m_party->address()).arg(m_party->people())
                    + QStringLiteral(" · <a href=\"kith:party\">%1</a>").arg(tr("Manage"));
            });
        }
    });
    // Mutes are this device's choice: kept in the settings, not on the host.
    m_state->setMutes(idSet(m_settings->value(kMutedChannels).toStringList()),
                      idSet(m_settings->value(kMutedGuilds).toStringList()));
    connect(m_state, &ClientState::mutesChanged, this, [this] {
        m_settings->setValue(kMutedChannels, idList(m_state->mutedChannels()));
        m_settings->setValue(kMutedGuilds, idList(m_state->mutedGuilds()));
        m_settings->sync();
    });
    m_idle = new IdleWatcher(m_state, this);
    connect(qApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState s) { setInFront(s == Qt::ApplicationActive); });
    m_focusProbe = [this] { return m_window && m_window->isActiveWindow(); };
    setNotifier(new TrayNotifier(icons::make(icons::Kind::Logo, m_theme->color(QStringLiteral("accent")), 64), this));
    connect(m_state, &ClientState::historyLoaded, this, [this] {
        if (!m_usableEmitted && m_window && m_window->isWorkspaceShown()) {
            m_usableEmitted = true;
            emit usable();
        }
    });
    connect(m_server, &EmbeddedServer::failed, this, [this](const QString &why) {
        m_window->showWelcome();
        m_window->welcome()->setError(tr("The local server did not start: %1").arg(why));
    });
    // The port people were given is taken: the server runs elsewhere meanwhile and takes
    // it back when it is free; until then the user knows why invites may not reach them.
    connect(m_server, &EmbeddedServer::portBusy, this, [this](quint16 wanted, quint16 now) {
        notice(QStringLiteral("port"), [wanted, now] {
            return tr("Port %1 is used by another program, so your server listens on port %2 for now. "
                      "It takes port %1 back as soon as it is free.").arg(wanted).arg(now);
        });
    });
    connect(m_server, &EmbeddedServer::portRestored, this, [this](quint16 port) {
        notice(QStringLiteral("port"), [port] { return tr("Your server listens on port %1 again.").arg(port); });
    });
    connect(m_keychain, &Keychain::unavailable, this, [this] {
        if (m_mode == Mode::Remote)
            notice(QStringLiteral("keychain"), [] { return tr("No system keychain found: you will need to sign in again next time."); });
    });
    buildWindow();
}

AppController::~AppController()
{
    shutdown();
}

void AppController::buildWindow()
{
    const bool workspace = m_window && m_window->isWorkspaceShown();
    const bool welcome = m_window && m_window->isWelcomeShown();
    const QByteArray geometry = m_window ? m_window->saveGeometry()
                                         : m_settings->value(QStringLiteral("ui/geometry")).toByteArray();
    m_window = std::make_unique<MainWindow>(state(), connection(), m_theme);
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppController::openSettings);
    connect(m_window.get(), &MainWindow::startLocalRequested, this, &AppController::startLocal);
    connect(m_window.get(), &MainWindow::connectRequested, this, &AppController::connectRemote);
    connect(m_window.get(), &MainWindow::hostGuildRequested, this, &AppController::showHost);
    connect(m_window.get(), &MainWindow::noticeLinkActivated, this, [this](const QString &link) {
        if (link == u"kith:reconnect")
            connection()->reconnectNow();
        else if (link == u"kith:party")
            openHostPartyDialog();
    });
    connect(m_window.get(), &MainWindow::leaveHostRequested, this, &AppController::leaveHost);
    connect(m_window.get(), &MainWindow::hostPartyRequested, this, &AppController::openHostPartyDialog);
    connect(m_window.get(), &MainWindow::linkRequested, this, &AppController::openLink);
    connect(m_window.get(), &MainWindow::joinHostRequested, this, &AppController::joinHost);
    m_window->setLanBrowser(m_lan);
    m_window->setFrameLog(m_frameLog);
    syncRailHosts();
    if (workspace)
        m_window->showWorkspace();
    else if (welcome)
        m_window->showWelcome();
    onStateChanged(m_connection->state());
    restoreNotices();
}

void AppController::start()
{
    m_window->show();
    restoreHosts();
    const QString last = m_settings->value(kLast).toString();
    if (m_options.local || last == u"local") {
        startLocal();
        return;
    }
    const QUrl url(m_settings->value(kRemoteUrl).toString());
    const QString user = m_settings->value(kRemoteUser).toString();
    if (last == u"remote" && url.isValid() && !user.isEmpty()) {
        m_primary->setIdentity(HostSession::idFor(url), HostSession::Kind::Remote);
        applySavedPresence(m_primary);
        m_window->welcome()->prefill(url, user);
        m_window->showStarting(tr("Connecting to %1…").arg(url.host()));
        m_keychain->read(remoteKey(url, user), this, [this, url, user](std::optional<QString> token) {
            if (!token) {
                m_window->showWelcome();
                m_window->welcome()->setError(tr("Sign in to %1 again.").arg(url.host()));
                return;
            }
            m_mode = Mode::Remote;
            Credentials c;
            c.mode = Credentials::Mode::Token;
            c.username = user;
            c.token = *token;
            openHost(m_connection, url, c);
        });
        return;
    }
    m_window->showWelcome();
}

void AppController::startLocal(const QString &displayName)
{
    m_mode = Mode::Local;
    m_primary->setIdentity(QStringLiteral("local"), HostSession::Kind::Local);
    applySavedPresence(m_primary);
    m_displayName = displayName;
    if (!m_window->isWorkspaceShown())
        m_window->showStarting(tr("Starting your local server…"));
    if (m_server->isRunning()) {
        if (m_connection->state() == Connection::State::Offline)
            openLocalWith(m_server->url());
        return;
    }
    if (!m_server->isStarting())
        startServer();
}

void AppController::startServer()
{
    const quint16 port = quint16(m_settings->value(kLocalPort, 0).toUInt());
    m_server->start(QDir(m_options.dataDir).filePath(QStringLiteral("server")), port);
}

void AppController::openLocalWith(const QUrl &url)
{
    // The first port is the one people get told; a stand-in used while it is taken is not.
    if (m_settings->value(kLocalPort, 0).toUInt() == 0)
        m_settings->setValue(kLocalPort, url.port());
    m_settings->setValue(kLast, QStringLiteral("local"));
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
        openHost(m_connection, url, c);
        return;
    }
    readLocalSecret(user, [this, url, user](QString token, QString password) {
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
            m_window->showWelcome();
            m_window->welcome()->setError(tr("The key of your local account is missing."));
            return;
        }
        openHost(m_connection, url, c);
    });
}

void AppController::connectRemote(const QUrl &url, const QString &username, const QString &password, bool create)
{
    m_mode = Mode::Remote;
    m_primary->setIdentity(HostSession::idFor(url), HostSession::Kind::Remote);
    applySavedPresence(m_primary);
    m_signedInOnce = false;
    m_window->welcome()->setBusy(true, tr("Connecting to %1…").arg(url.host()));
    m_settings->setValue(kRemoteUrl, url.toString());
    m_settings->setValue(kRemoteUser, username);
    Credentials c;
    c.mode = create ? Credentials::Mode::Register : Credentials::Mode::Password;
    c.username = username;
    c.password = password;
    openHost(m_connection, url, c);
}

QString AppController::localKeyFile() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("local-account.key"));
}

// The local owner's key (token and password) goes to the keychain. Without one, and only for
// the account of the server this app itself hosts (whose database sits in the same folder),
// the token alone goes to a file only the user can read, and the user is told so: the
// alternative would be an account nobody can sign in to after a restart.
void AppController::saveLocalSecret(const QString &token)
{
    const QString user = m_connection->me().username;
    const QByteArray secret = QJsonDocument(QJsonObject{{QStringLiteral("token"), token},
                                                        {QStringLiteral("password"), m_localPassword}})
                                  .toJson(QJsonDocument::Compact);
    m_keychain->write(QStringLiteral("local/") + user.toLower(), QString::fromUtf8(secret), this,
                      [this, token](bool persisted) {
        if (persisted) {
            QFile::remove(localKeyFile());
            return;
        }
        // The file keeps the token only: it opens this account on this server and nothing
        // else, and a password change revokes it. The password is never written to disk.
        QSaveFile f(localKeyFile());
        const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("token"), token}}).toJson(QJsonDocument::Compact);
        const bool saved = f.open(QIODevice::WriteOnly)
            && f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && f.write(bytes) == bytes.size()
            && f.commit();
        if (!saved) {
            notice(QStringLiteral("keychain"), [file = QDir::toNativeSeparators(localKeyFile()), why = f.errorString()] {
                return tr("No system keychain found, and your local server's key could not be saved (%1): you will "
                          "need to sign in again next time.").arg(why) + QLatin1Char('\n') + tr("Details: %1").arg(file);
            });
            return;
        }
        // Once per data folder: it is news the first time, noise every start after.
        if (!m_settings->value(kKeychainNoticeShown).toBool()) {
            m_settings->setValue(kKeychainNoticeShown, true);
            notice(QStringLiteral("keychain"), [file = QDir::toNativeSeparators(localKeyFile())] {
#ifdef Q_OS_WIN
                // NTFS permissions are not set from here: say what is true.
                return tr("No system keychain found: your local server's key is kept in Kith's data folder, "
                          "not encrypted; anyone who can read your files can read it.")
#else
                return tr("No system keychain found: your local server's key is kept in Kith's data folder, "
                          "readable only by you.")
#endif
                    + QLatin1Char('\n') + tr("Details: %1").arg(file);
            });
        }
    });
}

void AppController::readLocalSecret(const QString &username, std::function<void(QString, QString)> done)
{
    m_keychain->read(QStringLiteral("local/") + username.toLower(), this,
                     [this, done](std::optional<QString> secret) {
        QByteArray bytes = secret ? secret->toUtf8() : QByteArray();
        if (bytes.isEmpty()) {
            QFile f(localKeyFile());
            if (f.open(QIODevice::ReadOnly))
                bytes = f.readAll();
        }
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        done(o.value(QStringLiteral("token")).toString(), o.value(QStringLiteral("password")).toString());
    });
}

void AppController::onSignedIn(const QString &token, const User &me)
{
    m_signedInOnce = true;
    if (m_mode == Mode::Local) {
        m_settings->setValue(kLocalUser, me.username);
        saveLocalSecret(token);
    } else {
        m_settings->setValue(kLast, QStringLiteral("remote"));
        m_keychain->write(remoteKey(m_connection->url(), me.username), token);
    }
    m_settings->sync();
}

void AppController::onSignInFailed(const Error &error)
{
    Credentials c;
    c.username = m_settings->value(kLocalUser).toString();
    if (m_mode == Mode::Local && error.code == ErrorCode::Unauthorized && !m_localPassword.isEmpty()
        && !c.username.isEmpty() && !m_triedPassword) {
        // The saved token was revoked: the password still opens the account.
        m_triedPassword = true;
        c.mode = Credentials::Mode::Password;
        c.password = m_localPassword;
        openHost(m_connection, m_server->url(), c);
        return;
    }
    if (m_mode == Mode::Local && m_firstRun && error.code == ErrorCode::Conflict) {
        // The name is taken in this database already (settings were lost): pick another.
        c.mode = Credentials::Mode::Register;
        c.username = localUsername().left(limits::kUsernameMax - 5) + QLatin1Char('_')
            + QString::number(QRandomGenerator::global()->bounded(1000, 9999));
        c.password = m_localPassword;
        c.displayName = m_displayName.isEmpty() ? localUsername() : m_displayName;
        openHost(m_connection, m_server->url(), c);
        return;
    }
    m_window->showWelcome();
    if (m_mode == Mode::Local && error.code == ErrorCode::Unauthorized && m_localPassword.isEmpty() && !c.username.isEmpty()) {
        // The saved token was revoked and no password is kept (no keychain): the owner of the
        // data folder can set one with the server's own tool.
        m_window->welcome()->setError(tr("Your local account's saved key was refused (its password was changed, or it was signed "
                                         "out everywhere), and without a system keychain Kith keeps no password. "
                                         "\"kith-server admin reset-password %1 --data %2\" sets a new one.")
                                          .arg(c.username, QDir::toNativeSeparators(QDir(m_options.dataDir).filePath(QStringLiteral("server")))));
        return;
    }
    m_window->welcome()->setError(error.message.isEmpty() ? tr("Sign-in failed.") : error.message);
}

void AppController::onReady()
{
    m_settings->setValue(QStringLiteral("ui/geometry"), m_window->saveGeometry());
    if (m_mode == Mode::Local && m_firstRun && m_state->guilds()->rowCount() == 0) {
        m_firstRun = false;
        const User &me = m_state->me();
        m_state->createGuild(tr("%1's server").arg(me.displayName.isEmpty() ? me.username : me.displayName));
    }
    if (!m_window->isWorkspaceShown())
        m_window->showWorkspace();
    m_party->onLocalReady();
    syncInviteServer();
    if (std::exchange(m_openPartyWhenReady, false))
        openHostPartyDialog();
    if (!m_pendingLink.isEmpty())
        openLink(std::exchange(m_pendingLink, QString()));
}

void AppController::onStateChanged(Connection::State state)
{
    if (!m_window)
        return;
    ChatPane *chat = m_window->chat();
    if (state == Connection::State::Reconnecting && !m_signedInOnce) {
        const QUrl url = m_connection->url();
        const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(limits::kDefaultPort));
        if (m_window->isWorkspaceShown() || m_mode == Mode::Local) {
            // nothing: the local server is ours and comes back; the workspace shows the notice
        } else if (m_window->isWelcomeShown()) {
            // Typed in by hand just now: a wrong address should say so, not spin forever.
            const QString reason = m_connection->failureReason();
            m_connection->close();
            m_window->welcome()->setError(reason.isEmpty() ? tr("Could not reach %1.").arg(where)
                                                           : tr("Could not reach %1: %2.").arg(where, reason));
            return;
        } else {
            m_window->showStarting(tr("Cannot reach %1. Retrying…").arg(where));
        }
    }
    Q_UNUSED(chat)
    syncConnectionNotice();
}

void AppController::notice(const QString &key, std::function<QString()> text)
{
    const QString now = text();
    qCWarning(lcApp) << now;
    if (now.isEmpty())
        m_notices.remove(key);
    else
        m_notices.insert(key, std::move(text));
    m_window->chat()->showInfo(key, now);
}

void AppController::restoreNotices()
{
    // A new chat pane (another host, a theme or a language) shows what the old one did.
    for (auto it = m_notices.cbegin(); it != m_notices.cend(); ++it)
        m_window->chat()->showInfo(it.key(), it.value()());
    syncConnectionNotice();
}

void AppController::syncConnectionNotice()
{
    if (!m_window)
        return;
    const Connection::State state = connection()->state();
    if (state == Connection::State::Reconnecting)
        m_window->chat()->showNotice(tr("Connection lost. Reconnecting… Messages you send now go out when it is back.")
                                     + QStringLiteral(" <a href=\"kith:reconnect\">%1</a>").arg(tr("Reconnect now")));
    else if (state == Connection::State::Online)
        m_window->chat()->showNotice(QString());
}

void AppController::setTheme(const QString &name)
{
    m_theme->load(name);
    m_theme->apply(qApp);
    m_settings->setValue(kTheme, m_theme->name());
    // Delegates read the theme when they paint, and widgets that keep a colour follow
    // Theme::changed (followTheme): the same window takes the new colours at once.
}

void AppController::setTextScale(double scale)
{
    m_theme->setTextScale(scale);
    m_theme->apply(qApp);
    m_settings->setValue(kTextScale, m_theme->textScale());
}

void AppController::setCompact(bool compact)
{
    m_theme->setCompact(compact);
    m_settings->setValue(kCompact, compact);
}

void AppController::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
    // Changing the translators posts LanguageChange to every window; each widget then sets
    // its texts again (retranslate()). Delivered now, so the switch is done when this returns.
    language::apply(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    restoreNotices(); // the banners the controller wrote, in the new language
}

void AppController::setNotifier(Notifier *notifier)
{
    delete m_notifier;
    m_notifier = notifier;
    if (!notifier)
        return;
    notifier->setParent(this);
    connect(notifier, &Notifier::activated, this, [this](quint64 channelId) {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        if (!channelId)
            return;
        // Ids are unique across hosts in practice (time + node + sequence); the first host
        // that knows the channel is the one the notification came from.
        for (HostSession *h : m_hosts->hosts())
            if (h->state()->channel(channelId).id == channelId) {
                m_hosts->setCurrent(h);
                h->state()->selectChannel(channelId);
                return;
            }
    });
}

bool AppController::notificationsEnabled() const
{
    return m_settings->value(kNotify, true).toBool();
}

void AppController::setNotificationsEnabled(bool on)
{
    m_settings->setValue(kNotify, on);
}

bool AppController::soundEnabled() const
{
    return m_settings->value(kSound, true).toBool();
}

void AppController::setSoundEnabled(bool on)
{
    m_settings->setValue(kSound, on);
}

void AppController::onNotifiable(HostSession *host, const Message &message, bool mention)
{
    ClientState *state = host->state();
    // Do not disturb, or the user is looking at this host: stay quiet. (Muted channels never get here.)
    if (!m_notifier || m_primary->state()->myStatus() == u"dnd"
        || (host == currentHost() && m_focusProbe && m_focusProbe()))
        return;
    if (soundEnabled())
        m_notifier->playSound();
    if (!notificationsEnabled())
        return;
    const QString author = message.author.displayName.isEmpty() ? message.author.username : message.author.displayName;
    const Channel c = state->channel(message.channelId);
    QString title;
    if (c.isDm())
        title = c.type == ChannelType::Dm ? author : tr("%1 in %2").arg(author, c.name);
    else
        title = tr("%1 in #%2 (%3)").arg(author, c.name, state->guild(c.guildId).name);
    if (m_hosts->hosts().size() > 1 && host != m_primary)
        title = tr("%1 · %2").arg(title, host->name());
    Q_UNUSED(mention)
    m_notifier->notify(title, message.content.left(200), message.channelId);
}

void AppController::openSettings()
{
    const QString language = m_settings->value(kLanguage, QStringLiteral("system")).toString();
    SettingsDialog dialog(m_theme->name(), language,
                          QDir::toNativeSeparators(m_options.dataDir), m_window.get());
    dialog.setNotifications(notificationsEnabled());
    connect(&dialog, &SettingsDialog::notificationsChosen, this, &AppController::setNotificationsEnabled);
    dialog.setSound(soundEnabled());
    connect(&dialog, &SettingsDialog::soundChosen, this, &AppController::setSoundEnabled);
    connect(&dialog, &SettingsDialog::signOutRequested, this, &AppController::signOut);
    // My account on the host the window shows.
    HostSession *host = currentHost();
    const User &me = host->state()->me();
    const bool guest = host->kind() == HostSession::Kind::Guest || me.guest;
    // The app's own server account has a random password the user never sees: nothing to change.
    dialog.setAccount(me.displayName.isEmpty() ? me.username : me.displayName, !guest,
                      host->kind() == HostSession::Kind::Remote && !guest);
    connect(&dialog, &SettingsDialog::displayNameChosen, this, [host, d = &dialog](const QString &name) {
        host->state()->setDisplayName(name, d, [d](bool ok, const Error &e) { d->showNameResult(ok, e.message); });
    });
    connect(&dialog, &SettingsDialog::passwordChangeRequested, this,
            [host, d = &dialog](const QString &oldPassword, const QString &newPassword) {
        host->state()->changePassword(oldPassword, newPassword, d, [d](bool ok, const Error &e) {
            d->showPasswordResult(ok, e.code == ErrorCode::Unauthorized ? tr("The current password is wrong.") : e.message);
        });
    });
    const bool overridden = qEnvironmentVariableIsSet("KITH_ANNOUNCE");
    dialog.setAnnounce(overridden ? qEnvironmentVariable("KITH_ANNOUNCE") : m_settings->value(kAnnounce).toString(),
                       overridden);
    connect(&dialog, &SettingsDialog::themeChosen, this, &AppController::setTheme); // a live preview
    dialog.setTextScale(m_theme->textScale());
    connect(&dialog, &SettingsDialog::textScaleChosen, this, &AppController::setTextScale);
    dialog.setCompact(m_theme->compact());
    connect(&dialog, &SettingsDialog::compactChosen, this, &AppController::setCompact);
    connect(&dialog, &SettingsDialog::languageChosen, this, &AppController::setLanguage); // at once, in place
    // The log is not modal: it opens once the settings close.
    connect(&dialog, &SettingsDialog::connectionLogRequested, this, [this, d = &dialog] {
        d->accept();
        QMetaObject::invokeMethod(m_window.get(), &MainWindow::showConnectionLog, Qt::QueuedConnection);
    });
    dialog.exec();
    if (!overridden && dialog.announce() != m_settings->value(kAnnounce).toString()) {
        if (!dialog.announce().isEmpty() && !LanBrowser::isTarget(dialog.announce())) {
            notice(QStringLiteral("announce"), [announce = dialog.announce()] {
                return tr("LAN parties: %1 is not HOST:PORT; the setting was not changed.").arg(announce);
            });
        } else {
            m_settings->setValue(kAnnounce, dialog.announce());
            m_lan->setTarget(LanBrowser::target(dialog.announce())); // the next party and list use it
        }
    }
}

void AppController::signOut()
{
    if (m_mode == Mode::Remote) {
        m_keychain->remove(remoteKey(m_connection->url(), m_connection->me().username));
        m_connection->request(op::SessionLogout, {}, this, [](const Reply &) {});
    }
    m_settings->remove(kLast);
    m_connection->close();
    m_server->stop();
    m_mode = Mode::None;
    m_window->showWelcome();
}

void AppController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    if (m_window)
        m_settings->setValue(QStringLiteral("ui/geometry"), m_window->saveGeometry());
    m_settings->sync();
    m_connection->close();
    m_server->stopAndWait();
}

void AppController::handleArguments(const QStringList &arguments)
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
    for (const QString &arg : arguments)
        if (InviteLink::isLink(arg))
            openLink(arg);
}

void AppController::openLink(const QString &link)
{
    const InviteLink invite = InviteLink::parse(link);
    if (!invite.isValid()) {
        notice(QStringLiteral("link"), [link] { return tr("This link is not a Kith invite: %1").arg(link); });
        return;
    }
    qCInfo(lcApp) << "opening invite link for" << invite.server.toString();
    if (!m_window->isWorkspaceShown()) {
        m_pendingLink = link; // opened once signed in
        return;
    }
    // A host the app is on already (or a bare code): that host's join dialog.
    HostSession *host = invite.server.isEmpty() ? currentHost() : m_hosts->findByUrl(invite.server);
    if (!host && m_server->isRunning() && invite.server.port() == m_server->port()
        && QHostAddress(invite.server.host()).isLoopback())
        host = m_primary;
    if (host) {
        m_hosts->setCurrent(host);
        m_window->openGuildDialog(true, invite.code);
        return;
    }
    m_window->openJoinHostDialog(invite.server, invite.code, invite.fingerprint);
}

void AppController::joinHost(const QUrl &url, const Credentials &credentials, const QString &inviteCode,
                             const QString &label, const QString &fingerprint)
{
    // A saved host is still being read from the keychain: once it is back, this join finds it
    // (joining twice would make a second account there, a second guest at a party).
    if (auto waiting = m_restoring.find(HostSession::idFor(url)); waiting != m_restoring.end()) {
        waiting->append([=, this] { joinHost(url, credentials, inviteCode, label, fingerprint); });
        return;
    }
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
    wireHost(host);
    // Once in: join the guild of the invite (a guest is in the party's already), then show it.
    auto first = std::make_shared<QMetaObject::Connection>();
    *first = connect(host->state(), &ClientState::stateLoaded, this, [this, host, inviteCode, first] {
        disconnect(*first);
        if (!inviteCode.isEmpty() && host->kind() != HostSession::Kind::Guest)
            host->state()->joinGuild(inviteCode);
        m_hosts->setCurrent(host);
        if (!m_window->isWorkspaceShown())
            m_window->showWorkspace();
    });
    connect(host->connection(), &Connection::signedIn, host, [this, host](const QString &token, const User &me) {
        m_keychain->write(remoteKey(host->connection()->url(), me.username), token);
        saveHosts();
    });
    connect(host->connection(), &Connection::signInFailed, host, [this, host](const Error &error) {
        notice(QStringLiteral("host"), [name = host->name(), why = error.message] { return tr("Could not join %1: %2").arg(name, why); });
        if (!host->state()->hasState())
            leaveHost(host->id());
    });
    openHost(host->connection(), url, credentials, fingerprint);
}

void AppController::hostParty(const QString &name, const QString &password)
{
    m_mode = Mode::Local;
    m_primary->setIdentity(QStringLiteral("local"), HostSession::Kind::Local);
    applySavedPresence(m_primary);
    m_party->begin(name, password, m_settings->value(kAnnounce).toString());
    startServer(); // runs once the stop that begin() asked for is done
}

bool AppController::isHostingParty() const
{
    return m_party->isHosting();
}

QString AppController::partyLink() const
{
    return m_party->link();
}

int AppController::partyPeople() const
{
    return m_party->people();
}

void AppController::endParty()
{
    if (!m_party->isHosting())
        return;
    m_party->end();
    startServer();
    notice(QStringLiteral("party"), [] { return QString(); });
}

void AppController::syncInviteServer()
{
    if (!m_window || !currentHost())
        return;
    QUrl server = currentHost()->connection()->url();
    if (currentHost() == m_primary && m_party->isHosting())
        server.setHost(m_party->address().section(QLatin1Char(':'), 0, -2));
    m_window->setInviteServer(server, currentHost()->connection()->pinnedFingerprint());
}

void AppController::openHostPartyDialog()
{
    if (!m_window->isWorkspaceShown()) {
        m_openPartyWhenReady = true; // from the welcome screen: once the local server is up
        return;
    }
    const User &me = m_primary->state()->me();
    auto *dialog = new HostPartyDialog(tr("%1's party").arg(me.displayName.isEmpty() ? me.username : me.displayName),
                                       m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto sync = [this, dialog] {
        dialog->showRunning(m_party->name(), m_party->link().isEmpty() ? QString() : m_party->address(), m_party->link(),
                            m_party->people(), m_party->fingerprint());
    };
    sync();
    connect(m_party, &PartyHost::changed, dialog, sync);
    connect(dialog, &HostPartyDialog::startRequested, this, &AppController::hostParty);
    connect(dialog, &HostPartyDialog::endRequested, this, &AppController::endParty);
    dialog->open();
}

void AppController::setInFront(bool front)
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

void AppController::leaveHost(const QString &hostId)
{
    HostSession *host = m_hosts->find(hostId);
    if (!host || host == m_primary)
        return;
    if (!host->connection()->me().username.isEmpty())
        m_keychain->remove(remoteKey(host->connection()->url(), host->connection()->me().username));
    // Joining again later trusts whatever certificate it shows then (its owner made a new one).
    m_settings->remove(trustKey(host->connection()->url()));
    m_hosts->remove(hostId);
    saveHosts();
    syncRailHosts();
}

void AppController::showHost(const QString &hostId, Id guildId)
{
    HostSession *host = m_hosts->find(hostId);
    if (!host)
        return;
    m_hosts->setCurrent(host);
    if (guildId)
        host->state()->selectGuild(guildId);
    else
        host->state()->selectHome();
}

void AppController::applySavedPresence(HostSession *host)
{
    const QString base = QStringLiteral("presence/%1/").arg(host->id());
    host->state()->setChosenPresence(m_settings->value(base + QStringLiteral("status")).toString(),
                                     m_settings->value(base + QStringLiteral("custom")).toString());
}

void AppController::openHost(Connection *connection, const QUrl &url, const Credentials &credentials,
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

QString AppController::trustKey(const QUrl &url)
{
    return QStringLiteral("trust/%1").arg(HostSession::idFor(url));
}

void AppController::wireHost(HostSession *host)
{
    connect(host->connection(), &Connection::certificateTrusted, this, [this, host](const QString &fingerprint) {
        if (host->kind() == HostSession::Kind::Local)
            return;
        m_settings->setValue(trustKey(host->connection()->url()), fingerprint);
        notice(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), fingerprint] {
            return tr("First connection to %1: its certificate (SHA-256 %2) is now remembered.").arg(name, fingerprint);
        });
    });
    connect(host->connection(), &Connection::certificateChanged, this,
            [this, host](const QString &expected, const QString &got) {
        notice(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), expected, got] {
            return tr("Did not connect to %1: its certificate changed (expected %2, got %3). Someone may be pretending "
                      "to be it. If its owner made a new one, leave it and join again.")
                .arg(name, expected, got);
        });
    });
    connect(host->connection(), &Connection::certificateInvalid, this, [this, host](const QString &reason) {
        notice(QStringLiteral("trust-") + host->id(), [name = host->connection()->url().host(), reason] {
            return tr("Did not connect to %1: %2. Someone may be pretending to be it, or its owner must fix its "
                      "certificate.")
                .arg(name, reason);
        });
    });
    connect(host->connection(), &Connection::partyEnded, this, [this, host] {
        if (host->kind() == HostSession::Kind::Local)
            return; // this app ended its own party; it reconnects to its server by itself
        notice(QStringLiteral("ended-") + host->id(), [name = host->name()] {
            return tr("The host ended %1. What was said there stays on the host's computer.").arg(name);
        });
    });
    connect(host->connection(), &Connection::kicked, this, [this, host] {
        notice(QStringLiteral("kicked-") + host->id(), [name = host->name()] {
            return tr("The host of %1 removed you from the party.").arg(name);
        });
    });
    connect(host->connection(), &Connection::stateChanged, this, [this, host] {
        if (host == currentHost())
            syncConnectionNotice();
    });
    if (m_inFront)
        host->connection()->setBackoff(500, 1500);
    // The status the user chose is the app's to keep: a restarted host forgets it.
    auto key = [host](const char *what) { return QStringLiteral("presence/%1/%2").arg(host->id(), QLatin1String(what)); };
    applySavedPresence(host);
    connect(host->state(), &ClientState::presenceChosen, this, [this, key](const QString &status, const QString &custom) {
        m_settings->setValue(key("status"), status);
        m_settings->setValue(key("custom"), custom);
    });
    connect(host->state(), &ClientState::notifiable, this,
            [this, host](const Message &m, bool mention) { onNotifiable(host, m, mention); });
    connect(host, &HostSession::nameChanged, this, &AppController::syncRailHosts);
    connect(host, &HostSession::outboxWriteFailed, this, [this, host](const QString &error) {
        notice(QStringLiteral("outbox-") + host->id(), [name = host->name(), error] {
            return tr("Messages you type for %1 cannot be saved on this computer (%2). They are still sent while "
                      "Kith runs; free some disk space or check the data folder.").arg(name, error);
        });
    });
    connect(host->state(), &ClientState::stateLoaded, this, &AppController::syncRailHosts);
}

// Hosts beyond the first are kept as url, username and kind; their tokens are in the keychain.
void AppController::saveHosts()
{
    m_settings->remove(QStringLiteral("hosts"));
    int i = 0;
    m_settings->beginWriteArray(QStringLiteral("hosts"));
    for (HostSession *h : m_hosts->hosts()) {
        if (h == m_primary || h->connection()->me().username.isEmpty())
            continue; // never signed in: nothing to come back to
        m_settings->setArrayIndex(i++);
        m_settings->setValue(QStringLiteral("url"), h->connection()->url().toString());
        m_settings->setValue(QStringLiteral("username"), h->connection()->me().username);
        m_settings->setValue(QStringLiteral("guest"), h->kind() == HostSession::Kind::Guest);
        m_settings->setValue(QStringLiteral("label"), h->name());
    }
    m_settings->endArray();
    m_settings->sync();
}

void AppController::restoreHosts()
{
    const int n = m_settings->beginReadArray(QStringLiteral("hosts"));
    struct Saved { QUrl url; QString username; bool guest; QString label; };
    QList<Saved> saved;
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        saved.append({QUrl(m_settings->value(QStringLiteral("url")).toString()),
                      m_settings->value(QStringLiteral("username")).toString(),
                      m_settings->value(QStringLiteral("guest")).toBool(),
                      m_settings->value(QStringLiteral("label")).toString()});
    }
    m_settings->endArray();
    for (const Saved &h : std::as_const(saved)) {
        if (!h.url.isValid() || h.username.isEmpty())
            continue;
        m_restoring.insert(HostSession::idFor(h.url), {});
        m_keychain->read(remoteKey(h.url, h.username), this, [this, h](std::optional<QString> token) {
            const QList<std::function<void()>> joins = m_restoring.take(HostSession::idFor(h.url));
            // Joins asked for meanwhile run once this host is restored, or known to be gone.
            const auto finish = qScopeGuard([&joins] {
                for (const auto &join : joins)
                    join();
            });
            if (!token || m_hosts->findByUrl(h.url))
                return;
            HostSession *host = m_hosts->add(HostSession::idFor(h.url),
                                             h.guest ? HostSession::Kind::Guest : HostSession::Kind::Remote);
            host->setLabel(h.label);
            wireHost(host);
            connect(host->connection(), &Connection::signedIn, host, [this] { saveHosts(); });
            Credentials c;
            c.mode = Credentials::Mode::Token;
            c.username = h.username;
            c.token = *token;
            openHost(host->connection(), h.url, c);
            syncRailHosts();
        });
    }
}

void AppController::syncRailHosts()
{
    if (!m_window)
        return;
    QList<RailHost> list;
    for (HostSession *h : m_hosts->hosts())
        list.append({h->id(), h->name(), h->state()});
    m_window->setHosts(list, currentHost() ? currentHost()->id() : QString());
}

HostSession *AppController::currentHost() const
{
    return m_hosts->current();
}

Connection *AppController::connection() const
{
    return m_hosts->current()->connection();
}

ClientState *AppController::state() const
{
    return m_hosts->current()->state();
}

Outbox *AppController::outbox() const
{
    return m_hosts->current()->outbox();
}

} // namespace kith::app

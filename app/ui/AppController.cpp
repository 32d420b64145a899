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
#include "session/HostController.h"
#include "session/HostSet.h"
#include "session/LanBrowser.h"
#include "session/LocalServer.h"
#include "session/Notices.h"
#include "session/Notifications.h"
#include "session/PartyHost.h"
#include "session/PrimarySignIn.h"
#include "shared/InviteLink.h"
#include "shared/Limits.h"
#include "state/ClientState.h"
#include "session/Settings.h"

#include <QApplication>
#include <QDir>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcApp, "kith.app")

namespace kith::app {

namespace {
constexpr int kRevealMs = 200; //!< the longest a start keeps its window back, waiting for the chat
constexpr int kSettleMs = 300; //!< after start(), when no chat has made the start usable
// Where LAN party beacons go and are listened for (KITH_ANNOUNCE overrides it).
const QString kAnnounce = QStringLiteral("party/announce");
const QString kTheme = QStringLiteral("ui/theme");
const QString kTextScale = QStringLiteral("ui/textScale");
const QString kCompact = QStringLiteral("ui/compact");
const QString kLanguage = QStringLiteral("ui/language");
const QString kMutedChannels = QStringLiteral("mute/channels");
const QString kMutedGuilds = QStringLiteral("mute/guilds");

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
      m_notices(new Notices(this)),
      m_localServer(new LocalServer(m_settings.get(), m_notices, options.dataDir, this)), m_server(m_localServer->server()),
      m_hosts(new HostSet(options.dataDir, this)),
      m_primary(m_hosts->add(QStringLiteral("local"), HostSession::Kind::Local)),
      m_connection(m_primary->connection()), m_state(m_primary->state()),
      m_hostControl(new HostController(m_hosts, m_primary, m_server, m_settings.get(), m_keychain, m_notices, this)),
      m_signIn(new PrimarySignIn(m_primary, m_hostControl, m_localServer, m_settings.get(), m_keychain, m_notices,
                                 options.dataDir, this)),
      m_party(new PartyHost(m_server, m_primary, this)), m_lan(new LanBrowser(this)),
      m_notifications(new Notifications(m_hosts, m_primary, m_settings.get(), this))
{
    m_tlsWarmUp = Connection::warmUp();
    m_hosts->setFrameLog(m_frameLog); // before any host connects
    QDir().mkpath(options.dataDir);
    m_signIn->prepare(options.local); // the server starts on its own thread while this one builds the window
    m_theme->setTextScale(m_settings->value(kTextScale, 1.0).toDouble());
    m_theme->setCompact(m_settings->value(kCompact, false).toBool());
    m_theme->load(m_settings->value(kTheme, QStringLiteral("dark")).toString());
    m_theme->apply(qApp);
    // The session layer says what happens; the window shows it.
    connect(m_notices, &Notices::shown, this, [this](const QString &key, const QString &text) {
        m_window->chat()->showInfo(key, text);
    });
    connect(m_signIn, &PrimarySignIn::progress, this, [this](const QString &text) {
        if (!m_window->isWorkspaceShown())
            m_window->showStarting(text);
    });
    connect(m_signIn, &PrimarySignIn::busy, this, [this](const QString &text) { m_window->welcome()->setBusy(true, text); });
    connect(m_signIn, &PrimarySignIn::prefill, this,
            [this](const QUrl &url, const QString &user) { m_window->welcome()->prefill(url, user); });
    connect(m_signIn, &PrimarySignIn::failed, this, &AppController::showSignInError);
    connect(m_localServer, &LocalServer::failed, this, &AppController::showSignInError);
    connect(m_signIn, &PrimarySignIn::welcomeNeeded, this, [this] {
        m_window->showWelcome();
        revealWindow();
    });
    connect(m_connection, &Connection::stateChanged, this, &AppController::onStateChanged);
    connect(m_state, &ClientState::stateLoaded, this, &AppController::onReady);
    connect(m_hostControl, &HostController::wired, this, &AppController::followHost);
    connect(m_hostControl, &HostController::hostsChanged, this, &AppController::syncRailHosts);
    connect(m_hostControl, &HostController::joined, this, [this] {
        if (!m_window->isWorkspaceShown())
            m_window->showWorkspace();
    });
    m_hostControl->wire(m_primary);
    connect(m_notifications, &Notifications::activated, this, [this] {
        revealWindow();
        m_window->raise();
        m_window->activateWindow();
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
            m_notices->show(QStringLiteral("party"), [this] {
                return tr("You are hosting %1 at %2 · here now: %3").arg(m_party->name(), m_party->address()).arg(m_party->people())
                    + QStringLiteral(" · <a href=\"kith:party\">%1</a>").arg(tr("Manage"));
            });
        }
    });
    // Mutes are this device's choice: kept in the settings, not on the host.
    m_state->setMutes(idSet(m_settings->value(kMutedChannels).toStringList()),
                      idSet(m_settings->value(kMutedGuilds).toStringList()));
    connect(m_state, &ClientState::mutesChanged, this, [this] {
        storeSetting(m_settings.get(), kMutedChannels, idList(m_state->mutedChannels()));
        storeSetting(m_settings.get(), kMutedGuilds, idList(m_state->mutedGuilds()));
        m_settings->sync();
    });
    m_idle = new IdleWatcher(m_state, this);
    connect(qApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState s) { setInFront(s == Qt::ApplicationActive); });
    setFocusProbe([this] { return m_window && m_window->isActiveWindow(); });
    auto *tray = new TrayNotifier(icons::make(icons::Kind::Logo, m_theme->color(QStringLiteral("accent")), 64), this);
    setNotifier(tray);
    connect(this, &AppController::settled, tray, &TrayNotifier::showIcons);
    connect(m_state, &ClientState::historyLoaded, this, [this] {
        if (m_usableAwaited || !m_window || !m_window->isWorkspaceShown())
            return;
        // Usable once the messages are on screen: the message view's next paint, in a window
        // that shows now if it waited for them.
        m_usableAwaited = true;
        revealWindow();
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
    m_window->setSettings(m_settings.get());
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
    // Through the window, not one view: a host chosen before that paint (a join at start-up)
    // replaces the chat pane, and its view is the one that paints.
    connect(m_window.get(), &MainWindow::chatPainted, this, [this] {
        if (m_usableAwaited && !std::exchange(m_usableSent, true)) {
            emit usable();
            settle();
        }
    });
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
    // The window shows once it has the chat to show (a frame with "Starting…" in it would only
    // delay the sign-in behind its paint), or the welcome, or after kRevealMs in any case. Its
    // native window is made now, while the server starts.
    m_window->winId();
    m_hostControl->restore();
    m_signIn->resume(m_options.local);
    QTimer::singleShot(kRevealMs, this, [this] {
        if (!m_revealed)
            revealWindow();
    });
    // A start that shows no chat (the welcome, a host that does not answer) settles anyway.
    QTimer::singleShot(kSettleMs, this, &AppController::settle);
}

void AppController::revealWindow()
{
    m_revealed = true;
    m_window->show();
}

void AppController::settle()
{
    if (!std::exchange(m_settled, true))
        emit settled();
}

void AppController::startLocal(const QString &displayName)
{
    m_signIn->startLocal(displayName);
}

void AppController::connectRemote(const QUrl &url, const QString &username, const QString &password, bool create)
{
    m_signIn->connectRemote(url, username, password, create);
}

void AppController::showSignInError(const QString &message)
{
    m_window->showWelcome();
    m_window->welcome()->setError(message);
    revealWindow();
}

void AppController::onReady()
{
    m_signIn->onReady();
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
    if (state == Connection::State::Reconnecting && !m_signIn->signedInOnce()) {
        const QUrl url = m_connection->url();
        const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(limits::kDefaultPort));
        if (m_window->isWorkspaceShown() || m_signIn->mode() == PrimarySignIn::Mode::Local) {
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

void AppController::restoreNotices()
{
    // A new chat pane (another host, a theme or a language) shows what the old one did.
    m_notices->replay();
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
    storeSetting(m_settings.get(), kTheme, m_theme->name());
    // Delegates read the theme when they paint, and widgets that keep a colour follow
    // Theme::changed (followTheme): the same window takes the new colours at once.
}

void AppController::setTextScale(double scale)
{
    m_theme->setTextScale(scale);
    m_theme->apply(qApp);
    storeSetting(m_settings.get(), kTextScale, m_theme->textScale());
}

void AppController::setCompact(bool compact)
{
    m_theme->setCompact(compact);
    storeSetting(m_settings.get(), kCompact, compact);
}

void AppController::setLanguage(const QString &language)
{
    storeSetting(m_settings.get(), kLanguage, language);
    // Changing the translators posts LanguageChange to every window; each widget then sets
    // its texts again (retranslate()). Delivered now, so the switch is done when this returns.
    language::apply(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    restoreNotices(); // the banners the controller wrote, in the new language
}

void AppController::setNotifier(Notifier *notifier)
{
    m_notifications->setNotifier(notifier);
}

Notifier *AppController::notifier() const
{
    return m_notifications->notifier();
}

void AppController::setFocusProbe(std::function<bool()> probe)
{
    m_notifications->setFocusProbe(std::move(probe));
}

bool AppController::notificationsEnabled() const
{
    return m_notifications->enabled();
}

void AppController::setNotificationsEnabled(bool on)
{
    m_notifications->setEnabled(on);
}

bool AppController::soundEnabled() const
{
    return m_notifications->soundEnabled();
}

void AppController::setSoundEnabled(bool on)
{
    m_notifications->setSoundEnabled(on);
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
    connect(&dialog, &SettingsDialog::profileRequested, this, [this, d = &dialog] {
        d->accept();
        QMetaObject::invokeMethod(m_window.get(), [w = m_window.get()] { w->openProfileDialog(); }, Qt::QueuedConnection);
    });
    dialog.exec();
    if (!overridden && dialog.announce() != m_settings->value(kAnnounce).toString()) {
        if (!dialog.announce().isEmpty() && !LanBrowser::isTarget(dialog.announce())) {
            m_notices->show(QStringLiteral("announce"), [announce = dialog.announce()] {
                return tr("LAN parties: %1 is not HOST:PORT; the setting was not changed.").arg(announce);
            });
        } else {
            storeSetting(m_settings.get(), kAnnounce, dialog.announce());
            m_lan->setTarget(LanBrowser::target(dialog.announce())); // the next party and list use it
        }
    }
}

void AppController::signOut()
{
    m_signIn->signOut();
}

void AppController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    if (m_window)
        storeSetting(m_settings.get(), QStringLiteral("ui/geometry"), m_window->saveGeometry());
    m_settings->sync();
    m_connection->close();
    m_server->stopAndWait();
}

void AppController::handleArguments(const QStringList &arguments)
{
    revealWindow();
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
        m_notices->show(QStringLiteral("link"), [link] { return tr("This link is not a Kith invite: %1").arg(link); });
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
    m_hostControl->join(url, credentials, inviteCode, label, fingerprint);
}

void AppController::hostParty(const QString &name, const QString &password)
{
    m_signIn->becomeLocal();
    m_party->begin(name, password, m_settings->value(kAnnounce).toString());
    m_localServer->start(); // runs once the stop that begin() asked for is done
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
    m_localServer->start();
    m_notices->show(QStringLiteral("party"), [] { return QString(); });
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
    m_hostControl->setInFront(front);
}

void AppController::leaveHost(const QString &hostId)
{
    m_hostControl->leave(hostId);
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

void AppController::followHost(HostSession *host)
{
    connect(host->connection(), &Connection::stateChanged, this, [this, host] {
        if (host == currentHost())
            syncConnectionNotice();
    });
    connect(host->state(), &ClientState::notifiable, this,
            [this, host](const Message &m, bool mention) { m_notifications->onNotifiable(host, m, mention); });
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

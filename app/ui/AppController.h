#pragma once
//! Wires the app together for one run: the settings and data folder, the theme and language,
//! the session layer (hosts, sign-in, the app's own server, notices) and the main window, which
//! shows what the session layer says and sends the user's intents to it.

#include "net/Connection.h"
#include "session/HostSession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <functional>
#include <memory>
#include <thread>

namespace kith::app {

class ClientState;
class EmbeddedServer;
class FrameLog;
class HostController;
class HostSet;
class LocalServer;
class Notices;
class Notifications;
class PartyHost;
class PrimarySignIn;
class LanBrowser;
class IdleWatcher;
class Notifier;
class Keychain;
class MainWindow;
class Outbox;
class Theme;

struct AppOptions {
    QString dataDir;
    bool local = false;     //!< --local: straight into the embedded server
};

class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(const AppOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    //! Shows the window and starts whatever the options and saved state ask for.
    void start();
    void startLocal(const QString &displayName = {});
    void connectRemote(const QUrl &url, const QString &username, const QString &password, bool create);
    //! Closes the connection and stops the embedded server (also done on destruction).
    void shutdown();
    void setTheme(const QString &name);
    //! Switches the interface language now ("system" or a code), and keeps the choice.
    void setLanguage(const QString &language);
    //! Text size, 0.8–1.6 times the default: applies at once, kept for the next start.
    void setTextScale(double scale);
    void setCompact(bool compact);
    void signOut();
    //! Arguments of a later `kith` start on the same data folder: come to the front and open
    //! any kith:// link among them.
    void handleArguments(const QStringList &arguments);
    //! Opens an invite link (kith://, ws(s):// + code, or a code): the join dialog of the host
    //! it names, or, for a host the app is not on yet, the dialog that joins it.
    void openLink(const QString &link);
    //! Signs in to one more host and, with `inviteCode`, joins that guild there; the hosts
    //! the app is on already stay signed in. `label` names it until the host says its name.
    //! `fingerprint`: the certificate to expect (an invite link's or a beacon's).
    void joinHost(const QUrl &url, const Credentials &credentials, const QString &inviteCode,
                  const QString &label = {}, const QString &fingerprint = {});
    //! Opens the app's own server to the network as a LAN party (guests on), or ends it.
    void hostParty(const QString &name, const QString &password);
    void endParty();
    PartyHost *party() const { return m_party; }
    bool isHostingParty() const;
    QString partyLink() const;
    int partyPeople() const;
    void openHostPartyDialog();

    //! The window is in front: connections retry within a second or so (and at once now);
    //! in the background they back off up to 30 s.
    void setInFront(bool front);
    //! Signs out of a host that is not the app's first and forgets it.
    void leaveHost(const QString &hostId);
    //! Shows another host in the window (its guild, or its home with 0).
    void showHost(const QString &hostId, kith::Id guildId = 0);

    MainWindow *window() const { return m_window.get(); }
    //! The host the window shows, and its connection and state.
    HostSession *currentHost() const;
    Connection *connection() const;
    ClientState *state() const;
    HostSet *hosts() const { return m_hosts; }
    //! Every host's frames and connection changes: Help → Connection log.
    FrameLog *frameLog() const { return m_frameLog; }
    //! The app's first host: its own server, or the server it signed in to from the welcome.
    HostSession *primaryHost() const { return m_primary; }
    EmbeddedServer *server() const { return m_server; }
    Keychain *keychain() const { return m_keychain; }
    Outbox *outbox() const; //!< the current host's
    Theme *theme() const { return m_theme; }
    QSettings *settings() const { return m_settings.get(); }
    QString dataDir() const { return m_options.dataDir; }

    static QString settingsPath(const QString &dataDir);

    //! Replaces the notifier (the app's owns a tray one); takes ownership.
    void setNotifier(Notifier *notifier);
    Notifier *notifier() const;
    IdleWatcher *idleWatcher() const { return m_idle; }
    //! Whether the user looks at the window; notifications only go out when not. Tests replace it.
    void setFocusProbe(std::function<bool()> probe);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);
    //! The notification sound, on its own switch (pop-ups off, sound on is a valid choice).
    bool soundEnabled() const;
    void setSoundEnabled(bool on);
    //! Ctrl+, : the settings dialog (modal), for the host the window shows.
    void openSettings();

signals:
    //! The chat is on screen with the open channel's messages: the user can type.
    void usable();
    //! The start is over (usable, or the window has been up a moment without a chat to show):
    //! work that can wait, such as the tray icon, runs now. Once.
    void settled();

private:
    void buildWindow();
    void showSignInError(const QString &message);
    void onReady();
    void onStateChanged(Connection::State state);
    //! The window's side of a new host: its connection banner and notifications.
    void followHost(HostSession *host);
    void restoreNotices();
    void settle();
    void revealWindow(); //!< shows the window (it waits for the chat at start-up)
    void syncConnectionNotice(); //!< the banner follows the current host's connection
    void syncRailHosts();
    void syncInviteServer();

    AppOptions m_options;
    std::jthread m_tlsWarmUp; //!< Connection::warmUp's thread; joined at the latest with this
    std::unique_ptr<QSettings> m_settings;
    FrameLog *m_frameLog;
    Theme *m_theme;
    Keychain *m_keychain;
    Notices *m_notices;        //!< what the chat's info banner says
    LocalServer *m_localServer;
    EmbeddedServer *m_server;  //!< m_localServer's
    HostSet *m_hosts;
    HostSession *m_primary;
    Connection *m_connection;  //!< the primary host's: the local and welcome sign-in flows
    ClientState *m_state;      //!< the primary host's
    HostController *m_hostControl; //!< opens, joins, leaves and restores hosts
    PrimarySignIn *m_signIn;   //!< the primary host's sign-in
    PartyHost *m_party;        //!< the LAN party hosted on m_server
    LanBrowser *m_lan;         //!< parties heard on the network
    std::unique_ptr<MainWindow> m_window;
    Notifications *m_notifications; //!< whether and how messages notify
    IdleWatcher *m_idle = nullptr;

    QString m_pendingLink;
    bool m_openPartyWhenReady = false;     //!< a kith:// link that arrived before the workspace
    bool m_usableAwaited = false; //!< the first history of the workspace came; usable at its paint
    bool m_usableSent = false;
    bool m_revealed = false;
    bool m_settled = false;
    bool m_shutDown = false;
};

} // namespace kith::app

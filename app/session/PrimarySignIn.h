#pragma once
//! How the app's first host signs in: to the app's own server (making the owner account,
//! with a random password, on first use; its key in LocalSecret) or to the server typed on
//! the welcome screen (its token in the keychain), and back into the same one at the next
//! start. No widgets: the window shows what the signals say.

#include "net/Connection.h"

#include <QObject>
#include <QUrl>

class QSettings;

namespace kith::app {

class HostController;
class HostSession;
class Keychain;
class LocalSecret;
class LocalServer;
class Notices;

class PrimarySignIn : public QObject
{
    Q_OBJECT
public:
    enum class Mode { None, Local, Remote };

    PrimarySignIn(HostSession *primary, HostController *hosts, LocalServer *server, QSettings *settings,
                  Keychain *keychain, Notices *notices, const QString &dataDir, QObject *parent = nullptr);

    //! Starts the app's own server now if this run will use it (`local`, or it did last time):
    //! it starts on its own thread while the window is built.
    void prepare(bool local);
    //! Whether prepare() will start the app's own server: asked for, or used last time.
    static bool startsLocal(const QSettings &settings, bool local);
    //! Signs in as the last run did (`local`: to the app's own server), or asks for the welcome.
    void resume(bool local);
    void startLocal(const QString &displayName = {});
    void connectRemote(const QUrl &url, const QString &username, const QString &password, bool create);
    //! The primary host becomes the app's own server (to host a party on it).
    void becomeLocal();
    void signOut();
    //! The primary host's state is loaded: on the first run, make the owner's first guild.
    void onReady();

    Mode mode() const { return m_mode; }
    //! This connection has signed in at least once (a failure after is a blip, not a typo).
    bool signedInOnce() const { return m_signedInOnce; }

signals:
    //! On the way in: what the waiting screen says.
    void progress(const QString &text);
    //! The welcome screen's sign-in is under way.
    void busy(const QString &text);
    //! The welcome screen, with the host and user to offer again.
    void prefill(const QUrl &url, const QString &username);
    //! Could not sign in: the welcome screen, with why.
    void failed(const QString &message);
    //! Signed out, or nothing to resume: the welcome screen.
    void welcomeNeeded();

private:
    void openLocal(const QUrl &url);
    void onSignedIn(const QString &token, const User &me);
    void onSignInFailed(const Error &error);

    HostSession *m_primary;
    Connection *m_connection;
    HostController *m_hosts;
    LocalServer *m_local;
    QSettings *m_settings;
    Keychain *m_keychain;
    Notices *m_notices;
    LocalSecret *m_secret;
    QString m_dataDir;

    Mode m_mode = Mode::None;
    QString m_localPassword;   //!< the local owner's password while we may still need it
    QString m_displayName;
    bool m_firstRun = false;   //!< this run created the local account: make the first guild
    bool m_triedPassword = false;
    bool m_signedInOnce = false;
};

} // namespace kith::app

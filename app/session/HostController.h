#pragma once
//! Opens every host's connection with the certificate pin it should have, joins more hosts
//! and leaves them, brings saved ones back at start, and keeps for each host what outlives a
//! run (its pin, the status the user chose). No widgets: the window shows the HostSet.

#include "HostSession.h"

#include <QObject>
#include <QUrl>

class QSettings;

namespace kith::app {

class EmbeddedServer;
class HostSet;
class Keychain;
class Notices;
class SavedHosts;

class HostController : public QObject
{
    Q_OBJECT
public:
    //! `primary` is the app's first host, never left, kept on its own (see PrimarySignIn).
    HostController(HostSet *hosts, HostSession *primary, EmbeddedServer *server, QSettings *settings,
                   Keychain *keychain, Notices *notices, QObject *parent = nullptr);

    //! Opens a host's connection with its pin: the app's own server's, else `fingerprint` (an
    //! invite link's or a beacon's), else the one remembered on first use.
    void open(Connection *connection, const QUrl &url, const Credentials &credentials,
              const QString &fingerprint = {});
    //! Follows a host for good: its pin, its chosen status, its notices. Once per host.
    void wire(HostSession *host);
    //! Sets again the status the user chose on this host (a restarted host forgets it).
    void applySavedPresence(HostSession *host);

    //! Signs in to one more host and, with `inviteCode`, joins that guild there (see
    //! AppController::joinHost).
    void join(const QUrl &url, const Credentials &credentials, const QString &inviteCode,
              const QString &label = {}, const QString &fingerprint = {});
    //! Signs out of a host that is not the primary and forgets it, its token and its pin.
    void leave(const QString &hostId);
    //! Signs in again to the hosts kept from the last run.
    void restore();

    //! The window is in front: connections retry within a second or so.
    void setInFront(bool front);

signals:
    //! A host was wired (see wire()): the place to follow it in the window too.
    void wired(kith::app::HostSession *host);
    //! A host came, went, was named or loaded: the rail lists them again.
    void hostsChanged();
    //! A joined host is signed in, loaded and current: the workspace shows it.
    void joined(kith::app::HostSession *host);

private:
    static QString trustKey(const QUrl &url);
    void save();

    HostSet *m_hosts;
    HostSession *m_primary;
    EmbeddedServer *m_server;
    QSettings *m_settings;
    Keychain *m_keychain;
    Notices *m_notices;
    SavedHosts *m_saved;
    bool m_inFront = false;
};

} // namespace kith::app

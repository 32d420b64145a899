#pragma once
//! The LAN party this app hosts on its own embedded server: opening it to the network with
//! guests on, the address and invite link friends use, how many are there, and ending it.
//! No widgets: the window shows what this says.

#include <QObject>
#include <QString>

namespace kith::app {

class EmbeddedServer;
class HostSession;

class PartyHost : public QObject
{
    Q_OBJECT
public:
    PartyHost(EmbeddedServer *server, HostSession *local, QObject *parent = nullptr);

    //! Sets the server up for a party; the caller restarts it (same port). `listen` empty:
    //! every interface (`KITH_PARTY_LISTEN` overrides it; tests keep it on loopback).
    //! Beacons go where `announce` says (see LanBrowser::target()).
    void begin(const QString &name, const QString &password, const QString &announce = {});
    //! Back to the app's own loopback server; the caller restarts it. Guests hear 4004.
    void end();
    //! The local host is signed in again after the restart: make the party's invite.
    void onLocalReady();

    bool isHosting() const;
    QString name() const;
    QString address() const;   //!< HOST:PORT friends on the network use
    QString link() const { return m_link; } //!< kith:// invite to the party guild, once made
    QString fingerprint() const;  //!< the party's certificate, for guests to compare
    int people() const;        //!< party members online now, me included

signals:
    //! Started, ended, its link made, or its head count changed.
    void changed();
    //! The party is up and its invite link made: the moment to show it.
    void linkReady();

private:
    EmbeddedServer *m_server;
    HostSession *m_local;
    QString m_link;
    bool m_starting = false;
};

} // namespace kith::app

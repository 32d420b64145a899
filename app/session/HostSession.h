#pragma once
//! Everything the app holds for one host it is signed in to: the Connection, the client
//! state over it, the outbox of the signed-in account, and a folder of its own inside the
//! app's data folder. The app may hold several at once (its own server, a self-hosted one,
//! tonight's LAN party); none of them is "the" connection.

#include "net/Connection.h"

#include <QObject>
#include <QUrl>

namespace kith::app {

class ClientState;
class Outbox;

class HostSession : public QObject
{
    Q_OBJECT
public:
    enum class Kind {
        Local,   //!< the server this app runs itself
        Remote,  //!< a server with an account on it
        Guest    //!< a LAN party joined as a guest
    };

    //! `id` names the host for good (settings, keychain, folder); `dataDir` is the app's.
    HostSession(const QString &id, Kind kind, const QString &dataDir, QObject *parent = nullptr);
    ~HostSession() override;

    QString id() const { return m_id; }
    Kind kind() const { return m_kind; }
    Connection *connection() const { return m_connection; }
    ClientState *state() const { return m_state; }
    Outbox *outbox() const { return m_outbox; }
    //! `<data>/hosts/<id>`: this host's outbox and anything else kept for it.
    QString folder() const { return m_folder; }
    //! What the rail and the switcher call it: the server's name, else its address.
    QString name() const;
    //! A name the user gave it (e.g. the party's), shown before the server says its own.
    void setLabel(const QString &label);

    //! Makes this the session of another host (the app's first host becomes the local server
    //! or a remote one as the user chooses). Call while signed out.
    void setIdentity(const QString &id, Kind kind);

    //! The id a host at `url` gets: the same URL always gives the same id.
    static QString idFor(const QUrl &url);

signals:
    void nameChanged();
    //! Typed messages could not be saved to disk (they are still sent while the app runs).
    void outboxWriteFailed(const QString &error);

private:
    void onSignedIn(const User &me);

    QString m_id;
    Kind m_kind;
    QString m_dataDir;
    QString m_folder;
    QString m_label;
    Connection *m_connection;
    ClientState *m_state;
    Outbox *m_outbox = nullptr;
};

} // namespace kith::app

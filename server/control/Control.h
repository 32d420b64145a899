#pragma once
//! What `kith-server admin` changed behind a running server's back, told to it afterwards so
//! that it need not restart: on SQLite over a local socket named after the data folder
//! (ControlSocket), on PostgreSQL as a bus message every node hears ({"admin": [...]}).
//!
//! Actions: {"a":"user","v":user} (created or changed: the Directory takes it and its holders
//! get user.updated), {"a":"guild-","id":guild} (deleted: its members get guild.deleted),
//! {"a":"end","u":user} (its sessions end: the password was reset).

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

class QLocalServer;

namespace kith::server {

class Directory;
class Hub;

//! Applies a list of actions on this node (the gateway thread).
void applyControl(Directory &directory, Hub &hub, const QJsonArray &actions);

class ControlSocket : public QObject
{
    Q_OBJECT
public:
    explicit ControlSocket(QObject *parent = nullptr);
    ~ControlSocket() override;

    //! The local socket's name for a data folder.
    static QString nameFor(const QString &dataDir);
    //! Listens for the data folder's tools; only the folder lock's holder may call it.
    bool listen(const QString &dataDir, QString *error);
    //! For a tool: hands `actions` to the server running on dataDir and waits for it to take them.
    //! False when no server listens there (nothing to tell) or it did not answer, with *error.
    static bool send(const QString &dataDir, const QJsonArray &actions, QString *error);

signals:
    void received(const QJsonArray &actions);

private:
    QLocalServer *m_server;
};

} // namespace kith::server

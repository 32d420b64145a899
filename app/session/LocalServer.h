#pragma once
//! The app's own server over its lifetime: started on the port people were told (kept in the
//! settings once the first start picked it), in `<data>/server`, and what the user must know
//! when it cannot have that port or does not start at all.

#include <QObject>
#include <QUrl>

class QSettings;

namespace kith::app {

class EmbeddedServer;
class Notices;

class LocalServer : public QObject
{
    Q_OBJECT
public:
    LocalServer(QSettings *settings, Notices *notices, const QString &dataDir, QObject *parent = nullptr);

    EmbeddedServer *server() const { return m_server; }
    //! Starts (or, after a stop just asked for, restarts) the server on its port.
    void start();

signals:
    //! Listening at `url`: the moment to sign in to it.
    void up(const QUrl &url);
    //! It did not start; `message` says why, for the user.
    void failed(const QString &message);

private:
    QSettings *m_settings;
    Notices *m_notices;
    QString m_dataDir;
    EmbeddedServer *m_server;
};

} // namespace kith::app

#pragma once
//! The one place with platform-specific code in the server: turns termination requests
//! (SIGINT/SIGTERM, console close on Windows) into a Qt signal on the main thread, and raises
//! process limits a busy server needs. On Windows a console close, logoff or shutdown waits
//! until this object is destroyed: declare it before the server, so the server stops first.

#include <QObject>

namespace kith::server {

class ProcessHooks : public QObject
{
    Q_OBJECT
public:
    explicit ProcessHooks(QObject *parent = nullptr);
    ~ProcessHooks() override;

    //! Raises the open-file limit to its hard maximum (one descriptor per connection);
    //! returns the limit now in force, or -1 where the platform has no such limit.
    static qint64 raiseOpenFileLimit();

signals:
    void requested(const QString &why);

private:
    struct Private;
    Private *d;
};

} // namespace kith::server

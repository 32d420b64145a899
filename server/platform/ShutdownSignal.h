#pragma once
//! Turns the platform's termination requests (SIGINT/SIGTERM, console close on Windows) into a
//! Qt signal on the main thread. The one place with platform-specific code in the server.

#include <QObject>

namespace kith::server {

class ShutdownSignal : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;

signals:
    void requested(const QString &why);

private:
    struct Private;
    Private *d;
};

} // namespace kith::server

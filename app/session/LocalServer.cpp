#include "LocalServer.h"

#include "Notices.h"
#include "host/EmbeddedServer.h"
#include "Settings.h"

#include <QDir>
#include <QSettings>

namespace kith::app {

namespace {
const QString kLocalPort = QStringLiteral("local/port");
}

LocalServer::LocalServer(QSettings *settings, Notices *notices, const QString &dataDir, QObject *parent)
    : QObject(parent), m_settings(settings), m_notices(notices), m_dataDir(dataDir), m_server(new EmbeddedServer(this))
{
    connect(m_server, &EmbeddedServer::started, this, [this](const QUrl &url) {
        // The first port is the one people get told; a stand-in used while it is taken is not.
        if (m_settings->value(kLocalPort, 0).toUInt() == 0)
            storeSetting(m_settings, kLocalPort, url.port());
        emit up(url);
    });
    connect(m_server, &EmbeddedServer::failed, this, [this](const QString &why) {
        emit failed(tr("The local server did not start: %1").arg(why));
    });
    // The port people were given is taken: the server runs elsewhere meanwhile and takes
    // it back when it is free; until then the user knows why invites may not reach them.
    connect(m_server, &EmbeddedServer::portBusy, this, [this](quint16 wanted, quint16 now) {
        m_notices->show(QStringLiteral("port"), [wanted, now] {
            return tr("Port %1 is used by another program, so your server listens on port %2 for now. "
                      "It takes port %1 back as soon as it is free.").arg(wanted).arg(now);
        });
    });
    connect(m_server, &EmbeddedServer::portRestored, this, [this](quint16 port) {
        m_notices->show(QStringLiteral("port"), [port] { return tr("Your server listens on port %1 again.").arg(port); });
    });
}

void LocalServer::start()
{
    const quint16 port = quint16(m_settings->value(kLocalPort, 0).toUInt());
    m_server->start(QDir(m_dataDir).filePath(QStringLiteral("server")), port);
}

} // namespace kith::app

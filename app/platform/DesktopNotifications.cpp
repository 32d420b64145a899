#include "DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace kith::app {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return;
    // Registered now, or started on demand by the bus (most desktops activate their daemon).
    m_available = bus.interface()->isServiceRegistered(kService)
                  || bus.interface()->activatableServiceNames().value().contains(kService);
    if (!m_available)
        return;
    bus.connect(kService, kPath, kService, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kService, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

void DesktopNotifications::show(const QString &title, const QString &body, quint64 channelId)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral("chat.kith.Kith")},
                            {QStringLiteral("category"), QStringLiteral("im.received")}};
    call << QStringLiteral("Kith") << uint(0) << QStringLiteral("chat.kith.Kith") << title << body
         << QStringList{QStringLiteral("default"), tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, channelId] {
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isValid())
            m_channels.insert(reply.value(), channelId);
        else
            qWarning("kith: notification not shown: %s", qPrintable(reply.error().message()));
        watcher->deleteLater();
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    // Other applications' notifications come through the same signal: only ours count.
    const auto it = m_channels.constFind(id);
    if (it != m_channels.cend() && action == u"default")
        emit activated(it.value());
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_channels.remove(id);
}

} // namespace kith::app

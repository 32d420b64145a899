#pragma once
//! Native notifications on Linux desktops: the org.freedesktop.Notifications D-Bus service,
//! which every desktop runs whether or not it shows a system tray (GNOME has none). Clicking
//! a notification ("default" action) reports the channel it was about.

#include <QHash>
#include <QObject>

namespace kith::app {

class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifications(QObject *parent = nullptr);
    //! Whether a notification service is on the session bus (checked once).
    bool isAvailable() const { return m_available; }
    //! Sends a notification without waiting for the service's answer.
    void show(const QString &title, const QString &body, quint64 channelId);

signals:
    void activated(quint64 channelId);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    bool m_available = false;
    QHash<uint, quint64> m_channels; //!< notification id -> channel, until it closes
};

} // namespace kith::app

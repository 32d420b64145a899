#pragma once
//! The real Notifier: native notifications (the freedesktop service on Linux, else the system
//! tray's balloon messages), the sound plugin, and the unread total as a badge on the app icon
//! (the windows' icon, the tray icon, and the dock/taskbar badge where Qt offers one).
//! With neither it shows nothing; the badge and the sound still work.

#include "Notifier.h"

#include <QIcon>
#include <memory>

class QSystemTrayIcon;

namespace kith::app {

class DesktopNotifications;
class SoundPlayer;

class TrayNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(const QIcon &icon, QObject *parent = nullptr);
    ~TrayNotifier() override;
    void notify(const QString &title, const QString &body, quint64 channelId) override;
    void playSound() override;
    void setUnreadCount(int count) override;
    //! Puts the icon on the app's windows and in the system tray, where there is one, with the
    //! unread count of the moment. Not in the constructor: asking whether there is a tray takes
    //! blocking D-Bus and X round trips, and a window icon is sent to the display server in
    //! every size, all of which a start would wait out.
    void showIcons();

    //! `base` with a red count in its top-right corner ("99+" above 99); `base` itself for 0.
    static QIcon withBadge(const QIcon &base, int count);
    SoundPlayer *sound();
    //! Whether notifications went to the desktop's notification service (after the first).
    bool usesDesktopNotifications() const { return m_desktop != nullptr; }

private:
    QString toolTip() const;

    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr;
    DesktopNotifications *m_desktop = nullptr;
    bool m_desktopChecked = false;
    bool m_iconsShown = false;
    std::unique_ptr<SoundPlayer> m_sound;
    quint64 m_lastChannel = 0;
    int m_count = -1;
};

} // namespace kith::app

#pragma once
//! The real Notifier: a QSystemTrayIcon's balloon messages (native notifications where the
//! platform has them). Without a system tray it shows nothing.

#include "Notifier.h"

#include <QIcon>

class QSystemTrayIcon;

namespace kith::app {

class TrayNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(const QIcon &icon, QObject *parent = nullptr);
    void notify(const QString &title, const QString &body, quint64 channelId) override;
    void setUnreadCount(int count) override;

private:
    QSystemTrayIcon *m_tray = nullptr;
    quint64 m_lastChannel = 0;
};

} // namespace kith::app

#include "TrayNotifier.h"

#include <QSystemTrayIcon>

namespace kith::app {

TrayNotifier::TrayNotifier(const QIcon &icon, QObject *parent) : Notifier(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(tr("Kith"));
    // A balloon carries no data of its own: remember which channel the last one was about.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { emit activated(m_lastChannel); });
    m_tray->show();
}

void TrayNotifier::notify(const QString &title, const QString &body, quint64 channelId)
{
    if (!m_tray)
        return;
    m_lastChannel = channelId;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 6000);
}

void TrayNotifier::setUnreadCount(int count)
{
    if (m_tray)
        m_tray->setToolTip(count > 0 ? tr("Kith: %n unread", nullptr, count) : tr("Kith"));
}

} // namespace kith::app

#include "TrayNotifier.h"

#include "SoundPlayer.h"
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
#include "DesktopNotifications.h"
#endif

#include <QGuiApplication>
#include <QPainter>
#include <QSystemTrayIcon>
#include <utility>

namespace kith::app {

TrayNotifier::TrayNotifier(const QIcon &icon, QObject *parent) : Notifier(parent), m_icon(icon)
{
}

void TrayNotifier::showIcons()
{
    if (std::exchange(m_iconsShown, true))
        return;
    const QIcon icon = withBadge(m_icon, m_count);
    QGuiApplication::setWindowIcon(icon);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QGuiApplication::setBadgeNumber(qMax(0, m_count));
#endif
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(toolTip());
    // A balloon carries no data of its own: remember which channel the last one was about.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { emit activated(m_lastChannel); });
    m_tray->show();
}

QString TrayNotifier::toolTip() const
{
    return m_count > 0 ? tr("Kith: %n unread", nullptr, m_count) : tr("Kith");
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::notify(const QString &title, const QString &body, quint64 channelId)
{
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
    // Looked up at the first notification, not at start-up: it costs two D-Bus round trips.
    if (!m_desktopChecked) {
        m_desktopChecked = true;
        m_desktop = new DesktopNotifications(this);
        if (m_desktop->isAvailable()) {
            connect(m_desktop, &DesktopNotifications::activated, this, &Notifier::activated);
        } else {
            delete m_desktop;
            m_desktop = nullptr;
        }
    }
    if (m_desktop) {
        m_desktop->show(title, body, channelId);
        return;
    }
#endif
    showIcons(); // a notification before the start was over
    if (!m_tray)
        return;
    m_lastChannel = channelId;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 6000);
}

SoundPlayer *TrayNotifier::sound()
{
    if (!m_sound)
        m_sound = std::make_unique<SoundPlayer>();
    return m_sound.get();
}

void TrayNotifier::playSound()
{
    const bool first = !m_sound;
    if (!sound()->playNotification() && first) // say it once, not at every message
        qWarning("kith: no notification sound: %s", qPrintable(sound()->error()));
}

QIcon TrayNotifier::withBadge(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    QIcon out;
    QList<int> done;
    for (const int wanted : {16, 32, 64, 128, 256}) {
        QPixmap pm = base.pixmap(wanted, wanted);
        pm.setDevicePixelRatio(1);
        const int size = pm.width(); // a pixmap icon does not grow past its largest image
        if (pm.isNull() || done.contains(size))
            continue;
        done.append(size);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const qreal d = size * (text.size() > 1 ? 0.62 : 0.5);
        const QRectF badge(size - d, 0, d, size * 0.5);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xE5, 0x48, 0x4D));
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(qMax(6, int(size * (text.size() > 2 ? 0.26 : 0.34))));
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        out.addPixmap(pm);
    }
    return out;
}

void TrayNotifier::setUnreadCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    if (!m_iconsShown)
        return; // showIcons() puts up the count of that moment
    const QIcon icon = withBadge(m_icon, count);
    QGuiApplication::setWindowIcon(icon);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QGuiApplication::setBadgeNumber(qMax(0, count)); // the dock or taskbar, where the platform has one
#endif
    if (m_tray) {
        m_tray->setIcon(icon);
        m_tray->setToolTip(toolTip());
    }
}

} // namespace kith::app

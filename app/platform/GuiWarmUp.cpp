#include "GuiWarmUp.h"

#include <QtGlobal>

#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
#include <QDBusConnection>
#include <QGuiApplication>
#endif

namespace kith::app {

GuiWarmUp::GuiWarmUp(std::function<void()> first)
{
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
    // Where Qt's accessibility bridge would connect (X11, Wayland); not offscreen, say.
    const QString platform = QGuiApplication::platformName();
    const bool bus = platform == u"xcb" || platform.startsWith(u"wayland");
#else
    const bool bus = false;
#endif
    m_thread = std::jthread([first = std::move(first), bus] {
        if (first)
            first();
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
        // Qt makes the connection in its own D-Bus thread whoever asks; a later sessionBus() on
        // the GUI thread gets it made, or waits only for what is left of it.
        if (bus)
            QDBusConnection::sessionBus();
#else
        Q_UNUSED(bus)
#endif
    });
}

} // namespace kith::app

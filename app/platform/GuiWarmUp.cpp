#include "GuiWarmUp.h"

#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
#include <QDBusConnection>
#endif

namespace kith::app {

GuiWarmUp::GuiWarmUp(std::function<void()> first)
{
    m_thread = std::jthread([first = std::move(first)] {
        if (first)
            first();
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
        // Qt makes the connection in its own D-Bus thread whoever asks; a later sessionBus() on
        // the GUI thread gets it made, or waits only for what is left of it.
        QDBusConnection::sessionBus();
#endif
    });
}

} // namespace kith::app

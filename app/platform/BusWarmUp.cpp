#include "BusWarmUp.h"

#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
#include <QDBusConnection>
#endif

namespace kith::app {

BusWarmUp::BusWarmUp()
{
#ifdef KITH_HAVE_DESKTOP_NOTIFICATIONS
    // Qt makes the connection in its own D-Bus thread whoever asks; a later sessionBus() on the
    // GUI thread gets it made, or waits only for what is left of it.
    m_thread = std::jthread([] { QDBusConnection::sessionBus(); });
#endif
}

} // namespace kith::app

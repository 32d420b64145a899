#pragma once
//! Connects to the D-Bus session bus on a thread of its own as soon as the application object
//! exists. The first item view a window builds asks Qt whether accessibility is on, and on X11
//! that makes Qt's AT-SPI bridge connect to the session bus and ask it a question, blocking
//! the GUI thread meanwhile: a connection handshake, a round trip, and, where no bus is
//! running, libdbus forking `dbus-launch`. Begun here, that wait overlaps the window's build.
//! Elsewhere (no D-Bus) this does nothing.

#include <thread>

namespace kith::app {

class BusWarmUp
{
public:
    BusWarmUp(); //!< starts the thread; call once QApplication exists

private:
    std::jthread m_thread; //!< joined with this (it has long finished by then)
};

} // namespace kith::app

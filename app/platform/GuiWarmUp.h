#pragma once
//! What the GUI thread would otherwise wait for while it builds the window, done on a thread
//! of its own as soon as the application object exists: first the caller's job, then the
//! D-Bus session bus connection. The first item view a window builds asks Qt whether
//! accessibility is on, and on X11 that makes Qt's AT-SPI bridge connect to the session bus
//! and ask it a question, blocking the GUI thread meanwhile: a connection handshake, a round
//! trip, and, where no bus is running, libdbus forking `dbus-launch`. Begun here, that wait
//! overlaps the window's build. Without D-Bus, or on a platform with no such bridge (offscreen),
//! only the caller's job runs.

#include <functional>
#include <thread>

namespace kith::app {

class GuiWarmUp
{
public:
    //! Starts the thread; call once QApplication exists.
    explicit GuiWarmUp(std::function<void()> first = {});

private:
    std::jthread m_thread; //!< joined with this (it has long finished by then)
};

} // namespace kith::app

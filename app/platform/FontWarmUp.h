#pragma once
//! Loads the system's font configuration on a thread of its own while the app starts, so the
//! first widget that measures text finds it ready. On Linux that is fontconfig's FcInit(): it
//! parses /etc/fonts and reads the font caches, about 10 ms that would otherwise sit on the GUI
//! thread in the middle of building the window. Elsewhere the platform's font list is cheap to
//! get and this does nothing.

#include <thread>

namespace kith::app {

class FontWarmUp
{
public:
    FontWarmUp(); //!< starts the thread; call before QApplication exists

private:
    std::jthread m_thread; //!< joined with this (it has long finished by then)
};

} // namespace kith::app

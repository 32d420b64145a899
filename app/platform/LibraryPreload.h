#pragma once
//! Maps a plugin library on a thread of its own while the app starts, so the thread that later
//! loads it through QPluginLoader finds it loaded. For the embedded server's module: its
//! libraries (QtSql, SQLite, libsodium, libcrypto) and relocations take longer than the rest of
//! the server's start, and would otherwise delay the first sign-in. Only on ELF systems;
//! elsewhere this does nothing and the plugin is loaded when first needed.

#include <QString>
#include <thread>

namespace kith::app {

class LibraryPreload
{
public:
    explicit LibraryPreload(const QString &path); //!< starts the thread; an empty path: none

private:
    std::jthread m_thread; //!< joined with this (it has long finished by then)
};

} // namespace kith::app

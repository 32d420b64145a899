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
    ~LibraryPreload(); //!< joins it (it has long finished by then)

    LibraryPreload(const LibraryPreload &) = delete;
    LibraryPreload &operator=(const LibraryPreload &) = delete;

private:
    std::thread m_thread;
};

} // namespace kith::app

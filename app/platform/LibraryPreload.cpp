#include "LibraryPreload.h"

#include <QFile>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <dlfcn.h>
#define KITH_PRELOAD 1
#endif
#if defined(__has_feature)
#define KITH_HAS_ASAN __has_feature(address_sanitizer)
#else
#define KITH_HAS_ASAN 0
#endif

namespace kith::app {

LibraryPreload::LibraryPreload(const QString &path)
{
#ifdef KITH_PRELOAD
    if (path.isEmpty())
        return;
    // Plain dlopen, no Qt in the thread; QLibrary's own dlopen later returns this handle. Never
    // closed: the plugin stays loaded for the process's life anyway.
    int flags = RTLD_LAZY | RTLD_LOCAL;
#if !defined(__SANITIZE_ADDRESS__) && !KITH_HAS_ASAN
    // Deep binding: the libraries this loads (libcrypto, SQLite, QtSql) find their own symbols
    // in their own scope first, instead of after the ~60 libraries the app already has; their
    // relocations take 5 M instructions instead of 19 M. The sanitizers' runtime refuses it.
    flags |= RTLD_DEEPBIND;
#endif
    m_thread = std::jthread([file = QFile::encodeName(path), flags] { dlopen(file.constData(), flags); });
#else
    Q_UNUSED(path)
#endif
}

} // namespace kith::app

#include "LibraryPreload.h"

#include <QFile>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <dlfcn.h>
#define KITH_PRELOAD 1
#endif

namespace kith::app {

LibraryPreload::LibraryPreload(const QString &path)
{
#ifdef KITH_PRELOAD
    if (path.isEmpty())
        return;
    // Plain dlopen, no Qt in the thread. The same flags as QLibrary's, so its own dlopen later
    // returns this handle. Never closed: the plugin stays loaded for the process's life anyway.
    m_thread =
        std::jthread([file = QFile::encodeName(path)] { dlopen(file.constData(), RTLD_LAZY | RTLD_LOCAL); });
#else
    Q_UNUSED(path)
#endif
}

} // namespace kith::app

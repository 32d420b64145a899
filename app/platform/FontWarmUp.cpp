#include "FontWarmUp.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <dlfcn.h>
#define KITH_FONTCONFIG 1
#endif

namespace kith::app {

FontWarmUp::FontWarmUp()
{
#ifdef KITH_FONTCONFIG
    // No Qt in this thread: before QCoreApplication exists, the first thread that touches Qt's
    // thread data becomes Qt's main thread. QtGui has fontconfig loaded already (RTLD_NOLOAD
    // finds it, adds no dependency); Qt's own FcInit() later finds the configuration made
    // (fontconfig's init is thread-safe: a call racing ours does the same work once more).
    m_thread = std::jthread([] {
        void *lib = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_NOLOAD);
        if (!lib)
            return;
        using Init = int (*)();
        if (const auto init = reinterpret_cast<Init>(dlsym(lib, "FcInit")))
            init();
        dlclose(lib);
    });
#endif
}

} // namespace kith::app

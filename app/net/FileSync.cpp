#include "FileSync.h"

#include <QFileDevice>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace kith::app {

bool FileSync::sync(QFileDevice &file)
{
    if (!file.flush())
        return false;
    const int fd = file.handle();
    if (fd < 0)
        return false;
#if defined(Q_OS_WIN)
    return FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(fd))) != 0;
#elif defined(Q_OS_MACOS)
    return ::fcntl(fd, F_FULLFSYNC) == 0 || ::fsync(fd) == 0; // plain fsync leaves it in the drive's cache
#else
    return ::fdatasync(fd) == 0;
#endif
}

} // namespace kith::app

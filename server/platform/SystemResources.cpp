#include "SystemResources.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <climits> // OPEN_MAX on macOS
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <winsock2.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kith::server {

bool SystemResources::shutdownWrite(qintptr socketDescriptor)
{
    if (socketDescriptor < 0)
        return false;
#if defined(Q_OS_UNIX)
    return ::shutdown(int(socketDescriptor), SHUT_WR) == 0;
#elif defined(Q_OS_WIN)
    return ::shutdown(SOCKET(socketDescriptor), SD_SEND) == 0;
#else
    return false;
#endif
}

qintptr SystemResources::accept(qintptr listeningDescriptor, AcceptError *error)
{
#if defined(Q_OS_UNIX)
    int fd = -1;
    do {
#ifdef Q_OS_LINUX
        fd = ::accept4(int(listeningDescriptor), nullptr, nullptr, SOCK_CLOEXEC);
#else
        fd = ::accept(int(listeningDescriptor), nullptr, nullptr);
        if (fd >= 0)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
#endif
    } while (fd < 0 && errno == EINTR);
    if (fd >= 0) {
        *error = AcceptError::None;
        return fd;
    }
    switch (errno) {
    case EAGAIN:
#if EAGAIN != EWOULDBLOCK
    case EWOULDBLOCK:
#endif
        *error = AcceptError::WouldBlock;
        break;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        *error = AcceptError::OutOfDescriptors;
        break;
    default: // ECONNABORTED and the like: that one connection is gone
        *error = AcceptError::Other;
        break;
    }
    return -1;
#elif defined(Q_OS_WIN)
    const SOCKET s = ::accept(SOCKET(listeningDescriptor), nullptr, nullptr);
    if (s != INVALID_SOCKET) {
        *error = AcceptError::None;
        return qintptr(s);
    }
    const int e = WSAGetLastError();
    *error = e == WSAEWOULDBLOCK ? AcceptError::WouldBlock
             : (e == WSAEMFILE || e == WSAENOBUFS) ? AcceptError::OutOfDescriptors
                                                   : AcceptError::Other;
    return -1;
#else
    Q_UNUSED(listeningDescriptor);
    *error = AcceptError::Other;
    return -1;
#endif
}

qint64 SystemResources::openFileLimit()
{
#ifdef Q_OS_UNIX
    struct rlimit rl = {};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    return rl.rlim_cur == RLIM_INFINITY ? -1 : qint64(rl.rlim_cur);
#else
    return -1;
#endif
}

qint64 SystemResources::setOpenFileLimit(qint64 limit)
{
#ifdef Q_OS_UNIX
    struct rlimit rl = {};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    rl.rlim_cur = rlim_t(limit);
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
        rl.rlim_cur = rl.rlim_max;
#ifdef Q_OS_MACOS
    if (rl.rlim_cur > rlim_t(OPEN_MAX)) // macOS refuses more (see ProcessHooks)
        rl.rlim_cur = rlim_t(OPEN_MAX);
#endif
    setrlimit(RLIMIT_NOFILE, &rl);
    return openFileLimit();
#else
    Q_UNUSED(limit);
    return -1;
#endif
}

void SystemResources::releaseFreeHeap()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

qint64 SystemResources::residentKbOf(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
#else
    Q_UNUSED(pid);
    return -1;
#endif
}

qint64 SystemResources::residentBytes()
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE);
#else
    return -1;
#endif
}

} // namespace kith::server

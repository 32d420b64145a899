#include "FolderLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QLockFile>
#endif

namespace kith::server {

// On Unix the lock is the kernel's (flock on the open file): it goes with the process, however
// that ends, and taking it costs no write to the disk. QLockFile, used elsewhere, syncs its file
// to the disk (1–7 ms on a start, twice: the app's folder and its server's). The file says who
// holds it in QLockFile's format (pid, application, host), and QLockFile flocks it too, so
// either kind of process sees the other's lock.

FolderLock::FolderLock(const QString &folder, const QString &fileName)
    : m_folder(QDir::toNativeSeparators(QDir(folder).absolutePath())), m_path(QDir(folder).filePath(fileName))
{
#ifndef Q_OS_UNIX
    m_lock = std::make_unique<QLockFile>(m_path);
    // Only a dead holder makes a lock stale: QLockFile's default would also break a live
    // server's lock once the file is 30 s old.
    m_lock->setStaleLockTime(0);
#endif
}

FolderLock::~FolderLock()
{
    unlock();
}

#ifdef Q_OS_UNIX

namespace {
qint64 holderOf(int fd)
{
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    return n > 0 ? QByteArray(buf, int(n)).split('\n').value(0).toLongLong() : 0;
}
} // namespace

FolderLock::Outcome FolderLock::tryLock(qint64 *holderPid)
{
    if (holderPid)
        *holderPid = 0;
    if (m_fd >= 0)
        return Outcome::Locked;
    const QByteArray path = QFile::encodeName(m_path);
    // A holder that lets go removes the file: one that we opened just before is not the lock any
    // more (another start may have made the next file), so open again.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return Outcome::Error;
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const bool held = errno == EWOULDBLOCK;
            if (held && holderPid)
                *holderPid = holderOf(fd);
            ::close(fd);
            return held ? Outcome::HeldByOther : Outcome::Error;
        }
        struct stat opened {}, named {};
        if (::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 && opened.st_ino == named.st_ino
            && opened.st_dev == named.st_dev) {
            const QByteArray who = QByteArray::number(QCoreApplication::applicationPid()) + '\n'
                                   + QCoreApplication::applicationName().toUtf8() + '\n'
                                   + QSysInfo::machineHostName().toUtf8() + '\n';
            if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, who.constData(), size_t(who.size()), 0) != who.size()) {
                ::close(fd);
                return Outcome::Error;
            }
            m_fd = fd;
            return Outcome::Locked;
        }
        ::close(fd);
    }
    return Outcome::Error;
}

void FolderLock::unlock()
{
    if (m_fd < 0)
        return;
    // Removed while still held: a start that opens it now finds it gone once it has the lock.
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
    m_fd = -1;
}

bool FolderLock::isLocked() const
{
    return m_fd >= 0;
}

#else

FolderLock::Outcome FolderLock::tryLock(qint64 *holderPid)
{
    if (holderPid)
        *holderPid = 0;
    if (m_lock->isLocked() || m_lock->tryLock(0))
        return Outcome::Locked;
    if (m_lock->error() != QLockFile::LockFailedError)
        return Outcome::Error;
    if (holderPid) {
        QString host, app;
        m_lock->getLockInfo(holderPid, &host, &app);
    }
    return Outcome::HeldByOther;
}

void FolderLock::unlock()
{
    if (m_lock->isLocked())
        m_lock->unlock();
}

bool FolderLock::isLocked() const
{
    return m_lock->isLocked();
}

#endif

QString FolderLock::inUseMessage(const QString &folder, qint64 pid)
{
    return pid > 0 ? QStringLiteral("data folder %1 is in use by process %2").arg(folder).arg(pid)
                   : QStringLiteral("data folder %1 is in use by another process").arg(folder);
}

} // namespace kith::server

#include "FolderLock.h"

#include <QDir>
#include <QLockFile>

namespace kith::server {

FolderLock::FolderLock(const QString &folder, const QString &fileName)
    : m_folder(QDir::toNativeSeparators(QDir(folder).absolutePath()))
    , m_lock(std::make_unique<QLockFile>(QDir(folder).filePath(fileName)))
{
    // Only a dead holder makes a lock stale: QLockFile's default would also break a live
    // server's lock once the file is 30 s old.
    m_lock->setStaleLockTime(0);
}

FolderLock::~FolderLock() = default;

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

QString FolderLock::inUseMessage(const QString &folder, qint64 pid)
{
    return pid > 0 ? QStringLiteral("data folder %1 is in use by process %2").arg(folder).arg(pid)
                   : QStringLiteral("data folder %1 is in use by another process").arg(folder);
}

} // namespace kith::server

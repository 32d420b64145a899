#pragma once
//! An exclusive lock on a data folder for the life of a process, so two servers (or two app
//! instances) never write one database. A lock left by a process that died does not block.

#include <QString>
#include <QtGlobal>
#include <memory>

class QLockFile;

namespace kith::server {

class FolderLock
{
public:
    //! `fileName` is the lock file inside the folder (e.g. "kith-server.lock").
    FolderLock(const QString &folder, const QString &fileName);
    ~FolderLock(); //!< releases the lock
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

    enum class Outcome { Locked, HeldByOther, Error };
    //! Takes the lock at once or reports why not; `holderPid` is the holder's process id when
    //! another process has it (0 if unknown).
    Outcome tryLock(qint64 *holderPid = nullptr);
    void unlock();
    bool isLocked() const;
    QString folder() const { return m_folder; }
    //! The lock file kith-server keeps in its data folder (the tools take the same one).
    static QString serverFileName() { return QStringLiteral("kith-server.lock"); }
    //! The sentence a server prints when the folder is taken: "data folder DIR is in use by
    //! process PID".
    static QString inUseMessage(const QString &folder, qint64 pid);

private:
    QString m_folder;
    QString m_path;
#ifdef Q_OS_UNIX
    int m_fd = -1; //!< the open lock file, flock()ed while this holds the lock
#else
    std::unique_ptr<QLockFile> m_lock;
#endif
};

} // namespace kith::server

#pragma once
//! What the gateway asks of the operating system beyond Qt: half-closing a socket, the
//! open-file limit, and giving freed heap back. Platform code stays in this one class.

#include <QtGlobal>

namespace kith::server {

class SystemResources
{
public:
    //! Sends FIN after what the kernel holds for the socket, and keeps reading open, so a
    //! close frame reaches a peer that is still sending. False where unsupported.
    static bool shutdownWrite(qintptr socketDescriptor);

    enum class AcceptError { None, WouldBlock, OutOfDescriptors, Other };
    //! Accepts one pending connection on a listening socket: its descriptor, or -1 and why.
    //! (QTcpServer cannot be used for this: Qt 6.4 retries a failing accept in a busy loop.)
    static qintptr accept(qintptr listeningDescriptor, AcceptError *error);

    //! The soft open-file limit, or -1 where the platform has none.
    static qint64 openFileLimit();
    //! Sets the soft open-file limit (never above the hard one); returns the limit now in force.
    static qint64 setOpenFileLimit(qint64 limit);

    //! Returns freed heap to the system where the allocator keeps it (glibc); a no-op elsewhere.
    static void releaseFreeHeap();
    //! The process's resident memory in bytes, or -1 where unknown.
    static qint64 residentBytes();
    //! Resident memory of another process in KB (VmRSS, Linux), or -1.
    static qint64 residentKbOf(qint64 pid);
};

} // namespace kith::server

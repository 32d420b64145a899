#pragma once
//! The one place the app asks the operating system to put a file's bytes on the disk itself
//! (Qt has no call for it): fdatasync on Linux, F_FULLFSYNC on macOS, FlushFileBuffers on Windows.

class QFileDevice;

namespace kith::app {

struct FileSync {
    //! Flushes Qt's buffer, then the system's. False if either failed.
    static bool sync(QFileDevice &file);
};

} // namespace kith::app

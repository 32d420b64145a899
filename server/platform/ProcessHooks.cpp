#include "ProcessHooks.h"

#include <QCoreApplication>

#include <atomic>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <climits> // OPEN_MAX on macOS
#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace kith::server {

#ifdef Q_OS_UNIX
namespace {
int g_pipe[2] = {-1, -1};

void onSignal(int sig)
{
    const char c = char(sig);
    // write() is async-signal-safe; the notifier picks it up on the main thread.
    [[maybe_unused]] auto n = ::write(g_pipe[0], &c, 1);
}
} // namespace

struct ProcessHooks::Private {
    QSocketNotifier *notifier = nullptr;
};

ProcessHooks::ProcessHooks(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    d->notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        [[maybe_unused]] auto n = ::read(g_pipe[1], &c, 1);
        emit requested(c == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

qint64 ProcessHooks::raiseOpenFileLimit()
{
    struct rlimit rl = {};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
#ifdef Q_OS_MACOS
        // macOS refuses (EINVAL, silently here) a soft limit above OPEN_MAX, RLIM_INFINITY included.
        if (rl.rlim_cur > rlim_t(OPEN_MAX))
            rl.rlim_cur = rlim_t(OPEN_MAX);
#endif
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    return qint64(rl.rlim_cur);
}

ProcessHooks::~ProcessHooks()
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    delete d;
}

#elif defined(Q_OS_WIN)

namespace {
// The handler runs on a thread Windows starts for it, hence the atomic.
std::atomic<ProcessHooks *> g_instance{nullptr};
// Set when the ProcessHooks goes, i.e. after the server (declared after it) has stopped.
// Never closed: a handler may still be waiting on it while the process ends.
HANDLE g_stopped = nullptr;

BOOL WINAPI onConsole(DWORD type)
{
    ProcessHooks *hooks = g_instance.load();
    if (!hooks)
        return FALSE;
    QMetaObject::invokeMethod(
        hooks, [hooks] { emit hooks->requested(QStringLiteral("console close")); }, Qt::QueuedConnection);
    // For a closed console, a logoff or a shutdown Windows ends the process as soon as the
    // handler returns: hold it until queued writes are committed (Windows still bounds the wait).
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        WaitForSingleObject(g_stopped, INFINITE);
    return TRUE;
}
} // namespace

struct ProcessHooks::Private {};

ProcessHooks::ProcessHooks(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    if (!g_stopped)
        g_stopped = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    else
        ResetEvent(g_stopped);
    g_instance = this;
    SetConsoleCtrlHandler(onConsole, TRUE);
}

qint64 ProcessHooks::raiseOpenFileLimit()
{
    return -1; // Windows has no per-process descriptor limit of this kind
}

ProcessHooks::~ProcessHooks()
{
    g_instance = nullptr;
    SetEvent(g_stopped); // a waiting handler returns and lets Windows end the process
    SetConsoleCtrlHandler(onConsole, FALSE);
    delete d;
}

#else

struct ProcessHooks::Private {};
ProcessHooks::ProcessHooks(QObject *parent) : QObject(parent), d(new Private) {}
ProcessHooks::~ProcessHooks() { delete d; }
qint64 ProcessHooks::raiseOpenFileLimit() { return -1; }

#endif

} // namespace kith::server

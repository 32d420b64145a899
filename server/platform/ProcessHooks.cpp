#include "ProcessHooks.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
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
ProcessHooks *g_instance = nullptr;

BOOL WINAPI onConsole(DWORD)
{
    if (g_instance)
        QMetaObject::invokeMethod(g_instance, [] { emit g_instance->requested(QStringLiteral("console close")); },
                                  Qt::QueuedConnection);
    return TRUE;
}
} // namespace

struct ProcessHooks::Private {};

ProcessHooks::ProcessHooks(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    g_instance = this;
    SetConsoleCtrlHandler(onConsole, TRUE);
}

qint64 ProcessHooks::raiseOpenFileLimit()
{
    return -1; // Windows has no per-process descriptor limit of this kind
}

ProcessHooks::~ProcessHooks()
{
    SetConsoleCtrlHandler(onConsole, FALSE);
    g_instance = nullptr;
    delete d;
}

#else

struct ProcessHooks::Private {};
ProcessHooks::ProcessHooks(QObject *parent) : QObject(parent), d(new Private) {}
ProcessHooks::~ProcessHooks() { delete d; }
qint64 ProcessHooks::raiseOpenFileLimit() { return -1; }

#endif

} // namespace kith::server

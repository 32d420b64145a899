#include "ShutdownSignal.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
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

struct ShutdownSignal::Private {
    QSocketNotifier *notifier = nullptr;
};

ShutdownSignal::ShutdownSignal(QObject *parent)
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

ShutdownSignal::~ShutdownSignal()
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    delete d;
}

#elif defined(Q_OS_WIN)

namespace {
ShutdownSignal *g_instance = nullptr;

BOOL WINAPI onConsole(DWORD)
{
    if (g_instance)
        QMetaObject::invokeMethod(g_instance, [] { emit g_instance->requested(QStringLiteral("console close")); },
                                  Qt::QueuedConnection);
    return TRUE;
}
} // namespace

struct ShutdownSignal::Private {};

ShutdownSignal::ShutdownSignal(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    g_instance = this;
    SetConsoleCtrlHandler(onConsole, TRUE);
}

ShutdownSignal::~ShutdownSignal()
{
    SetConsoleCtrlHandler(onConsole, FALSE);
    g_instance = nullptr;
    delete d;
}

#else

struct ShutdownSignal::Private {};
ShutdownSignal::ShutdownSignal(QObject *parent) : QObject(parent), d(new Private) {}
ShutdownSignal::~ShutdownSignal() { delete d; }

#endif

} // namespace kith::server

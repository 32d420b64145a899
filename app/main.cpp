// kith: the desktop app. Parses its flags before any display is needed, so --help and
// --version work on a bare terminal, then hands over to AppController.
#include "host/EmbeddedServer.h"
#include "platform/FontWarmUp.h"
#include "platform/GuiWarmUp.h"
#include "platform/LibraryPreload.h"
#include "platform/ProcessHooks.h"
#include "platform/SingleInstance.h"
#include "platform/SoundPlayer.h"
#include "session/PrimarySignIn.h"
#include "ui/AppController.h"
#include "ui/Icons.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace {

struct Parsed {
    kith::app::AppOptions options;
    QStringList links;          //!< kith:// links to open
    bool measure = false;
    bool quitWhenUsable = false;
    bool checkSound = false;
};

Parsed parseArguments(const QCoreApplication &core)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("main", "Kith: chat with your people, on a server you run."));
    const QCommandLineOption help = p.addHelpOption();
    const QCommandLineOption version = p.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QCoreApplication::translate("main", "Keep all settings and data in <dir> (also: KITH_DATA)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption local(QStringLiteral("local"),
                                   QCoreApplication::translate("main", "Open straight into the local server, creating it on first use."));
    const QCommandLineOption measure(QStringLiteral("measure"),
                                     QCoreApplication::translate("main", "Print start-up timings (epoch ms) to stdout."));
    const QCommandLineOption quit(QStringLiteral("quit-when-usable"),
                                  QCoreApplication::translate("main", "Quit as soon as the chat is usable (for measuring)."));
    const QCommandLineOption checkSound(
        QStringLiteral("check-sound"),
        QCoreApplication::translate("main", "Load the notification sound plugin, print its file and exit."));
    p.addOptions({data, local, measure, quit, checkSound});
    p.addPositionalArgument(QStringLiteral("link"), QCoreApplication::translate("main", "A kith:// invite link to open."),
                            QStringLiteral("[link]"));
    // Qt's own GUI flags (-platform, -style, ...) are for QApplication: let them pass.
    p.parse(core.arguments());
    if (p.isSet(help))
        p.showHelp(0);
    if (p.isSet(version))
        p.showVersion();
    Parsed out;
    QString dir = p.value(data);
    if (dir.isEmpty())
        dir = qEnvironmentVariable("KITH_DATA");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    out.options.dataDir = QDir(dir).absolutePath();
    out.options.local = p.isSet(local);
    out.measure = p.isSet(measure);
    out.quitWhenUsable = p.isSet(quit);
    out.checkSound = p.isSet(checkSound);
    out.links = p.positionalArguments();
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    // Our patterns are short and run on short strings (and Qt's own, for folder listings):
    // compiling each to machine code costs more time than it saves, and the compiler's code
    // stays resident (0.2 MB). Before any thread can build a QRegularExpression.
    if (!qEnvironmentVariableIsSet("QT_ENABLE_REGEXP_JIT"))
        qputenv("QT_ENABLE_REGEXP_JIT", "0");
    const kith::app::FontWarmUp fonts; // meanwhile: the window needs fonts only once it is built
    QCoreApplication::setApplicationName(QStringLiteral("Kith"));
    // No organisation name: the data folder is ~/.local/share/Kith, not Kith/Kith.
    QCoreApplication::setOrganizationDomain(QStringLiteral("kith.chat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KITH_VERSION));
    Parsed parsed;
    std::unique_ptr<kith::app::SingleInstance> instance;
    std::unique_ptr<kith::app::LibraryPreload> serverModule;
    QString serverModulePath;
    QString language;
    {
        QCoreApplication core(argc, argv);
        parsed = parseArguments(core);
        // For installers' tests: is the plugin where this build says it is installed?
        if (parsed.checkSound) {
            kith::app::SoundPlayer sound;
            if (!sound.backend()) {
                std::fprintf(stderr, "kith: %s\n", qPrintable(sound.error()));
                return 1;
            }
            std::printf("kith: sound plugin %s\n", qPrintable(sound.pluginFile()));
            return 0;
        }
        // One app per data folder: a second start hands its arguments to the first and leaves
        // before anything touches the database.
        instance = std::make_unique<kith::app::SingleInstance>(parsed.options.dataDir);
        QString error;
        switch (instance->claim(core.arguments().mid(1), &error)) {
        case kith::app::SingleInstance::Claim::Primary:
            break;
        case kith::app::SingleInstance::Claim::Forwarded:
            return 0;
        case kith::app::SingleInstance::Claim::Failed:
            std::fprintf(stderr, "kith: %s\n", qPrintable(error));
            return 1;
        }
        const QSettings s(kith::app::AppController::settingsPath(parsed.options.dataDir), QSettings::IniFormat);
        language = s.value(QStringLiteral("ui/language")).toString();
        if (kith::app::PrimarySignIn::startsLocal(s, parsed.options.local))
            serverModulePath = kith::app::EmbeddedServer::modulePath();
    }

    // The app's own server module loads beside QApplication, which mostly waits for the display
    // server. Later, its loader lock would stall the threads the controller starts (creating a
    // thread takes that lock) for as long as the load takes.
    serverModule = std::make_unique<kith::app::LibraryPreload>(serverModulePath);
    QApplication app(argc, argv);
    // Meanwhile: the window's build reads the artwork and its first item view waits for the bus.
    const kith::app::GuiWarmUp warmUp(kith::app::icons::warmUp);
    QApplication::setApplicationDisplayName(QStringLiteral("Kith"));
    QApplication::setDesktopFileName(QStringLiteral("chat.kith.Kith"));
    kith::app::language::apply(language);
    auto mark = [&](const char *what) {
        if (parsed.measure)
            std::printf("kith: %-22s %4lld ms after main\n", what, QDateTime::currentMSecsSinceEpoch() - t0);
    };
    mark("application");
    kith::app::AppController controller(parsed.options);
    mark("window built");
    if (parsed.measure) {
        QObject::connect(controller.server(), &kith::app::EmbeddedServer::started, &app, [&] { mark("server listening"); });
        QObject::connect(controller.connection(), &kith::app::Connection::signedIn, &app, [&] { mark("signed in"); });
        QObject::connect(controller.connection(), &kith::app::Connection::ready, &app, [&] { mark("ready"); });
    }
    QObject::connect(&app, &QApplication::aboutToQuit, &controller, &kith::app::AppController::shutdown);
    // SIGTERM (a logout, `kill`) or Ctrl+C quits like closing the window: the embedded server
    // stops cleanly and the settings are saved.
    kith::server::ProcessHooks hooks;
    QObject::connect(&hooks, &kith::server::ProcessHooks::requested, &app, &QApplication::quit);
    if (parsed.measure || parsed.quitWhenUsable) {
        QObject::connect(&controller, &kith::app::AppController::usable, &app, [&] {
            if (parsed.measure) {
                std::printf("kith: main at %lld, usable at %lld epoch ms (%lld ms after main); "
                            "embedded server start %lld ms\n",
                            t0, QDateTime::currentMSecsSinceEpoch(), QDateTime::currentMSecsSinceEpoch() - t0,
                            controller.server()->startMs());
                std::fflush(stdout);
            }
            if (parsed.quitWhenUsable)
                QTimer::singleShot(0, &app, &QApplication::quit);
        });
    }
    // Later starts hand their arguments over once this one has settled: they wait for it (see
    // SingleInstance::claim), and making the socket costs the start a few file-system round trips.
    QObject::connect(&controller, &kith::app::AppController::settled, instance.get(), [&instance] {
        QString listenError;
        if (!instance->listen(&listenError))
            qWarning("kith: later starts cannot hand over to this one: %s", qPrintable(listenError));
    });
    QObject::connect(instance.get(), &kith::app::SingleInstance::argumentsReceived, &controller,
                     &kith::app::AppController::handleArguments);
    controller.start();
    for (const QString &link : std::as_const(parsed.links))
        controller.openLink(link);
    mark("started");
    const int rc = app.exec();
    instance.reset(); // its socket goes before the application object; the lock with it
    return rc;
}

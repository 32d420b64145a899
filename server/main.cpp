// kith-server: the headless Kith server.

#include "Server.h"
#include "platform/ProcessHooks.h"
#include "tools/Admin.h"
#include "tools/Backup.h"
#include "tools/Migrate.h"
#include "tools/Restore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

using namespace kith::server;

namespace {

// kith-server COMMAND [flags] runs a tool instead of the server; each has its own --help.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments); // arguments: the command's name, then its flags
};
constexpr Command kCommands[] = {
    {"migrate", "copy all data between SQLite and PostgreSQL (or two of a kind)", tools::migrate},
    {"backup", "a consistent copy of a SQLite database, also while the server runs", tools::backup},
    {"restore", "a new data folder from such a backup", tools::restore},
    {"admin", "accounts and guilds: create-user, reset-password, promote, list-guilds, delete-guild, ...", tools::admin},
};

int fail(const QString &message)
{
    std::fprintf(stderr, "kith-server: %s\n", qPrintable(message));
    return 2;
}

bool applyLogLevel(const QString &level)
{
    static const QStringList order{QStringLiteral("debug"), QStringLiteral("info"),
                                   QStringLiteral("warning"), QStringLiteral("error")};
    const qsizetype i = order.indexOf(level.toLower());
    if (i < 0)
        return false;
    QString rules;
    const char *kinds[] = {"debug", "info", "warning", "critical"};
    for (qsizetype k = 0; k < 4; ++k)
        rules += QStringLiteral("kith.*.%1=%2\n").arg(QLatin1String(kinds[k]), k >= i ? u"true" : u"false");
    // "kith.*" does not match the bare "kith.store"/"kith.server" names, so name them too.
    for (qsizetype k = 0; k < 4; ++k)
        rules += QStringLiteral("kith.store.%1=%2\nkith.server.%1=%2\n")
                     .arg(QLatin1String(kinds[k]), k >= i ? u"true" : u"false");
    QLoggingCategory::setFilterRules(rules);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kith-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KITH_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}"
                                      "%{if-info}info%{endif}%{if-warning}warning%{endif}"
                                      "%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
                                      "%{category}: %{message}"));

    if (argc > 1) {
        for (const Command &command : kCommands) {
            if (qstrcmp(argv[1], command.name) == 0) {
                applyLogLevel(QStringLiteral("warning")); // a tool says what it did itself
                return command.run(app.arguments().mid(1));
            }
        }
    }

    // Every setting comes from the table in ServerConfig: its flag here, its environment
    // variable and its INI key there. Precedence: flags > environment > file > defaults.
    QString description = QStringLiteral("Kith chat server\n\nCommands (kith-server COMMAND --help for each):\n");
    for (const Command &command : kCommands)
        description += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name).leftJustified(8), QLatin1String(command.summary));
    description += QStringLiteral(
        "\nWithout a command, kith-server runs the server. Every setting can also be given in the environment or in "
        "the --config file (precedence: flags > environment > file > defaults). Environment variables are KITH_ and "
        "the key for [server] keys (KITH_LISTEN, KITH_DATA, KITH_DB, ...), KITH_SECTION_KEY for the others "
        "(KITH_TLS_CERT, KITH_PARTY_GUESTS, ...); KITH_CONFIG names the config file. Settings without a flag:");
    for (const ConfigSetting &s : ServerConfig::settings())
        if (s.flag.isEmpty())
            description += QStringLiteral("\n  [%1] %2 (%3): %4").arg(s.section, s.key, s.envName(), s.help);
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    QList<QPair<const ConfigSetting *, QCommandLineOption>> flags;
    for (const ConfigSetting &s : ServerConfig::settings()) {
        if (s.flag.isEmpty())
            continue;
        const QString help = s.help + QStringLiteral(" [%1]").arg(s.envName());
        flags.append({&s, s.valueName.isEmpty() ? QCommandLineOption(s.flag, help)
                                                : QCommandLineOption(s.flag, help, s.valueName)});
        parser.addOption(flags.last().second);
    }
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("INI configuration file. [KITH_CONFIG]"),
                                    QStringLiteral("FILE"));
    parser.addOption(config);
    if (!parser.parse(app.arguments()))
        return fail(parser.errorText() + QStringLiteral(" (see --help)"));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().first()));

    ServerConfig cfg;
    cfg.dataDir = QStringLiteral("kith-data");
    QString error;
    const QString configFile = parser.isSet(config) ? parser.value(config) : qEnvironmentVariable("KITH_CONFIG");
    if (!configFile.isEmpty() && !cfg.loadFile(configFile, &error))
        return fail(error);
    if (!cfg.loadEnvironment(&error))
        return fail(error);
    auto given = [&](const char *flag) {
        return parser.isSet(QLatin1String(flag));
    };
    for (const auto &[setting, option] : std::as_const(flags)) {
        if (!parser.isSet(option))
            continue;
        const QString value = setting->valueName.isEmpty() ? QStringLiteral("true") : parser.value(option);
        if (!cfg.apply(*setting, value, QStringLiteral("--") + setting->flag, &error))
            return fail(error);
    }
    if (given("tls-self-signed") && (given("tls-cert") || given("tls-key")))
        return fail(QStringLiteral("--tls-self-signed and --tls-cert/--tls-key exclude each other"));
    if ((given("party-name") || given("party-password")) && !cfg.guests)
        return fail(QStringLiteral("--party-name and --party-password need --guests"));
    if (!applyLogLevel(cfg.logLevel))
        return fail(QStringLiteral("unknown log level \"%1\": use debug, info, warning or error").arg(cfg.logLevel));

    ProcessHooks hooks; // before start, so an early SIGTERM still stops cleanly
    ProcessHooks::raiseOpenFileLimit();
    Server server(cfg);
    if (!server.start(&error))
        return fail(error);
    QString host = cfg.host.toString();
    if (cfg.host.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    std::printf("listening on %s://%s:%u\n", cfg.tls() ? "wss" : "ws", qPrintable(host), unsigned(server.port()));
    if (cfg.metrics) {
        QString metricsHost = cfg.metricsHost.toString();
        if (cfg.metricsHost.protocol() == QAbstractSocket::IPv6Protocol)
            metricsHost = QLatin1Char('[') + metricsHost + QLatin1Char(']');
        std::printf("metrics on http://%s:%u\n", qPrintable(metricsHost), unsigned(server.metricsPort()));
    }
    if (!server.fingerprint().isEmpty())
        std::printf("certificate fingerprint %s\n", qPrintable(server.fingerprint()));
    std::fflush(stdout);
    if (cfg.registration == u"open" && !cfg.host.isLoopback())
        std::fprintf(stderr, "kith-server: warning: registration is open and the server listens on %s: anyone who can "
                             "reach it can create an account. Set [server] registration = invite or closed "
                             "(or --registration) to change that.\n",
                     qPrintable(host));

    QObject::connect(&hooks, &ProcessHooks::requested, &app, [&](const QString &why) {
        std::fprintf(stderr, "kith-server: %s received, shutting down\n", qPrintable(why));
        server.stop();
        app.quit();
    });
    QObject::connect(&server, &Server::failed, &app, [&](const QString &why) {
        std::fprintf(stderr, "kith-server: %s\n", qPrintable(why));
        app.exit(1);
    });
    return app.exec();
}

// kith-server: the headless Kith server.

#include "Server.h"
#include "platform/ProcessHooks.h"
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

    QString description = QStringLiteral("Kith chat server\n\nCommands (kith-server COMMAND --help for each):\n");
    for (const Command &command : kCommands)
        description += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name).leftJustified(8), QLatin1String(command.summary));
    description += QStringLiteral("\nWithout a command, kith-server runs the server with these options:");
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on (default 127.0.0.1:%1; port 0 picks a free one).")
                                        .arg(kith::limits::kDefaultPort),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data folder (default ./kith-data)."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Database: postgresql://USER:PASSWORD@HOST:PORT/DB, or sqlite:FILE "
                                               "(default: SQLite file kith.db in the data folder; env KITH_DB)."),
                                QStringLiteral("URL"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("INI configuration file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("debug, info, warning or error (default info)."),
                                      QStringLiteral("LEVEL"), QStringLiteral("info"));
    const QCommandLineOption guests(QStringLiteral("guests"),
                                    QStringLiteral("Host a LAN party: guests join with a nickname (session.guest) into the party guild."));
    const QCommandLineOption partyName(QStringLiteral("party-name"), QStringLiteral("The party guild's name (with --guests)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption partyPassword(QStringLiteral("party-password"),
                                           QStringLiteral("Guests must give this password (with --guests)."),
                                           QStringLiteral("PW"));
    const QCommandLineOption announce(QStringLiteral("announce"),
                                      QStringLiteral("Announce the server on the LAN: beacons to HOST:PORT, or to every network's "
                                                     "broadcast address with \"broadcast\" (UDP port %1).")
                                          .arg(kith::limits::kDiscoveryPort),
                                      QStringLiteral("HOST:PORT"));
    const QCommandLineOption tlsSelfSigned(QStringLiteral("tls-self-signed"),
                                           QStringLiteral("Serve wss:// with a certificate made once and kept in the data folder."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("Serve wss:// with this PEM certificate (chain)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption nodeId(QStringLiteral("node-id"),
                                    QStringLiteral("This node's id, 0-1023, unique among servers sharing one PostgreSQL "
                                                   "(default: the lowest free one, leased from the database)."),
                                    QStringLiteral("N"));
    parser.addOptions({listen, data, db, nodeId, config, logLevel, guests, partyName, partyPassword, announce, tlsSelfSigned,
                       tlsCert, tlsKey});
    if (!parser.parse(app.arguments()))
        return fail(parser.errorText() + QStringLiteral(" (see --help)"));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().first()));
    if (!applyLogLevel(parser.value(logLevel)))
        return fail(QStringLiteral("unknown log level \"%1\": use debug, info, warning or error").arg(parser.value(logLevel)));

    ServerConfig cfg;
    cfg.dataDir = QStringLiteral("kith-data");
    QString error;
    if (parser.isSet(config) && !cfg.loadFile(parser.value(config), &error))
        return fail(error);
    if (parser.isSet(listen) && !cfg.setListen(parser.value(listen), &error))
        return fail(error);
    if (parser.isSet(data))
        cfg.dataDir = parser.value(data);
    if (!qEnvironmentVariableIsEmpty("KITH_DB"))
        cfg.databaseUrl = qEnvironmentVariable("KITH_DB");
    if (parser.isSet(db))
        cfg.databaseUrl = parser.value(db);
    if (parser.isSet(nodeId)) {
        bool ok = false;
        const int n = parser.value(nodeId).toInt(&ok);
        if (!ok || n < 0 || n > 1023)
            return fail(QStringLiteral("--node-id: expected 0-1023, not \"%1\"").arg(parser.value(nodeId)));
        cfg.nodeId = n;
    }
    if (parser.isSet(guests))
        cfg.guests = true;
    if (parser.isSet(partyName))
        cfg.partyName = parser.value(partyName);
    if (parser.isSet(partyPassword))
        cfg.partyPassword = parser.value(partyPassword);
    if (parser.isSet(announce))
        cfg.announce = parser.value(announce);
    if (parser.isSet(tlsSelfSigned))
        cfg.tlsSelfSigned = true;
    if (parser.isSet(tlsCert))
        cfg.tlsCert = parser.value(tlsCert);
    if (parser.isSet(tlsKey))
        cfg.tlsKey = parser.value(tlsKey);
    if (parser.isSet(tlsSelfSigned) && (parser.isSet(tlsCert) || parser.isSet(tlsKey)))
        return fail(QStringLiteral("--tls-self-signed and --tls-cert/--tls-key exclude each other"));
    if ((parser.isSet(partyName) || parser.isSet(partyPassword)) && !cfg.guests)
        return fail(QStringLiteral("--party-name and --party-password need --guests"));

    ProcessHooks hooks; // before start, so an early SIGTERM still stops cleanly
    ProcessHooks::raiseOpenFileLimit();
    Server server(cfg);
    if (!server.start(&error))
        return fail(error);
    QString host = cfg.host.toString();
    if (cfg.host.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    std::printf("listening on %s://%s:%u\n", cfg.tls() ? "wss" : "ws", qPrintable(host), unsigned(server.port()));
    if (!server.fingerprint().isEmpty())
        std::printf("certificate fingerprint %s\n", qPrintable(server.fingerprint()));
    std::fflush(stdout);

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

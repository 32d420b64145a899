#include "Cli.h"

#include <cstdio>

namespace kith::server::tools {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "kith-server: %s\n", qPrintable(message));
    std::fflush(stderr);
    return code;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &usage)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const QString name = arguments.value(0);
    if (!parser.parse(QStringList{QStringLiteral("kith-server ") + name} + arguments.mid(1)))
        return fail(kRefused,
                    QStringLiteral("%1: %2 (see kith-server %1 --help)").arg(name, parser.errorText()));
    if (parser.isSet(help)) {
        // Qt's first line names the executable's path; ours names the subcommand.
        QString text = parser.helpText();
        text = QStringLiteral("Usage: kith-server ") + usage + text.mid(text.indexOf(u'\n'));
        std::printf("%s", qPrintable(text));
        std::fflush(stdout);
        return kOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(kRefused, QStringLiteral("%1: unexpected argument \"%2\" (see kith-server %1 --help)")
                                  .arg(name, parser.positionalArguments().first()));
    return std::nullopt;
}

std::optional<int> requireOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 const QString &command)
{
    if (parser.isSet(option) && !parser.value(option).isEmpty())
        return std::nullopt;
    return fail(kRefused, QStringLiteral("%1: --%2 is required (see kith-server %1 --help)")
                              .arg(command, option.names().constLast()));
}

} // namespace kith::server::tools

#pragma once
//! What the kith-server subcommands (migrate, backup, restore, ...) share: exit codes, the one
//! way to report to the user, and parsing a subcommand's flags with its own --help.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <optional>

namespace kith::server::tools {

//! Exit codes of every subcommand.
enum Exit : int {
    kOk = 0,
    kFailed = 1, //!< it went wrong: cannot connect, counts differ, a write failed
    kRefused = 2, //!< usage error, or refused to act (non-empty target, folder in use, ...)
};

//! Prints "kith-server: MESSAGE" on stderr and returns `code`.
int fail(int code, const QString &message);
//! Prints a line on stdout (what the command did).
void say(const QString &line);

//! Parses `arguments` (the subcommand's name first, then its flags) with --help added.
//! Returns nothing to go on, or the exit code: 0 after --help, kRefused on a usage error.
//! `usage` is the synopsis shown by --help, e.g. "migrate --from SOURCE --to TARGET [--force]".
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &usage);
//! A usage error unless `option` was given: nothing, or kRefused after saying which flag is missing.
std::optional<int> requireOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 const QString &command);

} // namespace kith::server::tools

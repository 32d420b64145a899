#pragma once
//! kith-server admin: accounts and guilds from the command line, on a data folder or a
//! PostgreSQL URL, also while a server runs there (it is told what changed).

#include <QStringList>

namespace kith::server::tools {

//! `arguments`: "admin", the action and its flags. Returns the process's exit code (Cli.h;
//! not found is kFailed).
int admin(const QStringList &arguments);

} // namespace kith::server::tools

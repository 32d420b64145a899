#pragma once
//! kith-server backup: a consistent copy of a data folder's SQLite database, also while the
//! server runs and writes.

#include <QStringList>

namespace kith::server::tools {

//! `arguments`: "backup" and its flags. Returns the process's exit code (see Cli.h).
int backup(const QStringList &arguments);

} // namespace kith::server::tools

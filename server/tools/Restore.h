#pragma once
//! kith-server restore: a new data folder from a backup that kith-server backup made.

#include <QStringList>

namespace kith::server::tools {

//! `arguments`: "restore" and its flags. Returns the process's exit code (see Cli.h).
int restore(const QStringList &arguments);

} // namespace kith::server::tools

#pragma once
//! kith-server migrate: copies a Kith database between SQLite (a data folder) and PostgreSQL.

#include <QStringList>

namespace kith::server::tools {

//! `arguments`: "migrate" and its flags. Returns the process's exit code (see Cli.h).
int migrate(const QStringList &arguments);

} // namespace kith::server::tools

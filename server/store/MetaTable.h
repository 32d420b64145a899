#pragma once
//! Small facts about the server itself (e.g. which guild is the LAN party's). Store thread.

#include "core/Result.h"

#include <optional>

namespace kith::server {

class SqlStore;

namespace MetaTable {
Result<std::optional<QString>> get(SqlStore &s, const QString &key);
Result<Done> set(SqlStore &s, const QString &key, const QString &value);
} // namespace MetaTable

} // namespace kith::server

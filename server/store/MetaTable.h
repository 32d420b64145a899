#pragma once
//! Small facts about the server itself (e.g. which guild is the LAN party's). Store thread.

#include "store/Store.h"

#include <optional>

namespace kith::server {

class SqlConnection;

namespace MetaTable {
Result<std::optional<QString>> get(SqlConnection &s, const QString &key);
Result<Done> set(SqlConnection &s, const QString &key, const QString &value);
} // namespace MetaTable

} // namespace kith::server

#pragma once
//! Logging categories of the server, one per area.

#include <QLoggingCategory>

namespace kith::server {
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
} // namespace kith::server

#include "Log.h"

namespace kith::server {
Q_LOGGING_CATEGORY(lcServer, "kith.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGateway, "kith.server.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "kith.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "kith.server.auth", QtInfoMsg)
} // namespace kith::server

#include "Protocol.h"

namespace kith::protocol {

QStringList features()
{
    return {QStringLiteral("guilds"), QStringLiteral("invites"), QStringLiteral("resume"),
            QStringLiteral("nonce_dedup")};
}

} // namespace kith::protocol

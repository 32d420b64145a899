#include "Protocol.h"

namespace kith::protocol {

QStringList features()
{
    return {QStringLiteral("guilds"), QStringLiteral("invites"), QStringLiteral("resume"),
            QStringLiteral("nonce_dedup"), QStringLiteral("friends"), QStringLiteral("dms"),
            QStringLiteral("presence"), QStringLiteral("typing"), QStringLiteral("read_states")};
}

} // namespace kith::protocol

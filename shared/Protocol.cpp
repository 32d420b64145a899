#include "Protocol.h"

namespace kith::protocol {

QStringList features(bool guests)
{
    QStringList out{
        QStringLiteral("guilds"),      QStringLiteral("invites"),     QStringLiteral("resume"),
        QStringLiteral("nonce_dedup"), QStringLiteral("friends"),     QStringLiteral("dms"),
        QStringLiteral("presence"),    QStringLiteral("typing"),      QStringLiteral("read_states"),
        QStringLiteral("account"),     QStringLiteral("attachments"), QStringLiteral("roles"),
        QStringLiteral("search"),      QStringLiteral("avatars"),    QStringLiteral("moderation"),
        QStringLiteral("audit_log"),   QStringLiteral("directory"), QStringLiteral("channel_kinds"),
        QStringLiteral("stats")};
    if (guests)
        out.append(QStringLiteral("guest"));
    return out;
}

} // namespace kith::protocol

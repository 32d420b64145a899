#pragma once

#include <functional>
//! Short steps that many tests share: a guild with members, a message sent.

#include "TestClient.h"

#include <QJsonObject>
#include <QString>

namespace kith::test {

struct GuildRef {
    QString guildId;
    QString channelId; //!< the `general` channel made with the guild
    QJsonObject full;  //!< guild.create's reply
    bool valid() const { return !guildId.isEmpty() && !channelId.isEmpty(); }
};

//! owner creates a guild; invalid GuildRef on failure (with a warning saying why).
GuildRef createGuild(TestClient &owner, const QString &name = QStringLiteral("Friends"));
//! owner invites, joiner joins; false on failure.
bool joinGuild(TestClient &owner, TestClient &joiner, const GuildRef &guild);
//! message.send with a fresh nonce (or the one given).
Reply sendMessage(TestClient &c, const QString &channelId, const QString &content,
                  const QString &nonce = {});
//! A fresh nonce, unique within the process.
QString newNonce();
//! Full-length messages from `sender` into `channelId`, 32 in flight, until `done()` holds:
//! what fills a stalled reader's queue. Every message sent is acknowledged before it returns.
//! False, with the reason in *why, if a send is refused or 20,000 were not enough.
bool floodUntil(TestClient &sender, const QString &channelId, const std::function<bool()> &done, QString *why);

//! What `c` was last told of `userId`'s status: its ready, then every presence.updated since
//! ("offline" when never told).
QString statusSeen(const TestClient &c, const QString &userId);

//! Ids of the messages in a history reply's d.messages, in the order given.
QStringList messageIds(const Reply &history);

//! The error code of a reply, or "ok"; handy in QCOMPARE.
inline QString outcome(const Reply &r)
{
    return !r.received ? QStringLiteral("timeout") : r.ok ? QStringLiteral("ok") : r.code;
}

} // namespace kith::test

#include "Scenario.h"

#include "shared/Limits.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace kith::test {

bool floodUntil(TestClient &sender, const QString &channelId, const std::function<bool()> &done, QString *why)
{
    const QString content(kith::limits::kMessageLength, u'z');
    QList<qint64> inFlight;
    int sent = 0;
    while (!done()) {
        if (sent >= 20000) {
            *why = u"20000 messages sent and still not done"_s;
            return false;
        }
        while (inFlight.size() < 32) {
            inFlight << sender.send(u"message.send"_s, {{u"channel_id"_s, channelId},
                                                        {u"content"_s, content},
                                                        {u"nonce"_s, u"flood-%1"_s.arg(sent)}});
            ++sent;
        }
        const Reply r = sender.waitReply(QJsonValue(inFlight.takeFirst()), 30000);
        if (!r.ok) {
            *why = r.describe();
            return false;
        }
        if (sent % 500 == 0)
            sender.clearEvents();
    }
    // The rest are acknowledged too: a cut reader costs the sender nothing.
    while (!inFlight.isEmpty()) {
        const Reply r = sender.waitReply(QJsonValue(inFlight.takeFirst()), 30000);
        if (!r.ok) {
            *why = r.describe();
            return false;
        }
    }
    return true;
}

GuildRef createGuild(TestClient &owner, const QString &name)
{
    GuildRef g;
    const Reply r = owner.request(u"guild.create"_s, {{u"name"_s, name}});
    if (!r.ok) {
        qWarning("guild.create failed: %s", qPrintable(r.describe()));
        return g;
    }
    g.full = r.d;
    g.guildId = r.d.value(u"id"_s).toString();
    for (const QJsonValue &c : r.d.value(u"channels"_s).toArray())
        if (c.toObject().value(u"name"_s).toString() == u"general")
            g.channelId = c.toObject().value(u"id"_s).toString();
    if (g.channelId.isEmpty())
        qWarning("guild.create reply has no general channel");
    return g;
}

bool joinGuild(TestClient &owner, TestClient &joiner, const GuildRef &guild)
{
    const Reply inv = owner.request(u"invite.create"_s, {{u"guild_id"_s, guild.guildId}});
    if (!inv.ok) {
        qWarning("invite.create failed: %s", qPrintable(inv.describe()));
        return false;
    }
    const Reply j = joiner.request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}});
    if (!j.ok) {
        qWarning("invite.join failed: %s", qPrintable(j.describe()));
        return false;
    }
    return true;
}

QString newNonce()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Reply sendMessage(TestClient &c, const QString &channelId, const QString &content,
                  const QString &nonce)
{
    return c.request(u"message.send"_s,
                     {{u"channel_id"_s, channelId},
                      {u"content"_s, content},
                      {u"nonce"_s, nonce.isEmpty() ? newNonce() : nonce}});
}

QStringList messageIds(const Reply &history)
{
    QStringList ids;
    for (const QJsonValue &m : history.d.value(u"messages"_s).toArray())
        ids << m.toObject().value(u"id"_s).toString();
    return ids;
}

QString statusSeen(const TestClient &c, const QString &userId)
{
    QString status = QStringLiteral("offline");
    for (const QJsonValue &p : c.readyData().value(QLatin1String("presences")).toArray())
        if (p.toObject().value(QLatin1String("user_id")).toString() == userId)
            status = p.toObject().value(QLatin1String("status")).toString();
    for (const Event &e : c.eventsNamed(QStringLiteral("presence.updated")))
        if (e.d.value(QLatin1String("user_id")).toString() == userId)
            status = e.d.value(QLatin1String("status")).toString();
    return status;
}

} // namespace kith::test

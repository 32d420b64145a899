#include "Typing.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Hub.h"
#include "shared/JsonFields.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QDateTime>

namespace kith::server {

void Typing::start(const Call &call)
{
    JsonFields f(call.data());
    const Id channelId = f.id(QLatin1String("channel_id"));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    const Channel *c = access::messageChannel(m_ctx.directory, channelId, call.userId(), nullptr, &e);
    if (!c || !access::allowedIn(m_ctx.directory, *c, call.userId(), Permission::SendMessages,
                                 QStringLiteral("type in this channel"), &e))
        return call.fail(e);
    if (auto quiet = access::timedOut(m_ctx.directory, *c, call.userId()))
        return call.fail(*quiet);
    call.ok({});
    // Nobody knows yet who a roulette message will reach: nobody watches anyone type there.
    if (c->mode == ChannelMode::Roulette)
        return;
    SessionRecord *session = call.session().get();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 last = session->typingAtMs.value(channelId, 0);
    if (last && now - last < limits::kTypingRepeatMs)
        return;
    session->typingAtMs.insert(channelId, now);
    const Id me = call.userId();
    QList<Id> to;
    for (Id u : m_ctx.directory.viewers(*c))
        if (u != me && !m_ctx.directory.blocks(u, me))
            to.append(u);
    m_ctx.hub.toUsers(to, ev::TypingStarted,
                      {{QLatin1String("channel_id"), idJson(channelId)}, {QLatin1String("user_id"), idJson(me)}});
}

} // namespace kith::server

#include "Router.h"

#include "core/Accounts.h"
#include "core/Channels.h"
#include "core/Guilds.h"
#include "core/Messages.h"
#include "shared/Protocol.h"
#include "shared/Types.h"

#include <QDateTime>

namespace kith::server {

Router::Router(Accounts &accounts, Guilds &guilds, Channels &channels, Messages &messages)
{
    auto add = [this](QLatin1String op, Needs needs, auto handler) {
        m_routes.insert(QString(op), {needs, handler});
    };
    using namespace std::placeholders;
    add(op::SessionRegister, Needs::SignedOut, std::bind(&Accounts::registerUser, &accounts, _1));
    add(op::SessionLogin, Needs::SignedOut, std::bind(&Accounts::login, &accounts, _1));
    add(op::SessionResume, Needs::SignedOut, std::bind(&Accounts::resume, &accounts, _1));
    add(op::SessionLogout, Needs::SignedIn, std::bind(&Accounts::logout, &accounts, _1));
    add(op::Ping, Needs::Either, [](const Call &call) {
        call.ok({{QLatin1String("time"), isoTime(QDateTime::currentMSecsSinceEpoch())}});
    });
    add(op::GuildCreate, Needs::SignedIn, std::bind(&Guilds::create, &guilds, _1));
    add(op::GuildUpdate, Needs::SignedIn, std::bind(&Guilds::update, &guilds, _1));
    add(op::GuildDelete, Needs::SignedIn, std::bind(&Guilds::remove, &guilds, _1));
    add(op::GuildLeave, Needs::SignedIn, std::bind(&Guilds::leave, &guilds, _1));
    add(op::GuildMembers, Needs::SignedIn, std::bind(&Guilds::members, &guilds, _1));
    add(op::MemberSetRole, Needs::SignedIn, std::bind(&Guilds::setRole, &guilds, _1));
    add(op::InviteCreate, Needs::SignedIn, std::bind(&Guilds::createInvite, &guilds, _1));
    add(op::InviteJoin, Needs::SignedIn, std::bind(&Guilds::joinInvite, &guilds, _1));
    add(op::ChannelCreate, Needs::SignedIn, std::bind(&Channels::create, &channels, _1));
    add(op::ChannelUpdate, Needs::SignedIn, std::bind(&Channels::update, &channels, _1));
    add(op::ChannelDelete, Needs::SignedIn, std::bind(&Channels::remove, &channels, _1));
    add(op::MessageSend, Needs::SignedIn, std::bind(&Messages::send, &messages, _1));
    add(op::MessageHistory, Needs::SignedIn, std::bind(&Messages::history, &messages, _1));
    add(op::MessageEdit, Needs::SignedIn, std::bind(&Messages::edit, &messages, _1));
    add(op::MessageDelete, Needs::SignedIn, std::bind(&Messages::remove, &messages, _1));
}

void Router::dispatch(const QString &op, const Call &call, bool signedIn) const
{
    auto it = m_routes.constFind(op);
    if (it == m_routes.cend())
        return call.fail(Error::badRequest(QStringLiteral("unknown op \"%1\"").arg(op.left(64))));
    if (it->needs == Needs::SignedIn && !signedIn)
        return call.fail(Error::unauthorized(QStringLiteral("sign in first")));
    if (it->needs == Needs::SignedOut && signedIn)
        return call.fail(Error::conflict(QStringLiteral("this connection is already signed in")));
    it->handler(call);
}

} // namespace kith::server

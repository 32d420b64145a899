#include "Router.h"

#include "core/Accounts.h"
#include "core/AuditLog.h"
#include "core/GuildDirectory.h"
#include "core/Channels.h"
#include "core/Dms.h"
#include "core/Guilds.h"
#include "core/Messages.h"
#include "core/Moderation.h"
#include "core/Search.h"
#include "core/Party.h"
#include "core/Presence.h"
#include "core/Reactions.h"
#include "core/ReadStates.h"
#include "core/Roles.h"
#include "core/Social.h"
#include "core/Stats.h"
#include "core/Typing.h"
#include "shared/Protocol.h"
#include "shared/Types.h"

#include <QDateTime>

namespace kith::server {

Router::Router(const Services &sv)
{
    auto add = [this](QLatin1String op, Needs needs, auto handler) {
        m_routes.insert(QString(op), {needs, handler});
    };
    using namespace std::placeholders;
    add(op::SessionRegister, Needs::SignedOut, std::bind(&Accounts::registerUser, &sv.accounts, _1));
    add(op::SessionLogin, Needs::SignedOut, std::bind(&Accounts::login, &sv.accounts, _1));
    add(op::SessionResume, Needs::SignedOut, std::bind(&Accounts::resume, &sv.accounts, _1));
    add(op::SessionGuest, Needs::SignedOut, std::bind(&Party::guest, &sv.party, _1));
    add(op::MemberKick, Needs::SignedIn, std::bind(&Party::kick, &sv.party, _1));
    add(op::SessionLogout, Needs::SignedIn, std::bind(&Accounts::logout, &sv.accounts, _1));
    add(op::UserUpdate, Needs::SignedIn, std::bind(&Accounts::updateUser, &sv.accounts, _1));
    add(op::UserChangePassword, Needs::SignedIn, std::bind(&Accounts::changePassword, &sv.accounts, _1));
    add(op::Ping, Needs::Either, [](const Call &call) {
        call.ok({{QLatin1String("time"), isoTime(QDateTime::currentMSecsSinceEpoch())}});
    });
    add(op::GuildCreate, Needs::SignedIn, std::bind(&Guilds::create, &sv.guilds, _1));
    add(op::GuildUpdate, Needs::SignedIn, std::bind(&Guilds::update, &sv.guilds, _1));
    add(op::GuildDelete, Needs::SignedIn, std::bind(&Guilds::remove, &sv.guilds, _1));
    add(op::GuildLeave, Needs::SignedIn, std::bind(&Guilds::leave, &sv.guilds, _1));
    add(op::GuildMembers, Needs::SignedIn, std::bind(&Guilds::members, &sv.guilds, _1));
    add(op::MemberSetRole, Needs::SignedIn, std::bind(&Guilds::setRole, &sv.guilds, _1));
    add(op::InviteCreate, Needs::SignedIn, std::bind(&Guilds::createInvite, &sv.guilds, _1));
    add(op::InviteJoin, Needs::SignedIn, std::bind(&Guilds::joinInvite, &sv.guilds, _1));
    add(op::ChannelCreate, Needs::SignedIn, std::bind(&Channels::create, &sv.channels, _1));
    add(op::ChannelUpdate, Needs::SignedIn, std::bind(&Channels::update, &sv.channels, _1));
    add(op::ChannelDelete, Needs::SignedIn, std::bind(&Channels::remove, &sv.channels, _1));
    add(op::RoleCreate, Needs::SignedIn, std::bind(&Roles::create, &sv.roles, _1));
    add(op::RoleUpdate, Needs::SignedIn, std::bind(&Roles::update, &sv.roles, _1));
    add(op::RoleDelete, Needs::SignedIn, std::bind(&Roles::remove, &sv.roles, _1));
    add(op::RoleReorder, Needs::SignedIn, std::bind(&Roles::reorder, &sv.roles, _1));
    add(op::MemberSetRoles, Needs::SignedIn, std::bind(&Roles::setMemberRoles, &sv.roles, _1));
    add(op::ChannelSetOverwrite, Needs::SignedIn, std::bind(&Roles::setOverwrite, &sv.roles, _1));
    add(op::ChannelDeleteOverwrite, Needs::SignedIn, std::bind(&Roles::deleteOverwrite, &sv.roles, _1));
    // Moderation (issue 13)
    add(op::MemberBan, Needs::SignedIn, std::bind(&Moderation::ban, &sv.moderation, _1));
    add(op::MemberUnban, Needs::SignedIn, std::bind(&Moderation::unban, &sv.moderation, _1));
    add(op::GuildBans, Needs::SignedIn, std::bind(&Moderation::bans, &sv.moderation, _1));
    add(op::MemberTimeout, Needs::SignedIn, std::bind(&Moderation::timeout, &sv.moderation, _1));
    // Audit log and directory (issue 13)
    add(op::GuildAuditLog, Needs::SignedIn, std::bind(&AuditLog::list, &sv.auditLog, _1));
    add(op::DirectorySearch, Needs::SignedIn, std::bind(&GuildDirectory::search, &sv.guildDirectory, _1));
    add(op::GuildJoin, Needs::SignedIn, std::bind(&Guilds::join, &sv.guilds, _1));
    add(op::StatsGuild, Needs::SignedIn, std::bind(&Stats::guild, &sv.stats, _1));
    add(op::MessageSend, Needs::SignedIn, std::bind(&Messages::send, &sv.messages, _1));
    add(op::MessageHistory, Needs::SignedIn, std::bind(&Messages::history, &sv.messages, _1));
    add(op::MessageEdit, Needs::SignedIn, std::bind(&Messages::edit, &sv.messages, _1));
    add(op::MessageDelete, Needs::SignedIn, std::bind(&Messages::remove, &sv.messages, _1));
    add(op::MessageSearch, Needs::SignedIn, std::bind(&Search::search, &sv.search, _1));
    add(op::ReactionAdd, Needs::SignedIn, std::bind(&Reactions::add, &sv.reactions, _1));
    add(op::ReactionRemove, Needs::SignedIn, std::bind(&Reactions::remove, &sv.reactions, _1));
    add(op::ReactionUsers, Needs::SignedIn, std::bind(&Reactions::users, &sv.reactions, _1));
    add(op::FriendRequest, Needs::SignedIn, std::bind(&Social::request, &sv.social, _1));
    add(op::FriendAccept, Needs::SignedIn, std::bind(&Social::accept, &sv.social, _1));
    add(op::FriendDecline, Needs::SignedIn, std::bind(&Social::decline, &sv.social, _1));
    add(op::FriendCancel, Needs::SignedIn, std::bind(&Social::cancel, &sv.social, _1));
    add(op::FriendRemove, Needs::SignedIn, std::bind(&Social::remove, &sv.social, _1));
    add(op::FriendList, Needs::SignedIn, std::bind(&Social::list, &sv.social, _1));
    add(op::UserBlock, Needs::SignedIn, std::bind(&Social::block, &sv.social, _1));
    add(op::UserUnblock, Needs::SignedIn, std::bind(&Social::unblock, &sv.social, _1));
    add(op::DmOpen, Needs::SignedIn, std::bind(&Dms::open, &sv.dms, _1));
    add(op::DmCreateGroup, Needs::SignedIn, std::bind(&Dms::createGroup, &sv.dms, _1));
    add(op::DmAdd, Needs::SignedIn, std::bind(&Dms::add, &sv.dms, _1));
    add(op::DmRemove, Needs::SignedIn, std::bind(&Dms::remove, &sv.dms, _1));
    add(op::DmLeave, Needs::SignedIn, std::bind(&Dms::leave, &sv.dms, _1));
    add(op::PresenceSet, Needs::SignedIn, std::bind(&Presence::set, &sv.presence, _1));
    add(op::TypingStart, Needs::SignedIn, std::bind(&Typing::start, &sv.typing, _1));
    add(op::ChannelAck, Needs::SignedIn, std::bind(&ReadStates::ack, &sv.readStates, _1));
    add(op::DiscoverOnline, Needs::SignedIn, std::bind(&ReadStates::discoverOnline, &sv.readStates, _1));
    add(op::DiscoverActiveChannels, Needs::SignedIn,
        std::bind(&ReadStates::discoverActiveChannels, &sv.readStates, _1));
}

void Router::dispatch(const QString &op, const Call &call, bool signedIn) const
{
    if (m_closed)
        return call.fail(Error::unavailable(QStringLiteral("the server is shutting down")));
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

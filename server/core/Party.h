#pragma once
//! LAN parties: guests (session.guest) who join the party guild with a nickname and no
//! account, and member.kick, which any guild's owner and admins use (for guests it also
//! closes their connections and keeps them out until the server restarts).

#include "core/Call.h"
#include "shared/Result.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <functional>
#include <optional>

namespace kith::server {

class Accounts;
class Store;
class Presence;

class Party
{
public:
    Party(ServiceContext &ctx, Presence &presence, Accounts &accounts)
        : m_ctx(ctx), m_presence(presence), m_accounts(accounts) {}

    //! At start, with guests on: finds (or makes, when an account exists) the party guild.
    bool load(QString *error);
    Id guildId() const { return m_guildId; }

    void guest(const Call &call);
    void kick(const Call &call);

    //! Before an account's session starts: puts it in the party guild (the first account
    //! owns it), then runs `then`. Runs `then` at once when there is nothing to do.
    void admit(const User &user, std::function<void()> then);

private:
    struct Made {
        Guild guild;
        Channel general;
        bool created = false;
    };
    //! The store-thread half of making the party guild owned by `owner` (or the server's own
    //! placeholder when no account exists yet).
    static Result<Made> ensureGuild(Store &s, Made made, std::optional<Member> owner, Id placeholderId);
    void putGuild(const Made &made);
    void announceJoin(Id guildId, const Member &member);

    ServiceContext &m_ctx;
    Presence &m_presence;
    Accounts &m_accounts;
    Id m_guildId = 0;
};

} // namespace kith::server

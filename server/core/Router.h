#pragma once
//! Maps op names to service handlers and applies the sign-in rule before any handler runs.

#include "core/Call.h"

#include <QHash>
#include <functional>

namespace kith::server {

class Accounts;
class Party;
class Guilds;
class Channels;
class Messages;
class Reactions;
class Search;
class Roles;
class Moderation;
class AuditLog;
class GuildDirectory;
class Stats;
class Social;
class Dms;
class Presence;
class Typing;
class ReadStates;

//! Every service the Router hands calls to.
struct Services {
    Accounts &accounts;
    Guilds &guilds;
    Channels &channels;
    Messages &messages;
    Social &social;
    Dms &dms;
    Presence &presence;
    Typing &typing;
    ReadStates &readStates;
    Party &party;
    Reactions &reactions;
    Search &search;
    Roles &roles;
    Moderation &moderation;
    AuditLog &auditLog;
    GuildDirectory &guildDirectory;
    Stats &stats;
};

class Router
{
public:
    explicit Router(const Services &services);

    void dispatch(const QString &op, const Call &call, bool signedIn) const;
    //! From now on every request is answered `unavailable`: the server is stopping.
    void close() { m_closed = true; }

private:
    enum class Needs { SignedOut, SignedIn, Either };
    struct Route {
        Needs needs;
        std::function<void(const Call &)> handler;
    };
    QHash<QString, Route> m_routes;
    bool m_closed = false;
};

} // namespace kith::server

#pragma once
//! Friends and blocks: friend.* and user.block / user.unblock.

#include "core/Call.h"
#include "shared/Result.h"
#include "core/ServiceContext.h"
#include "shared/Types.h"

#include <functional>

namespace kith::server {

class Presence;

class Social
{
public:
    Social(ServiceContext &ctx, Presence &presence) : m_ctx(ctx), m_presence(presence) {}

    void request(const Call &call);
    void accept(const Call &call);
    void decline(const Call &call);
    void cancel(const Call &call);
    void remove(const Call &call);
    void list(const Call &call);
    void block(const Call &call);
    void unblock(const Call &call);

private:
    struct Change {
        Id userId;   //!< whose view changes
        Id otherId;
        RelationshipType type;
    };
    //! Decides the changes from what the caller and `other` see of each other as stored (mine,
    //! theirs), or fails. Runs on the store thread, so two racing ops see each other's writes.
    using Plan = std::function<Result<QList<Change>>(RelationshipType mine, RelationshipType theirs)>;
    //! Plans and stores the changes in one job, then updates the Directory, replies with what the
    //! caller now sees of `other` and sends relationship.updated to each side whose view changed.
    void apply(const Call &call, Id other, Plan plan);
    QJsonObject view(Id userId, Id otherId) const;
    //! The other user of a friend.accept/decline/cancel/remove/unblock, or an error.
    const User *target(const Call &call, Error *error) const;

    ServiceContext &m_ctx;
    Presence &m_presence;
};

} // namespace kith::server

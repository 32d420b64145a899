#pragma once
//! Who sees which channel of a guild, taken before a change to roles, ranks, member roles or
//! overwrites; afterwards, announce() tells those who lost a channel `channel.deleted` and
//! those who gained one `channel.created` (issue 13).

#include "shared/Types.h"

#include <QHash>
#include <QList>

namespace kith::server {

class Directory;
class Hub;

class Visibility
{
public:
    //! Takes the picture; the directory must not have changed yet.
    Visibility(const Directory &directory, Id guildId);

    //! Sends the differences the change made.
    void announce(const Directory &directory, Hub &hub) const;
    //! Those who saw channelId before and still see it (a channel.updated is for them alone).
    QList<Id> kept(const Directory &directory, Id channelId) const;

private:
    Id m_guildId;
    QHash<Id, QList<Id>> m_before; //!< channel id -> viewers
};

} // namespace kith::server

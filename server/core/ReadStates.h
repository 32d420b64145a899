#pragma once
//! channel.ack and the unread/mention counts that ready carries; discover.* ops.

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "store/Store.h"

#include <QJsonArray>

namespace kith::server {

class Presence;

class ReadStates
{
public:
    ReadStates(ServiceContext &ctx, Presence &presence) : m_ctx(ctx), m_presence(presence) {}

    void ack(const Call &call);
    //! A store job counting every visible channel of a user, for ready.
    std::function<Result<QList<ReadCount>>(Store &)> countsJob(Id userId) const;
    static QJsonArray toJson(const QList<ReadCount> &counts);

    void discoverOnline(const Call &call);
    void discoverActiveChannels(const Call &call);

private:
    ServiceContext &m_ctx;
    Presence &m_presence;
};

} // namespace kith::server

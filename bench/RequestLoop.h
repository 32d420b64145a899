#pragma once
//! Sequential requests of one op from one client: each sent when the previous reply came,
//! timed on the client's thread from send to the reply's arrival (before the bench parses it).

#include "BenchClient.h"

#include <QJsonObject>
#include <atomic>
#include <memory>
#include <vector>

namespace kith::bench {

struct RequestLoop {
    QLatin1String op;
    QJsonObject d;
    int remaining = 0;
    std::vector<qint64> ns;
    QJsonObject firstReply;
    int errors = 0;
    QString firstError;
    std::atomic<bool> done{false};
};

//! Sends the next request of `loop` on `client` (call on the client's thread).
void issue(BenchClient *client, const std::shared_ptr<RequestLoop> &loop);

} // namespace kith::bench

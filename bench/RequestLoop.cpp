#include "RequestLoop.h"

#include "Clock.h"

namespace kith::bench {

void issue(BenchClient *client, const std::shared_ptr<RequestLoop> &loop)
{
    const qint64 t0 = nowNs();
    client->request(loop->op, loop->d, [client, loop, t0](const ServerFrame &r) {
        loop->ns.push_back(client->lastFrameNs - t0);
        if (!r.ok && loop->errors++ == 0)
            loop->firstError = errorCodeName(r.error.code) + QStringLiteral(": ") + r.error.message;
        if (loop->ns.size() == 1)
            loop->firstReply = r.d;
        if (--loop->remaining > 0)
            issue(client, loop);
        else
            loop->done = true;
    });
}

} // namespace kith::bench

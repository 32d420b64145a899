#include "FanoutScenario.h"

#include "Cohort.h"
#include "KithServer.h"

#include "shared/Envelope.h"
#include "shared/Protocol.h"

#include <cmath>
#include <cstdio>

namespace kith::bench {

QString FanoutScenario::Case::label() const
{
    if (rate > 0)
        return QStringLiteral("fanout %1 clients, %2 senders x %3 msg/s")
            .arg(clients)
            .arg(senders)
            .arg(rate);
    return QStringLiteral("fanout %1 clients, %2 senders saturating (window %3)")
        .arg(clients)
        .arg(senders)
        .arg(window);
}

FanoutScenario::FanoutScenario(const BenchOptions &options)
    : m_options(options)
{
}

bool FanoutScenario::runTarget(const Case &c, Target target, int contentChars, SendResult *out,
                               QString *error, bool crossNode)
{
    KithServer server(m_options);
    KithServer nodeB(m_options);
    ChildProcess relay(QStringLiteral("kith-relay"));
    Cohort cohort;
    QUrl url;
    qint64 pid = 0;
    if (target == Target::Server) {
        if (!server.start(error) || (crossNode && !nodeB.start(error)))
            return false;
        url = server.url();
        pid = server.process().pid();
        ClientPool setup(1);
        if (!cohort.create(setup, url, qMin(m_options.users, c.clients), Cohort::Guilds::Shared,
                           crossNode ? QStringLiteral("fanx") : QStringLiteral("fan"), error))
            return false;
    } else {
        if (!startRelay(m_options, &relay, error))
            return false;
        url = relay.url();
        pid = relay.pid();
    }
    std::fprintf(stderr, "[bench] %s: %s pid %lld at %s\n", qPrintable(c.label()),
                 target == Target::Server ? "kith-server" : "kith-relay", pid,
                 qPrintable(url.toString()));

    ClientPool pool(m_options.threads);
    QList<int> senders;
    if (crossNode) {
        std::fprintf(stderr, "[bench] node B: kith-server pid %lld at %s\n", nodeB.process().pid(),
                     qPrintable(nodeB.url().toString()));
        // Receivers first, on B; then the senders, on A.
        const int receivers = cohort.openSessions(pool, nodeB.url(), c.clients - c.senders, target,
                                                  m_options.connectConcurrency, error);
        const int first = receivers < 0 ? -1
                                        : cohort.openSessions(pool, url, c.senders, target,
                                                              m_options.connectConcurrency, error);
        if (first < 0)
            return false;
        for (int k = 0; k < c.senders; ++k)
            senders << first + k;
    } else {
        const int first = cohort.openSessions(pool, url, c.clients, target,
                                              m_options.connectConcurrency, error);
        if (first < 0)
            return false;
        // Senders spread over the clients (and so over the generator's threads).
        for (int k = 0; k < c.senders; ++k)
            senders << first + int(qint64(k) * c.clients / c.senders);
    }
    const QString channel = target == Target::Server ? cohort.channelId() : QString();
    const auto planFor = [&](int) {
        SendPlan p;
        p.channelId = channel;
        p.contentChars = contentChars;
        p.rate = c.rate;
        p.window = c.rate > 0 ? 0 : c.window;
        return p;
    };
    *out = SendRun::run(pool, senders, planFor, m_options.warmup, m_options.duration, c.clients,
                        pid);
    out->rssKb = target == Target::Server ? server.process().rssKb() : relay.rssKb();
    return true;
}

bool FanoutScenario::run(const Case &c, Table *summary, QString *error)
{
    SendResult server, relay, cross;
    if (m_options.server && !runTarget(c, Target::Server, m_options.contentChars, &server, error))
        return false;
    if (m_options.server && m_options.crossNode
        && !runTarget(c, Target::Server, m_options.contentChars, &cross, error, true))
        return false;
    // The relay echoes the request frame, which is smaller than the server's message.created
    // event (author, ids, times); pad its content so both targets move frames of the same size.
    int relayChars = m_options.contentChars;
    if (m_options.server && server.delivered > 0) {
        const QJsonObject sample{{QLatin1String("channel_id"), QString()}, // the relay run sends none
                                 {QLatin1String("content"), QString(m_options.contentChars, u'x')},
                                 {QLatin1String("nonce"), QStringLiteral("b25-1000")}};
        const auto requestChars = encodeRequest(QJsonValue(1000), op::MessageSend, sample).size();
        relayChars += qMax(0, int(std::lround(server.meanFrameChars())) - int(requestChars));
    }
    if (m_options.relay && !runTarget(c, Target::Relay, relayChars, &relay, error))
        return false;

    Table t(c.label() + QStringLiteral(", %1 s").arg(m_options.duration),
            {QStringLiteral("target"), QStringLiteral("sent msg/s"), QStringLiteral("deliveries/s"),
             QStringLiteral("expected"), QStringLiteral("lost"), QStringLiteral("dup"),
             QStringLiteral("p50 ms"), QStringLiteral("p99 ms"), QStringLiteral("max ms"),
             QStringLiteral("ack p50 ms"), QStringLiteral("ack p99 ms"),
             QStringLiteral("target CPU"), QStringLiteral("bench CPU"), QStringLiteral("others CPU"),
             QStringLiteral("RSS MB"), QStringLiteral("target us/delivery"),
             QStringLiteral("bench us/delivery")});
    auto row = [&](const QString &name, SendResult &r) {
        t.addRow({name, num(r.sentPerSec), num(r.deliveriesPerSec), num(double(r.expected)),
                  num(double(r.losses())), num(double(r.duplicates)), r.latency.ms(50),
                  r.latency.ms(99), r.latency.maxMs(), r.ack.ms(50), r.ack.ms(99), r.targetCpu,
                  r.benchCpu, num(r.otherCpu) + u'%', num(double(r.rssKb) / 1024.0, 1),
                  num(r.targetUsPer(r.delivered), 2),
                  num(r.delivered ? r.benchCpuSeconds * 1e6 / double(r.delivered) : 0, 2)});
    };
    if (m_options.server)
        row(QStringLiteral("kith-server"), server);
    if (m_options.server && m_options.crossNode) {
        row(QStringLiteral("2 nodes, A->B"), cross);
        t.addRow({QStringLiteral("2 nodes/1 node"), num(cross.sentPerSec / qMax(1e-9, server.sentPerSec), 2) + u'x',
                  num(cross.deliveriesPerSec / qMax(1e-9, server.deliveriesPerSec), 2) + u'x'});
        t.addNote(QStringLiteral("2 nodes: senders signed in on node A, every other session on node B; "
                                 "target CPU and RSS are node A's"));
    }
    const double ratio = relay.deliveriesPerSec > 0
                             ? server.deliveriesPerSec / relay.deliveriesPerSec
                             : 0;
    if (m_options.relay) {
        row(QStringLiteral("kith-relay"), relay);
        t.addRow({QStringLiteral("server/relay"), num(server.sentPerSec / qMax(1e-9, relay.sentPerSec), 2) + u'x',
                  num(ratio, 2) + u'x'});
    }
    t.addNote(QStringLiteral("errors: kith-server %1; kith-relay %2")
                  .arg(server.errorSummary(),
                       m_options.relay ? relay.errorSummary() : QStringLiteral("not run")));
    t.addNote(QStringLiteral("frames: kith-server %1 chars on average, kith-relay %2 (its content "
                             "padded to %3 chars to match)")
                  .arg(qRound(server.meanFrameChars()))
                  .arg(qRound(relay.meanFrameChars()))
                  .arg(relayChars));
    t.addNote(QStringLiteral("deliveries count every session that got the message, the sender's "
                             "own included (expected = delivered messages x %1)")
                  .arg(c.clients));
    t.print();
    if (summary) {
        summary->addRow({c.label(), QStringLiteral("deliveries/s"), num(server.deliveriesPerSec),
                         m_options.relay ? num(relay.deliveriesPerSec) : QStringLiteral("-"),
                         m_options.relay ? num(ratio * 100, 0) + u'%' : QStringLiteral("-")});
        summary->addRow({QString(), QStringLiteral("latency p50 / p99 / max ms"),
                         server.latency.ms(50) + QStringLiteral(" / ") + server.latency.ms(99) + QStringLiteral(" / ")
                             + server.latency.maxMs(),
                         m_options.relay ? relay.latency.ms(50) + QStringLiteral(" / ") + relay.latency.ms(99)
                                               + QStringLiteral(" / ") + relay.latency.maxMs()
                                         : QStringLiteral("-")});
        summary->addRow({QString(), QStringLiteral("server CPU us per delivery"),
                         num(server.targetUsPer(server.delivered), 2),
                         m_options.relay ? num(relay.targetUsPer(relay.delivered), 2)
                                         : QStringLiteral("-"),
                         m_options.relay && relay.targetUsPer(relay.delivered) > 0
                             ? num(server.targetUsPer(server.delivered)
                                       / relay.targetUsPer(relay.delivered), 1) + u'x'
                             : QStringLiteral("-")});
        if (m_options.crossNode)
            summary->addRow({QString(), QStringLiteral("2 nodes A->B: deliveries/s, p99 ms"),
                             num(cross.deliveriesPerSec) + QStringLiteral(", p99 ") + cross.latency.ms(99),
                             QStringLiteral("1 node: ") + num(server.deliveriesPerSec),
                             num(cross.deliveriesPerSec * 100 / qMax(1e-9, server.deliveriesPerSec), 0) + u'%'});
        summary->addRow({QString(), QStringLiteral("lost / duplicated"),
                         num(double(server.losses())) + QStringLiteral(" / ") + num(double(server.duplicates)),
                         m_options.relay ? num(double(relay.losses())) + QStringLiteral(" / ")
                                               + num(double(relay.duplicates))
                                         : QStringLiteral("-")});
    }
    return true;
}

} // namespace kith::bench

#include "Server.h"

#include "Log.h"
#include "cluster/Cluster.h"
#include "control/Control.h"
#include "core/Accounts.h"
#include "core/Attachments.h"
#include "core/Channels.h"
#include "core/Credentials.h"
#include "core/Directory.h"
#include "core/Dms.h"
#include "core/Guilds.h"
#include "core/Hub.h"
#include "core/LoginThrottle.h"
#include "core/Messages.h"
#include "core/Search.h"
#include "core/Party.h"
#include "core/Presence.h"
#include "core/Reactions.h"
#include "core/ReadStates.h"
#include "core/Moderation.h"
#include "core/AuditLog.h"
#include "core/GuildDirectory.h"
#include "core/Stats.h"
#include "core/Roles.h"
#include "core/Router.h"
#include "core/Social.h"
#include "core/Typing.h"
#include "net/Beacon.h"
#include "net/Gateway.h"
#include "net/HttpServer.h"
#include "net/MetricsServer.h"
#include "net/MetricsText.h"
#include "net/TlsIdentity.h"
#include "platform/FolderLock.h"
#include "store/DatabaseUrl.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimer>

namespace kith::server {

namespace {
// A node renews its id every 5 s; one that misses 30 s of renewals has lost it.
constexpr qint64 kNodeLeaseMs = 30000;
// How long a starting node waits for the live nodes to answer its "hi".
constexpr int kPeerAnswerMs = 3000;
constexpr int kNodeRenewMs = 5000;
// /healthz: the database must answer SELECT 1 within this.
constexpr int kHealthDeadlineMs = 1000;
} // namespace

struct Server::Private {
    explicit Private(ServerConfig c) : config(std::move(c)), ids(qMax(config.nodeId, 0)) {}

    ServerConfig config;
    std::unique_ptr<FolderLock> folderLock;
    SnowflakeGenerator ids;
    Directory directory;
    LoginThrottle loginThrottle;
    QThreadPool cpuPool;
    std::unique_ptr<WriteQueue> store;
    std::unique_ptr<WriteQueue> reader;
    std::unique_ptr<Hub> hub;
    std::unique_ptr<ServiceContext> ctx;
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<Guilds> guilds;
    std::unique_ptr<Channels> channels;
    std::unique_ptr<Roles> roles;
    std::unique_ptr<Moderation> moderation;
    std::unique_ptr<AuditLog> auditLog;
    std::unique_ptr<GuildDirectory> guildDirectory;
    std::unique_ptr<Stats> stats;
    std::unique_ptr<Messages> messages;
    std::unique_ptr<Reactions> reactions;
    std::unique_ptr<Search> search;
    std::unique_ptr<Presence> presence;
    std::unique_ptr<Social> social;
    std::unique_ptr<Dms> dms;
    std::unique_ptr<Typing> typing;
    std::unique_ptr<Party> party;
    std::unique_ptr<ReadStates> readStates;
    std::unique_ptr<Router> router;
    std::unique_ptr<Attachments> attachments;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<Gateway> gateway;
    std::optional<TlsIdentity> tls;
    std::unique_ptr<Beacon> beacon;
    std::unique_ptr<MetricsServer> metrics;
    QTimer housekeeping;
    QTimer leaseRenewal;
    QString leaseHolder;   //!< set while this node holds a lease in PostgreSQL
    // Several nodes: what this one changes and fans out goes to the others, and back.
    std::unique_ptr<Cluster> cluster;
    std::unique_ptr<ControlSocket> control; //!< what `kith-server admin` tells this server
    bool running = false;

    //! Undoes a start that failed half-way, in the reverse order; returns false for the caller.
    bool abandonStart();

    bool loadDirectory(QString *error);
    QByteArray renderMetrics() const;
    void checkHealth(Server *q, const MetricsServer::HealthReply &reply);
};

namespace {
struct StoredDirectory {
    QList<User> users;
    GuildSnapshot guilds;
    SocialSnapshot social;
    QHash<Id, Id> lastMessageIds;
};

Result<StoredDirectory> readDirectory(Store &s)
{
    StoredDirectory out;
    auto users = s.allUsers();
    if (!users)
        return users.error();
    auto guilds = s.loadGuilds();
    if (!guilds)
        return guilds.error();
    auto social = s.loadSocial();
    if (!social)
        return social.error();
    auto lastIds = s.lastMessageIds();
    if (!lastIds)
        return lastIds.error();
    return StoredDirectory{std::move(users.value()), std::move(guilds.value()), std::move(social.value()),
                           std::move(lastIds.value())};
}

void fill(Directory &directory, StoredDirectory &stored)
{
    for (const User &u : stored.users)
        directory.putUser(u);
    for (const Guild &g : stored.guilds.guilds)
        directory.putGuild(g);
    for (const auto &[guildId, role] : stored.guilds.roles)
        directory.putRole(guildId, role);
    for (const Channel &c : stored.guilds.channels)
        directory.putChannel(c);
    for (auto &[guildId, member] : stored.guilds.members) {
        member.user = directory.userOrPlaceholder(member.user.id);
        directory.putMember(guildId, member);
    }
    for (const RelationshipRow &r : stored.social.relationships)
        directory.setRelationship(r.userId, r.otherId, r.type);
    for (const Channel &dm : stored.social.dms)
        directory.putDm(dm);
    for (auto it = stored.lastMessageIds.cbegin(); it != stored.lastMessageIds.cend(); ++it)
        directory.noteMessage(it.key(), it.value());
}
} // namespace

QByteArray Server::Private::renderMetrics() const
{
    // Read on the gateway thread: its own counters are plain, the store's are atomics.
    MetricsText m;
    m.gauge("kith_node_id", "This node's id (0-1023).", ids.node());
    m.gauge("kith_connections", "Open WebSocket connections, signed in or not.", gateway ? gateway->connectionCount() : 0);
    const GatewayStats g = gateway ? gateway->stats() : GatewayStats{};
    m.gauge("kith_queued_bytes", "Bytes queued for sending across all connections.", double(g.queuedBytes));
    m.counter("kith_accept_failures_total", "Failed accepts (e.g. no file descriptor free); accepting pauses meanwhile.",
              double(g.acceptFailures));
    m.counter("kith_connections_refused_total", "Connections refused over connections_per_address.", double(g.refused));
    m.counter("kith_handshake_timeouts_total", "Connections closed without a complete upgrade request in time.",
              double(g.handshakeTimeouts));
    m.counter("kith_headers_too_large_total", "Connections closed for upgrade request headers over 16 KiB.",
              double(g.headersTooLarge));
    m.counter("kith_slow_readers_cut_total", "Connections closed with 4008 (send buffer or queued_bytes_total).",
              double(g.slowReadersCut));
    m.gauge("kith_sessions", "Signed-in sessions with a live connection on this node.", hub ? hub->attachedCount() : 0);
    m.counter("kith_messages_total", "Messages this node committed and fanned out.",
              double(messages ? messages->committedCount() : 0));
    m.counter("kith_events_delivered_total", "Events handed to live sessions (one per session per event).",
              double(hub ? hub->deliveredCount() : 0));
    m.gauge("kith_write_queue_depth", "Jobs waiting for the database writer.", store ? store->depth() : 0);
    m.gauge("kith_read_queue_depth", "Jobs waiting for the database reader (history pages).",
            reader ? reader->depth() : 0);
    m.histogram("kith_commit_seconds", "Time to run and commit one batch of the write queue.",
                store ? store->commitLatency().snapshot() : Histogram::Snapshot{});
    m.counter("kith_db_errors_total", "Failed database statements, transactions and reconnects.",
              double((store ? store->errors() : 0) + (reader ? reader->errors() : 0)));
    m.counter("kith_db_reconnects_total", "Times the database came back after it was lost.",
              double(store ? store->reconnects() : 0));
    m.gauge("kith_db_up", "1 while the database answers, 0 while it is away.", store && !store->isDown() ? 1 : 0);
    return m.text();
}

void Server::Private::checkHealth(Server *q, const MetricsServer::HealthReply &reply)
{
    if (!running || !gateway || !gateway->isListening())
        return reply(false, QStringLiteral("not listening"));
    if (store->isDown())
        return reply(false, QStringLiteral("database unavailable: ") + store->downReason());
    // Through the write queue like everything else, never on this thread; whichever of the
    // answer and the deadline comes first replies.
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(kHealthDeadlineMs, q, [answered, reply] {
        if (std::exchange(*answered, true))
            return;
        reply(false, QStringLiteral("database unavailable: no answer to SELECT 1 within %1 ms").arg(kHealthDeadlineMs));
    });
    store->submit<Done>([](Store &s) { return s.ping(); },
                        [this, answered, reply](Result<Done> &&r) {
                            if (std::exchange(*answered, true))
                                return;
                            if (r.ok())
                                return reply(true, {});
                            const QString why = store && store->isDown() ? store->downReason() : r.error().message;
                            reply(false, QStringLiteral("database unavailable: ") + why);
                        },
                        WriteQueue::Writes::One);
}


bool Server::Private::abandonStart()
{
    // Nothing started may outlive what it points to: hashing finishes before the services go,
    // and results still posted are dropped with the queues and services that receive them.
    if (router)
        router->close();
    cpuPool.waitForDone();
    control.reset();
    if (cluster)
        cluster->stop();
    metrics.reset();
    gateway.reset();
    http.reset();
    attachments.reset();
    router.reset();
    party.reset();
    typing.reset();
    dms.reset();
    social.reset();
    readStates.reset();
    search.reset();
    reactions.reset();
    messages.reset();
    channels.reset();
    guilds.reset();
    accounts.reset();
    directory.setMembershipChanged({});
    stats.reset();
    presence.reset();
    ctx.reset();
    cluster.reset();
    hub.reset();
    if (reader)
        reader->shutdown();
    reader.reset();
    if (store && !leaseHolder.isEmpty()) {
        const int node = ids.node();
        const QString holder = leaseHolder;
        store->runSync<Done>([node, holder](Store &s) { return s.releaseNode(node, holder); });
    }
    leaseHolder.clear();
    if (store)
        store->shutdown();
    store.reset();
    folderLock.reset();
    return false;
}

bool Server::Private::loadDirectory(QString *error)
{
    auto stored = store->runSync<StoredDirectory>(readDirectory);
    if (!stored) {
        *error = QStringLiteral("cannot load the database: %1").arg(stored.error().message);
        return false;
    }
    fill(directory, stored.value());
    qCInfo(lcServer) << "loaded" << stored->users.size() << "users," << stored->guilds.guilds.size() << "guilds,"
                     << stored->guilds.channels.size() << "channels";
    return true;
}

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(config)))
{
    d->cpuPool.setMaxThreadCount(qBound(1, QThread::idealThreadCount(), 4));
    d->cpuPool.setObjectName(QStringLiteral("kith-cpu"));
}

Server::~Server()
{
    stop();
}

bool Server::start(QString *error, StartError *kind)
{
    StartError ignored;
    if (!kind)
        kind = &ignored;
    *kind = StartError::Other;
    if (d->running) {
        *kind = StartError::None;
        return true;
    }
    if (!Credentials::initialize()) {
        *error = QStringLiteral("libsodium failed to initialise");
        return false;
    }
    if (d->config.dataDir.isEmpty()) {
        *error = QStringLiteral("no data folder given");
        return false;
    }
    const QString dataDir = QDir(d->config.dataDir).absolutePath();
    if (!QDir().mkpath(dataDir) || !QFileInfo(dataDir).isWritable()) {
        *error = QStringLiteral("data folder %1 cannot be created or written").arg(dataDir);
        return false;
    }
    d->config.attachmentsDir = d->config.attachmentsDir.isEmpty() ? dataDir + QStringLiteral("/attachments")
                                                                  : QDir(d->config.attachmentsDir).absolutePath();
    // Before the database is touched: a second server on the same folder would be a second
    // writer with the same node id.
    d->folderLock = std::make_unique<FolderLock>(dataDir, FolderLock::serverFileName());
    qint64 holder = 0;
    switch (d->folderLock->tryLock(&holder)) {
    case FolderLock::Outcome::Locked:
        break;
    case FolderLock::Outcome::HeldByOther:
        *error = FolderLock::inUseMessage(d->folderLock->folder(), holder);
        *kind = StartError::FolderInUse;
        return d->abandonStart();
    case FolderLock::Outcome::Error:
        *error = QStringLiteral("cannot lock data folder %1").arg(d->folderLock->folder());
        return d->abandonStart();
    }
    std::optional<Beacon::Target> announce;
    if (!d->config.announce.isEmpty()) {
        announce = Beacon::Target::parse(d->config.announce, error);
        if (!announce) {
            return d->abandonStart();
        }
    }
    if (!d->config.tlsCert.isEmpty() || !d->config.tlsKey.isEmpty()) {
        if (d->config.tlsCert.isEmpty() || d->config.tlsKey.isEmpty()) {
            *error = QStringLiteral("TLS needs both a certificate and a key file");
            return d->abandonStart();
        }
        d->tls = TlsIdentity::fromFiles(d->config.tlsCert, d->config.tlsKey, error);
    } else if (d->config.tlsSelfSigned) {
        d->tls = TlsIdentity::selfSigned(dataDir, d->config.serverName, error);
    }
    if (d->config.tls() && !d->tls) {
        return d->abandonStart();
    }
    const std::optional<DatabaseUrl> database = DatabaseUrl::parse(d->config.databaseUrl, dataDir, error);
    if (!database) {
        return d->abandonStart();
    }
    QElapsedTimer timer;
    timer.start();

    d->loginThrottle.setPolicies(LoginThrottle::defaultPerAddress(),
                                 {d->config.loginFailuresPerUsername, d->config.loginWindowPerUsernameMs});
    d->store = std::make_unique<WriteQueue>(this, *database, d->config.syncFull);
    d->store->setMaxQueued(size_t(d->config.storeQueue));
    if (!d->store->open(error)) {
        d->store.reset();
        return d->abandonStart();
    }
    d->reader = std::make_unique<WriteQueue>(this, *database, d->config.syncFull, WriteQueue::Mode::Reader);
    d->reader->setMaxQueued(size_t(d->config.storeQueue));
    d->reader->start(); // its connection opens on its own thread while the directory loads
    QList<int> peers; // other nodes live when this one started
    if (database->isPostgres()) {
        // Several nodes may share this database: each needs a node id no live node holds.
        // Unique per start, also for two servers in one process (tests, the app).
        d->leaseHolder = QStringLiteral("%1 pid %2 since %3 #%4")
                             .arg(QSysInfo::machineHostName())
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        const int wanted = d->config.nodeId;
        const QString holder = d->leaseHolder;
        const auto leased = d->store->runSync<NodeLease>(
            [wanted, holder](Store &s) { return s.leaseNode(wanted, holder, kNodeLeaseMs); });
        if (!leased) {
            *error = leased.error().message;
            d->leaseHolder.clear();
            return d->abandonStart();
        }
        d->ids = SnowflakeGenerator(leased->id);
        peers = leased->others;
        qCInfo(lcServer) << "node id" << leased->id << (wanted < 0 ? "(leased)" : "");
    }
    if (!d->loadDirectory(error))
        return d->abandonStart();
    if (!d->reader->open(error)) {
        d->reader.reset();
        return d->abandonStart();
    }
    d->hub = std::make_unique<Hub>(d->directory);
    // After a mass disconnect the database connections' caches go back too (the gateway gives
    // the freed heap back once it is quiet).
    connect(d->hub.get(), &Hub::sessionsExpired, this, [this](int count) {
        if (count < Hub::kMassDisconnect)
            return;
        for (WriteQueue *queue : {d->store.get(), d->reader.get()})
            queue->submit<Done>([](Store &s) { return s.releaseMemory(); }, [](Result<Done> &&) {},
                                WriteQueue::Writes::One);
    });
    if (database->isPostgres()) {
        d->cluster = std::make_unique<Cluster>(*database, d->directory, *d->hub, d->ids.node());
        if (!d->cluster->start(error))
            return d->abandonStart();
        connect(d->cluster.get(), &Cluster::resync, this, [this] {
            // Changes other nodes published while the bus was away never arrived: read them.
            d->store->submit<StoredDirectory>(readDirectory, [this](Result<StoredDirectory> &&r) {
                if (!d->running)
                    return;
                if (!r) {
                    qCWarning(lcServer) << "cannot read the directory again:" << r.error().message;
                    return;
                }
                Directory fresh;
                fill(fresh, r.value());
                d->directory.replaceContents(std::move(fresh));
                qCInfo(lcServer) << "directory read again after the bus came back";
            });
        });
        connect(d->cluster.get(), &Cluster::control, this, [this](const QJsonArray &actions) {
            if (d->running)
                applyControl(d->directory, *d->hub, actions);
        });
    }
    d->ctx.reset(new ServiceContext{*this, d->config, *d->store, *d->reader, d->directory, *d->hub, d->ids,
                                    d->loginThrottle, d->cpuPool});
    d->presence = std::make_unique<Presence>(*d->ctx);
    if (d->cluster) {
        d->cluster->setPresence(d->presence.get());
        // A node publishes only while others listen. The live ones start as soon as they hear
        // this one; what they changed before that is read again once they have answered, before
        // any client can connect here.
        if (!peers.isEmpty()) {
            const QList<int> silent = d->cluster->waitForPeers(peers, kPeerAnswerMs);
            if (!silent.isEmpty())
                qCWarning(lcServer) << "nodes" << silent << "hold a live lease but did not answer";
            auto stored = d->store->runSync<StoredDirectory>(readDirectory);
            if (!stored) {
                *error = QStringLiteral("cannot load the database: %1").arg(stored.error().message);
                return d->abandonStart();
            }
            Directory fresh;
            fill(fresh, stored.value());
            d->directory.replaceContents(std::move(fresh));
        }
    }
    d->readStates = std::make_unique<ReadStates>(*d->ctx, *d->presence);
    d->accounts = std::make_unique<Accounts>(*d->ctx, *d->presence, *d->readStates);
    d->guilds = std::make_unique<Guilds>(*d->ctx, *d->presence);
    d->channels = std::make_unique<Channels>(*d->ctx);
    d->roles = std::make_unique<Roles>(*d->ctx);
    d->moderation = std::make_unique<Moderation>(*d->ctx);
    d->auditLog = std::make_unique<AuditLog>(*d->ctx);
    d->guildDirectory = std::make_unique<GuildDirectory>(*d->ctx, *d->presence);
    d->stats = std::make_unique<Stats>(*d->ctx, *d->presence);
    d->presence->setOnlineChanged([stats = d->stats.get()](Id userId, bool online) { stats->onlineChanged(userId, online); });
    d->directory.setMembershipChanged(
        [stats = d->stats.get()](Id guildId, Id userId, bool member) { stats->membershipChanged(guildId, userId, member); });
    d->messages = std::make_unique<Messages>(*d->ctx, *d->presence);
    d->messages->setOnStored(
        [stats = d->stats.get()](const Message &m) { stats->countMessage(m.guildId, m.channelId, m.author.id); });
    d->reactions = std::make_unique<Reactions>(*d->ctx);
    d->search = std::make_unique<Search>(*d->ctx);
    d->social = std::make_unique<Social>(*d->ctx, *d->presence);
    d->dms = std::make_unique<Dms>(*d->ctx);
    d->typing = std::make_unique<Typing>(*d->ctx);
    d->party = std::make_unique<Party>(*d->ctx, *d->presence, *d->accounts);
    if (d->config.guests)
        d->accounts->setParty(d->party.get());
    d->router = std::make_unique<Router>(Services{*d->accounts, *d->guilds, *d->channels, *d->messages,
                                                  *d->social, *d->dms, *d->presence, *d->typing,
                                                  *d->readStates, *d->party, *d->reactions, *d->search,
                                                  *d->roles, *d->moderation, *d->auditLog,
                                                  *d->guildDirectory, *d->stats});
    if (!d->party->load(error))
        return d->abandonStart();
    d->attachments = std::make_unique<Attachments>(*d->ctx, d->config.attachmentsDir);
    if (!d->attachments->prepare(error))
        return d->abandonStart();
    d->accounts->setAttachments(d->attachments.get());
    d->guilds->setAttachments(d->attachments.get());
    d->http = std::make_unique<HttpServer>(*d->attachments, d->config);
    d->gateway = std::make_unique<Gateway>(*d->router, *d->hub, d->config,
                                           d->tls ? std::optional(d->tls->serverConfiguration()) : std::nullopt);
    d->gateway->setHttp(d->http.get());
    bool addressInUse = false;
    if (!d->gateway->listen(error, &addressInUse)) {
        if (addressInUse)
            *kind = StartError::AddressInUse;
        return d->abandonStart();
    }
    if (d->config.metrics) {
        d->metrics = std::make_unique<MetricsServer>(MetricsServer::Handlers{
            [this] { return d->renderMetrics(); },
            [this](const MetricsServer::HealthReply &reply) { d->checkHealth(this, reply); }});
        if (!d->metrics->listen(d->config.metricsHost, d->config.metricsPort, error))
            return d->abandonStart();
    }
    if (announce) {
        d->beacon = std::make_unique<Beacon>(*announce, url().scheme(), d->config.host, port(), [this] {
            const QString fp = fingerprint();
            return QJsonObject{{QLatin1String("name"), d->config.guests && !d->config.partyName.isEmpty() ? d->config.partyName
                                                                                                        : d->config.serverName},
                               {QLatin1String("people"), d->hub->connectedUserCount()},
                               {QLatin1String("password"), d->config.guests && !d->config.partyPassword.isEmpty()},
                               {QLatin1String("fingerprint"), fp.isEmpty() ? QJsonValue() : QJsonValue(fp)}};
        });
        d->beacon->start();
    }
    d->housekeeping.setInterval(60 * 1000);
    connect(&d->housekeeping, &QTimer::timeout, this,
            [this] { d->loginThrottle.prune(QDateTime::currentMSecsSinceEpoch()); });
    d->housekeeping.start();
    if (!d->leaseHolder.isEmpty()) {
        d->leaseRenewal.setInterval(kNodeRenewMs);
        connect(&d->leaseRenewal, &QTimer::timeout, this, [this] {
            const int node = d->ids.node();
            const QString holder = d->leaseHolder;
            d->store->submit<bool>([node, holder](Store &s) { return s.renewNode(node, holder, kNodeLeaseMs); },
                                   [this, node](Result<bool> &&r) {
                                       // Another node took the id (this one stalled past its lease):
                                       // two writers must never make the same ids.
                                       if (r.ok() && !r.value() && d->running) {
                                           const QString why = QStringLiteral("lost the lease of node id %1 to another node").arg(node);
                                           qCCritical(lcServer) << why;
                                           d->leaseHolder.clear();
                                           stop(1012, QStringLiteral("server restarting"));
                                           emit failed(why);
                                       }
                                   });
        });
        d->leaseRenewal.start();
    }
    d->control = std::make_unique<ControlSocket>();
    connect(d->control.get(), &ControlSocket::received, this, [this](const QJsonArray &actions) {
        if (d->running)
            applyControl(d->directory, *d->hub, actions);
    });
    // Once this start has returned: a window waiting for the server need not wait for this
    // socket too (a local socket's folder is made, renamed and removed: file-system round trips).
    QTimer::singleShot(0, d->control.get(), [this, dataDir] {
        if (QString why; !d->control->listen(dataDir, &why)) // admin changes then need a restart to show
            qCWarning(lcServer) << why;
    });
    d->running = true;
    *kind = StartError::None;
    qCInfo(lcServer) << "started in" << timer.elapsed() << "ms on" << url().toString() << "with" << database->display();
    return true;
}

void Server::stop(quint16 closeCode, const QString &reason)
{
    if (!d->running)
        return;
    d->running = false;
    d->housekeeping.stop();
    d->leaseRenewal.stop();
    d->control.reset();
    d->beacon.reset(); // parties that stop announcing drop off lists within two seconds
    d->metrics.reset();
    d->gateway->stopListening();
    // Finish hashing in flight, run and commit everything queued, then deliver the replies.
    // Each step's callbacks may queue work for the next, so results are flushed between them
    // (they are posted to the queue or service that made them, see WriteQueue and Accounts).
    const auto flush = [this] {
        QCoreApplication::sendPostedEvents(this);
        QCoreApplication::sendPostedEvents(d->attachments.get()); // uploads probed: their store jobs
        d->accounts->flush();
        QCoreApplication::sendPostedEvents(d->reader.get());
        QCoreApplication::sendPostedEvents(d->store.get());
    };
    d->stats->flush(); // the peaks and message counts not written yet, queued before the store stops
    d->cpuPool.waitForDone();
    flush();
    d->reader->shutdown();
    flush();
    if (!d->leaseHolder.isEmpty()) {
        // The id is free for the next node at once, not after the lease ran out.
        const int node = d->ids.node();
        const QString holder = d->leaseHolder;
        d->store->runSync<Done>([node, holder](Store &s) { return s.releaseNode(node, holder); });
        d->leaseHolder.clear();
    }
    d->store->shutdown();
    flush();
    flush(); // replies of jobs refused while stopping
    // closeAll lets the close frames out in a loop of its own: requests that still arrive
    // then are answered `unavailable` by the router and never reach a stopped service.
    d->router->close();
    d->cpuPool.waitForDone();
    d->gateway->closeAll(closeCode, reason.isEmpty() ? QStringLiteral("server shutting down") : reason);
    if (d->cluster) // what the last callbacks changed still reaches the other nodes, then "bye"
        d->cluster->stop();
    d->gateway.reset();
    d->http.reset();
    d->attachments.reset();
    d->router.reset();
    d->party.reset();
    d->typing.reset();
    d->dms.reset();
    d->social.reset();
    d->readStates.reset();
    d->search.reset();
    d->reactions.reset();
    d->messages.reset();
    d->channels.reset();
    d->guilds.reset();
    d->accounts.reset();
    d->directory.setMembershipChanged({});
    d->stats.reset();
    d->presence.reset();
    d->ctx.reset();
    d->cluster.reset();
    d->hub.reset();
    d->reader.reset();
    d->store.reset();
    d->folderLock.reset(); // last: the database is closed
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

int Server::nodeId() const
{
    return d->ids.node();
}

bool Server::isRunning() const
{
    return d->running;
}

quint16 Server::metricsPort() const
{
    return d->metrics ? d->metrics->port() : 0;
}

quint16 Server::port() const
{
    return d->gateway ? d->gateway->port() : 0;
}

QString Server::fingerprint() const
{
    return d->tls ? d->tls->fingerprint() : QString();
}

QUrl Server::url() const
{
    QUrl u;
    u.setScheme(d->tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    const QHostAddress &h = d->config.host;
    u.setHost(h == QHostAddress::Any || h == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
              : h == QHostAddress::AnyIPv6                          ? QStringLiteral("::1")
                                                                    : h.toString());
    u.setPort(port());
    return u;
}

bool Server::listenAlso(quint16 port, QString *error)
{
    if (!d->running) {
        *error = QStringLiteral("the server is not running");
        return false;
    }
    return d->gateway->listenAlso(port, error);
}

quint64 Server::partyGuildId() const
{
    return d->party && d->config.guests ? d->party->guildId() : 0;
}

QList<quint16> Server::ports() const
{
    return d->gateway ? d->gateway->ports() : QList<quint16>();
}

const ServerConfig &Server::config() const
{
    return d->config;
}

GatewayStats Server::gatewayStats() const
{
    return d->gateway ? d->gateway->stats() : GatewayStats{};
}

} // namespace kith::server

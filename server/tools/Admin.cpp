#include "Admin.h"

#include "Cli.h"
#include "StatsReport.h"
#include "control/Control.h"
#include "core/Credentials.h"
#include "shared/Snowflake.h"
#include "shared/Validation.h"
#include "store/DatabaseUrl.h"
#include "store/NodeTable.h"
#include "store/SqlConnection.h"
#include "store/SqlStore.h"
#include "store/WriteQueue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTextStream>
#include <cstdio>

namespace kith::server::tools {

namespace {

struct Action {
    const char *name;
    const char *argument; //!< the one positional argument, or nullptr
    const char *summary;
};
constexpr Action kActions[] = {
    {"create-user", "USERNAME", "make an account; without --password one is made up and printed"},
    {"reset-password", "USERNAME", "set a new password and sign the user out everywhere"},
    {"list-users", nullptr, "one line per account: id, username, display name, admin, guest"},
    {"promote", "USERNAME", "make the user a server admin"},
    {"demote", "USERNAME", "make the user an ordinary user again"},
    {"list-guilds", nullptr, "one line per guild: id, name, owner, members, channels"},
    {"delete-guild", "GUILD_ID", "delete a guild with its channels and messages"},
    {"stats", nullptr, "messages per day, busiest guilds, top senders, most connecting users (--days, 30)"},
};
// Ids made by a tool on SQLite: the data folder's server is node 0; 1023 is kept for tools.
constexpr int kToolNode = 1023;
constexpr qint64 kLeaseMs = 30000;
// Counters are kept for good: the server-wide report may look back further than stats.guild.
constexpr int kStatsDaysMax = 3660;

QString usage()
{
    QString text = QStringLiteral("admin ACTION [ARGUMENT] [--data DIR | --db URL] [--password PW | --password-stdin]"
                                  " [--days N]\n\n"
                                  "Actions:\n");
    for (const Action &a : kActions)
        text += QStringLiteral("  %1 %2\n      %3\n")
                    .arg(QLatin1String(a.name), a.argument ? QLatin1String(a.argument) : QLatin1String(""),
                         QLatin1String(a.summary));
    text += QStringLiteral("\nIt works while a server runs on the same data: the server is told what changed.");
    return text;
}

QString madeUpPassword()
{
    static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 20; ++i)
        out += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(int(sizeof(kAlphabet) - 1))]);
    return out;
}

class Admin
{
public:
    Admin(DatabaseUrl url, QString dataDir) : m_url(std::move(url)), m_dataDir(std::move(dataDir)) {}

    int open()
    {
        QString error;
        m_queue = std::make_unique<WriteQueue>(&m_owner, m_url, true);
        if (!m_queue->open(&error))
            return fail(kFailed, error);
        return kOk;
    }

    //! Tells the running server(s) what changed; none running is fine.
    void tell(const QJsonArray &actions)
    {
        if (actions.isEmpty())
            return;
        if (m_url.isPostgres()) {
            const QByteArray payload = QJsonDocument(QJsonObject{{QLatin1String("admin"), actions}}).toJson(QJsonDocument::Compact);
            auto r = m_queue->runSync<Done>([payload](Store &s) -> Result<Done> {
                SqlConnection &db = static_cast<SqlStore &>(s).connection();
                QSqlQuery &q = db.prepared("SELECT pg_notify('kith_bus', ?)");
                q.bindValue(0, QString::fromUtf8(payload));
                if (!db.exec(q, "tell the nodes"))
                    return storageError();
                q.finish();
                return Done{};
            });
            if (!r)
                fail(kOk, QStringLiteral("note: running nodes were not told (%1): they see it after a restart")
                              .arg(r.error().message));
            return;
        }
        // No server listening is fine: the next one reads it from the database.
        QString why;
        ControlSocket::send(m_dataDir, actions, &why);
    }

    Result<User> user(const QString &username)
    {
        auto r = m_queue->runSync<StoredUser>([username](Store &s) { return s.findUserByUsername(username); });
        if (!r)
            return r.error();
        return r->user;
    }

    Result<Id> newId()
    {
        if (!m_url.isPostgres())
            return SnowflakeGenerator(kToolNode).next();
        // On a shared database the id's node part must be one no live node uses right now.
        const QString holder = NodeTable::kToolHolderPrefix
                               + QStringLiteral(" pid %1").arg(QCoreApplication::applicationPid());
        auto node = m_queue->runSync<NodeLease>([holder](Store &s) { return s.leaseNode(-1, holder, kLeaseMs); });
        if (!node)
            return node.error();
        const int n = node->id;
        const Id id = SnowflakeGenerator(n).next();
        m_queue->runSync<Done>([n, holder](Store &s) { return s.releaseNode(n, holder); });
        return id;
    }

    WriteQueue &queue() { return *m_queue; }
    ~Admin()
    {
        if (m_queue)
            m_queue->shutdown();
    }

private:
    DatabaseUrl m_url;
    QString m_dataDir;
    QObject m_owner;
    std::unique_ptr<WriteQueue> m_queue;
};

int notFound(const QString &what)
{
    return fail(kFailed, what);
}

} // namespace

int admin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The server's data folder (default ./kith-data)."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The server's database URL, as kith-server --db (env KITH_DB)."),
                                QStringLiteral("URL"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("The password to set."),
                                      QStringLiteral("PW"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from the first line of standard input."));
    const QCommandLineOption display(QStringLiteral("display-name"), QStringLiteral("create-user: the display name."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  QStringLiteral("stats: the last N days, today included (1-%1, default 30).")
                                      .arg(kStatsDaysMax),
                                  QStringLiteral("N"));
    parser.addOptions({help, data, db, password, passwordStdin, display, days});
    if (!parser.parse(QStringList{QStringLiteral("kith-server admin")} + arguments.mid(1)))
        return fail(kRefused, QStringLiteral("admin: %1 (see kith-server admin --help)").arg(parser.errorText()));
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help) || positional.isEmpty()) {
        std::printf("Usage: kith-server %s\n\nOptions:\n%s", qPrintable(usage()),
                    qPrintable(parser.helpText().section(QLatin1String("Options:\n"), 1)));
        std::fflush(stdout);
        return parser.isSet(help) ? kOk : kRefused;
    }
    const QString name = positional.first();
    const Action *action = nullptr;
    for (const Action &a : kActions)
        if (name == QLatin1String(a.name))
            action = &a;
    if (!action)
        return fail(kRefused, QStringLiteral("admin: unknown action \"%1\" (see kith-server admin --help)").arg(name));
    if (positional.size() != (action->argument ? 2 : 1))
        return fail(kRefused, action->argument ? QStringLiteral("admin %1: give %2").arg(name, QLatin1String(action->argument))
                                               : QStringLiteral("admin %1 takes no argument").arg(name));
    const QString argument = positional.value(1);
    bool daysOk = true;
    const int statsDays = parser.isSet(days) ? parser.value(days).toInt(&daysOk) : 30;
    if (!daysOk || statsDays < 1 || statsDays > kStatsDaysMax)
        return fail(kRefused, QStringLiteral("admin: --days must be a number from 1 to %1").arg(kStatsDaysMax));

    const QString dataDir = QDir(parser.isSet(data) ? parser.value(data) : QStringLiteral("kith-data")).absolutePath();
    QString url = parser.value(db);
    if (url.isEmpty())
        url = qEnvironmentVariable("KITH_DB");
    QString error;
    const std::optional<DatabaseUrl> location = DatabaseUrl::parse(url, dataDir, &error);
    if (!location)
        return fail(kRefused, error);
    if (!location->isPostgres() && !QFileInfo::exists(location->path))
        return fail(kRefused, QStringLiteral("no Kith database at %1 (give --data DIR or --db URL)").arg(location->path));

    QString newPassword;
    const bool wantsPassword = name == u"create-user" || name == u"reset-password";
    if (parser.isSet(passwordStdin)) {
        newPassword = QTextStream(stdin).readLine();
    } else if (parser.isSet(password)) {
        newPassword = parser.value(password);
    }
    const bool madeUp = wantsPassword && newPassword.isEmpty();
    if (madeUp)
        newPassword = madeUpPassword();
    if (wantsPassword) {
        if (const QString why = validate::password(newPassword); !why.isEmpty())
            return fail(kRefused, QStringLiteral("admin %1: %2").arg(name, why));
        if (!Credentials::initialize())
            return fail(kFailed, QStringLiteral("libsodium failed to initialise"));
    }

    Admin a(*location, dataDir);
    if (const int rc = a.open(); rc != kOk)
        return rc;
    WriteQueue &q = a.queue();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    if (name == u"create-user") {
        if (const QString why = validate::username(argument); !why.isEmpty())
            return fail(kRefused, QStringLiteral("admin create-user: %1").arg(why));
        const QString displayName = parser.isSet(display) ? validate::normalizedName(parser.value(display)) : argument;
        if (const QString why = validate::displayName(displayName); !why.isEmpty())
            return fail(kRefused, QStringLiteral("admin create-user: %1").arg(why));
        auto id = a.newId();
        if (!id)
            return fail(kFailed, id.error().message);
        const User user{id.value(), argument, displayName};
        const QString hash = Credentials::hashPassword(newPassword);
        auto r = q.runSync<User>([user, hash, now](Store &s) { return s.insertUser(user, hash, now); });
        if (!r)
            return fail(r.error().code == ErrorCode::Conflict ? kRefused : kFailed,
                        QStringLiteral("admin create-user: %1").arg(r.error().message));
        a.tell({QJsonObject{{QLatin1String("a"), QStringLiteral("user")}, {QLatin1String("v"), r->toJson()}}});
        say(madeUp ? QStringLiteral("created %1 (id %2) with password %3").arg(r->username).arg(r->id).arg(newPassword)
                   : QStringLiteral("created %1 (id %2)").arg(r->username).arg(r->id));
        return kOk;
    }
    if (name == u"reset-password") {
        auto u = a.user(argument);
        if (!u)
            return u.error().code == ErrorCode::NotFound ? notFound(QStringLiteral("no user %1").arg(argument))
                                                         : fail(kFailed, u.error().message);
        if (u->guest)
            return fail(kRefused, QStringLiteral("%1 is a LAN party guest: guests have no password").arg(argument));
        const QString hash = Credentials::hashPassword(newPassword);
        // Every token goes; the one kept is made here and given to nobody.
        const QByteArray unused = Credentials::tokenHash(Credentials::newToken());
        const Id userId = u->id;
        auto r = q.runSync<Done>([userId, hash, unused, now](Store &s) { return s.replacePassword(userId, hash, unused, now); });
        if (!r)
            return fail(kFailed, r.error().message);
        a.tell({QJsonObject{{QLatin1String("a"), QStringLiteral("end")}, {QLatin1String("u"), QString::number(userId)}}});
        say(madeUp ? QStringLiteral("new password for %1: %2 (signed out everywhere)").arg(u->username, newPassword)
                   : QStringLiteral("new password for %1 (signed out everywhere)").arg(u->username));
        return kOk;
    }
    if (name == u"list-users") {
        auto users = q.runSync<QList<User>>([](Store &s) { return s.allUsers(); });
        if (!users)
            return fail(kFailed, users.error().message);
        std::sort(users->begin(), users->end(), [](const User &x, const User &y) { return x.id < y.id; });
        for (const User &u : users.value())
            say(QStringLiteral("%1 %2 \"%3\"%4%5").arg(u.id).arg(u.username, u.displayName,
                                                     u.serverAdmin ? QStringLiteral(" admin") : QString(),
                                                     u.guest ? QStringLiteral(" guest") : QString()));
        return kOk;
    }
    if (name == u"promote" || name == u"demote") {
        auto u = a.user(argument);
        if (!u)
            return u.error().code == ErrorCode::NotFound ? notFound(QStringLiteral("no user %1").arg(argument))
                                                         : fail(kFailed, u.error().message);
        User changed = u.value();
        changed.serverAdmin = name == u"promote";
        auto r = q.runSync<Done>([changed](Store &s) { return s.setServerAdmin(changed.id, changed.serverAdmin); });
        if (!r)
            return fail(kFailed, r.error().message);
        a.tell({QJsonObject{{QLatin1String("a"), QStringLiteral("user")}, {QLatin1String("v"), changed.toJson()}}});
        say(changed.serverAdmin ? QStringLiteral("%1 is a server admin").arg(changed.username)
                                : QStringLiteral("%1 is not a server admin").arg(changed.username));
        return kOk;
    }
    auto snapshot = q.runSync<GuildSnapshot>([](Store &s) { return s.loadGuilds(); });
    auto users = q.runSync<QList<User>>([](Store &s) { return s.allUsers(); });
    if (!snapshot || !users)
        return fail(kFailed, !snapshot ? snapshot.error().message : users.error().message);
    QHash<Id, QString> names;
    for (const User &u : users.value())
        names.insert(u.id, u.username);
    QHash<Id, int> memberCount, channelCount;
    for (const auto &[guildId, member] : snapshot->members)
        ++memberCount[guildId];
    for (const Channel &c : snapshot->channels)
        ++channelCount[c.guildId];
    if (name == u"stats") {
        QHash<Id, QString> guildNames;
        for (const Guild &g : snapshot->guilds)
            guildNames.insert(g.id, g.name);
        return printStats(q, statsDays, names, guildNames);
    }
    if (name == u"list-guilds") {
        for (const Guild &g : snapshot->guilds)
            say(QStringLiteral("%1 \"%2\" owner %3 members %4 channels %5")
                    .arg(g.id)
                    .arg(g.name, names.value(g.ownerId, QString::number(g.ownerId)))
                    .arg(memberCount.value(g.id))
                    .arg(channelCount.value(g.id)));
        return kOk;
    }
    // delete-guild
    bool ok = false;
    const Id guildId = argument.toULongLong(&ok);
    const auto found = std::find_if(snapshot->guilds.cbegin(), snapshot->guilds.cend(),
                                    [guildId](const Guild &g) { return g.id == guildId; });
    if (!ok || found == snapshot->guilds.cend())
        return notFound(QStringLiteral("no guild %1").arg(argument));
    auto r = q.runSync<Done>([guildId](Store &s) { return s.deleteGuild(guildId); });
    if (!r)
        return fail(kFailed, r.error().message);
    a.tell({QJsonObject{{QLatin1String("a"), QStringLiteral("guild-")}, {QLatin1String("id"), QString::number(guildId)}}});
    say(QStringLiteral("deleted guild %1 \"%2\"").arg(guildId).arg(found->name));
    return kOk;
}

} // namespace kith::server::tools

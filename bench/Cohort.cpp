#include "Cohort.h"

#include "shared/Protocol.h"

#include <QJsonArray>

namespace kith::bench {

namespace {
const QLatin1String kPassword("bench-password-1");

QString firstChannel(const QJsonObject &fullGuild)
{
    return fullGuild.value(QLatin1String("channels")).toArray().at(0).toObject().value(
        QLatin1String("id")).toString();
}
} // namespace

bool Cohort::create(ClientPool &pool, const QUrl &url, int users, Guilds guilds,
                    const QString &prefix, QString *error)
{
    m_first = pool.create(users, Target::Server);
    m_tokens.assign(size_t(users), {});
    m_userIds.assign(size_t(users), {});
    m_guildIds.clear();
    m_channelIds.clear();
    const int opened = pool.runAll(
        m_first, users,
        [url](BenchClient *c, BenchClient::DoneFn done) { c->open(url, std::move(done)); }, 64,
        60000, error);
    if (opened != users) {
        *error = QStringLiteral("connect: ") + *error;
        return false;
    }
    // Argon2id runs off the gateway thread, so registering in parallel uses every core.
    const int registered = pool.runAll(
        m_first, users,
        [this, prefix](BenchClient *c, BenchClient::DoneFn done) {
            const int i = c->index() - m_first;
            const QJsonObject d{{QLatin1String("username"), QStringLiteral("%1%2").arg(prefix).arg(i)},
                                {QLatin1String("password"), kPassword}};
            c->signIn(op::SessionRegister, d,
                      [this, i, done](bool ok, const QString &e, const QJsonObject &reply) {
                          if (ok) {
                              m_tokens[size_t(i)] = reply.value(QLatin1String("token")).toString();
                              m_userIds[size_t(i)] = reply.value(QLatin1String("user")).toObject().value(
                                  QLatin1String("id")).toString();
                          }
                          done(ok && !m_tokens[size_t(i)].isEmpty(), QStringLiteral("register: ") + e);
                      });
        },
        users, 300000, error);
    if (registered != users)
        return false;

    if (guilds == Guilds::Own) {
        m_guildIds.assign(size_t(users), {});
        m_channelIds.assign(size_t(users), {});
        const int made = pool.runAll(
            m_first, users,
            [this](BenchClient *c, BenchClient::DoneFn done) {
                const int i = c->index() - m_first;
                c->request(op::GuildCreate, {{QLatin1String("name"), QStringLiteral("own%1").arg(i)}},
                           [this, i, done](const ServerFrame &r) {
                               m_guildIds[size_t(i)] = r.d.value(QLatin1String("id")).toString();
                               m_channelIds[size_t(i)] = firstChannel(r.d);
                               done(r.ok && !m_channelIds[size_t(i)].isEmpty(),
                                    QStringLiteral("guild.create: ") + r.error.message);
                           });
            },
            users, 60000, error);
        return made == users;
    }

    const auto guild = pool.call(m_first, op::GuildCreate,
                                 {{QLatin1String("name"), QStringLiteral("bench")}}, error);
    if (!guild)
        return false;
    m_guildIds = {guild->d.value(QLatin1String("id")).toString()};
    m_channelIds = {firstChannel(guild->d)};
    const auto invite = pool.call(m_first, op::InviteCreate,
                                  {{QLatin1String("guild_id"), m_guildIds.front()}}, error);
    if (!invite)
        return false;
    const QString code = invite->d.value(QLatin1String("code")).toString();
    const int joined = pool.runAll(
        m_first + 1, users - 1,
        [code](BenchClient *c, BenchClient::DoneFn done) {
            c->request(op::InviteJoin, {{QLatin1String("code"), code}},
                       [done](const ServerFrame &r) {
                           done(r.ok, QStringLiteral("invite.join: ") + r.error.message);
                       });
        },
        64, 60000, error);
    return joined == users - 1;
}

int Cohort::openSessions(ClientPool &pool, const QUrl &url, int n, Target target, int concurrency,
                         QString *error) const
{
    const int first = pool.create(n, target);
    const int ok = pool.runAll(
        first, n,
        [this, url, target, first](BenchClient *c, BenchClient::DoneFn done) {
            const QString token = target == Target::Server ? this->token(c->index() - first)
                                                           : QString();
            c->open(url, [c, token, done](bool ok, const QString &e) {
                if (!ok || token.isEmpty()) {
                    done(ok, QStringLiteral("connect: ") + e);
                    return;
                }
                c->signIn(op::SessionLogin, {{QLatin1String("token"), token}},
                          [done](bool ok, const QString &e, const QJsonObject &) {
                              done(ok, QStringLiteral("login: ") + e);
                          });
            });
        },
        concurrency, 600000, error);
    return ok == n ? first : -1;
}

} // namespace kith::bench

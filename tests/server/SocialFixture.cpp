#include "SocialFixture.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace kith::test {

namespace {
QString idOf(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}
} // namespace

SocialFixture::SocialFixture()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
}

bool SocialFixture::start(QString *error)
{
    return m_fx.start(error);
}

std::unique_ptr<TestClient> SocialFixture::user(const QString &name)
{
    return m_fx.newUser(name);
}

std::unique_ptr<TestClient> SocialFixture::secondSession(const TestClient &c)
{
    auto s = m_fx.connect();
    const Reply r = s->loginWithToken(c.token());
    if (!r.ok)
        qWarning("second session failed: %s", qPrintable(r.describe()));
    return s;
}

bool SocialFixture::rankedGuild(std::unique_ptr<TestClient> &owner, std::unique_ptr<TestClient> &admin,
                                std::unique_ptr<TestClient> &b, std::unique_ptr<TestClient> &c,
                                std::unique_ptr<TestClient> &out, GuildRef &g)
{
    owner = user(QStringLiteral("owen"));
    admin = user(QStringLiteral("ada"));
    b = user(QStringLiteral("bea"));
    c = user(QStringLiteral("cy"));
    out = user(QStringLiteral("oz"));
    if (!owner || !admin || !b || !c || !out)
        return false;
    g = createGuild(*owner);
    if (!g.valid())
        return false;
    for (TestClient *member : {admin.get(), b.get(), c.get()})
        if (!joinGuild(*owner, *member, g))
            return false;
    return owner
        ->request(QStringLiteral("member.set_role"), {{QStringLiteral("guild_id"), g.guildId},
                                                      {QStringLiteral("user_id"), admin->userId()},
                                                      {QStringLiteral("role"), QStringLiteral("admin")}})
        .ok;
}

bool SocialFixture::settle(const QList<TestClient *> &clients)
{
    for (TestClient *c : clients)
        if (!flush(*c))
            return false;
    forget(clients);
    return true;
}

QStringList SocialFixture::release(std::initializer_list<std::unique_ptr<TestClient> *> clients)
{
    QStringList problems;
    for (std::unique_ptr<TestClient> *c : clients) {
        if (!*c)
            continue;
        problems << (*c)->seqProblems() << (*c)->protocolProblems();
        c->reset();
    }
    return problems;
}

QString SocialFixture::username(const TestClient &c)
{
    return c.user().value(u"username"_s).toString();
}

bool SocialFixture::flush(TestClient &c)
{
    return c.request(u"ping"_s).ok;
}

bool SocialFixture::befriend(TestClient &a, TestClient &b)
{
    const Reply r = a.request(u"friend.request"_s, {{u"username"_s, username(b)}});
    if (!r.ok) {
        qWarning("friend.request failed: %s", qPrintable(r.describe()));
        return false;
    }
    const Reply acc = b.request(u"friend.accept"_s, {{u"user_id"_s, a.userId()}});
    if (!acc.ok) {
        qWarning("friend.accept failed: %s", qPrintable(acc.describe()));
        return false;
    }
    auto isFriend = [](const QString &other) {
        return [other](const Event &e) {
            return idOf(e.d.value(u"user"_s).toObject(), u"id"_s) == other
                && e.d.value(u"type"_s).toString() == u"friend";
        };
    };
    return waitFor(a, u"relationship.updated"_s, isFriend(b.userId()))
        && waitFor(b, u"relationship.updated"_s, isFriend(a.userId()));
}

QString SocialFixture::listedType(TestClient &c, const QString &otherId)
{
    const Reply r = c.request(u"friend.list"_s);
    if (!r.ok)
        return u"error: "_s + r.describe();
    const QList<QPair<QString, QString>> lists{{u"friends"_s, u"friend"_s},
                                               {u"incoming"_s, u"incoming"_s},
                                               {u"outgoing"_s, u"outgoing"_s},
                                               {u"blocked"_s, u"blocked"_s}};
    QStringList found;
    for (const auto &[key, type] : lists)
        for (const QJsonValue &u : r.d.value(key).toArray())
            if (idOf(u.toObject(), u"id"_s) == otherId)
                found << type;
    if (found.size() > 1)
        return u"several: "_s + found.join(u',');
    return found.isEmpty() ? u"none"_s : found.first();
}

void SocialFixture::forget(TestClient &c)
{
    if (!flush(c))
        qWarning("forget: the flush got no reply");
    m_marks.insert(&c, {c.sessionId(), c.lastSeq()});
}

void SocialFixture::forget(const QList<TestClient *> &clients)
{
    for (TestClient *c : clients)
        forget(*c);
}

qint64 SocialFixture::markOf(const TestClient &c) const
{
    const auto it = m_marks.constFind(&c);
    return it != m_marks.cend() && it->session == c.sessionId() ? it->seq : 0;
}

QList<Event> SocialFixture::events(const TestClient &c, const QString &name) const
{
    const qint64 mark = markOf(c);
    QList<Event> out;
    for (const Event &e : c.eventsNamed(name))
        if (e.seq > mark)
            out << e;
    return out;
}

std::optional<Event> SocialFixture::waitFor(TestClient &c, const QString &name,
                                            const std::function<bool(const Event &)> &pred, int timeoutMs)
{
    const qint64 mark = markOf(c);
    return c.waitEventWhere(
        name, [&](const Event &e) { return e.seq > mark && (!pred || pred(e)); }, timeoutMs);
}

QList<Event> SocialFixture::relationshipEvents(const TestClient &c, const QString &otherId) const
{
    QList<Event> out;
    for (const Event &e : events(c, u"relationship.updated"_s))
        if (idOf(e.d.value(u"user"_s).toObject(), u"id"_s) == otherId)
            out << e;
    return out;
}

QList<Event> SocialFixture::presenceEvents(const TestClient &c, const QString &userId) const
{
    QList<Event> out;
    for (const Event &e : events(c, u"presence.updated"_s))
        if (idOf(e.d, u"user_id"_s) == userId)
            out << e;
    return out;
}

std::optional<Event> SocialFixture::waitPresence(TestClient &c, const QString &userId, const QString &status,
                                                 int timeoutMs)
{
    return waitFor(
        c, u"presence.updated"_s,
        [&](const Event &e) {
            return idOf(e.d, u"user_id"_s) == userId && e.d.value(u"status"_s).toString() == status;
        },
        timeoutMs);
}

QJsonObject SocialFixture::presenceIn(const QJsonObject &ready, const QString &userId)
{
    for (const QJsonValue &p : ready.value(u"presences"_s).toArray())
        if (idOf(p.toObject(), u"user_id"_s) == userId)
            return p.toObject();
    return {};
}

QJsonObject SocialFixture::readStateIn(const QJsonObject &ready, const QString &channelId)
{
    for (const QJsonValue &p : ready.value(u"read_states"_s).toArray())
        if (idOf(p.toObject(), u"channel_id"_s) == channelId)
            return p.toObject();
    return {};
}

QJsonObject SocialFixture::openDm(TestClient &c, const QString &otherId)
{
    const Reply r = c.request(u"dm.open"_s, {{u"user_id"_s, otherId}});
    if (!r.ok) {
        qWarning("dm.open failed: %s", qPrintable(r.describe()));
        return {};
    }
    return r.d.value(u"channel"_s).toObject();
}

QStringList SocialFixture::recipientIds(const QJsonObject &channel)
{
    QStringList ids;
    for (const QJsonValue &u : channel.value(u"recipients"_s).toArray())
        ids << idOf(u.toObject(), u"id"_s);
    return ids;
}

} // namespace kith::test

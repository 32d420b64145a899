// The authorisation matrix (issue 13): every op that changes a guild, its channels, roles or
// members, and the guild ops that need a permission, each tried by the owner, an admin, a member
// holding the permission the op needs (through a role), a member without it, and a user outside
// the guild. The expected outcome comes from the written rules (PROTOCOL 5.2 and 6.12, and each
// op's "Who"), never from what the server did: outsiders get not_found, the owner may do all,
// an admin all but manage_roles, a member what its roles grant; the v1 rank rules stay (only the
// owner deletes the guild or changes ranks; the owner and admins make invites).
#include "SocialFixture.h"
#include "common/Scenario.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

enum class Actor { Outsider, Without, WithPermission, Admin, Owner };

enum class Rule {
    Permission, //!< the op's permission decides
    OwnerOnly, //!< v1: the owner alone, whatever roles say
    OwnerAndAdmins, //!< v1: the owner and admins (invite.create)
};

QString actorName(Actor a)
{
    switch (a) {
    case Actor::Outsider:
        return u"outsider"_s;
    case Actor::Without:
        return u"member without"_s;
    case Actor::WithPermission:
        return u"member with"_s;
    case Actor::Admin:
        return u"admin"_s;
    case Actor::Owner:
        return u"owner"_s;
    }
    return {};
}

const QStringList &everyPermission()
{
    static const QStringList all{u"view_channel"_s,    u"send_messages"_s,    u"add_reactions"_s,
                                 u"attach_files"_s,    u"mention_everyone"_s, u"manage_messages"_s,
                                 u"manage_channels"_s, u"manage_roles"_s,     u"kick_members"_s,
                                 u"ban_members"_s,     u"moderate_members"_s, u"manage_guild"_s,
                                 u"view_audit_log"_s,  u"view_stats"_s};
    return all;
}

} // namespace

class tst_Authz : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void matrix_data();
    void matrix();

private:
    struct Op {
        QString name;
        QString permission; //!< for Rule::Permission
        Rule rule = Rule::Permission;
        //! Makes what the attempt acts on (as the owner) and returns the request's data.
        std::function<QJsonObject()> prepare;
    };
    QList<Op> ops();
    const Op *op(const QString &name);

    TestClient &client(Actor a);
    QString expected(const Op &op, Actor a) const;

    // What the attempts act on, made fresh by the owner for each one.
    QString victim(); //!< a new plain member's user id
    QString channel(); //!< a new text channel's id
    QString role(const QString &name); //!< a new role without permissions (below every older role)
    QString messageBy(TestClient &c); //!< a message c sends in #general
    QStringList rolesLowestFirst(); //!< every role but @everyone, as role.reorder wants them

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_with, m_without, m_out;
    std::vector<std::unique_ptr<TestClient>> m_victims;
    GuildRef m_g;
    QList<Op> m_ops;
    int m_serial = 0;
};

void tst_Authz::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_with, m_without, m_out, m_g));
    // @everyone keeps only view_channel, so that "without" lacks even the default permissions.
    const Reply r = m_owner->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                        {u"role_id"_s, m_g.guildId},
                                                        {u"permissions"_s, QJsonArray{u"view_channel"_s}}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    m_ops = ops();
}

void tst_Authz::cleanupTestCase()
{
    for (auto *c : {m_owner.get(), m_admin.get(), m_with.get(), m_without.get(), m_out.get()})
        if (c)
            QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
}

TestClient &tst_Authz::client(Actor a)
{
    switch (a) {
    case Actor::Outsider:
        return *m_out;
    case Actor::Without:
        return *m_without;
    case Actor::WithPermission:
        return *m_with;
    case Actor::Admin:
        return *m_admin;
    case Actor::Owner:
        break;
    }
    return *m_owner;
}

QString tst_Authz::expected(const Op &op, Actor a) const
{
    if (a == Actor::Outsider)
        return u"not_found"_s; // 5.2: a guild one is not in does not exist for them
    if (a == Actor::Owner)
        return u"ok"_s;
    switch (op.rule) {
    case Rule::OwnerOnly:
        return u"forbidden"_s;
    case Rule::OwnerAndAdmins:
        return a == Actor::Admin ? u"ok"_s : u"forbidden"_s;
    case Rule::Permission:
        break;
    }
    if (a == Actor::Admin)
        return op.permission == u"manage_roles" ? u"forbidden"_s : u"ok"_s;
    return a == Actor::WithPermission ? u"ok"_s : u"forbidden"_s;
}

QString tst_Authz::victim()
{
    auto v = m_fx.user(u"victim"_s);
    if (!v || !joinGuild(*m_owner, *v, m_g))
        return {};
    const QString id = v->userId();
    m_victims.push_back(std::move(v));
    return id;
}

QString tst_Authz::channel()
{
    const Reply r = m_owner->request(
        u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"target-%1"_s.arg(++m_serial)}});
    return r.ok ? r.d.value(u"id"_s).toString() : QString();
}

QString tst_Authz::role(const QString &name)
{
    const Reply r = m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, name}});
    return r.ok ? r.d.value(u"id"_s).toString() : QString();
}

QString tst_Authz::messageBy(TestClient &c)
{
    const Reply r = sendMessage(c, m_g.channelId, u"a message to act on"_s);
    return r.ok ? r.d.value(u"id"_s).toString() : QString();
}

QStringList tst_Authz::rolesLowestFirst()
{
    auto fresh = m_fx.secondSession(*m_owner);
    QList<std::pair<int, QString>> roles;
    for (const QJsonValue &g : fresh->readyData().value(u"guilds"_s).toArray()) {
        if (g.toObject().value(u"id"_s).toString() != m_g.guildId)
            continue;
        for (const QJsonValue &v : g.toObject().value(u"roles"_s).toArray()) {
            const QJsonObject r = v.toObject();
            if (r.value(u"id"_s).toString() != m_g.guildId)
                roles.append({r.value(u"position"_s).toInt(), r.value(u"id"_s).toString()});
        }
    }
    std::sort(roles.begin(), roles.end());
    QStringList ids;
    for (const auto &[position, id] : roles)
        ids.append(id);
    return ids;
}

QList<tst_Authz::Op> tst_Authz::ops()
{
    const QString g = m_g.guildId;
    const auto guildOnly = [g] { return QJsonObject{{u"guild_id"_s, g}}; };
    const auto onVictim = [this, g] { return QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, victim()}}; };
    return {
        {u"guild.update"_s, u"manage_guild"_s, Rule::Permission,
         [g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"Renamed"_s}};
         }},
        {u"invite.create"_s, {}, Rule::OwnerAndAdmins, guildOnly},
        {u"member.set_role"_s,
         {},
         Rule::OwnerOnly,
         [this, g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, victim()}, {u"role"_s, u"admin"_s}};
         }},
        {u"channel.create"_s, u"manage_channels"_s, Rule::Permission,
         [g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"made"_s}};
         }},
        {u"channel.update"_s, u"manage_channels"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, channel()}, {u"name"_s, u"renamed"_s}};
         }},
        {u"channel.delete"_s, u"manage_channels"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, channel()}};
         }},
        {u"message.send"_s, u"send_messages"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, m_g.channelId},
                                {u"content"_s, u"hello"_s},
                                {u"nonce"_s, newNonce()}};
         }},
        {u"typing.start"_s, u"send_messages"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, m_g.channelId}};
         }},
        {u"reaction.add"_s, u"add_reactions"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, m_g.channelId},
                                {u"message_id"_s, messageBy(*m_owner)},
                                {u"emoji"_s, u"👍"_s}};
         }},
        {u"message.delete"_s, u"manage_messages"_s, Rule::Permission,
         [this] {
             // Someone else's message: a fresh member, given send_messages, writes it.
             const QString author = victim();
             const Reply writer =
                 m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"name"_s, u"writer"_s},
                                                     {u"permissions"_s, QJsonArray{u"send_messages"_s}}});
             m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                      {u"user_id"_s, author},
                                                      {u"role_ids"_s, QJsonArray{writer.d.value(u"id"_s)}}});
             return QJsonObject{{u"channel_id"_s, m_g.channelId},
                                {u"message_id"_s, messageBy(*m_victims.back())}};
         }},
        {u"role.create"_s, u"manage_roles"_s, Rule::Permission,
         [g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"made"_s}};
         }},
        {u"role.update"_s, u"manage_roles"_s, Rule::Permission,
         [this, g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"role_id"_s, role(u"t"_s)}, {u"name"_s, u"renamed"_s}};
         }},
        {u"role.delete"_s, u"manage_roles"_s, Rule::Permission,
         [this, g] {
             return QJsonObject{{u"guild_id"_s, g}, {u"role_id"_s, role(u"t"_s)}};
         }},
        {u"role.reorder"_s, u"manage_roles"_s, Rule::Permission,
         [this, g] {
             // Two new roles, both below the caller's: swap them.
             role(u"t1"_s);
             role(u"t2"_s);
             QStringList ids = rolesLowestFirst();
             if (ids.size() >= 2)
                 ids.swapItemsAt(0, 1);
             return QJsonObject{{u"guild_id"_s, g}, {u"role_ids"_s, QJsonArray::fromStringList(ids)}};
         }},
        {u"member.set_roles"_s, u"manage_roles"_s, Rule::Permission,
         [this, g] {
             const QString r = role(u"t"_s);
             return QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, victim()}, {u"role_ids"_s, QJsonArray{r}}};
         }},
        {u"channel.set_overwrite"_s, u"manage_roles"_s, Rule::Permission,
         [this] {
             return QJsonObject{{u"channel_id"_s, channel()},
                                {u"role_id"_s, role(u"t"_s)},
                                {u"allow"_s, QJsonArray{}},
                                {u"deny"_s, QJsonArray{u"view_channel"_s}}};
         }},
        {u"channel.delete_overwrite"_s, u"manage_roles"_s, Rule::Permission,
         [this] {
             const QString c = channel();
             const QString r = role(u"t"_s);
             m_owner->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, c},
                                                           {u"role_id"_s, r},
                                                           {u"allow"_s, QJsonArray{}},
                                                           {u"deny"_s, QJsonArray{u"view_channel"_s}}});
             return QJsonObject{{u"channel_id"_s, c}, {u"role_id"_s, r}};
         }},
        {u"member.kick"_s, u"kick_members"_s, Rule::Permission, onVictim},
        {u"member.ban"_s, u"ban_members"_s, Rule::Permission, onVictim},
        {u"member.unban"_s, u"ban_members"_s, Rule::Permission,
         [this, g] {
             const QString id = victim();
             m_owner->request(u"member.ban"_s, {{u"guild_id"_s, g}, {u"user_id"_s, id}});
             return QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, id}};
         }},
        {u"guild.bans"_s, u"ban_members"_s, Rule::Permission, guildOnly},
        {u"member.timeout"_s, u"moderate_members"_s, Rule::Permission,
         [this, g] {
             const QString until = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs);
             return QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, victim()}, {u"until"_s, until}};
         }},
        {u"guild.audit_log"_s, u"view_audit_log"_s, Rule::Permission, guildOnly},
        // Last: the owner's attempt ends the guild.
        {u"guild.delete"_s, {}, Rule::OwnerOnly, guildOnly},
    };
}

const tst_Authz::Op *tst_Authz::op(const QString &name)
{
    for (const Op &o : std::as_const(m_ops))
        if (o.name == name)
            return &o;
    return nullptr;
}

void tst_Authz::matrix_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("actor");
    for (const Op &o : std::as_const(m_ops))
        for (Actor a : {Actor::Outsider, Actor::Without, Actor::WithPermission, Actor::Admin, Actor::Owner})
            QTest::addRow("%s by %s", qPrintable(o.name), qPrintable(actorName(a))) << o.name << int(a);
}

void tst_Authz::matrix()
{
    QFETCH(QString, op);
    QFETCH(int, actor);
    const Op *o = this->op(op);
    QVERIFY(o);
    const auto who = Actor(actor);
    QString grant;
    if (who == Actor::WithPermission) {
        // Exactly the op's permission; for the rank rules every permission, which must not help.
        const QStringList permissions =
            o->rule == Rule::Permission ? QStringList{o->permission} : everyPermission();
        const Reply made =
            m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                {u"name"_s, u"grant"_s},
                                                {u"permissions"_s, QJsonArray::fromStringList(permissions)}});
        QVERIFY2(made.ok, qPrintable(made.describe()));
        grant = made.d.value(u"id"_s).toString();
        const Reply given = m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                                     {u"user_id"_s, m_with->userId()},
                                                                     {u"role_ids"_s, QJsonArray{grant}}});
        QVERIFY2(given.ok, qPrintable(given.describe()));
    }
    const QJsonObject data = o->prepare();
    for (auto it = data.begin(); it != data.end(); ++it)
        QVERIFY2(!(it->isString() && it->toString().isEmpty()),
                 qPrintable(u"preparing %1 failed"_s.arg(it.key())));

    const Reply r = client(who).request(op, data);
    const QString want = expected(*o, who);
    QVERIFY2(outcome(r) == want,
             qPrintable(u"%1 by %2: want %3, got %4"_s.arg(op, actorName(who), want, r.describe())));

    if (!grant.isEmpty()) {
        const Reply taken =
            m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, grant}});
        QVERIFY2(taken.ok, qPrintable(taken.describe()));
    }
}

QTEST_GUILESS_MAIN(tst_Authz)
#include "tst_authz.moc"

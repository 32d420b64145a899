// Guilds, invites, channels and roles between real users: who sees what, who may change what.
// A guild someone is not in is not_found for them; what they see but may not change is forbidden.
#include "common/Scenario.h"
#include "common/ServerFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

QJsonObject memberOf(const QJsonObject &guildOrReply, const QString &userId)
{
    for (const QJsonValue &m : guildOrReply.value(u"members"_s).toArray())
        if (m.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == userId)
            return m.toObject();
    return {};
}

} // namespace

class tst_Guilds : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createGivesFullGuild();
    void inviteAndJoin();
    void joiningTwiceChangesNothing();
    void unknownInviteIsNotFound();
    void readyCarriesGuildsWithRoles();
    void channelLifecycle();
    void memberMayNotManage_data();
    void memberMayNotManage();
    void nonMemberSeesNothing_data();
    void nonMemberSeesNothing();
    void adminManagesButDoesNotOwn();
    void setRoleRefusesBadInput();
    void ownerCannotLeave();
    void handOverOwnershipThenLeave();
    void leaverLosesAccess();
    void guildUpdateCarriesOwnFields();
    void guildDeleteReachesEveryone();

private:
    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_member, m_outsider;
    GuildRef m_g;
};

void tst_Guilds::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// Every test starts with: owner's guild, a plain member in it, an outsider with their own guild.
void tst_Guilds::init()
{
    m_owner = m_fx.newUser(u"owner"_s);
    m_member = m_fx.newUser(u"member"_s);
    m_outsider = m_fx.newUser(u"outsider"_s);
    m_g = createGuild(*m_owner, u"Owner's place"_s);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_owner, *m_member, m_g));
    QVERIFY(m_owner->waitEvent(u"member.joined"_s));
    QVERIFY(createGuild(*m_outsider, u"Elsewhere"_s).valid());
}

void tst_Guilds::cleanup()
{
    for (auto *c : {m_owner.get(), m_member.get(), m_outsider.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_owner.reset();
    m_member.reset();
    m_outsider.reset();
}

void tst_Guilds::createGivesFullGuild()
{
    auto a = m_fx.newUser(u"creator"_s);
    const Reply r = a->request(u"guild.create"_s, {{u"name"_s, u"  Book   club "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"name"_s).toString(), u"Book club"_s); // names are normalised
    QCOMPARE(r.d.value(u"owner_id"_s).toString(), a->userId());
    QVERIFY(!r.d.value(u"created_at"_s).toString().isEmpty());
    const QJsonArray channels = r.d.value(u"channels"_s).toArray();
    QCOMPARE(channels.size(), 1);
    QCOMPARE(channels[0].toObject().value(u"name"_s).toString(), u"general"_s);
    QCOMPARE(channels[0].toObject().value(u"guild_id"_s), r.d.value(u"id"_s));
    QCOMPARE(channels[0].toObject().value(u"type"_s).toString(), u"text"_s);
    QCOMPARE(memberOf(r.d, a->userId()).value(u"role"_s).toString(), u"owner"_s);
    const auto ev = a->waitEvent(u"guild.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, r.d);
    // The reply is the guild exactly as ready carries it.
    auto again = m_fx.connect();
    QVERIFY(again->loginWithToken(a->token()).ok);
    QCOMPARE(again->readyData().value(u"guilds"_s).toArray().size(), 1);
    QCOMPARE(again->readyData().value(u"guilds"_s).toArray()[0].toObject(), r.d);
    QCOMPARE(outcome(a->request(u"guild.create"_s, {{u"name"_s, u"   "_s}})), u"bad_request"_s);
    QCOMPARE(outcome(a->request(u"guild.create"_s, {{u"name"_s, QString(101, u'g')}})),
             u"bad_request"_s);
    QCOMPARE(outcome(a->request(u"guild.create"_s, {})), u"bad_request"_s);
}

void tst_Guilds::inviteAndJoin()
{
    auto joiner = m_fx.newUser(u"joiner"_s);
    const Reply inv = m_owner->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY2(inv.ok, qPrintable(inv.describe()));
    QCOMPARE(inv.d.value(u"guild_id"_s).toString(), m_g.guildId);
    const QString code = inv.d.value(u"code"_s).toString();
    QVERIFY(!code.isEmpty());

    const Reply j = joiner->request(u"invite.join"_s, {{u"code"_s, code}});
    QVERIFY2(j.ok, qPrintable(j.describe()));
    QCOMPARE(j.d.value(u"id"_s).toString(), m_g.guildId);
    QCOMPARE(j.d.value(u"channels"_s).toArray().size(), 1);
    QCOMPARE(memberOf(j.d, joiner->userId()).value(u"role"_s).toString(), u"member"_s);
    QCOMPARE(memberOf(j.d, m_owner->userId()).value(u"role"_s).toString(), u"owner"_s);

    const auto created = joiner->waitEvent(u"guild.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d, j.d);
    for (TestClient *c : {m_owner.get(), m_member.get()}) {
        const auto joined = c->waitEventWhere(u"member.joined"_s, [&](const Event &e) {
            return e.d.value(u"member"_s).toObject().value(u"user"_s).toObject().value(u"id"_s)
                   == joiner->user().value(u"id"_s);
        });
        QVERIFY(joined);
        QCOMPARE(joined->d.value(u"guild_id"_s).toString(), m_g.guildId);
        QCOMPARE(joined->d.value(u"member"_s).toObject().value(u"role"_s).toString(), u"member"_s);
        QCOMPARE(joined->d.value(u"member"_s).toObject(), memberOf(j.d, joiner->userId()));
    }
    const Reply members = joiner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY2(members.ok, qPrintable(members.describe()));
    QCOMPARE(members.d.value(u"members"_s).toArray().size(), 3);
    // The outsider is told nothing about it.
    QCOMPARE(m_outsider->countEvents(u"member.joined"_s), 0);
}

void tst_Guilds::joiningTwiceChangesNothing()
{
    const Reply inv = m_owner->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY(inv.ok);
    const int joinedBefore = m_owner->countEvents(u"member.joined"_s);
    const Reply again = m_member->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}});
    QVERIFY2(again.ok, qPrintable(again.describe()));
    QCOMPARE(again.d.value(u"id"_s).toString(), m_g.guildId);
    // A later event proves that no member.joined was queued before it.
    QVERIFY(m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                   {u"name"_s, u"sentinel"_s}}).ok);
    QVERIFY(m_owner->waitEvent(u"channel.created"_s));
    QCOMPARE(m_owner->countEvents(u"member.joined"_s), joinedBefore);
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(members.d.value(u"members"_s).toArray().size(), 2);
    QCOMPARE(memberOf(members.d, m_member->userId()).value(u"role"_s).toString(), u"member"_s);
    // The owner joining their own guild does not demote them either.
    QVERIFY(m_owner->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}}).ok);
    const Reply after = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(memberOf(after.d, m_owner->userId()).value(u"role"_s).toString(), u"owner"_s);
}

void tst_Guilds::unknownInviteIsNotFound()
{
    QCOMPARE(outcome(m_outsider->request(u"invite.join"_s, {{u"code"_s, u"doesnotexist"_s}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_outsider->request(u"invite.join"_s, {{u"code"_s, 42}})), u"bad_request"_s);
    QCOMPARE(outcome(m_outsider->request(u"invite.join"_s, {})), u"bad_request"_s);
}

void tst_Guilds::readyCarriesGuildsWithRoles()
{
    auto again = m_fx.connect();
    QVERIFY(again->loginWithToken(m_member->token()).ok);
    const QJsonArray guilds = again->readyData().value(u"guilds"_s).toArray();
    QCOMPARE(guilds.size(), 1);
    const QJsonObject g = guilds[0].toObject();
    QCOMPARE(g.value(u"id"_s).toString(), m_g.guildId);
    QCOMPARE(g.value(u"channels"_s).toArray().size(), 1);
    QCOMPARE(memberOf(g, m_owner->userId()).value(u"role"_s).toString(), u"owner"_s);
    QCOMPARE(memberOf(g, m_member->userId()).value(u"role"_s).toString(), u"member"_s);
}

void tst_Guilds::channelLifecycle()
{
    const Reply c = m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                          {u"name"_s, u"random"_s},
                                                          {u"topic"_s, u"anything"_s}});
    QVERIFY2(c.ok, qPrintable(c.describe()));
    const QString id = c.d.value(u"id"_s).toString();
    QCOMPARE(c.d.value(u"guild_id"_s).toString(), m_g.guildId);
    QCOMPARE(c.d.value(u"topic"_s).toString(), u"anything"_s);
    QCOMPARE(c.d.value(u"type"_s).toString(), u"text"_s);
    // A new channel goes after the existing ones.
    const int generalPos = m_g.full.value(u"channels"_s).toArray()[0].toObject().value(u"position"_s).toInt();
    QVERIFY(c.d.value(u"position"_s).toInt() > generalPos);
    const auto created = m_member->waitEvent(u"channel.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d, c.d);
    QVERIFY(m_owner->waitEvent(u"channel.created"_s)); // the acting session too

    const Reply u = m_owner->request(u"channel.update"_s,
                                     {{u"channel_id"_s, id}, {u"topic"_s, u"serious now"_s}});
    QVERIFY2(u.ok, qPrintable(u.describe()));
    QCOMPARE(u.d.value(u"name"_s).toString(), u"random"_s); // untouched field kept
    QCOMPARE(u.d.value(u"topic"_s).toString(), u"serious now"_s);
    const auto updated = m_member->waitEvent(u"channel.updated"_s);
    QVERIFY(updated);
    QCOMPARE(updated->d, u.d); // the whole channel

    QVERIFY(sendMessage(*m_member, id, u"soon gone"_s).ok);
    const Reply del = m_owner->request(u"channel.delete"_s, {{u"channel_id"_s, id}});
    QVERIFY2(del.ok, qPrintable(del.describe()));
    QCOMPARE(del.d.value(u"id"_s).toString(), id);
    QCOMPARE(del.d.value(u"guild_id"_s).toString(), m_g.guildId);
    const auto deleted = m_member->waitEvent(u"channel.deleted"_s);
    QVERIFY(deleted);
    QCOMPARE(deleted->d.value(u"id"_s).toString(), id);
    QCOMPARE(deleted->d.value(u"guild_id"_s).toString(), m_g.guildId);
    QCOMPARE(outcome(m_member->request(u"message.history"_s, {{u"channel_id"_s, id}})),
             u"not_found"_s);
    QCOMPARE(outcome(sendMessage(*m_member, id, u"hello?"_s)), u"not_found"_s);
    QCOMPARE(outcome(m_owner->request(u"channel.delete"_s, {{u"channel_id"_s, id}})),
             u"not_found"_s);
    // Bad input on channels.
    QCOMPARE(outcome(m_owner->request(u"channel.create"_s,
                                      {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u""_s}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_owner->request(u"channel.create"_s,
                                      {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"t"_s},
                                       {u"topic"_s, QString(1025, u't')}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId},
                                                            {u"name"_s, 5}})),
             u"bad_request"_s);
}

void tst_Guilds::memberMayNotManage_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("what"); // which ids the body needs
    QTest::newRow("channel.create") << u"channel.create"_s << u"guild"_s;
    QTest::newRow("channel.update") << u"channel.update"_s << u"channel"_s;
    QTest::newRow("channel.delete") << u"channel.delete"_s << u"channel"_s;
    QTest::newRow("guild.update") << u"guild.update"_s << u"guild"_s;
    QTest::newRow("guild.delete") << u"guild.delete"_s << u"guild"_s;
    QTest::newRow("invite.create") << u"invite.create"_s << u"guild"_s;
    QTest::newRow("member.set_role") << u"member.set_role"_s << u"role"_s;
}

void tst_Guilds::memberMayNotManage()
{
    QFETCH(QString, op);
    QFETCH(QString, what);
    QJsonObject d;
    if (what == u"channel")
        d = {{u"channel_id"_s, m_g.channelId}, {u"name"_s, u"renamed"_s}};
    else if (what == u"role")
        d = {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_member->userId()},
             {u"role"_s, u"admin"_s}};
    else
        d = {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"renamed"_s}};
    const Reply r = m_member->request(op, d);
    QCOMPARE(outcome(r), u"forbidden"_s);
    // Nothing changed for anyone.
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(memberOf(members.d, m_member->userId()).value(u"role"_s).toString(), u"member"_s);
    QVERIFY(m_member->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
}

void tst_Guilds::nonMemberSeesNothing_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("what");
    QTest::newRow("guild.members") << u"guild.members"_s << u"guild"_s;
    QTest::newRow("message.history") << u"message.history"_s << u"channel"_s;
    QTest::newRow("message.send") << u"message.send"_s << u"send"_s;
    QTest::newRow("channel.create") << u"channel.create"_s << u"guild"_s;
    QTest::newRow("channel.update") << u"channel.update"_s << u"channel"_s;
    QTest::newRow("channel.delete") << u"channel.delete"_s << u"channel"_s;
    QTest::newRow("guild.update") << u"guild.update"_s << u"guild"_s;
    QTest::newRow("guild.delete") << u"guild.delete"_s << u"guild"_s;
    QTest::newRow("guild.leave") << u"guild.leave"_s << u"guild"_s;
    QTest::newRow("invite.create") << u"invite.create"_s << u"guild"_s;
    QTest::newRow("member.set_role") << u"member.set_role"_s << u"role"_s;
}

void tst_Guilds::nonMemberSeesNothing()
{
    QFETCH(QString, op);
    QFETCH(QString, what);
    auto body = [&](const QString &guildId, const QString &channelId) {
        if (what == u"channel")
            return QJsonObject{{u"channel_id"_s, channelId}, {u"name"_s, u"mine now"_s}};
        if (what == u"send")
            return QJsonObject{{u"channel_id"_s, channelId}, {u"content"_s, u"hi"_s},
                               {u"nonce"_s, newNonce()}};
        if (what == u"role")
            return QJsonObject{{u"guild_id"_s, guildId}, {u"user_id"_s, m_outsider->userId()},
                               {u"role"_s, u"admin"_s}};
        return QJsonObject{{u"guild_id"_s, guildId}, {u"name"_s, u"mine now"_s}};
    };
    // A real guild the outsider is not in, and an id that names nothing: the same answer.
    QCOMPARE(outcome(m_outsider->request(op, body(m_g.guildId, m_g.channelId))), u"not_found"_s);
    QCOMPARE(outcome(m_outsider->request(op, body(u"123456789"_s, u"123456789"_s))),
             u"not_found"_s);
    // And the outsider never hears of what happens there.
    QVERIFY(sendMessage(*m_owner, m_g.channelId, u"members only"_s).ok);
    QVERIFY(m_member->waitEvent(u"message.created"_s));
    QVERIFY(m_outsider->request(u"guild.create"_s, {{u"name"_s, u"sentinel"_s}}).ok);
    QVERIFY(m_outsider->waitEventWhere(u"guild.created"_s, [](const Event &e) {
        return e.d.value(u"name"_s).toString() == u"sentinel";
    }));
    QCOMPARE(m_outsider->countEvents(u"message.created"_s), 0);
    QCOMPARE(m_outsider->countEvents(u"member.joined"_s), 0);
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(members.d.value(u"members"_s).toArray().size(), 2);
}

void tst_Guilds::adminManagesButDoesNotOwn()
{
    const Reply promote = m_owner->request(u"member.set_role"_s,
                                           {{u"guild_id"_s, m_g.guildId},
                                            {u"user_id"_s, m_member->userId()},
                                            {u"role"_s, u"admin"_s}});
    QVERIFY2(promote.ok, qPrintable(promote.describe()));
    QCOMPARE(promote.d.value(u"role"_s).toString(), u"admin"_s);
    for (TestClient *c : {m_owner.get(), m_member.get()}) {
        const auto ev = c->waitEvent(u"member.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"guild_id"_s).toString(), m_g.guildId);
        QCOMPARE(ev->d.value(u"member"_s).toObject().value(u"role"_s).toString(), u"admin"_s);
    }
    const Reply ch = m_member->request(u"channel.create"_s,
                                       {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"admins"_s}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    const QString chId = ch.d.value(u"id"_s).toString();
    QVERIFY(m_member->request(u"channel.update"_s, {{u"channel_id"_s, chId},
                                                    {u"name"_s, u"admins-only"_s}}).ok);
    QVERIFY(m_member->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    QVERIFY(m_member->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"name"_s, u"Renamed by admin"_s}}).ok);
    QVERIFY(m_member->request(u"channel.delete"_s, {{u"channel_id"_s, chId}}).ok);
    // Owner-only: delete the guild, change roles.
    QCOMPARE(outcome(m_member->request(u"guild.delete"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_member->request(u"member.set_role"_s,
                                       {{u"guild_id"_s, m_g.guildId},
                                        {u"user_id"_s, m_owner->userId()},
                                        {u"role"_s, u"member"_s}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_member->request(u"member.set_role"_s,
                                       {{u"guild_id"_s, m_g.guildId},
                                        {u"user_id"_s, m_member->userId()},
                                        {u"role"_s, u"owner"_s}})),
             u"forbidden"_s);
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(memberOf(members.d, m_owner->userId()).value(u"role"_s).toString(), u"owner"_s);
}

void tst_Guilds::setRoleRefusesBadInput()
{
    auto setRole = [&](const QJsonValue &userId, const QJsonValue &role) {
        return outcome(m_owner->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                               {u"user_id"_s, userId},
                                                               {u"role"_s, role}}));
    };
    QCOMPARE(setRole(m_member->userId(), u"god"_s), u"bad_request"_s);
    QCOMPARE(setRole(m_member->userId(), u"Admin"_s), u"bad_request"_s);
    QCOMPARE(setRole(m_member->userId(), 1), u"bad_request"_s);
    QCOMPARE(setRole(m_outsider->userId(), u"admin"_s), u"not_found"_s);
    QCOMPARE(setRole(u"not-an-id"_s, u"admin"_s), u"bad_request"_s);
}

void tst_Guilds::ownerCannotLeave()
{
    QCOMPARE(outcome(m_owner->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"conflict"_s);
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY(members.ok);
    QCOMPARE(memberOf(members.d, m_owner->userId()).value(u"role"_s).toString(), u"owner"_s);
}

void tst_Guilds::handOverOwnershipThenLeave()
{
    const Reply r = m_owner->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                            {u"user_id"_s, m_member->userId()},
                                                            {u"role"_s, u"owner"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const auto upd = m_member->waitEvent(u"guild.updated"_s);
    QVERIFY(upd);
    QCOMPARE(upd->d.value(u"owner_id"_s).toString(), m_member->userId());
    const Reply members = m_member->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(memberOf(members.d, m_member->userId()).value(u"role"_s).toString(), u"owner"_s);
    QCOMPARE(memberOf(members.d, m_owner->userId()).value(u"role"_s).toString(), u"admin"_s);
    // The old owner is an admin now and may leave.
    QCOMPARE(outcome(m_owner->request(u"guild.delete"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"forbidden"_s);
    QVERIFY(m_owner->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    for (TestClient *c : {m_owner.get(), m_member.get()}) {
        const auto left = c->waitEvent(u"member.left"_s);
        QVERIFY(left);
        QCOMPARE(left->d.value(u"user_id"_s).toString(), m_owner->userId());
        QCOMPARE(left->d.value(u"guild_id"_s).toString(), m_g.guildId);
    }
}

void tst_Guilds::leaverLosesAccess()
{
    QVERIFY(m_member->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    QVERIFY(m_member->waitEvent(u"member.left"_s));
    QVERIFY(m_owner->waitEvent(u"member.left"_s));
    QCOMPARE(outcome(m_member->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}})),
             u"not_found"_s);
    QCOMPARE(outcome(sendMessage(*m_member, m_g.channelId, u"still here?"_s)), u"not_found"_s);
    QCOMPARE(outcome(m_member->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"not_found"_s);
    QVERIFY(sendMessage(*m_owner, m_g.channelId, u"after you left"_s).ok);
    QVERIFY(m_member->request(u"guild.create"_s, {{u"name"_s, u"sentinel"_s}}).ok);
    QVERIFY(m_member->waitEventWhere(u"guild.created"_s, [](const Event &e) {
        return e.d.value(u"name"_s).toString() == u"sentinel";
    }));
    QCOMPARE(m_member->countEvents(u"message.created"_s), 0);
    auto fresh = m_fx.connect();
    QVERIFY(fresh->loginWithToken(m_member->token()).ok);
    for (const QJsonValue &g : fresh->readyData().value(u"guilds"_s).toArray())
        QVERIFY(g.toObject().value(u"id"_s).toString() != m_g.guildId);
    // Invited again, they are back with the whole history, as a plain member.
    QVERIFY(joinGuild(*m_owner, *m_member, m_g));
    const Reply h = m_member->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY2(h.ok, qPrintable(h.describe()));
    QCOMPARE(h.d.value(u"messages"_s).toArray().size(), 1);
    const Reply members = m_member->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(memberOf(members.d, m_member->userId()).value(u"role"_s).toString(), u"member"_s);
}

void tst_Guilds::guildUpdateCarriesOwnFields()
{
    const Reply r = m_owner->request(u"guild.update"_s,
                                     {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"New name"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"name"_s).toString(), u"New name"_s);
    const auto ev = m_member->waitEvent(u"guild.updated"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"id"_s).toString(), m_g.guildId);
    QCOMPARE(ev->d.value(u"name"_s).toString(), u"New name"_s);
    QCOMPARE(ev->d.value(u"owner_id"_s).toString(), m_owner->userId());
    QCOMPARE(outcome(m_owner->request(u"guild.update"_s,
                                      {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u" "_s}})),
             u"bad_request"_s);
}

void tst_Guilds::guildDeleteReachesEveryone()
{
    const Reply inv = m_owner->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY(inv.ok);
    const Reply r = m_owner->request(u"guild.delete"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"id"_s).toString(), m_g.guildId);
    for (TestClient *c : {m_owner.get(), m_member.get()}) {
        const auto ev = c->waitEvent(u"guild.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"id"_s).toString(), m_g.guildId);
    }
    QCOMPARE(outcome(m_member->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_outsider->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}})),
             u"not_found"_s);
}

QTEST_GUILESS_MAIN(tst_Guilds)
#include "tst_guilds.moc"

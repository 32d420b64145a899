// Moderation (issue 13) against a real server: member.ban (out of the guild, kept out of
// invite.join, recent messages deleted with message.deleted), member.unban and guild.bans, who
// may act on whom (ban_members, rank, then the position of the highest role), and bad input.
#include "SocialFixture.h"
#include "common/Scenario.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Moderation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesModeration();
    void banRemovesAndKeepsOut();
    void banDeletesRecentMessages();
    void banSomeoneNotInTheGuild();
    void whoMayBan();
    void unbanAndBansRefusals();
    void badInput_data();
    void badInput();
    void timeoutSilences();
    void whoMayTimeOut();
    void timeoutBadInput_data();
    void timeoutBadInput();
    void slowMode();
    void slowModeBadInput_data();
    void slowModeBadInput();
    void keptAfterRestart();

private:
    Reply timeout(TestClient &c, const QString &userId, const QJsonValue &until);
    static QString inMinutes(int minutes);
    Reply ban(TestClient &c, const QString &userId, const QJsonObject &extra = {});
    Reply unban(TestClient &c, const QString &userId);
    Reply bans(TestClient &c);
    //! A new role with these permissions (position 1, above @everyone), given to c alone; its id.
    QString giveRole(TestClient &c, const QString &name, const QStringList &permissions);
    QString inviteCode();

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_b, m_c, m_out;
    GuildRef m_g;
};

void tst_Moderation::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, admin has the admin rank, b and c are plain members, out is an outsider.
void tst_Moderation::init()
{
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_b, m_c, m_out, m_g));
    QVERIFY(m_fx.settle({m_owner.get(), m_admin.get(), m_b.get(), m_c.get(), m_out.get()}));
}

void tst_Moderation::cleanup()
{
    const QStringList problems = SocialFixture::release({&m_owner, &m_admin, &m_b, &m_c, &m_out});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

Reply tst_Moderation::ban(TestClient &c, const QString &userId, const QJsonObject &extra)
{
    QJsonObject d = extra;
    d.insert(u"guild_id"_s, m_g.guildId);
    d.insert(u"user_id"_s, userId);
    return c.request(u"member.ban"_s, d);
}

Reply tst_Moderation::unban(TestClient &c, const QString &userId)
{
    return c.request(u"member.unban"_s, {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, userId}});
}

Reply tst_Moderation::bans(TestClient &c)
{
    return c.request(u"guild.bans"_s, {{u"guild_id"_s, m_g.guildId}});
}

QString tst_Moderation::giveRole(TestClient &c, const QString &name, const QStringList &permissions)
{
    const Reply r = m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                        {u"name"_s, name},
                                                        {u"permissions"_s, QJsonArray::fromStringList(permissions)}});
    if (!r.ok)
        return {};
    const QString id = r.d.value(u"id"_s).toString();
    if (!m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"user_id"_s, c.userId()},
                                                  {u"role_ids"_s, QJsonArray{id}}})
             .ok)
        return {};
    return id;
}

QString tst_Moderation::inviteCode()
{
    const Reply r = m_owner->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    return r.d.value(u"code"_s).toString();
}

void tst_Moderation::helloAnnouncesModeration()
{
    QVERIFY(m_b->hello().value(u"features"_s).toArray().contains(u"moderation"_s));
}

void tst_Moderation::banRemovesAndKeepsOut()
{
    const Reply r = ban(*m_owner, m_b->userId(), {{u"reason"_s, u"  spam  "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}}));
    // member.left to everyone, the banned one included.
    for (TestClient *c : {m_owner.get(), m_admin.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"member.left"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, r.d);
    }
    QCOMPARE(outcome(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}})), u"not_found"_s);
    // Kept out: invite.join is forbidden, with any invite.
    const QString code = inviteCode();
    QVERIFY(!code.isEmpty());
    QCOMPARE(outcome(m_b->request(u"invite.join"_s, {{u"code"_s, code}})), u"forbidden"_s);
    // The ban is listed, with its reason (trimmed) and time.
    const Reply list = bans(*m_admin);
    QVERIFY2(list.ok, qPrintable(list.describe()));
    const QJsonArray all = list.d.value(u"bans"_s).toArray();
    QCOMPARE(all.size(), 1);
    const QJsonObject one = all.first().toObject();
    QCOMPARE(one.value(u"user"_s).toObject().value(u"id"_s).toString(), m_b->userId());
    QCOMPARE(one.value(u"reason"_s).toString(), u"spam"_s);
    QVERIFY(one.value(u"created_at"_s).toString().endsWith(u'Z'));
    // Banned again: still one ban, the new reason (null when none given).
    QVERIFY(ban(*m_owner, m_b->userId()).ok);
    const QJsonArray again = bans(*m_owner).d.value(u"bans"_s).toArray();
    QCOMPARE(again.size(), 1);
    QVERIFY(again.first().toObject().value(u"reason"_s).isNull());
    // Lifted: the same invite lets them in again.
    const Reply lifted = unban(*m_admin, m_b->userId());
    QVERIFY2(lifted.ok, qPrintable(lifted.describe()));
    QCOMPARE(lifted.d, r.d);
    QCOMPARE(bans(*m_owner).d.value(u"bans"_s).toArray().size(), 0);
    QVERIFY(m_b->request(u"invite.join"_s, {{u"code"_s, code}}).ok);
    // Unbanning again: there is no ban.
    QCOMPARE(outcome(unban(*m_owner, m_b->userId())), u"not_found"_s);
}

void tst_Moderation::banDeletesRecentMessages()
{
    const Reply m1 = sendMessage(*m_b, m_g.channelId, u"one"_s);
    const Reply m2 = sendMessage(*m_b, m_g.channelId, u"two"_s);
    const Reply keep = sendMessage(*m_c, m_g.channelId, u"mine stays"_s);
    const Reply other = sendMessage(*m_c, m_g.channelId, u"c's"_s);
    QVERIFY(m1.ok && m2.ok && keep.ok && other.ok);
    QVERIFY(SocialFixture::flush(*m_owner));
    m_fx.forget(*m_owner);
    QVERIFY(ban(*m_owner, m_b->userId(), {{u"delete_message_seconds"_s, 3600}}).ok);
    QStringList deleted;
    for (int i = 0; i < 2; ++i) {
        const auto ev = m_fx.waitFor(*m_owner, u"message.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"channel_id"_s).toString(), m_g.channelId);
        QCOMPARE(ev->d.value(u"guild_id"_s).toString(), m_g.guildId);
        deleted.append(ev->d.value(u"id"_s).toString());
    }
    deleted.sort();
    QStringList expected{m1.d.value(u"id"_s).toString(), m2.d.value(u"id"_s).toString()};
    expected.sort();
    QCOMPARE(deleted, expected);
    QVERIFY(m_fx.waitFor(*m_c, u"message.deleted"_s));
    const Reply history = m_owner->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    const QStringList left = messageIds(history);
    QVERIFY(!left.contains(expected[0]) && !left.contains(expected[1]));
    QVERIFY(left.contains(keep.d.value(u"id"_s).toString()));
    // Without delete_message_seconds nothing is deleted.
    QVERIFY(SocialFixture::flush(*m_owner));
    m_fx.forget(*m_owner);
    QVERIFY(ban(*m_owner, m_c->userId()).ok);
    QVERIFY(m_fx.waitFor(*m_owner, u"member.left"_s));
    QVERIFY(SocialFixture::flush(*m_owner));
    QCOMPARE(m_fx.count(*m_owner, u"message.deleted"_s), 0);
    QVERIFY(messageIds(m_owner->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}))
                .contains(other.d.value(u"id"_s).toString()));
}

void tst_Moderation::banSomeoneNotInTheGuild()
{
    QVERIFY(ban(*m_owner, m_out->userId()).ok);
    QVERIFY(SocialFixture::flush(*m_owner));
    QCOMPARE(m_fx.count(*m_owner, u"member.left"_s), 0);
    QCOMPARE(outcome(m_out->request(u"invite.join"_s, {{u"code"_s, inviteCode()}})), u"forbidden"_s);
}

void tst_Moderation::whoMayBan()
{
    // A plain member without ban_members; an outsider.
    QCOMPARE(outcome(ban(*m_c, m_b->userId())), u"forbidden"_s);
    QCOMPARE(outcome(ban(*m_out, m_b->userId())), u"not_found"_s);
    // Nobody bans the owner or themselves; an admin bans no admin.
    QCOMPARE(outcome(ban(*m_admin, m_owner->userId())), u"forbidden"_s);
    QCOMPARE(outcome(ban(*m_owner, m_owner->userId())), u"forbidden"_s);
    QCOMPARE(outcome(ban(*m_admin, m_admin->userId())), u"forbidden"_s);
    auto admin2 = m_fx.user(u"al"_s);
    QVERIFY(joinGuild(*m_owner, *admin2, m_g));
    QVERIFY(m_owner->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                    {u"user_id"_s, admin2->userId()},
                                                    {u"role"_s, u"admin"_s}})
                .ok);
    QCOMPARE(outcome(ban(*m_admin, admin2->userId())), u"forbidden"_s);
    // A member with ban_members: only members whose highest role is below its own.
    const QString mods = giveRole(*m_b, u"Mods"_s, {u"ban_members"_s});
    QVERIFY(!mods.isEmpty());
    QCOMPARE(outcome(ban(*m_b, m_admin->userId())), u"forbidden"_s);
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_c->userId()},
                                                     {u"role_ids"_s, QJsonArray{mods}}})
                .ok);
    const Reply same = ban(*m_b, m_c->userId());
    QCOMPARE(outcome(same), u"forbidden"_s); // the same highest role
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_c->userId()},
                                                     {u"role_ids"_s, QJsonArray{}}})
                .ok);
    QVERIFY2(ban(*m_b, m_c->userId()).ok, "a role above c's none");
    // The admin (ban_members by rank) bans a member; the owner bans an admin.
    auto d = m_fx.user(u"dee"_s);
    QVERIFY(joinGuild(*m_owner, *d, m_g));
    QVERIFY(ban(*m_admin, d->userId()).ok);
    QVERIFY(ban(*m_owner, admin2->userId()).ok);
    // Unban and the list need ban_members too; b has it through its role.
    QVERIFY(bans(*m_b).ok);
    QVERIFY(unban(*m_b, d->userId()).ok);
}

void tst_Moderation::unbanAndBansRefusals()
{
    QVERIFY(ban(*m_owner, m_out->userId()).ok);
    QCOMPARE(outcome(unban(*m_c, m_out->userId())), u"forbidden"_s);
    QCOMPARE(outcome(bans(*m_c)), u"forbidden"_s);
    QCOMPARE(outcome(unban(*m_out, m_out->userId())), u"not_found"_s);
    QCOMPARE(outcome(bans(*m_out)), u"not_found"_s);
    QCOMPARE(outcome(unban(*m_owner, m_c->userId())), u"not_found"_s); // not banned
    QCOMPARE(outcome(m_owner->request(u"guild.bans"_s, {{u"guild_id"_s, u"123"_s}})), u"not_found"_s);
    QCOMPARE(outcome(m_owner->request(u"guild.bans"_s, {})), u"bad_request"_s);
}

void tst_Moderation::badInput_data()
{
    QTest::addColumn<QJsonObject>("d");
    QTest::addColumn<QString>("code");
    QTest::newRow("no user_id") << QJsonObject{} << u"bad_request"_s;
    QTest::newRow("seconds negative") << QJsonObject{{u"delete_message_seconds"_s, -1}} << u"bad_request"_s;
    QTest::newRow("seconds over 7 days") << QJsonObject{{u"delete_message_seconds"_s, 604801}} << u"bad_request"_s;
    QTest::newRow("seconds a string") << QJsonObject{{u"delete_message_seconds"_s, u"60"_s}} << u"bad_request"_s;
    QTest::newRow("seconds a fraction") << QJsonObject{{u"delete_message_seconds"_s, 1.5}} << u"bad_request"_s;
    QTest::newRow("reason a number") << QJsonObject{{u"reason"_s, 5}} << u"bad_request"_s;
    QTest::newRow("reason too long") << QJsonObject{{u"reason"_s, QString(513, u'x')}} << u"bad_request"_s;
    QTest::newRow("unknown user") << QJsonObject{{u"user_id"_s, u"12345"_s}} << u"not_found"_s;
    QTest::newRow("malformed user id") << QJsonObject{{u"user_id"_s, u"abc"_s}} << u"bad_request"_s;
}

void tst_Moderation::badInput()
{
    QFETCH(QJsonObject, d);
    QFETCH(QString, code);
    QJsonObject req = d;
    req.insert(u"guild_id"_s, m_g.guildId);
    if (!d.contains(u"user_id"_s) && QString::fromLatin1(QTest::currentDataTag()) != u"no user_id"_s)
        req.insert(u"user_id"_s, m_b->userId());
    const Reply r = m_owner->request(u"member.ban"_s, req);
    QCOMPARE(outcome(r), code);
    QVERIFY(!r.message.isEmpty());
    // Nothing happened: b is still a member.
    QVERIFY(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
}

Reply tst_Moderation::timeout(TestClient &c, const QString &userId, const QJsonValue &until)
{
    return c.request(u"member.timeout"_s, {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, userId}, {u"until"_s, until}});
}

QString tst_Moderation::inMinutes(int minutes)
{
    return QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60).toString(Qt::ISODateWithMs);
}

void tst_Moderation::timeoutSilences()
{
    const Reply sent = sendMessage(*m_owner, m_g.channelId, u"react here"_s);
    QVERIFY(sent.ok);
    const QString mid = sent.d.value(u"id"_s).toString();
    const QString until = inMinutes(10);
    const Reply r = timeout(*m_admin, m_b->userId(), until);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"id"_s).toString(), m_b->userId());
    const QDateTime at = QDateTime::fromString(r.d.value(u"timeout_until"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(at.isValid());
    QVERIFY(qAbs(at.msecsTo(QDateTime::fromString(until, Qt::ISODateWithMs))) < 1000);
    for (TestClient *c : {m_owner.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"member.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"member"_s, r.d}}));
    }
    // Silenced in every channel of the guild; reading, acks and removing one's own reaction go on.
    const Reply refused = sendMessage(*m_b, m_g.channelId, u"hi"_s);
    QCOMPARE(outcome(refused), u"forbidden"_s);
    QVERIFY(refused.message.contains(u"timed out"_s));
    QCOMPARE(outcome(m_b->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}})), u"forbidden"_s);
    QCOMPARE(outcome(m_b->request(u"reaction.add"_s,
                                  {{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, mid}, {u"emoji"_s, u"👍"_s}})),
             u"forbidden"_s);
    QVERIFY(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    QVERIFY(sendMessage(*m_c, m_g.channelId, u"c is fine"_s).ok);
    // The member object carries it: guild.members and a fresh ready.
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    bool seen = false;
    for (const QJsonValue &v : members.d.value(u"members"_s).toArray())
        if (v.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == m_b->userId())
            seen = v.toObject().value(u"timeout_until"_s) == r.d.value(u"timeout_until"_s);
    QVERIFY(seen);
    // Lifted with null: the member has no timeout_until, and speaks again.
    const Reply lifted = timeout(*m_owner, m_b->userId(), QJsonValue::Null);
    QVERIFY2(lifted.ok, qPrintable(lifted.describe()));
    QVERIFY(!lifted.d.contains(u"timeout_until"_s) || lifted.d.value(u"timeout_until"_s).isNull());
    QVERIFY(m_fx.waitFor(*m_c, u"member.updated"_s,
                         [&](const Event &e) { return e.d.value(u"member"_s).toObject() == lifted.d; }));
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"back"_s).ok);
    QVERIFY(m_b->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
}

void tst_Moderation::whoMayTimeOut()
{
    const QString until = inMinutes(5);
    QCOMPARE(outcome(timeout(*m_c, m_b->userId(), until)), u"forbidden"_s);   // no moderate_members
    QCOMPARE(outcome(timeout(*m_out, m_b->userId(), until)), u"not_found"_s); // not in the guild
    QCOMPARE(outcome(timeout(*m_admin, m_owner->userId(), until)), u"forbidden"_s);
    QCOMPARE(outcome(timeout(*m_owner, m_owner->userId(), until)), u"forbidden"_s);
    QCOMPARE(outcome(timeout(*m_admin, m_admin->userId(), until)), u"forbidden"_s);
    QCOMPARE(outcome(timeout(*m_owner, m_out->userId(), until)), u"not_found"_s); // not a member
    // A member with moderate_members: only below its highest role.
    const QString mods = giveRole(*m_b, u"Mods"_s, {u"moderate_members"_s});
    QVERIFY(!mods.isEmpty());
    QCOMPARE(outcome(timeout(*m_b, m_admin->userId(), until)), u"forbidden"_s);
    QVERIFY(timeout(*m_b, m_c->userId(), until).ok);
    QVERIFY(m_owner->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"user_id"_s, m_c->userId()},
                                                     {u"role_ids"_s, QJsonArray{mods}}})
                .ok);
    QCOMPARE(outcome(timeout(*m_b, m_c->userId(), QJsonValue::Null)), u"forbidden"_s); // same top role
    // The owner times out an admin.
    QVERIFY(timeout(*m_owner, m_admin->userId(), until).ok);
    QCOMPARE(outcome(sendMessage(*m_admin, m_g.channelId, u"x"_s)), u"forbidden"_s);
}

void tst_Moderation::timeoutBadInput_data()
{
    QTest::addColumn<QJsonValue>("until");
    QTest::addColumn<QString>("code");
    QTest::newRow("a number") << QJsonValue(5) << u"bad_request"_s;
    QTest::newRow("not a time") << QJsonValue(u"tomorrow"_s) << u"bad_request"_s;
    QTest::newRow("in the past") << QJsonValue(inMinutes(-5)) << u"bad_request"_s;
    QTest::newRow("over 28 days") << QJsonValue(inMinutes(28 * 24 * 60 + 10)) << u"bad_request"_s;
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << u"bad_request"_s;
}

void tst_Moderation::timeoutBadInput()
{
    QFETCH(QJsonValue, until);
    QFETCH(QString, code);
    QJsonObject d{{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}};
    if (!until.isUndefined())
        d.insert(u"until"_s, until);
    const Reply r = m_owner->request(u"member.timeout"_s, d);
    QCOMPARE(outcome(r), code);
    QVERIFY(!r.message.isEmpty());
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"still speaking"_s).ok);
}

void tst_Moderation::slowMode()
{
    const Reply made = m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                             {u"name"_s, u"slow"_s},
                                                             {u"slowmode_seconds"_s, 3}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    QCOMPARE(made.d.value(u"slowmode_seconds"_s).toInt(), 3);
    const QString slow = made.d.value(u"id"_s).toString();
    const auto ev = m_fx.waitFor(*m_b, u"channel.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, made.d);
    // Other channels have none.
    QCOMPARE(m_g.full.value(u"channels"_s).toArray().first().toObject().value(u"slowmode_seconds"_s).toInt(), 0);

    QVERIFY(sendMessage(*m_b, slow, u"first"_s).ok);
    const Reply again = sendMessage(*m_b, slow, u"second"_s);
    QCOMPARE(outcome(again), u"rate_limited"_s);
    QVERIFY(again.retryAfterMs > 0 && again.retryAfterMs <= 3000);
    QVERIFY(!again.message.isEmpty());
    // Per member and per channel; manage_messages (owner, admins, or a role) is exempt.
    QVERIFY(sendMessage(*m_c, slow, u"c's first"_s).ok);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"elsewhere"_s).ok);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"elsewhere again"_s).ok);
    for (TestClient *c : {m_owner.get(), m_admin.get()}) {
        QVERIFY(sendMessage(*c, slow, u"one"_s).ok);
        QVERIFY(sendMessage(*c, slow, u"two"_s).ok);
    }
    QVERIFY(!giveRole(*m_c, u"Janitors"_s, {u"manage_messages"_s}).isEmpty());
    QVERIFY(sendMessage(*m_c, slow, u"now exempt"_s).ok);
    // Once the time has passed, b may send again.
    // (QTRY evaluates its condition again after it holds: latch the success.)
    bool sent = false;
    QTRY_VERIFY_WITH_TIMEOUT(sent || (sent = sendMessage(*m_b, slow, u"later"_s).ok), 10000);
    QCOMPARE(outcome(sendMessage(*m_b, slow, u"too soon"_s)), u"rate_limited"_s);
    // channel.update turns it off (and only a manager may).
    QCOMPARE(outcome(m_b->request(u"channel.update"_s, {{u"channel_id"_s, slow}, {u"slowmode_seconds"_s, 0}})),
             u"forbidden"_s);
    const Reply off = m_owner->request(u"channel.update"_s, {{u"channel_id"_s, slow}, {u"slowmode_seconds"_s, 0}});
    QVERIFY2(off.ok, qPrintable(off.describe()));
    QCOMPARE(off.d.value(u"slowmode_seconds"_s).toInt(), 0);
    QCOMPARE(off.d.value(u"name"_s).toString(), u"slow"_s);
    QVERIFY(sendMessage(*m_b, slow, u"free"_s).ok);
    QVERIFY(sendMessage(*m_b, slow, u"free again"_s).ok);
    // A rename keeps it.
    QVERIFY(m_owner->request(u"channel.update"_s, {{u"channel_id"_s, slow}, {u"slowmode_seconds"_s, 60}}).ok);
    const Reply renamed = m_owner->request(u"channel.update"_s, {{u"channel_id"_s, slow}, {u"name"_s, u"slower"_s}});
    QCOMPARE(renamed.d.value(u"slowmode_seconds"_s).toInt(), 60);
}

void tst_Moderation::slowModeBadInput_data()
{
    QTest::addColumn<QJsonValue>("seconds");
    QTest::newRow("negative") << QJsonValue(-1);
    QTest::newRow("over 6 hours") << QJsonValue(21601);
    QTest::newRow("a string") << QJsonValue(u"5"_s);
    QTest::newRow("a fraction") << QJsonValue(2.5);
}

void tst_Moderation::slowModeBadInput()
{
    QFETCH(QJsonValue, seconds);
    const Reply created = m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                                {u"name"_s, u"x"_s},
                                                                {u"slowmode_seconds"_s, seconds}});
    QCOMPARE(outcome(created), u"bad_request"_s);
    QVERIFY(created.message.contains(u"slowmode_seconds"_s));
    const Reply updated = m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId},
                                                                {u"slowmode_seconds"_s, seconds}});
    QCOMPARE(outcome(updated), u"bad_request"_s);
}

void tst_Moderation::keptAfterRestart()
{
    QVERIFY(ban(*m_owner, m_out->userId(), {{u"reason"_s, u"trouble"_s}}).ok);
    const Reply quiet = timeout(*m_owner, m_b->userId(), inMinutes(30));
    QVERIFY(quiet.ok);
    QVERIFY(m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"slowmode_seconds"_s, 30}}).ok);
    const QString ownerToken = m_owner->token(), bToken = m_b->token(), outToken = m_out->token();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto owner = m_fx.server().connect();
    QVERIFY(owner->loginWithToken(ownerToken).ok);
    QJsonObject guild;
    for (const QJsonValue &g : owner->readyData().value(u"guilds"_s).toArray())
        if (g.toObject().value(u"id"_s).toString() == m_g.guildId)
            guild = g.toObject();
    QCOMPARE(guild.value(u"channels"_s).toArray().first().toObject().value(u"slowmode_seconds"_s).toInt(), 30);
    bool found = false;
    for (const QJsonValue &m : guild.value(u"members"_s).toArray())
        if (m.toObject().value(u"user"_s).toObject().value(u"id"_s) == quiet.d.value(u"user"_s).toObject().value(u"id"_s))
            found = m.toObject().value(u"timeout_until"_s) == quiet.d.value(u"timeout_until"_s);
    QVERIFY(found);
    const Reply list = owner->request(u"guild.bans"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(list.d.value(u"bans"_s).toArray().size(), 1);
    QCOMPARE(list.d.value(u"bans"_s).toArray().first().toObject().value(u"reason"_s).toString(), u"trouble"_s);
    auto b = m_fx.server().connect();
    QVERIFY(b->loginWithToken(bToken).ok);
    QCOMPARE(outcome(sendMessage(*b, m_g.channelId, u"x"_s)), u"forbidden"_s);
    auto out = m_fx.server().connect();
    QVERIFY(out->loginWithToken(outToken).ok);
    const Reply invite = owner->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    QCOMPARE(outcome(out->request(u"invite.join"_s, {{u"code"_s, invite.d.value(u"code"_s).toString()}})),
             u"forbidden"_s);
}

QTEST_GUILESS_MAIN(tst_Moderation)
#include "tst_moderation.moc"

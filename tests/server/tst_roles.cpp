// Roles and permissions (issue 13) against a real server: @everyone in every guild, role.create /
// update / delete / reorder and member.set_roles with their replies and the events other members
// get, who may do what (manage_roles, nobody but the owner at or above their own highest role or
// granting what they lack), channel overwrites, the v1 checks reading permissions, bad input,
// and everything still there after a restart and after the migration of an older database.
#include "SocialFixture.h"
#include "common/Scenario.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Roles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyGuildHasEveryone();
    void createUpdateDeleteReachEveryone();
    void newRoleGoesJustAboveEveryone();
    void reorder();
    void setRolesGivesPermissions();
    void manageRolesNeeded();
    void nobodyButOwnerAtOrAboveOwnTop();
    void nobodyButOwnerGrantsWhatTheyLack();
    void adminWithManageRoles();
    void overwrites();
    void overwriteRules();
    void badInput_data();
    void badInput();
    void v1ChecksReadPermissions();
    void kickFollowsRolePositions();
    void leavingDropsRoles();
    void everythingAfterRestart();
    void migrationGivesOldGuildsEveryone();

private:
    Reply createRole(TestClient &c, const QString &name, const QStringList &permissions = {},
                     const QJsonObject &extra = {});
    Reply setRoles(TestClient &c, const TestClient &target, const QStringList &roleIds);
    //! role.updated / role.created / role.deleted c got since forget(c), as {role id: data}.
    static QJsonObject roleOf(const Event &e) { return e.d.value(u"role"_s).toObject(); }
    //! The guild as a fresh session of c sees it in ready.
    QJsonObject guildSeenFresh(const TestClient &c);
    static QStringList idsOf(const QJsonArray &list);
    static QJsonObject byId(const QJsonArray &list, const QString &id);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_b, m_c, m_out;
    GuildRef m_g;
};

static QJsonArray names(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

void tst_Roles::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, admin has the admin rank, b and c are plain members, out is an outsider.
void tst_Roles::init()
{
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_b, m_c, m_out, m_g));
    QVERIFY(m_fx.settle({m_owner.get(), m_admin.get(), m_b.get(), m_c.get(), m_out.get()}));
}

void tst_Roles::cleanup()
{
    const QStringList problems = SocialFixture::release({&m_owner, &m_admin, &m_b, &m_c, &m_out});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

Reply tst_Roles::createRole(TestClient &c, const QString &name, const QStringList &permissions,
                            const QJsonObject &extra)
{
    QJsonObject d = extra;
    d.insert(u"guild_id"_s, m_g.guildId);
    d.insert(u"name"_s, name);
    d.insert(u"permissions"_s, names(permissions));
    return c.request(u"role.create"_s, d);
}

Reply tst_Roles::setRoles(TestClient &c, const TestClient &target, const QStringList &roleIds)
{
    return c.request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                             {u"user_id"_s, target.userId()},
                                             {u"role_ids"_s, QJsonArray::fromStringList(roleIds)}});
}

QJsonObject tst_Roles::guildSeenFresh(const TestClient &c)
{
    auto fresh = m_fx.secondSession(c);
    for (const QJsonValue &g : fresh->readyData().value(u"guilds"_s).toArray())
        if (g.toObject().value(u"id"_s).toString() == m_g.guildId)
            return g.toObject();
    return {};
}

QStringList tst_Roles::idsOf(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &v : list)
        out.append(v.isString() ? v.toString() : v.toObject().value(u"id"_s).toString());
    return out;
}

QJsonObject tst_Roles::byId(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &v : list)
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    return {};
}

void tst_Roles::everyGuildHasEveryone()
{
    const QJsonObject everyone{{u"id"_s, m_g.guildId},
                               {u"name"_s, u"@everyone"_s},
                               {u"color"_s, QJsonValue::Null},
                               {u"position"_s, 0},
                               {u"permissions"_s, names({u"view_channel"_s, u"send_messages"_s,
                                                         u"add_reactions"_s, u"attach_files"_s})},
                               {u"mentionable"_s, false}};
    // guild.create's reply, the joiner's guild.created (via joinGuild's reply) and ready all carry it.
    QCOMPARE(m_g.full.value(u"roles"_s).toArray(), QJsonArray{everyone});
    for (const QJsonValue &m : m_g.full.value(u"members"_s).toArray())
        QCOMPARE(m.toObject().value(u"role_ids"_s), QJsonValue(QJsonArray{}));
    for (const QJsonValue &c : m_g.full.value(u"channels"_s).toArray())
        QCOMPARE(c.toObject().value(u"overwrites"_s), QJsonValue(QJsonArray{}));
    const QJsonObject seen = guildSeenFresh(*m_b);
    QCOMPARE(seen.value(u"roles"_s).toArray(), QJsonArray{everyone});
    QCOMPARE(seen.value(u"members"_s).toArray().size(), 4);
    const Reply members = m_b->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY(members.ok);
    for (const QJsonValue &m : members.d.value(u"members"_s).toArray())
        QVERIFY(m.toObject().value(u"role_ids"_s).isArray());
    QVERIFY(m_b->hello().value(u"features"_s).toArray().contains(u"roles"_s));
}

void tst_Roles::createUpdateDeleteReachEveryone()
{
    const Reply r = createRole(*m_owner, u"  Moderators  "_s, {u"kick_members"_s, u"manage_messages"_s},
                               {{u"color"_s, u"#FF8800"_s}, {u"mentionable"_s, true}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QString id = r.d.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty() && id != m_g.guildId);
    QCOMPARE(r.d.value(u"name"_s).toString(), u"Moderators"_s);
    QCOMPARE(r.d.value(u"color"_s).toString(), u"#ff8800"_s);
    QCOMPARE(r.d.value(u"position"_s).toInt(), 1);
    // Permissions come back in the fixed order of the names, not the order sent.
    QCOMPARE(r.d.value(u"permissions"_s).toArray(), names({u"manage_messages"_s, u"kick_members"_s}));
    QCOMPARE(r.d.value(u"mentionable"_s).toBool(), true);
    for (TestClient *c : {m_owner.get(), m_admin.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"role.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"role"_s, r.d}}));
    }

    const Reply u = m_owner->request(
        u"role.update"_s,
        {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}, {u"name"_s, u"Mods"_s}, {u"color"_s, u""_s}});
    QVERIFY2(u.ok, qPrintable(u.describe()));
    QJsonObject expected = r.d;
    expected[u"name"_s] = u"Mods"_s;
    expected[u"color"_s] = QJsonValue::Null;
    QCOMPARE(u.d, expected); // "" took the colour away; what was not sent stays
    for (TestClient *c : {m_admin.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*c, u"role.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"role"_s, expected}}));
    }

    // An optional field sent as null is as if left out (PROTOCOL.md): the colour stays.
    const Reply recolored = m_owner->request(
        u"role.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}, {u"color"_s, u"#00aa00"_s}});
    QVERIFY(recolored.ok);
    const Reply kept = m_owner->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                           {u"role_id"_s, id},
                                                           {u"color"_s, QJsonValue::Null},
                                                           {u"mentionable"_s, QJsonValue::Null}});
    QVERIFY(kept.ok);
    QCOMPARE(kept.d.value(u"color"_s).toString(), u"#00aa00"_s);
    QCOMPARE(kept.d.value(u"mentionable"_s).toBool(), true);
    const Reply d = m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}});
    QVERIFY2(d.ok, qPrintable(d.describe()));
    QCOMPARE(d.d, QJsonObject{});
    for (TestClient *c : {m_owner.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"role.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}}));
    }
    QCOMPARE(idsOf(guildSeenFresh(*m_c).value(u"roles"_s).toArray()), QStringList{m_g.guildId});
    // Gone is gone; the outsider does not learn the guild exists.
    QCOMPARE(outcome(m_owner->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}})),
             u"not_found"_s);
    QCOMPARE(outcome(createRole(*m_out, u"Mine"_s)), u"not_found"_s);
    QVERIFY(SocialFixture::flush(*m_out));
    QCOMPARE(m_fx.count(*m_out, u"role.created"_s), 0);
}

void tst_Roles::newRoleGoesJustAboveEveryone()
{
    const Reply first = createRole(*m_owner, u"First"_s);
    QVERIFY(first.ok);
    QVERIFY(m_fx.waitFor(*m_b, u"role.created"_s));
    const Reply second = createRole(*m_owner, u"Second"_s);
    QVERIFY(second.ok);
    QCOMPARE(second.d.value(u"position"_s).toInt(), 1);
    // The one it pushed up is announced with its new place.
    const auto moved = m_fx.waitFor(*m_b, u"role.updated"_s);
    QVERIFY(moved);
    QCOMPARE(roleOf(*moved).value(u"id"_s), first.d.value(u"id"_s));
    QCOMPARE(roleOf(*moved).value(u"position"_s).toInt(), 2);
    QVERIFY(m_fx.waitFor(*m_b, u"role.created"_s));
    // A full guild lists its roles by position.
    const QJsonArray roles = guildSeenFresh(*m_b).value(u"roles"_s).toArray();
    QCOMPARE(idsOf(roles), (QStringList{m_g.guildId, second.d.value(u"id"_s).toString(),
                                        first.d.value(u"id"_s).toString()}));
    // Deleting the lower one closes the gap, announced the same way.
    m_fx.forget(*m_b);
    QVERIFY(m_owner
                ->request(u"role.delete"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, second.d.value(u"id"_s)}})
                .ok);
    QVERIFY(m_fx.waitFor(*m_b, u"role.deleted"_s));
    const auto down = m_fx.waitFor(*m_b, u"role.updated"_s);
    QVERIFY(down);
    QCOMPARE(roleOf(*down).value(u"id"_s), first.d.value(u"id"_s));
    QCOMPARE(roleOf(*down).value(u"position"_s).toInt(), 1);
}

void tst_Roles::reorder()
{
    QStringList ids;
    for (const QString &n : {u"A"_s, u"B"_s, u"C"_s}) {
        const Reply r = createRole(*m_owner, n);
        QVERIFY(r.ok);
        ids.append(r.d.value(u"id"_s).toString());
    }
    // Now C (1), B (2), A (3). Lowest first: A, B, C.
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    const Reply r =
        m_owner->request(u"role.reorder"_s,
                         {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{ids[0], ids[1], ids[2]}}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, QJsonObject{});
    QVERIFY(SocialFixture::flush(*m_b));
    QHash<QString, int> positions;
    for (const Event &e : m_fx.events(*m_b, u"role.updated"_s))
        positions.insert(roleOf(e).value(u"id"_s).toString(), roleOf(e).value(u"position"_s).toInt());
    // B stays at 2: only those that moved are announced.
    QCOMPARE(positions, (QHash<QString, int>{{ids[0], 1}, {ids[2], 3}}));
    QCOMPARE(idsOf(guildSeenFresh(*m_b).value(u"roles"_s).toArray()),
             (QStringList{m_g.guildId, ids[0], ids[1], ids[2]}));
    // Not every role, a role twice, @everyone, a stranger's id: bad_request, nothing moves.
    for (const QJsonArray &bad :
         {QJsonArray{ids[0], ids[1]}, QJsonArray{ids[0], ids[1], ids[1]},
          QJsonArray{m_g.guildId, ids[0], ids[1], ids[2]}, QJsonArray{ids[0], ids[1], u"123456"_s}})
        QCOMPARE(outcome(m_owner->request(u"role.reorder"_s,
                                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, bad}})),
                 u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"role.reorder"_s, {{u"guild_id"_s, m_g.guildId},
                                                      {u"role_ids"_s, QJsonArray{ids[1], ids[2], ids[0]}}})),
             u"forbidden"_s);
}

void tst_Roles::setRolesGivesPermissions()
{
    QCOMPARE(
        outcome(m_b->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"b-made"_s}})),
        u"forbidden"_s);
    const Reply role = createRole(*m_owner, u"Builders"_s, {u"manage_channels"_s});
    QVERIFY(role.ok);
    const QString rid = role.d.value(u"id"_s).toString();
    const Reply set = setRoles(*m_owner, *m_b, {rid, rid});
    QVERIFY2(set.ok, qPrintable(set.describe()));
    QCOMPARE(set.d.value(u"user"_s).toObject().value(u"id"_s).toString(), m_b->userId());
    QCOMPARE(set.d.value(u"role"_s).toString(), u"member"_s); // the rank stays
    QCOMPARE(set.d.value(u"role_ids"_s).toArray(), QJsonArray{rid});
    for (TestClient *c : {m_owner.get(), m_admin.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"member.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"guild_id"_s, m_g.guildId}, {u"member"_s, set.d}}));
    }
    const Reply made =
        m_b->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"b-made"_s}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    // Taking the role takes the permission.
    QVERIFY(setRoles(*m_owner, *m_b, {}).ok);
    QCOMPARE(outcome(m_b->request(u"channel.delete"_s, {{u"channel_id"_s, made.d.value(u"id"_s)}})),
             u"forbidden"_s);
    // Changing what a role grants changes it for its holders at once.
    QVERIFY(setRoles(*m_owner, *m_b, {rid}).ok);
    QVERIFY(
        m_owner
            ->request(u"role.update"_s,
                      {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, rid}, {u"permissions"_s, QJsonArray{}}})
            .ok);
    QCOMPARE(outcome(m_b->request(u"channel.delete"_s, {{u"channel_id"_s, made.d.value(u"id"_s)}})),
             u"forbidden"_s);
    // @everyone is everyone's: giving it, or a role of nowhere, is refused.
    QCOMPARE(outcome(setRoles(*m_owner, *m_b, {m_g.guildId})), u"bad_request"_s);
    QCOMPARE(outcome(setRoles(*m_owner, *m_b, {u"4242"_s})), u"not_found"_s);
    QCOMPARE(outcome(setRoles(*m_owner, *m_out, {rid})), u"not_found"_s);
}

void tst_Roles::manageRolesNeeded()
{
    const Reply role = createRole(*m_owner, u"Plain"_s);
    QVERIFY(role.ok);
    const QString rid = role.d.value(u"id"_s).toString();
    // Plain members, and the admin rank without a role that grants it, lack manage_roles.
    for (TestClient *c : {m_b.get(), m_admin.get()}) {
        QCOMPARE(outcome(createRole(*c, u"Nope"_s)), u"forbidden"_s);
        QCOMPARE(
            outcome(c->request(u"role.update"_s,
                               {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, rid}, {u"name"_s, u"x"_s}})),
            u"forbidden"_s);
        QCOMPARE(outcome(c->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, rid}})),
                 u"forbidden"_s);
        QCOMPARE(outcome(c->request(u"role.reorder"_s,
                                    {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{rid}}})),
                 u"forbidden"_s);
        QCOMPARE(outcome(setRoles(*c, *m_c, {rid})), u"forbidden"_s);
        QCOMPARE(outcome(c->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                                 {u"role_id"_s, rid},
                                                                 {u"allow"_s, QJsonArray{}},
                                                                 {u"deny"_s, names({u"send_messages"_s})}})),
                 u"forbidden"_s);
    }
    // The outsider sees no guild at all.
    QCOMPARE(outcome(m_out->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, rid}})),
             u"not_found"_s);
    QCOMPARE(outcome(setRoles(*m_out, *m_c, {rid})), u"not_found"_s);
    QCOMPARE(outcome(m_out->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                                 {u"role_id"_s, rid},
                                                                 {u"allow"_s, QJsonArray{}},
                                                                 {u"deny"_s, QJsonArray{}}})),
             u"not_found"_s);
    // Nothing changed.
    const QJsonObject seen = guildSeenFresh(*m_c);
    QCOMPARE(byId(seen.value(u"roles"_s).toArray(), rid), role.d);
}

void tst_Roles::nobodyButOwnerAtOrAboveOwnTop()
{
    // b manages roles through "Managers"; "Low" sits below it, "High" above it.
    const Reply low = createRole(*m_owner, u"Low"_s);
    const Reply managers = createRole(*m_owner, u"Managers"_s, {u"manage_roles"_s, u"kick_members"_s});
    QVERIFY(low.ok && managers.ok);
    const QString lowId = low.d.value(u"id"_s).toString(), mgrId = managers.d.value(u"id"_s).toString();
    QVERIFY(m_owner
                ->request(u"role.reorder"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{lowId, mgrId}}})
                .ok);
    const Reply high = createRole(*m_owner, u"High"_s);
    QVERIFY(high.ok);
    const QString highId = high.d.value(u"id"_s).toString();
    QVERIFY(m_owner
                ->request(u"role.reorder"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{lowId, mgrId, highId}}})
                .ok);
    QVERIFY(setRoles(*m_owner, *m_b, {mgrId}).ok);

    // Below their own highest role: fine.
    const Reply mine = createRole(*m_b, u"Made by b"_s, {u"kick_members"_s});
    QVERIFY2(mine.ok, qPrintable(mine.describe()));
    QCOMPARE(mine.d.value(u"position"_s).toInt(), 1);
    QVERIFY(m_b->request(u"role.update"_s,
                         {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, lowId}, {u"name"_s, u"Lower"_s}})
                .ok);
    const Reply given = setRoles(*m_b, *m_c, {lowId});
    QVERIFY2(given.ok, qPrintable(given.describe()));
    QVERIFY(setRoles(*m_b, *m_b, {mgrId, lowId}).ok); // their own roles, below their top
    // Their own top role and anything above it: forbidden.
    for (const QString &id : {mgrId, highId}) {
        QCOMPARE(outcome(m_b->request(
                     u"role.update"_s,
                     {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}, {u"name"_s, u"Mine now"_s}})),
                 u"forbidden"_s);
        QCOMPARE(outcome(m_b->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, id}})),
                 u"forbidden"_s);
        QCOMPARE(outcome(setRoles(*m_b, *m_c, {lowId, id})), u"forbidden"_s);
    }
    QCOMPARE(outcome(setRoles(*m_b, *m_b, {mgrId, highId})), u"forbidden"_s);
    // Moving a role to or past their own: forbidden; among those below: fine.
    const QString mineId = mine.d.value(u"id"_s).toString();
    QCOMPARE(
        outcome(m_b->request(u"role.reorder"_s, {{u"guild_id"_s, m_g.guildId},
                                                 {u"role_ids"_s, QJsonArray{mineId, mgrId, lowId, highId}}})),
        u"forbidden"_s);
    QVERIFY(m_b->request(u"role.reorder"_s, {{u"guild_id"_s, m_g.guildId},
                                             {u"role_ids"_s, QJsonArray{lowId, mineId, mgrId, highId}}})
                .ok);
    // Someone whose top role is at b's level, or the owner, or an admin: not b's to change.
    QVERIFY(setRoles(*m_owner, *m_c, {highId}).ok);
    QCOMPARE(outcome(setRoles(*m_b, *m_c, {highId, lowId})), u"forbidden"_s);
    QCOMPARE(outcome(setRoles(*m_b, *m_owner, {lowId})), u"forbidden"_s);
    QCOMPARE(outcome(setRoles(*m_b, *m_admin, {lowId})), u"forbidden"_s);
    // The owner may do all of it.
    QVERIFY(m_owner
                ->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                             {u"role_id"_s, highId},
                                             {u"permissions"_s, names({u"manage_guild"_s})}})
                .ok);
    QVERIFY(setRoles(*m_owner, *m_owner, {highId}).ok);
}

void tst_Roles::nobodyButOwnerGrantsWhatTheyLack()
{
    const Reply managers = createRole(*m_owner, u"Managers"_s, {u"manage_roles"_s, u"kick_members"_s});
    QVERIFY(managers.ok);
    QVERIFY(setRoles(*m_owner, *m_b, {managers.d.value(u"id"_s).toString()}).ok);
    QCOMPARE(outcome(createRole(*m_b, u"Guild managers"_s, {u"manage_guild"_s})), u"forbidden"_s);
    const Reply ok = createRole(*m_b, u"Kickers"_s, {u"kick_members"_s, u"send_messages"_s});
    QVERIFY2(ok.ok, qPrintable(ok.describe()));
    const QString rid = ok.d.value(u"id"_s).toString();
    QCOMPARE(outcome(m_b->request(u"role.update"_s,
                                  {{u"guild_id"_s, m_g.guildId},
                                   {u"role_id"_s, rid},
                                   {u"permissions"_s, names({u"kick_members"_s, u"ban_members"_s})}})),
             u"forbidden"_s);
    // Nor take one away they lack, from a role the owner gave it to.
    QVERIFY(m_owner
                ->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                             {u"role_id"_s, rid},
                                             {u"permissions"_s, names({u"kick_members"_s, u"view_stats"_s})}})
                .ok);
    QCOMPARE(outcome(m_b->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                     {u"role_id"_s, rid},
                                                     {u"permissions"_s, names({u"kick_members"_s})}})),
             u"forbidden"_s);
    // What they hold they may give and take; what they leave alone may stay as it is.
    QVERIFY(m_b->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                            {u"role_id"_s, rid},
                                            {u"name"_s, u"Renamed"_s},
                                            {u"permissions"_s, names({u"view_stats"_s, u"send_messages"_s})}})
                .ok);
    // @everyone too: b may not hand everybody manage_guild.
    QCOMPARE(outcome(m_b->request(u"role.update"_s,
                                  {{u"guild_id"_s, m_g.guildId},
                                   {u"role_id"_s, m_g.guildId},
                                   {u"permissions"_s, names({u"view_channel"_s, u"manage_guild"_s})}})),
             u"forbidden"_s);
}

void tst_Roles::adminWithManageRoles()
{
    // The admin rank has all but manage_roles; a role can add it, and then the position rule holds.
    const Reply managers = createRole(*m_owner, u"Managers"_s, {u"manage_roles"_s});
    QVERIFY(managers.ok);
    QVERIFY(setRoles(*m_owner, *m_admin, {managers.d.value(u"id"_s).toString()}).ok);
    const Reply r = createRole(*m_admin, u"By the admin"_s, {u"manage_guild"_s, u"ban_members"_s});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(outcome(m_admin->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId},
                                                         {u"role_id"_s, managers.d.value(u"id"_s)}})),
             u"forbidden"_s);
}

void tst_Roles::overwrites()
{
    const Reply role = createRole(*m_owner, u"Muted"_s);
    QVERIFY(role.ok);
    const QString rid = role.d.value(u"id"_s).toString();
    const Reply set = m_owner->request(u"channel.set_overwrite"_s,
                                       {{u"channel_id"_s, m_g.channelId},
                                        {u"role_id"_s, rid},
                                        {u"allow"_s, names({u"add_reactions"_s})},
                                        {u"deny"_s, names({u"attach_files"_s, u"send_messages"_s})}});
    QVERIFY2(set.ok, qPrintable(set.describe()));
    QCOMPARE(set.d.value(u"id"_s).toString(), m_g.channelId);
    const QJsonArray expected{QJsonObject{{u"role_id"_s, rid},
                                          {u"allow"_s, names({u"add_reactions"_s})},
                                          {u"deny"_s, names({u"send_messages"_s, u"attach_files"_s})}}};
    QCOMPARE(set.d.value(u"overwrites"_s).toArray(), expected);
    for (TestClient *c : {m_admin.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"channel.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, set.d);
    }
    // @everyone's overwrite beside it; setting one again replaces it.
    const Reply everyone =
        m_owner->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                      {u"role_id"_s, m_g.guildId},
                                                      {u"allow"_s, QJsonArray{}},
                                                      {u"deny"_s, names({u"add_reactions"_s})}});
    QVERIFY(everyone.ok);
    QCOMPARE(everyone.d.value(u"overwrites"_s).toArray().size(), 2);
    const Reply again =
        m_owner->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                      {u"role_id"_s, m_g.guildId},
                                                      {u"allow"_s, QJsonArray{}},
                                                      {u"deny"_s, names({u"attach_files"_s})}});
    QVERIFY(again.ok);
    QCOMPARE(again.d.value(u"overwrites"_s).toArray().size(), 2);
    QCOMPARE(byId(guildSeenFresh(*m_b).value(u"channels"_s).toArray(), m_g.channelId), again.d);
    // channel.update keeps them.
    const Reply renamed =
        m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"topic"_s, u"t"_s}});
    QVERIFY(renamed.ok);
    QCOMPARE(renamed.d.value(u"overwrites"_s), again.d.value(u"overwrites"_s));
    // Deleting the overwrite, then the role, each tell everyone.
    m_fx.forget(*m_b);
    const Reply del = m_owner->request(u"channel.delete_overwrite"_s,
                                       {{u"channel_id"_s, m_g.channelId}, {u"role_id"_s, m_g.guildId}});
    QVERIFY2(del.ok, qPrintable(del.describe()));
    QCOMPARE(del.d.value(u"overwrites"_s).toArray(), expected);
    const auto ev = m_fx.waitFor(*m_b, u"channel.updated"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, del.d);
    // A second delete finds nothing to do: the channel as it is, no event.
    const Reply del2 = m_owner->request(u"channel.delete_overwrite"_s,
                                        {{u"channel_id"_s, m_g.channelId}, {u"role_id"_s, m_g.guildId}});
    QVERIFY(del2.ok);
    QCOMPARE(del2.d, del.d);
    // A deleted role's overwrites go with it (role.deleted says so: no channel.updated).
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    QVERIFY(m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, rid}}).ok);
    QCOMPARE(byId(guildSeenFresh(*m_b).value(u"channels"_s).toArray(), m_g.channelId).value(u"overwrites"_s),
             QJsonValue(QJsonArray{}));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"channel.updated"_s), 0);
}

void tst_Roles::overwriteRules()
{
    const Reply low = createRole(*m_owner, u"Low"_s);
    const Reply managers = createRole(*m_owner, u"Managers"_s, {u"manage_roles"_s});
    QVERIFY(low.ok && managers.ok);
    const QString lowId = low.d.value(u"id"_s).toString(), mgrId = managers.d.value(u"id"_s).toString();
    QVERIFY(m_owner
                ->request(u"role.reorder"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{lowId, mgrId}}})
                .ok);
    QVERIFY(setRoles(*m_owner, *m_b, {mgrId}).ok);
    auto overwrite = [&](TestClient &c, const QString &roleId, const QStringList &allow,
                         const QStringList &deny) {
        return c.request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                      {u"role_id"_s, roleId},
                                                      {u"allow"_s, names(allow)},
                                                      {u"deny"_s, names(deny)}});
    };
    QVERIFY(overwrite(*m_b, lowId, {}, {u"send_messages"_s}).ok);
    QVERIFY(overwrite(*m_b, m_g.guildId, {}, {u"add_reactions"_s}).ok);
    QCOMPARE(outcome(overwrite(*m_b, lowId, {u"manage_guild"_s}, {})), u"forbidden"_s); // not b's to grant
    QCOMPARE(outcome(overwrite(*m_b, mgrId, {}, {u"send_messages"_s})), u"forbidden"_s); // b's own top role
    QCOMPARE(outcome(overwrite(*m_owner, lowId, {u"send_messages"_s}, {u"send_messages"_s})),
             u"bad_request"_s);
    QCOMPARE(outcome(overwrite(*m_owner, u"777"_s, {}, {})), u"not_found"_s);
    // A manage_roles denied in this channel takes b's say over its overwrites.
    QVERIFY(overwrite(*m_owner, mgrId, {}, {u"manage_roles"_s}).ok);
    QCOMPARE(outcome(overwrite(*m_b, lowId, {}, {})), u"forbidden"_s);
    QCOMPARE(outcome(m_b->request(u"channel.delete_overwrite"_s,
                                  {{u"channel_id"_s, m_g.channelId}, {u"role_id"_s, lowId}})),
             u"forbidden"_s);
    // A DM has no overwrites.
    const QJsonObject dm = SocialFixture::openDm(*m_owner, m_b->userId());
    QVERIFY(!dm.isEmpty());
    QCOMPARE(outcome(m_owner->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, dm.value(u"id"_s)},
                                                                   {u"role_id"_s, lowId},
                                                                   {u"allow"_s, QJsonArray{}},
                                                                   {u"deny"_s, QJsonArray{}}})),
             u"bad_request"_s);
}

void tst_Roles::badInput_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    QTest::addColumn<QString>("code");
    const QString g = u"GUILD"_s;
    QTest::newRow("create: no name") << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}}
                                     << u"bad_request"_s;
    QTest::newRow("create: blank name")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"   "_s}} << u"bad_request"_s;
    QTest::newRow("create: long name")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, QString(101, u'x')}}
        << u"bad_request"_s;
    QTest::newRow("create: name not a string")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, 5}} << u"bad_request"_s;
    QTest::newRow("create: unknown permission")
        << u"role.create"_s
        << QJsonObject{{u"guild_id"_s, g},
                       {u"name"_s, u"x"_s},
                       {u"permissions"_s, names({u"administrator"_s})}}
        << u"bad_request"_s;
    QTest::newRow("create: permissions not an array")
        << u"role.create"_s
        << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"x"_s}, {u"permissions"_s, u"kick_members"_s}}
        << u"bad_request"_s;
    QTest::newRow("create: bad color")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"x"_s}, {u"color"_s, u"red"_s}}
        << u"bad_request"_s;
    QTest::newRow("create: color a number")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"x"_s}, {u"color"_s, 255}}
        << u"bad_request"_s;
    QTest::newRow("create: mentionable a string")
        << u"role.create"_s
        << QJsonObject{{u"guild_id"_s, g}, {u"name"_s, u"x"_s}, {u"mentionable"_s, u"yes"_s}}
        << u"bad_request"_s;
    QTest::newRow("create: unknown guild")
        << u"role.create"_s << QJsonObject{{u"guild_id"_s, u"99"_s}, {u"name"_s, u"x"_s}} << u"not_found"_s;
    QTest::newRow("update: no role_id")
        << u"role.update"_s << QJsonObject{{u"guild_id"_s, g}} << u"bad_request"_s;
    QTest::newRow("update: unknown role")
        << u"role.update"_s << QJsonObject{{u"guild_id"_s, g}, {u"role_id"_s, u"99"_s}} << u"not_found"_s;
    QTest::newRow("update: rename @everyone")
        << u"role.update"_s << QJsonObject{{u"guild_id"_s, g}, {u"role_id"_s, g}, {u"name"_s, u"all"_s}}
        << u"bad_request"_s;
    QTest::newRow("delete: @everyone")
        << u"role.delete"_s << QJsonObject{{u"guild_id"_s, g}, {u"role_id"_s, g}} << u"bad_request"_s;
    QTest::newRow("reorder: not an array")
        << u"role.reorder"_s << QJsonObject{{u"guild_id"_s, g}, {u"role_ids"_s, u"x"_s}} << u"bad_request"_s;
    QTest::newRow("reorder: numbers")
        << u"role.reorder"_s << QJsonObject{{u"guild_id"_s, g}, {u"role_ids"_s, QJsonArray{1, 2}}}
        << u"bad_request"_s;
    QTest::newRow("set_roles: no role_ids")
        << u"member.set_roles"_s << QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, u"1"_s}}
        << u"bad_request"_s;
    QTest::newRow("set_roles: unknown member")
        << u"member.set_roles"_s
        << QJsonObject{{u"guild_id"_s, g}, {u"user_id"_s, u"1"_s}, {u"role_ids"_s, QJsonArray{}}}
        << u"not_found"_s;
    QTest::newRow("set_overwrite: no deny")
        << u"channel.set_overwrite"_s
        << QJsonObject{{u"channel_id"_s, u"CHANNEL"_s}, {u"role_id"_s, g}, {u"allow"_s, QJsonArray{}}}
        << u"bad_request"_s;
    QTest::newRow("set_overwrite: unknown channel") << u"channel.set_overwrite"_s
                                                    << QJsonObject{{u"channel_id"_s, u"99"_s},
                                                                   {u"role_id"_s, g},
                                                                   {u"allow"_s, QJsonArray{}},
                                                                   {u"deny"_s, QJsonArray{}}}
                                                    << u"not_found"_s;
    QTest::newRow("delete_overwrite: no role_id")
        << u"channel.delete_overwrite"_s << QJsonObject{{u"channel_id"_s, u"CHANNEL"_s}} << u"bad_request"_s;
}

void tst_Roles::badInput()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    QFETCH(QString, code);
    // The placeholders become this test's guild and channel.
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (it.value().toString() == u"GUILD"_s)
            it.value() = m_g.guildId;
        else if (it.value().toString() == u"CHANNEL"_s)
            it.value() = m_g.channelId;
    }
    const Reply r = m_owner->request(op, d);
    QCOMPARE(outcome(r), code);
    QVERIFY(!r.message.isEmpty());
    // Nothing changed, and the server still answers.
    QCOMPARE(guildSeenFresh(*m_owner).value(u"roles"_s).toArray().size(), 1);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"role.created"_s) + m_fx.count(*m_b, u"role.updated"_s)
                 + m_fx.count(*m_b, u"channel.updated"_s) + m_fx.count(*m_b, u"member.updated"_s),
             0);
}

void tst_Roles::v1ChecksReadPermissions()
{
    // Without a role: as in v1, a member may not do what owner and admins may.
    const Reply own = sendMessage(*m_c, m_g.channelId, u"c's message"_s);
    QVERIFY(own.ok);
    QCOMPARE(outcome(m_b->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"B's"_s}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_b->request(u"message.delete"_s, {{u"channel_id"_s, m_g.channelId},
                                                        {u"message_id"_s, own.d.value(u"id"_s)}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_b->request(u"channel.update"_s,
                                  {{u"channel_id"_s, m_g.channelId}, {u"name"_s, u"bees"_s}})),
             u"forbidden"_s);
    // With a role that grants each permission, the same member may.
    const Reply role =
        createRole(*m_owner, u"Staff"_s, {u"manage_guild"_s, u"manage_messages"_s, u"manage_channels"_s});
    QVERIFY(role.ok);
    QVERIFY(setRoles(*m_owner, *m_b, {role.d.value(u"id"_s).toString()}).ok);
    QVERIFY(m_b->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"B's"_s}}).ok);
    const Reply del = m_b->request(
        u"message.delete"_s, {{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, own.d.value(u"id"_s)}});
    QVERIFY2(del.ok, qPrintable(del.describe()));
    QVERIFY(m_b->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"name"_s, u"bees"_s}}).ok);
    // invite.create keeps its v1 rule: owner and admins only.
    QCOMPARE(outcome(m_b->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}})), u"forbidden"_s);
    // And @everyone can give it to everybody.
    QVERIFY(m_owner
                ->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                             {u"role_id"_s, m_g.guildId},
                                             {u"permissions"_s, names({u"view_channel"_s, u"send_messages"_s,
                                                                       u"manage_channels"_s})}})
                .ok);
    QVERIFY(m_c->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"c-made"_s}}).ok);
}

void tst_Roles::kickFollowsRolePositions()
{
    const Reply low = createRole(*m_owner, u"Low"_s);
    const Reply kickers = createRole(*m_owner, u"Kickers"_s, {u"kick_members"_s});
    QVERIFY(low.ok && kickers.ok);
    const QString lowId = low.d.value(u"id"_s).toString(), kickId = kickers.d.value(u"id"_s).toString();
    QVERIFY(m_owner
                ->request(u"role.reorder"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{lowId, kickId}}})
                .ok);
    auto kick = [&](TestClient &who, const TestClient &whom) {
        return outcome(
            who.request(u"member.kick"_s, {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, whom.userId()}}));
    };
    QCOMPARE(kick(*m_b, *m_c), u"forbidden"_s); // no kick_members
    QVERIFY(setRoles(*m_owner, *m_b, {kickId}).ok);
    QVERIFY(setRoles(*m_owner, *m_c, {kickId}).ok);
    QCOMPARE(kick(*m_b, *m_c), u"forbidden"_s); // same highest role
    QCOMPARE(kick(*m_b, *m_admin), u"forbidden"_s);
    QCOMPARE(kick(*m_b, *m_owner), u"forbidden"_s);
    QVERIFY(setRoles(*m_owner, *m_c, {lowId}).ok);
    QCOMPARE(kick(*m_b, *m_c), u"ok"_s);
    QVERIFY(m_fx.waitFor(*m_c, u"member.left"_s));
}

void tst_Roles::leavingDropsRoles()
{
    const Reply role = createRole(*m_owner, u"Regular"_s);
    QVERIFY(role.ok);
    QVERIFY(setRoles(*m_owner, *m_c, {role.d.value(u"id"_s).toString()}).ok);
    QVERIFY(m_c->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    QVERIFY(joinGuild(*m_owner, *m_c, m_g));
    const Reply members = m_owner->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    int seen = 0;
    for (const QJsonValue &m : members.d.value(u"members"_s).toArray()) {
        if (m.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == m_c->userId()) {
            QCOMPARE(m.toObject().value(u"role_ids"_s), QJsonValue(QJsonArray{}));
            ++seen;
        }
    }
    QCOMPARE(seen, 1);
    // The stored rows went too: a restart would not bring the role back.
    qint64 rows = -1;
    QVERIFY(m_fx.server().withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"SELECT COUNT(*) FROM member_roles WHERE user_id = ?"_s);
        q.addBindValue(m_c->userId().toLongLong());
        if (!q.exec() || !q.next())
            return false;
        rows = q.value(0).toLongLong();
        return true;
    }));
    QCOMPARE(rows, 0);
}

void tst_Roles::everythingAfterRestart()
{
    const Reply a = createRole(*m_owner, u"Alpha"_s, {u"kick_members"_s}, {{u"color"_s, u"#123abc"_s}});
    const Reply b = createRole(*m_owner, u"Beta"_s, {}, {{u"mentionable"_s, true}});
    QVERIFY(a.ok && b.ok);
    QVERIFY(setRoles(*m_owner, *m_b, {a.d.value(u"id"_s).toString(), b.d.value(u"id"_s).toString()}).ok);
    QVERIFY(m_owner
                ->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                       {u"role_id"_s, b.d.value(u"id"_s)},
                                                       {u"allow"_s, names({u"mention_everyone"_s})},
                                                       {u"deny"_s, names({u"add_reactions"_s})}})
                .ok);
    QVERIFY(
        m_owner
            ->request(u"role.update"_s, {{u"guild_id"_s, m_g.guildId},
                                         {u"role_id"_s, m_g.guildId},
                                         {u"permissions"_s, names({u"view_channel"_s, u"send_messages"_s})}})
            .ok);
    const QJsonObject before = guildSeenFresh(*m_owner);
    QCOMPARE(before.value(u"roles"_s).toArray().size(), 3);
    const QString ownerToken = m_owner->token(), bToken = m_b->token();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto owner = m_fx.server().connect();
    QVERIFY(owner->loginWithToken(ownerToken).ok);
    QJsonObject after;
    for (const QJsonValue &g : owner->readyData().value(u"guilds"_s).toArray())
        if (g.toObject().value(u"id"_s).toString() == m_g.guildId)
            after = g.toObject();
    QCOMPARE(after, before);
    // And roles go on from there.
    auto b2 = m_fx.server().connect();
    QVERIFY(b2->loginWithToken(bToken).ok);
    const Reply newRole =
        owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"Gamma"_s}});
    QVERIFY(newRole.ok);
    QCOMPARE(newRole.d.value(u"position"_s).toInt(), 1);
    QVERIFY(b2->waitEvent(u"role.created"_s));
}

void tst_Roles::migrationGivesOldGuildsEveryone()
{
    // A database from before roles: the tables of migration 9 gone and the version before it.
    const QString guildId = m_g.guildId, ownerToken = m_owner->token();
    cleanup();
    m_fx.server().stop();
    QVERIFY(m_fx.server().withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(u"DROP TABLE channel_overwrites"_s) && q.exec(u"DROP TABLE member_roles"_s)
               && q.exec(u"DROP TABLE roles"_s) && q.exec(u"UPDATE schema_version SET version = 8"_s);
    }));
    QString err;
    QVERIFY2(m_fx.server().start(&err), qPrintable(err));
    auto owner = m_fx.server().connect();
    QVERIFY(owner->loginWithToken(ownerToken).ok);
    int guilds = 0;
    for (const QJsonValue &g : owner->readyData().value(u"guilds"_s).toArray()) {
        const QJsonObject o = g.toObject();
        ++guilds;
        const QJsonArray roles = o.value(u"roles"_s).toArray();
        QCOMPARE(roles.size(), 1);
        QCOMPARE(roles[0].toObject().value(u"id"_s), o.value(u"id"_s));
        QCOMPARE(roles[0].toObject().value(u"name"_s).toString(), u"@everyone"_s);
        QCOMPARE(roles[0].toObject().value(u"permissions"_s).toArray(),
                 names({u"view_channel"_s, u"send_messages"_s, u"add_reactions"_s, u"attach_files"_s}));
    }
    QVERIFY(guilds >= 1);
    // Roles work on the migrated database.
    const Reply r = owner->request(u"role.create"_s, {{u"guild_id"_s, guildId}, {u"name"_s, u"After"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(tst_Roles)
#include "tst_roles.moc"

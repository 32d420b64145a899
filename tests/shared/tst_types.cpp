// Value types: what the server encodes, a client decodes to the same values, with the
// field names and shapes the protocol promises (snake_case, ids as strings, ISO times).
#include "shared/Types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith;

namespace {
const qint64 kSomeMs = 1795694400123; // 2026-11-26T12:00:00.123Z
}

class tst_Types : public QObject
{
    Q_OBJECT
private slots:
    void isoTime();
    void ids();
    void roles_data();
    void roles();
    void user();
    void member();
    void channel();
    void guild();
    void guildWithContents();
    void guildRolesAndOverwrites();
    void message();
    void editedMessage();
    void fromJsonToleratesJunk();
};

void tst_Types::isoTime()
{
    QCOMPARE(kith::isoTime(kSomeMs), u"2026-11-26T12:00:00.123Z"_s);
    QCOMPARE(kith::isoTime(snowflake::kEpochMs), u"2025-01-01T00:00:00.000Z"_s);
    // The hand-written formatter agrees with QDateTime over centuries, leap days included.
    for (qint64 ms = -2208988800000LL; ms < 4102444800000LL; ms += 86400000LL * 37 + 3600000 * 5 + 61001) {
        const QString expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(kith::isoTime(ms), expected);
    }
    QCOMPARE(kith::isoTime(951782400000LL), u"2000-02-29T00:00:00.000Z"_s);
}

void tst_Types::ids()
{
    QCOMPARE(idJson(0), QJsonValue(QJsonValue::Null));
    QCOMPARE(idJson(123456789012345678ULL), QJsonValue(u"123456789012345678"_s));
    QCOMPARE(idFromJson(QJsonValue(u"42"_s)), Id(42));
    // Numbers lose precision above 2^53, so ids are only ever accepted as strings.
    QCOMPARE(idFromJson(QJsonValue(42)), Id(0));
    QCOMPARE(idFromJson(QJsonValue(u"-42"_s)), Id(0));
    QCOMPARE(idFromJson(QJsonValue(u"x"_s)), Id(0));
    QCOMPARE(idFromJson(QJsonValue()), Id(0));
    QCOMPARE(idFromJson(QJsonValue(QJsonValue::Null)), Id(0));
}

void tst_Types::roles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("role");
    QTest::newRow("owner") << u"owner"_s << true << int(Role::Owner);
    QTest::newRow("admin") << u"admin"_s << true << int(Role::Admin);
    QTest::newRow("member") << u"member"_s << true << int(Role::Member);
    QTest::newRow("case matters") << u"Owner"_s << false << 0;
    QTest::newRow("unknown") << u"god"_s << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
}

void tst_Types::roles()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(int, role);
    Role r = Role::Admin;
    QCOMPARE(roleFromName(name, &r), known);
    if (known) {
        QCOMPARE(int(r), role);
        QCOMPARE(roleName(r), name);
    }
    QVERIFY(Role::Owner > Role::Admin && Role::Admin > Role::Member); // rank comparisons
}

void tst_Types::user()
{
    const User u{77, u"Alice.B"_s, u"Alice B"_s};
    const QJsonObject o = u.toJson();
    QCOMPARE(o.value(u"id"_s), QJsonValue(u"77"_s));
    QCOMPARE(o.value(u"username"_s).toString(), u"Alice.B"_s);
    QCOMPARE(o.value(u"display_name"_s).toString(), u"Alice B"_s);
    const User back = User::fromJson(o);
    QCOMPARE(back.id, u.id);
    QCOMPARE(back.username, u.username);
    QCOMPARE(back.displayName, u.displayName);
}

void tst_Types::member()
{
    const Member m{{5, u"bob"_s, u"Bob"_s}, Role::Admin, kSomeMs};
    const QJsonObject o = m.toJson();
    QCOMPARE(o.value(u"role"_s).toString(), u"admin"_s);
    QCOMPARE(o.value(u"joined_at"_s).toString(), u"2026-11-26T12:00:00.123Z"_s);
    QCOMPARE(o.value(u"user"_s).toObject().value(u"id"_s), QJsonValue(u"5"_s));
    const Member back = Member::fromJson(o);
    QCOMPARE(back.user.username, u"bob"_s);
    QCOMPARE(back.role, Role::Admin);
    QCOMPARE(back.joinedAtMs, kSomeMs);
}

void tst_Types::channel()
{
    Channel c;
    c.id = 900;
    c.guildId = 800;
    c.name = u"off topic"_s;
    c.topic = u"anything goes"_s;
    c.position = 3;
    const QJsonObject o = c.toJson();
    QCOMPARE(o.value(u"id"_s), QJsonValue(u"900"_s));
    QCOMPARE(o.value(u"guild_id"_s), QJsonValue(u"800"_s));
    QCOMPARE(o.value(u"type"_s).toString(), u"text"_s);
    QCOMPARE(o.value(u"position"_s).toInt(), 3);
    const Channel back = Channel::fromJson(o);
    QCOMPARE(back.id, c.id);
    QCOMPARE(back.guildId, c.guildId);
    QCOMPARE(back.name, c.name);
    QCOMPARE(back.topic, c.topic);
    QCOMPARE(back.position, c.position);
    // Channel kinds (issue 13): always present, defaults included, and read back.
    QVERIFY(o.value(u"color"_s).isNull());
    QVERIFY(o.contains(u"parent_id"_s) && o.value(u"parent_id"_s).isNull());
    QCOMPARE(o.value(u"persistent"_s), QJsonValue(true));
    QCOMPARE(o.value(u"mode"_s).toString(), u"normal"_s);
    QVERIFY(back.persistent);
    Channel k = c;
    k.color = u"#a0b0c0"_s;
    k.parentId = 901;
    k.persistent = false;
    k.mode = ChannelMode::Roulette;
    const Channel kb = Channel::fromJson(k.toJson());
    QCOMPARE(kb.color, k.color);
    QCOMPARE(kb.parentId, k.parentId);
    QCOMPARE(kb.persistent, false);
    QCOMPARE(kb.mode, ChannelMode::Roulette);
    Channel cat = c;
    cat.type = ChannelType::Category;
    QCOMPARE(cat.toJson().value(u"type"_s).toString(), u"category"_s);
    QVERIFY(!cat.isDm());
    QCOMPARE(Channel::fromJson(cat.toJson()).type, ChannelType::Category);
}

void tst_Types::guild()
{
    const Id id = snowflake::fromTimestampMs(kSomeMs) | 17;
    const Guild g{id, u"Friends"_s, 77};
    const QJsonObject o = g.toJson();
    QCOMPARE(o.value(u"owner_id"_s), QJsonValue(u"77"_s));
    // created_at comes from the id itself, so it never disagrees with id order.
    QCOMPARE(o.value(u"created_at"_s).toString(), u"2026-11-26T12:00:00.123Z"_s);
    QVERIFY(!o.contains(u"channels"_s)); // guild.updated carries only the guild's own fields
    // The directory's fields are always there, false and "" by default.
    QCOMPARE(o.value(u"discoverable"_s), QJsonValue(false));
    QCOMPARE(o.value(u"description"_s), QJsonValue(u""_s));
    const Guild back = Guild::fromJson(o);
    QCOMPARE(back.id, g.id);
    QCOMPARE(back.name, g.name);
    QCOMPARE(back.ownerId, g.ownerId);
    Guild listed = g;
    listed.discoverable = true;
    listed.description = u"Board games\non Fridays"_s;
    const Guild listedBack = Guild::fromJson(listed.toJson());
    QVERIFY(listedBack.discoverable);
    QCOMPARE(listedBack.description, listed.description);
}

void tst_Types::guildWithContents()
{
    const Guild g{10, u"G"_s, 1};
    QList<Channel> cs(2);
    cs[0].id = 11;
    cs[0].guildId = 10;
    cs[0].name = u"general"_s;
    cs[1].id = 12;
    cs[1].guildId = 10;
    cs[1].name = u"random"_s;
    cs[1].position = 1;
    const QList<Member> ms{{{1, u"owner1"_s, u"O"_s}, Role::Owner, kSomeMs}};
    const QJsonObject o = kith::guildWithContents(g, cs, ms);
    QCOMPARE(o.value(u"id"_s), QJsonValue(u"10"_s));
    QCOMPARE(o.value(u"channels"_s).toArray().size(), 2);
    QCOMPARE(o.value(u"channels"_s).toArray().at(1).toObject().value(u"name"_s).toString(),
             u"random"_s);
    QCOMPARE(o.value(u"members"_s).toArray().size(), 1);
    QCOMPARE(o.value(u"members"_s).toArray().at(0).toObject().value(u"role"_s).toString(),
             u"owner"_s);
}

void tst_Types::guildRolesAndOverwrites()
{
    // A role, a member's role ids and a channel's overwrites survive the wire.
    GuildRole r;
    r.id = 30;
    r.name = u"Mods"_s;
    r.color = u"#ff8800"_s;
    r.position = 2;
    r.permissions = Permissions(Permission::KickMembers) | Permission::ViewChannel;
    r.mentionable = true;
    const QJsonObject ro = r.toJson();
    QCOMPARE(ro.value(u"id"_s), QJsonValue(u"30"_s));
    QCOMPARE(ro.value(u"permissions"_s).toArray(), (QJsonArray{u"view_channel"_s, u"kick_members"_s}));
    const GuildRole rb = GuildRole::fromJson(ro);
    QCOMPARE(rb.toJson(), ro);
    const GuildRole everyone = GuildRole::everyone(10);
    QVERIFY(everyone.toJson().value(u"color"_s).isNull());
    QCOMPARE(everyone.position, 0);
    QCOMPARE(everyone.permissions, Permissions::everyoneDefault());

    Member m{{1, u"a"_s, u"A"_s}, Role::Member, kSomeMs, {30, 31}};
    QCOMPARE(m.toJson().value(u"role_ids"_s).toArray(), (QJsonArray{u"30"_s, u"31"_s}));
    QCOMPARE(Member::fromJson(m.toJson()).roleIds, m.roleIds);

    Channel c;
    c.id = 11;
    c.guildId = 10;
    c.name = u"general"_s;
    c.overwrites = {{10, {}, Permission::SendMessages}, {30, Permission::AttachFiles, {}}};
    const QJsonArray ows = c.toJson().value(u"overwrites"_s).toArray();
    QCOMPARE(ows.size(), 2);
    QCOMPARE(ows[0].toObject(), (QJsonObject{{u"role_id"_s, u"10"_s},
                                             {u"allow"_s, QJsonArray{}},
                                             {u"deny"_s, QJsonArray{u"send_messages"_s}}}));
    const Channel cb = Channel::fromJson(c.toJson());
    QCOMPARE(cb.toJson(), c.toJson());

    const QJsonObject full = kith::guildWithContents(Guild{10, u"G"_s, 1}, {c}, {m}, {everyone, r});
    QCOMPARE(full.value(u"roles"_s).toArray().size(), 2);
    QCOMPARE(full.value(u"roles"_s).toArray().at(1).toObject(), ro);
}

void tst_Types::message()
{
    const Id id = snowflake::fromTimestampMs(kSomeMs) | 3;
    const Message m{id, 20, 10, {5, u"bob"_s, u"Bob"_s}, u"hello **there** 👋"_s, u"n-1"_s, 0};
    const QJsonObject o = m.toJson();
    for (const char *k : {"id", "channel_id", "guild_id", "author", "content", "nonce",
                          "created_at", "edited_at"})
        QVERIFY2(o.contains(QLatin1String(k)), k);
    QVERIFY(o.value(u"edited_at"_s).isNull());
    QCOMPARE(o.value(u"created_at"_s).toString(), u"2026-11-26T12:00:00.123Z"_s);
    // Survives the wire: serialise, parse, decode.
    const QJsonObject wire =
        QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
    const Message back = Message::fromJson(wire);
    QCOMPARE(back.id, m.id);
    QCOMPARE(back.channelId, m.channelId);
    QCOMPARE(back.guildId, m.guildId);
    QCOMPARE(back.author.id, m.author.id);
    QCOMPARE(back.content, m.content);
    QCOMPARE(back.nonce, m.nonce);
    QCOMPARE(back.editedAtMs, qint64(0));
}

void tst_Types::editedMessage()
{
    const Message m{1000, 20, 10, {5, u"bob"_s, u"Bob"_s}, u"fixed"_s, QString(), kSomeMs};
    const QJsonObject o = m.toJson();
    QCOMPARE(o.value(u"edited_at"_s).toString(), u"2026-11-26T12:00:00.123Z"_s);
    QVERIFY(o.value(u"nonce"_s).isNull()); // no nonce: null, not ""
    const Message back = Message::fromJson(o);
    QCOMPARE(back.editedAtMs, kSomeMs);
    QVERIFY(back.nonce.isEmpty());
}

void tst_Types::fromJsonToleratesJunk()
{
    // Clients ignore fields they do not know and survive wrong types without crashing.
    const QJsonObject junk{{u"id"_s, 12},
                           {u"author"_s, u"not an object"_s},
                           {u"content"_s, QJsonArray{1}},
                           {u"edited_at"_s, true},
                           {u"future_field"_s, QJsonObject{{u"x"_s, 1}}}};
    const Message m = Message::fromJson(junk);
    QCOMPARE(m.id, Id(0));
    QVERIFY(m.content.isEmpty());
    QCOMPARE(m.editedAtMs, qint64(0));
    const Member mem = Member::fromJson({{u"role"_s, u"emperor"_s}});
    QCOMPARE(mem.role, Role::Member); // unknown role falls back to the least privilege
}

QTEST_GUILESS_MAIN(tst_Types)
#include "tst_types.moc"

// Effective permissions as issue 13 settles them (Discord's order): what a member may do in a
// guild from rank and roles, in a channel after its overwrites, and who may act on whom.
#include "shared/Permissions.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using kith::Id;
using kith::Permission;
using kith::PermissionOverwrite;
using kith::Permissions;
using kith::Role;
namespace perms = kith::permissions;

namespace {
constexpr Id kGuild = 100;
constexpr Id kMods = 201;
constexpr Id kMuted = 202;
constexpr Id kOther = 203;

Permissions of(std::initializer_list<Permission> list)
{
    Permissions p;
    for (Permission x : list)
        p |= x;
    return p;
}
} // namespace

class tst_Permissions : public QObject
{
    Q_OBJECT
private slots:
    void namesRoundTrip();
    void unknownNamesRefused();
    void everyoneDefault();
    void ranks();
    void overwriteOrder();
    void adminsIgnoreOverwrites();
    void guestsStayChatOnly();
    void whoActsOnWhom();
};

void tst_Permissions::namesRoundTrip()
{
    const QStringList all{u"view_channel"_s, u"send_messages"_s, u"add_reactions"_s, u"attach_files"_s,
                          u"mention_everyone"_s, u"manage_messages"_s, u"manage_channels"_s, u"manage_roles"_s,
                          u"kick_members"_s, u"ban_members"_s, u"moderate_members"_s, u"manage_guild"_s,
                          u"view_audit_log"_s, u"view_stats"_s};
    QCOMPARE(Permissions::all().names(), all);
    for (const QString &name : all) {
        Permission p;
        QVERIFY2(kith::permissionFromName(name, &p), qPrintable(name));
        QCOMPARE(kith::permissionName(p), name);
    }
    // Any order and duplicates in; the fixed order out.
    Permissions read;
    QVERIFY(Permissions::fromJson(QJsonArray{u"kick_members"_s, u"view_channel"_s, u"kick_members"_s}, &read));
    QCOMPARE(read.toJson(), (QJsonArray{u"view_channel"_s, u"kick_members"_s}));
    QVERIFY(Permissions::fromJson(QJsonArray{}, &read));
    QVERIFY(read.isEmpty());
}

void tst_Permissions::unknownNamesRefused()
{
    Permissions out = Permission::ViewChannel;
    QString bad;
    QVERIFY(!Permissions::fromJson(QJsonArray{u"view_channel"_s, u"administrator"_s}, &out, &bad));
    QCOMPARE(bad, u"administrator"_s);
    QVERIFY(!Permissions::fromJson(QJsonArray{u"View_Channel"_s}, &out, &bad)); // names are exact
    QVERIFY(!Permissions::fromJson(QJsonArray{1}, &out, &bad));
    QVERIFY(!Permissions::fromJson(u"view_channel"_s, &out, &bad));
    QCOMPARE(out, Permissions(Permission::ViewChannel)); // untouched on failure
    QCOMPARE(Permissions::fromBits(0xffffffffu), Permissions::all()); // unknown stored bits dropped
}

void tst_Permissions::everyoneDefault()
{
    QCOMPARE(Permissions::everyoneDefault().names(),
             (QStringList{u"view_channel"_s, u"send_messages"_s, u"add_reactions"_s, u"attach_files"_s}));
}

void tst_Permissions::ranks()
{
    const Permissions everyone = Permissions::everyoneDefault();
    QCOMPARE(perms::inGuild(Role::Owner, {}, {}), Permissions::all());
    const Permissions admin = perms::inGuild(Role::Admin, {}, {});
    QVERIFY(!admin.has(Permission::ManageRoles));
    QCOMPARE(admin | Permission::ManageRoles, Permissions::all());
    // A role the owner gives an admin can add manage_roles; nothing takes from the rank.
    QCOMPARE(perms::inGuild(Role::Admin, everyone, Permission::ManageRoles), Permissions::all());
    QCOMPARE(perms::inGuild(Role::Admin, {}, {}), admin);
    QCOMPARE(perms::inGuild(Role::Member, everyone, {}), everyone);
    QCOMPARE(perms::inGuild(Role::Member, everyone, of({Permission::KickMembers, Permission::ViewStats})),
             everyone | Permission::KickMembers | Permission::ViewStats);
    // @everyone stripped of sending: a member without a role that grants it may not send.
    QVERIFY(!perms::inGuild(Role::Member, of({Permission::ViewChannel}), {}).has(Permission::SendMessages));
}

void tst_Permissions::overwriteOrder()
{
    const Permissions base = Permissions::everyoneDefault();
    const QList<PermissionOverwrite> privateChannel{
        {kGuild, {}, of({Permission::ViewChannel})},         // hidden from @everyone
        {kMods, of({Permission::ViewChannel}), {}},           // shown to mods
        {kMuted, {}, of({Permission::SendMessages})},         // the muted may read, not send
    };
    // A member with no role: the @everyone overwrite hides it.
    QVERIFY(!perms::inChannel(Role::Member, base, kGuild, {}, privateChannel).has(Permission::ViewChannel));
    // A mod: the role's allow comes after @everyone's deny.
    const Permissions mod = perms::inChannel(Role::Member, base, kGuild, {kMods}, privateChannel);
    QVERIFY(mod.has(Permission::ViewChannel));
    QVERIFY(mod.has(Permission::SendMessages));
    // A muted mod: the muted role denies sending and no role allows it; mods still allow viewing.
    const Permissions mutedMod = perms::inChannel(Role::Member, base, kGuild, {kMods, kMuted}, privateChannel);
    QVERIFY(mutedMod.has(Permission::ViewChannel));
    QVERIFY(!mutedMod.has(Permission::SendMessages));
    // One role denies, another allows the same permission: allowed.
    const QList<PermissionOverwrite> clash{{kMuted, {}, of({Permission::AddReactions})},
                                           {kOther, of({Permission::AddReactions}), {}}};
    QVERIFY(perms::inChannel(Role::Member, base, kGuild, {kMuted, kOther}, clash).has(Permission::AddReactions));
    QVERIFY(!perms::inChannel(Role::Member, base, kGuild, {kMuted}, clash).has(Permission::AddReactions));
    // An overwrite for a role the member does not hold changes nothing.
    const QList<PermissionOverwrite> forMods{{kMods, {}, Permissions::all()}};
    QCOMPARE(perms::inChannel(Role::Member, base, kGuild, {kOther}, forMods), base);
}

void tst_Permissions::adminsIgnoreOverwrites()
{
    const QList<PermissionOverwrite> hidden{{kGuild, {}, Permissions::all()}};
    for (Role rank : {Role::Owner, Role::Admin}) {
        const Permissions guild = perms::inGuild(rank, {}, {});
        QCOMPARE(perms::inChannel(rank, guild, kGuild, {}, hidden), guild);
    }
    QVERIFY(perms::inChannel(Role::Member, Permissions::everyoneDefault(), kGuild, {}, hidden).isEmpty());
}

void tst_Permissions::guestsStayChatOnly()
{
    const Permissions guest = perms::inGuild(Role::Guest, Permissions::all(), {});
    QCOMPARE(guest, Permissions::everyoneDefault());
    const QList<PermissionOverwrite> generous{{kGuild, Permissions::all(), {}}};
    QCOMPARE(perms::inChannel(Role::Guest, guest, kGuild, {}, generous), Permissions::everyoneDefault());
}

void tst_Permissions::whoActsOnWhom()
{
    using perms::mayActOn;
    // Nobody acts on the owner, not even another owner-ranked record.
    QVERIFY(!mayActOn(Role::Owner, 0, Role::Owner, 0));
    QVERIFY(!mayActOn(Role::Admin, 9, Role::Owner, 0));
    // Rank first.
    QVERIFY(mayActOn(Role::Owner, 0, Role::Admin, 9));
    QVERIFY(mayActOn(Role::Admin, 0, Role::Member, 9));
    QVERIFY(mayActOn(Role::Member, 0, Role::Guest, 9));
    QVERIFY(!mayActOn(Role::Member, 9, Role::Admin, 0));
    // Same rank: only plain members (and guests) compare their highest roles; admins never act on admins.
    QVERIFY(!mayActOn(Role::Admin, 9, Role::Admin, 1));
    QVERIFY(mayActOn(Role::Member, 3, Role::Member, 2));
    QVERIFY(!mayActOn(Role::Member, 2, Role::Member, 2));
    QVERIFY(!mayActOn(Role::Member, 1, Role::Member, 2));
    QVERIFY(!mayActOn(Role::Member, 0, Role::Member, 0));
}

QTEST_APPLESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"

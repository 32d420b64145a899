// LAN-party guests against a real server: session.guest with and without the party password,
// nicknames and their clashes, what guests may and may not do, coming back with the token
// (also after a restart), and member.kick for guests and accounts.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
QStringList guildNames(const QJsonObject &ready)
{
    QStringList out;
    for (const QJsonValue &g : ready.value(u"guilds"_s).toArray())
        out << g.toObject().value(u"name"_s).toString();
    return out;
}

QString partyGuildId(const QJsonObject &ready)
{
    const QJsonArray guilds = ready.value(u"guilds"_s).toArray();
    return guilds.isEmpty() ? QString() : guilds.first().toObject().value(u"id"_s).toString();
}

QString roleOf(const QJsonObject &guild, const QString &userId)
{
    for (const QJsonValue &m : guild.value(u"members"_s).toArray())
        if (m.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == userId)
            return m.toObject().value(u"role"_s).toString();
    return {};
}
} // namespace

class tst_Guest : public QObject
{
    Q_OBJECT
private slots:
    void guestsOffIsForbidden();
    void partyWithoutPassword();
    void partyPassword();
    void wrongPartyPasswordsAreThrottled();
    void nicknames_data();
    void nicknames();
    void nicknameClashes();
    void whatGuestsMayDo();
    void guestComesBackWithItsToken();
    void firstAccountOwnsTheParty();
    void kickRules();
    void kickedGuestIsKeptOut();
    void kickedAccountMayComeBack();
    void cleanupTestCase() { m_nicknameParty.reset(); }

private:
    static std::unique_ptr<ServerFixture> party(const QString &password = {});
    // One party for every row of nicknames(), stopped while the application still runs.
    std::unique_ptr<ServerFixture> m_nicknameParty;
};

std::unique_ptr<ServerFixture> tst_Guest::party(const QString &password)
{
    auto fx = std::make_unique<ServerFixture>();
    fx->config.requestsPerSecond = 100000;
    fx->config.requestBurst = 100000;
    fx->config.guests = true;
    fx->config.partyName = u"Friday LAN"_s;
    fx->config.partyPassword = password;
    QString err;
    if (!fx->start(&err))
        qWarning("cannot start: %s", qPrintable(err));
    return fx;
}

void tst_Guest::guestsOffIsForbidden()
{
    ServerFixture fx;
    QVERIFY(fx.start());
    auto c = fx.connect();
    QVERIFY(!c->hello().value(u"features"_s).toArray().contains(u"guest"_s));
    const Reply r = c->guest(u"zoe"_s, u"anything"_s); // forbidden before any password check
    QCOMPARE(r.code, u"forbidden"_s);
}

void tst_Guest::partyWithoutPassword()
{
    auto fx = party();
    auto c = fx->connect();
    QVERIFY(c->hello().value(u"features"_s).toArray().contains(u"guest"_s));
    const Reply r = c->guest(u"  Zoë  "_s, u"ignored"_s); // a password to a party without one is ignored
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"username"_s).toString(), u"Zoë"_s);
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"guest"_s).toBool(), true);
    QVERIFY(!r.d.value(u"token"_s).toString().isEmpty());
    QVERIFY(!r.d.value(u"session"_s).toString().isEmpty());
    QCOMPARE(guildNames(c->readyData()), QStringList{u"Friday LAN"_s});
    const QJsonObject guild = c->readyData().value(u"guilds"_s).toArray().first().toObject();
    QCOMPARE(roleOf(guild, c->userId()), u"guest"_s);
    QCOMPARE(c->readyData().value(u"user"_s).toObject().value(u"guest"_s).toBool(), true);
}

void tst_Guest::partyPassword()
{
    auto fx = party(u"pizza"_s);
    auto a = fx->connect();
    QCOMPARE(a->guest(u"ann"_s).code, u"unauthorized"_s);
    auto b = fx->connect();
    QCOMPARE(b->guest(u"ann"_s, u"pasta"_s).code, u"unauthorized"_s);
    auto c = fx->connect();
    const Reply ok = c->guest(u"ann"_s, u"pizza"_s);
    QVERIFY2(ok.ok, qPrintable(ok.describe()));
    QCOMPARE(guildNames(c->readyData()), QStringList{u"Friday LAN"_s});
}

void tst_Guest::wrongPartyPasswordsAreThrottled()
{
    auto fx = party(u"pizza"_s);
    QString code;
    for (int i = 0; i < kith::limits::kLoginFailuresFree + 2 && code != u"rate_limited"_s; ++i) {
        auto c = fx->connect();
        code = c->guest(u"guesser"_s, u"wrong%1"_s.arg(i)).code;
        QVERIFY(code == u"unauthorized"_s || code == u"rate_limited"_s);
    }
    QCOMPARE(code, u"rate_limited"_s);
}

void tst_Guest::nicknames_data()
{
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<QString>("code"); // empty: ok
    QTest::newRow("one character") << u"x"_s << QString();
    QTest::newRow("spaces inside") << u"Big   Joe"_s << QString();
    QTest::newRow("32 characters") << QString(32, u'n') << QString();
    QTest::newRow("blank") << u"   "_s << u"bad_request"_s;
    QTest::newRow("33 characters") << QString(33, u'n') << u"bad_request"_s;
    QTest::newRow("control character") << u"a\u0007b"_s << u"bad_request"_s;
    QTest::newRow("zero-width space") << u"a\u200Bb"_s << u"bad_request"_s;
}

void tst_Guest::nicknames()
{
    QFETCH(QString, nickname);
    QFETCH(QString, code);
    if (!m_nicknameParty)
        m_nicknameParty = party();
    auto c = m_nicknameParty->connect();
    const Reply r = c->guest(nickname);
    if (code.isEmpty()) {
        QVERIFY2(r.ok, qPrintable(r.describe()));
        QCOMPARE(r.d.value(u"user"_s).toObject().value(u"username"_s).toString(), nickname.simplified());
    } else {
        QCOMPARE(r.code, code);
    }
}

void tst_Guest::nicknameClashes()
{
    auto fx = party();
    auto ann = fx->connect();
    QVERIFY(ann->registerUser(u"ann"_s, ServerFixture::password()).ok);
    auto g1 = fx->connect();
    const QJsonObject first = g1->guest(u"ANN"_s).d.value(u"user"_s).toObject();
    QCOMPARE(first.value(u"username"_s).toString(), u"ANN_2"_s);
    // Shown under the name it got, so two people who asked for one name never look alike.
    QCOMPARE(first.value(u"display_name"_s).toString(), u"ANN_2"_s);
    auto g2 = fx->connect();
    QCOMPARE(g2->guest(u"ann"_s).d.value(u"user"_s).toObject().value(u"username"_s).toString(), u"ann_3"_s);
    // Cut to fit 32 characters with the suffix.
    const QString longName(32, u'q');
    auto g3 = fx->connect();
    QVERIFY(g3->guest(longName).ok);
    auto g4 = fx->connect();
    QCOMPARE(g4->guest(longName).d.value(u"user"_s).toObject().value(u"username"_s).toString(),
             QString(30, u'q') + u"_2"_s);
    // An account cannot take a guest's name either.
    auto late = fx->connect();
    QCOMPARE(late->registerUser(u"ann_2"_s, ServerFixture::password()).code, u"conflict"_s);
}

void tst_Guest::whatGuestsMayDo()
{
    auto fx = party();
    auto host = fx->connect();
    QVERIFY(host->registerUser(u"host"_s, ServerFixture::password()).ok);
    const QString partyId = partyGuildId(host->readyData());
    QVERIFY(!partyId.isEmpty());
    auto guest = fx->connect();
    QVERIFY(guest->guest(u"gil"_s).ok);
    QCOMPARE(partyGuildId(guest->readyData()), partyId);
    const QString channel = guest->readyData().value(u"guilds"_s).toArray().first().toObject()
                                .value(u"channels"_s).toArray().first().toObject().value(u"id"_s).toString();
    // Chat in the party.
    QVERIFY(sendMessage(*guest, channel, u"hi from a guest"_s).ok);
    QVERIFY(host->waitEventWhere(u"message.created"_s, [](const Event &e) {
        return e.d.value(u"content"_s).toString() == u"hi from a guest"_s;
    }));
    // DM someone in the party.
    const Reply dm = guest->request(u"dm.open"_s, {{u"user_id"_s, host->userId()}});
    QVERIFY2(dm.ok, qPrintable(dm.describe()));
    // Not: make guilds, invites, join others' guilds, ask for friendship.
    QCOMPARE(guest->request(u"guild.create"_s, {{u"name"_s, u"mine"_s}}).code, u"forbidden"_s);
    QCOMPARE(guest->request(u"invite.create"_s, {{u"guild_id"_s, partyId}}).code, u"forbidden"_s);
    const GuildRef other = createGuild(*host, u"Elsewhere"_s);
    const Reply inv = host->request(u"invite.create"_s, {{u"guild_id"_s, other.guildId}});
    QVERIFY(inv.ok);
    QCOMPARE(guest->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s).toString()}}).code, u"forbidden"_s);
    QCOMPARE(guest->request(u"friend.request"_s, {{u"username"_s, u"host"_s}}).code, u"forbidden"_s);
    // Nor manage the party's channels: a guest ranks below a member.
    QCOMPARE(guest->request(u"channel.create"_s, {{u"guild_id"_s, partyId}, {u"name"_s, u"x"_s}}).code, u"forbidden"_s);
}

void tst_Guest::guestComesBackWithItsToken()
{
    auto fx = party();
    QString token, id;
    {
        auto c = fx->connect();
        QVERIFY(c->guest(u"kim"_s).ok);
        token = c->token();
        id = c->userId();
        QVERIFY(sendMessage(*c, c->readyData().value(u"guilds"_s).toArray().first().toObject()
                                    .value(u"channels"_s).toArray().first().toObject().value(u"id"_s).toString(),
                            u"before the restart"_s).ok);
    }
    QVERIFY(fx->restart());
    auto again = fx->connect();
    const Reply r = again->loginWithToken(token);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(again->userId(), id);
    QCOMPARE(again->user().value(u"guest"_s).toBool(), true);
    QCOMPARE(guildNames(again->readyData()), QStringList{u"Friday LAN"_s}); // the same party, not a new one
    // Still a guest in it, not promoted to member by the restart.
    QCOMPARE(roleOf(again->readyData().value(u"guilds"_s).toArray().first().toObject(), id), u"guest"_s);
    // A guest has no password to sign in with.
    auto pw = fx->connect();
    QCOMPARE(pw->login(u"kim"_s, u""_s).code, u"unauthorized"_s);
}

void tst_Guest::firstAccountOwnsTheParty()
{
    auto fx = party();
    // A guest before any account: the party exists and is theirs to chat in.
    auto early = fx->connect();
    QVERIFY(early->guest(u"early"_s).ok);
    const QString partyId = partyGuildId(early->readyData());
    QVERIFY(!partyId.isEmpty());
    // The first account owns it, the next one is a member; both see it in ready.
    auto first = fx->connect();
    QVERIFY(first->registerUser(u"first"_s, ServerFixture::password()).ok);
    QCOMPARE(partyGuildId(first->readyData()), partyId);
    const QJsonObject guild = first->readyData().value(u"guilds"_s).toArray().first().toObject();
    QCOMPARE(guild.value(u"owner_id"_s).toString(), first->userId());
    QCOMPARE(roleOf(guild, first->userId()), u"owner"_s);
    auto second = fx->connect();
    QVERIFY(second->registerUser(u"second"_s, ServerFixture::password()).ok);
    QCOMPARE(roleOf(second->readyData().value(u"guilds"_s).toArray().first().toObject(), second->userId()),
             u"member"_s);
    QVERIFY(early->waitEventWhere(u"member.joined"_s, [&](const Event &e) {
        return e.d.value(u"member"_s).toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == second->userId();
    }));
}

void tst_Guest::kickRules()
{
    auto fx = party();
    auto owner = fx->connect();
    QVERIFY(owner->registerUser(u"owner"_s, ServerFixture::password()).ok);
    const QString partyId = partyGuildId(owner->readyData());
    auto admin = fx->connect();
    QVERIFY(admin->registerUser(u"admin"_s, ServerFixture::password()).ok);
    QVERIFY(owner->request(u"member.set_role"_s, {{u"guild_id"_s, partyId}, {u"user_id"_s, admin->userId()}, {u"role"_s, u"admin"_s}}).ok);
    auto admin2 = fx->connect();
    QVERIFY(admin2->registerUser(u"admin2"_s, ServerFixture::password()).ok);
    QVERIFY(owner->request(u"member.set_role"_s, {{u"guild_id"_s, partyId}, {u"user_id"_s, admin2->userId()}, {u"role"_s, u"admin"_s}}).ok);
    auto member = fx->connect();
    QVERIFY(member->registerUser(u"member"_s, ServerFixture::password()).ok);
    auto guest = fx->connect();
    QVERIFY(guest->guest(u"visitor"_s).ok);
    ServerFixture other; // a guild the kickers are not in
    auto kick = [&](TestClient &who, const QString &guildId, const QString &userId) {
        return who.request(u"member.kick"_s, {{u"guild_id"_s, guildId}, {u"user_id"_s, userId}}).code;
    };
    // Malformed first, then what cannot be seen, then what is not allowed.
    QCOMPARE(owner->request(u"member.kick"_s, {{u"guild_id"_s, partyId}}).code, u"bad_request"_s);
    QCOMPARE(owner->request(u"member.kick"_s, {{u"guild_id"_s, 5}, {u"user_id"_s, guest->userId()}}).code, u"bad_request"_s);
    QCOMPARE(kick(*owner, u"123456"_s, guest->userId()), u"not_found"_s);
    QCOMPARE(kick(*owner, partyId, u"123456"_s), u"not_found"_s);
    QCOMPARE(kick(*member, partyId, guest->userId()), u"forbidden"_s);
    QCOMPARE(kick(*guest, partyId, member->userId()), u"forbidden"_s);
    QCOMPARE(kick(*admin, partyId, owner->userId()), u"forbidden"_s);
    QCOMPARE(kick(*admin, partyId, admin2->userId()), u"forbidden"_s);
    QCOMPARE(kick(*owner, partyId, owner->userId()), u"forbidden"_s);
    // An admin kicks a member: everyone hears member.left, the kicked one too.
    const Reply ok = admin->request(u"member.kick"_s, {{u"guild_id"_s, partyId}, {u"user_id"_s, member->userId()}});
    QVERIFY2(ok.ok, qPrintable(ok.describe()));
    QCOMPARE(ok.d.value(u"guild_id"_s).toString(), partyId);
    QCOMPARE(ok.d.value(u"user_id"_s).toString(), member->userId());
    auto left = [&](TestClient &c) {
        return c.waitEventWhere(u"member.left"_s, [&](const Event &e) {
            return e.d.value(u"user_id"_s).toString() == member->userId();
        }).has_value();
    };
    QVERIFY(left(*member));
    QVERIFY(left(*owner));
    QVERIFY(left(*guest));
    // The owner kicks an admin.
    QVERIFY(owner->request(u"member.kick"_s, {{u"guild_id"_s, partyId}, {u"user_id"_s, admin2->userId()}}).ok);
}

void tst_Guest::kickedGuestIsKeptOut()
{
    auto fx = party();
    auto owner = fx->connect();
    QVERIFY(owner->registerUser(u"owner"_s, ServerFixture::password()).ok);
    const QString partyId = partyGuildId(owner->readyData());
    auto guest = fx->connect();
    QVERIFY(guest->guest(u"troll"_s).ok);
    const QString token = guest->token();
    const QString session = guest->sessionId();
    const qint64 seq = guest->lastSeq();
    QVERIFY(owner->request(u"member.kick"_s, {{u"guild_id"_s, partyId}, {u"user_id"_s, guest->userId()}}).ok);
    QVERIFY(guest->waitEventWhere(u"member.left"_s, [&](const Event &e) {
        return e.d.value(u"user_id"_s).toString() == guest->userId();
    }));
    QVERIFY(guest->waitDisconnected());
    QCOMPARE(guest->closeCode(), int(kith::limits::kCloseKicked));
    auto back = fx->connect();
    QCOMPARE(back->loginWithToken(token).code, u"forbidden"_s);
    auto resume = fx->connect();
    QCOMPARE(resume->resume(token, session, seq).code, u"forbidden"_s);
    // Until the server restarts.
    QVERIFY(fx->restart());
    auto later = fx->connect();
    QVERIFY(later->loginWithToken(token).ok);
}

void tst_Guest::kickedAccountMayComeBack()
{
    ServerFixture fx; // any guild, no party
    QVERIFY(fx.start());
    auto owner = fx.newUser(u"boss"_s);
    auto member = fx.newUser(u"pat"_s);
    const GuildRef g = createGuild(*owner, u"Club"_s);
    const GuildRef g2 = createGuild(*member, u"Pat's own"_s);
    QVERIFY(joinGuild(*owner, *member, g));
    QVERIFY(owner->request(u"member.kick"_s, {{u"guild_id"_s, g.guildId}, {u"user_id"_s, member->userId()}}).ok);
    QVERIFY(member->waitEventWhere(u"member.left"_s, [&](const Event &e) {
        return e.d.value(u"guild_id"_s).toString() == g.guildId && e.d.value(u"user_id"_s).toString() == member->userId();
    }));
    // Still connected, still in their own guild, and back in with a new invite.
    QVERIFY(sendMessage(*member, g2.channelId, u"still here"_s).ok);
    QCOMPARE(member->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}}).code, u"not_found"_s);
    QVERIFY(joinGuild(*owner, *member, g));
    QVERIFY(sendMessage(*member, g.channelId, u"back again"_s).ok);
}

QTEST_GUILESS_MAIN(tst_Guest)
#include "tst_guest.moc"

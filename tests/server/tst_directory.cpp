// The guild directory (issue 13) against a real server: guild.update's discoverable and
// description, directory.search (listed only when discoverable, all words matched as prefixes
// without case or accents, most members first, paged by `before`), and guild.join (as
// invite.join without an invite; banned forbidden, unlisted not_found).
// The server is shared by the cases: each names its guilds with a word of its own.
#include "SocialFixture.h"
#include "common/Scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Directory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void guildCarriesFields();
    void listedOnlyWhenDiscoverable();
    void queryMatchesWordsAndAccents();
    void orderAndPaging();
    void searchBadInput_data();
    void searchBadInput();
    void descriptionValidation_data();
    void descriptionValidation();
    void onlyManagersChangeListing();
    void joinDiscoverable();
    void joinRefusals();
    void guestsCannot();
    void keptAfterRestart();

private:
    //! A word no other case uses (letters only: digits would be words of their own).
    static QString tag();
    std::unique_ptr<TestClient> user(const QString &name);
    static Reply list(TestClient &c, const QJsonObject &d);
    static QStringList ids(const Reply &r);
    static bool setListed(TestClient &owner, const QString &guildId, bool on,
                          const QString &description = {});

    SocialFixture m_fx;
    std::vector<std::unique_ptr<TestClient>> m_clients;
};

void tst_Directory::initTestCase()
{
    m_fx.server().config.guests = true; // for guestsCannot; the party guild is never listed
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_Directory::cleanup()
{
    for (const auto &c : m_clients) {
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_clients.clear();
}

QString tst_Directory::tag()
{
    static int n = 0;
    QString out = u"qz"_s;
    for (int v = ++n; v > 0; v /= 26)
        out += QChar(u'a' + v % 26);
    return out;
}

std::unique_ptr<TestClient> tst_Directory::user(const QString &name)
{
    return m_fx.user(name);
}

Reply tst_Directory::list(TestClient &c, const QJsonObject &d)
{
    return c.request(u"directory.search"_s, d);
}

QStringList tst_Directory::ids(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &g : r.d.value(u"guilds"_s).toArray())
        out.append(g.toObject().value(u"id"_s).toString());
    return out;
}

bool tst_Directory::setListed(TestClient &owner, const QString &guildId, bool on, const QString &description)
{
    QJsonObject d{{u"guild_id"_s, guildId}, {u"discoverable"_s, on}};
    if (!description.isNull())
        d.insert(u"description"_s, description);
    return owner.request(u"guild.update"_s, d).ok;
}

void tst_Directory::guildCarriesFields()
{
    auto owner = user(u"own"_s);
    auto b = user(u"bee"_s);
    const GuildRef g = createGuild(*owner, u"Plain"_s);
    QVERIFY(g.valid());
    // Always present, false and "" by default: in guild.create's reply and in ready.
    QCOMPARE(g.full.value(u"discoverable"_s), QJsonValue(false));
    QCOMPARE(g.full.value(u"description"_s), QJsonValue(u""_s));
    QVERIFY(joinGuild(*owner, *b, g));
    QVERIFY(SocialFixture::flush(*b));
    m_fx.forget(*b);
    const Reply r = owner->request(u"guild.update"_s, {{u"guild_id"_s, g.guildId},
                                                       {u"discoverable"_s, true},
                                                       {u"description"_s, u"  Line one\nline two  "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"discoverable"_s), QJsonValue(true));
    QCOMPARE(r.d.value(u"description"_s).toString(), u"Line one\nline two"_s);
    QCOMPARE(r.d.value(u"name"_s).toString(), u"Plain"_s); // the name stays
    // Members hear it.
    const auto ev = m_fx.waitFor(*b, u"guild.updated"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, r.d);
    // A new session's ready carries both.
    auto again = m_fx.secondSession(*b);
    bool seen = false;
    for (const QJsonValue &v : again->readyData().value(u"guilds"_s).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(u"id"_s).toString() != g.guildId)
            continue;
        seen = true;
        QCOMPARE(o.value(u"discoverable"_s), QJsonValue(true));
        QCOMPARE(o.value(u"description"_s).toString(), u"Line one\nline two"_s);
    }
    QVERIFY(seen);
    m_clients.push_back(std::move(again));
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(b));
}

void tst_Directory::listedOnlyWhenDiscoverable()
{
    const QString t = tag();
    auto owner = user(u"own"_s);
    auto out = user(u"out"_s);
    const GuildRef g = createGuild(*owner, u"Hidden "_s + t);
    QVERIFY(g.valid());
    Reply r = list(*out, {{u"query"_s, t}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(ids(r).isEmpty());
    QVERIFY(setListed(*owner, g.guildId, true, u"All welcome"_s));
    r = list(*out, {{u"query"_s, t}});
    QCOMPARE(ids(r), QStringList{g.guildId});
    const QJsonObject one = r.d.value(u"guilds"_s).toArray().first().toObject();
    QCOMPARE(one, (QJsonObject{{u"id"_s, g.guildId},
                               {u"name"_s, u"Hidden "_s + t},
                               {u"description"_s, u"All welcome"_s},
                               {u"icon"_s, QJsonValue()},
                               {u"member_count"_s, 1},
                               {u"online_count"_s, 1}}));
    // Without a query: among all discoverable guilds (fewer than 50 in this suite).
    QVERIFY(ids(list(*out, {{u"limit"_s, 50}})).contains(g.guildId));
    // Unlisted again: gone.
    QVERIFY(setListed(*owner, g.guildId, false));
    QVERIFY(ids(list(*out, {{u"query"_s, t}})).isEmpty());
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(out));
}

void tst_Directory::queryMatchesWordsAndAccents()
{
    const QString t = tag();
    auto owner = user(u"own"_s);
    auto out = user(u"out"_s);
    const GuildRef cafe = createGuild(*owner, u"Café Über "_s + t);
    const GuildRef other = createGuild(*owner, u"Garden "_s + t);
    QVERIFY(cafe.valid() && other.valid());
    QVERIFY(setListed(*owner, cafe.guildId, true, u"Jeux de société"_s));
    QVERIFY(setListed(*owner, other.guildId, true, u"Plants and cafe talk"_s));
    auto found = [&](const QString &query) {
        const Reply r = list(*out, {{u"query"_s, query + u' ' + t}});
        QStringList got = ids(r);
        got.sort();
        return got;
    };
    QStringList both{cafe.guildId, other.guildId};
    both.sort();
    QCOMPARE(found(u"cafe"_s), both); // name or description, accents ignored
    QCOMPARE(found(u"CAFÉ"_s), both); // case too
    QCOMPARE(found(u"uber"_s), QStringList{cafe.guildId}); // Ü as U
    QCOMPARE(found(u"soci"_s), QStringList{cafe.guildId}); // a prefix of a description word
    QCOMPARE(found(u"gard plan"_s), QStringList{other.guildId}); // every word must match
    QCOMPARE(found(u"garden jeux"_s), QStringList{});
    QCOMPARE(found(u"afe"_s), QStringList{}); // prefixes only
    QCOMPARE(found(u"\"cafe\" ,;"_s), both); // punctuation separates
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(out));
}

void tst_Directory::orderAndPaging()
{
    const QString t = tag();
    auto owner = user(u"own"_s);
    auto x = user(u"x"_s);
    auto y = user(u"y"_s);
    const GuildRef one = createGuild(*owner, u"One "_s + t);
    const GuildRef three = createGuild(*owner, u"Three "_s + t);
    const GuildRef two = createGuild(*owner, u"Two "_s + t);
    QVERIFY(one.valid() && three.valid() && two.valid());
    QVERIFY(joinGuild(*owner, *x, three));
    QVERIFY(joinGuild(*owner, *y, three));
    QVERIFY(joinGuild(*owner, *x, two));
    for (const GuildRef *g : {&one, &three, &two})
        QVERIFY(setListed(*owner, g->guildId, true));
    const Reply all = list(*x, {{u"query"_s, t}});
    QCOMPARE(ids(all), (QStringList{three.guildId, two.guildId, one.guildId}));
    QList<int> counts;
    for (const QJsonValue &g : all.d.value(u"guilds"_s).toArray())
        counts.append(g.toObject().value(u"member_count"_s).toInt());
    QCOMPARE(counts, (QList<int>{3, 2, 1}));
    // Everyone is connected: all of them online.
    QCOMPARE(all.d.value(u"guilds"_s).toArray().first().toObject().value(u"online_count"_s).toInt(), 3);
    // One at a time with `before`: the last guild of the page before.
    QStringList walked;
    QString before;
    for (int i = 0; i < 5; ++i) {
        QJsonObject d{{u"query"_s, t}, {u"limit"_s, 1}};
        if (!before.isEmpty())
            d.insert(u"before"_s, before);
        const Reply r = list(*x, d);
        QVERIFY2(r.ok, qPrintable(r.describe()));
        if (ids(r).isEmpty())
            break;
        QCOMPARE(ids(r).size(), 1);
        walked += ids(r);
        before = walked.last();
    }
    QCOMPARE(walked, ids(all));
    // The order follows the counts as they are now.
    QVERIFY(joinGuild(*owner, *y, one));
    QVERIFY(joinGuild(*owner, *x, one));
    QCOMPARE(ids(list(*x, {{u"query"_s, t}})), (QStringList{one.guildId, three.guildId, two.guildId}));
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(x));
    m_clients.push_back(std::move(y));
}

void tst_Directory::searchBadInput_data()
{
    QTest::addColumn<QJsonObject>("d");
    QTest::addColumn<QString>("expected");
    QTest::newRow("limit 0") << QJsonObject{{u"limit"_s, 0}} << u"bad_request"_s;
    QTest::newRow("limit 51") << QJsonObject{{u"limit"_s, 51}} << u"bad_request"_s;
    QTest::newRow("limit 50") << QJsonObject{{u"limit"_s, 50}} << u"ok"_s;
    QTest::newRow("query a number") << QJsonObject{{u"query"_s, 5}} << u"bad_request"_s;
    QTest::newRow("query too long") << QJsonObject{{u"query"_s, QString(257, u'a')}} << u"bad_request"_s;
    QTest::newRow("query null") << QJsonObject{{u"query"_s, QJsonValue()}} << u"ok"_s;
    QTest::newRow("before unknown") << QJsonObject{{u"before"_s, u"12345"_s}} << u"bad_request"_s;
    QTest::newRow("before not an id") << QJsonObject{{u"before"_s, u"x"_s}} << u"bad_request"_s;
}

void tst_Directory::searchBadInput()
{
    QFETCH(QJsonObject, d);
    QFETCH(QString, expected);
    auto c = user(u"bad"_s);
    QCOMPARE(outcome(list(*c, d)), expected);
    m_clients.push_back(std::move(c));
}

void tst_Directory::descriptionValidation_data()
{
    QTest::addColumn<QJsonValue>("description");
    QTest::addColumn<QString>("expected");
    QTest::newRow("300") << QJsonValue(QString(300, u'd')) << u"ok"_s;
    QTest::newRow("301") << QJsonValue(QString(301, u'd')) << u"bad_request"_s;
    QTest::newRow("300 after trimming") << QJsonValue(u"  "_s + QString(300, u'd') + u"  "_s) << u"ok"_s;
    QTest::newRow("empty") << QJsonValue(u""_s) << u"ok"_s;
    QTest::newRow("newline") << QJsonValue(u"a\nb"_s) << u"ok"_s;
    QTest::newRow("tab") << QJsonValue(u"a\tb"_s) << u"bad_request"_s;
    QTest::newRow("bell") << QJsonValue(u"a\u0007b"_s) << u"bad_request"_s;
    QTest::newRow("number") << QJsonValue(3) << u"bad_request"_s;
}

void tst_Directory::descriptionValidation()
{
    QFETCH(QJsonValue, description);
    QFETCH(QString, expected);
    auto owner = user(u"own"_s);
    const GuildRef g = createGuild(*owner);
    QVERIFY(g.valid());
    QCOMPARE(outcome(owner->request(u"guild.update"_s,
                                    {{u"guild_id"_s, g.guildId}, {u"description"_s, description}})),
             expected);
    QCOMPARE(outcome(owner->request(u"guild.update"_s,
                                    {{u"guild_id"_s, g.guildId}, {u"discoverable"_s, u"yes"_s}})),
             u"bad_request"_s);
    m_clients.push_back(std::move(owner));
}

void tst_Directory::onlyManagersChangeListing()
{
    auto owner = user(u"own"_s);
    auto b = user(u"bee"_s);
    auto out = user(u"out"_s);
    const GuildRef g = createGuild(*owner);
    QVERIFY(joinGuild(*owner, *b, g));
    QCOMPARE(outcome(b->request(u"guild.update"_s, {{u"guild_id"_s, g.guildId}, {u"discoverable"_s, true}})),
             u"forbidden"_s);
    QCOMPARE(
        outcome(out->request(u"guild.update"_s, {{u"guild_id"_s, g.guildId}, {u"discoverable"_s, true}})),
        u"not_found"_s);
    // With manage_guild through a role it is allowed.
    const Reply role = owner->request(u"role.create"_s, {{u"guild_id"_s, g.guildId},
                                                         {u"name"_s, u"Managers"_s},
                                                         {u"permissions"_s, QJsonArray{u"manage_guild"_s}}});
    QVERIFY(role.ok);
    QVERIFY(owner
                ->request(u"member.set_roles"_s, {{u"guild_id"_s, g.guildId},
                                                  {u"user_id"_s, b->userId()},
                                                  {u"role_ids"_s, QJsonArray{role.d.value(u"id"_s)}}})
                .ok);
    QVERIFY(b->request(u"guild.update"_s, {{u"guild_id"_s, g.guildId}, {u"discoverable"_s, true}}).ok);
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(b));
    m_clients.push_back(std::move(out));
}

void tst_Directory::joinDiscoverable()
{
    const QString t = tag();
    auto owner = user(u"own"_s);
    auto b = user(u"bee"_s);
    auto joiner = user(u"joy"_s);
    const GuildRef g = createGuild(*owner, u"Open "_s + t);
    QVERIFY(g.valid());
    QVERIFY(joinGuild(*owner, *b, g));
    QVERIFY(setListed(*owner, g.guildId, true));
    for (TestClient *c : {owner.get(), b.get(), joiner.get()})
        QVERIFY(SocialFixture::flush(*c));
    m_fx.forget({owner.get(), b.get(), joiner.get()});
    const Reply r = joiner->request(u"guild.join"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    // As invite.join: the full guild, with channels and members.
    QCOMPARE(r.d.value(u"id"_s).toString(), g.guildId);
    QCOMPARE(r.d.value(u"channels"_s).toArray().first().toObject().value(u"id"_s).toString(), g.channelId);
    QCOMPARE(r.d.value(u"members"_s).toArray().size(), 3);
    const auto created = m_fx.waitFor(*joiner, u"guild.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d.value(u"id"_s).toString(), g.guildId);
    for (TestClient *c : {owner.get(), b.get()}) {
        const auto ev = m_fx.waitFor(*c, u"member.joined"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"guild_id"_s).toString(), g.guildId);
        QCOMPARE(ev->d.value(u"member"_s).toObject().value(u"user"_s).toObject().value(u"id"_s).toString(),
                 joiner->userId());
        QCOMPARE(ev->d.value(u"member"_s).toObject().value(u"role"_s).toString(), u"member"_s);
    }
    // A member now: the channel is theirs to write in, and the count went up.
    QVERIFY(sendMessage(*joiner, g.channelId, u"hello"_s).ok);
    const Reply listed = list(*joiner, {{u"query"_s, t}});
    QCOMPARE(listed.d.value(u"guilds"_s).toArray().first().toObject().value(u"member_count"_s).toInt(), 3);
    // Joining again: as invite.join, ok and nothing new.
    QVERIFY(SocialFixture::flush(*owner));
    m_fx.forget(*owner);
    const Reply again = joiner->request(u"guild.join"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY2(again.ok, qPrintable(again.describe()));
    QCOMPARE(again.d.value(u"id"_s).toString(), g.guildId);
    QVERIFY(SocialFixture::flush(*owner));
    QCOMPARE(m_fx.count(*owner, u"member.joined"_s), 0);
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(b));
    m_clients.push_back(std::move(joiner));
}

void tst_Directory::joinRefusals()
{
    auto owner = user(u"own"_s);
    auto banned = user(u"ban"_s);
    auto c = user(u"cee"_s);
    const GuildRef listed = createGuild(*owner, u"Listed"_s);
    const GuildRef unlisted = createGuild(*owner, u"Unlisted"_s);
    QVERIFY(listed.valid() && unlisted.valid());
    QVERIFY(setListed(*owner, listed.guildId, true));
    QVERIFY(
        owner->request(u"member.ban"_s, {{u"guild_id"_s, listed.guildId}, {u"user_id"_s, banned->userId()}})
            .ok);
    QCOMPARE(outcome(banned->request(u"guild.join"_s, {{u"guild_id"_s, listed.guildId}})), u"forbidden"_s);
    QCOMPARE(outcome(c->request(u"guild.join"_s, {{u"guild_id"_s, unlisted.guildId}})), u"not_found"_s);
    QCOMPARE(outcome(c->request(u"guild.join"_s, {{u"guild_id"_s, u"12345"_s}})), u"not_found"_s);
    QCOMPARE(outcome(c->request(u"guild.join"_s, {})), u"bad_request"_s);
    QCOMPARE(outcome(c->request(u"guild.join"_s, {{u"guild_id"_s, 5}})), u"bad_request"_s);
    // Unlisting closes the door again.
    QVERIFY(setListed(*owner, listed.guildId, false));
    QCOMPARE(outcome(c->request(u"guild.join"_s, {{u"guild_id"_s, listed.guildId}})), u"not_found"_s);
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(banned));
    m_clients.push_back(std::move(c));
}

void tst_Directory::guestsCannot()
{
    // A guest cannot join other guilds (invite.join neither): no directory for them.
    auto owner = user(u"own"_s);
    const GuildRef g = createGuild(*owner, u"Open to accounts"_s);
    QVERIFY(setListed(*owner, g.guildId, true));
    auto guest = m_fx.server().connect();
    QVERIFY(guest->guest(u"visitor"_s).ok);
    QCOMPARE(outcome(list(*guest, {})), u"forbidden"_s);
    QCOMPARE(outcome(guest->request(u"guild.join"_s, {{u"guild_id"_s, g.guildId}})), u"forbidden"_s);
    m_clients.push_back(std::move(owner));
    m_clients.push_back(std::move(guest));
}

void tst_Directory::keptAfterRestart()
{
    const QString t = tag();
    auto owner = user(u"own"_s);
    const GuildRef g = createGuild(*owner, u"Lasting "_s + t);
    QVERIFY(setListed(*owner, g.guildId, true, u"Still here"_s));
    const QString token = owner->token();
    cleanup();
    owner.reset();
    QVERIFY(m_fx.server().restart());
    auto again = m_fx.server().connect();
    QVERIFY(again->loginWithToken(token).ok);
    const Reply r = list(*again, {{u"query"_s, t}});
    QCOMPARE(ids(r), QStringList{g.guildId});
    QCOMPARE(r.d.value(u"guilds"_s).toArray().first().toObject().value(u"description"_s).toString(),
             u"Still here"_s);
    m_clients.push_back(std::move(again));
}

QTEST_GUILESS_MAIN(tst_Directory)
#include "tst_directory.moc"

// Channel kinds (issue 13) against a real server: colour, categories (parent_id, their overwrites
// as a new channel's default, deleting one), channels that are never stored (persistent false) and
// roulette channels (one random online member gets each message), on SQLite and PostgreSQL, and
// across two nodes on PostgreSQL.
#include "SocialFixture.h"
#include "common/ClusterPair.h"
#include "common/Scenario.h"
#include "common/TestDatabase.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_ChannelKinds : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAndDefaults();
    void colour();
    void badColour_data();
    void badColour();
    void categories();
    void badParents();
    void categoryHoldsNoMessages();
    void categoryOverwritesAreTheDefault();
    void deletingACategoryFreesItsChannels();
    void notStored();
    void notStoredRefusals();
    void offlineMemberNeverGetsIt();
    void kindsAreFixed();
    void roulette();
    void rouletteAloneAndInvisible();
    void plainMemberCannotCreate();
    void keptAfterRestart();
    void acrossNodes();

private:
    //! channel.create in the test guild with these fields besides the name.
    Reply create(TestClient &c, const QString &name, const QJsonObject &extra = {});
    Reply update(TestClient &c, const QString &channelId, const QJsonObject &fields);
    //! A channel of the test guild as c's ready has it; empty when absent.
    QJsonObject channelInReady(const TestClient &c, const QString &channelId) const;
    static QString id(const Reply &r) { return r.d.value(u"id"_s).toString(); }

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_b, m_c, m_out;
    GuildRef m_g;
};

void tst_ChannelKinds::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, b and c are plain members, out owns a guild of its own.
void tst_ChannelKinds::init()
{
    m_owner = m_fx.user(u"owen"_s);
    m_b = m_fx.user(u"bea"_s);
    m_c = m_fx.user(u"cy"_s);
    m_out = m_fx.user(u"oz"_s);
    m_g = createGuild(*m_owner);
    QVERIFY(m_g.valid());
    for (TestClient *c : {m_b.get(), m_c.get()})
        QVERIFY(joinGuild(*m_owner, *c, m_g));
    for (TestClient *c : {m_owner.get(), m_b.get(), m_c.get(), m_out.get()})
        QVERIFY(SocialFixture::flush(*c));
    m_fx.forget({m_owner.get(), m_b.get(), m_c.get(), m_out.get()});
}

void tst_ChannelKinds::cleanup()
{
    for (auto *c : {m_owner.get(), m_b.get(), m_c.get(), m_out.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_owner.reset();
    m_b.reset();
    m_c.reset();
    m_out.reset();
}

Reply tst_ChannelKinds::create(TestClient &c, const QString &name, const QJsonObject &extra)
{
    QJsonObject d = extra;
    d.insert(u"guild_id"_s, m_g.guildId);
    d.insert(u"name"_s, name);
    return c.request(u"channel.create"_s, d);
}

Reply tst_ChannelKinds::update(TestClient &c, const QString &channelId, const QJsonObject &fields)
{
    QJsonObject d = fields;
    d.insert(u"channel_id"_s, channelId);
    return c.request(u"channel.update"_s, d);
}

QJsonObject tst_ChannelKinds::channelInReady(const TestClient &c, const QString &channelId) const
{
    for (const QJsonValue &g : c.readyData().value(u"guilds"_s).toArray())
        for (const QJsonValue &ch : g.toObject().value(u"channels"_s).toArray())
            if (ch.toObject().value(u"id"_s).toString() == channelId)
                return ch.toObject();
    return {};
}

void tst_ChannelKinds::helloAndDefaults()
{
    QVERIFY(m_b->hello().value(u"features"_s).toArray().contains(u"channel_kinds"_s));
    // Every channel carries the new fields, a v1 channel with their defaults.
    auto b2 = m_fx.secondSession(*m_b);
    const QJsonObject general = channelInReady(*b2, m_g.channelId);
    QCOMPARE(general.value(u"type"_s).toString(), u"text"_s);
    QVERIFY(general.contains(u"color"_s) && general.value(u"color"_s).isNull());
    QVERIFY(general.contains(u"parent_id"_s) && general.value(u"parent_id"_s).isNull());
    QCOMPARE(general.value(u"persistent"_s), QJsonValue(true));
    QCOMPARE(general.value(u"mode"_s).toString(), u"normal"_s);
    const Reply made = create(*m_owner, u"plain"_s);
    QVERIFY2(made.ok, qPrintable(made.describe()));
    for (const char *k : {"color", "parent_id", "persistent", "mode"})
        QVERIFY2(made.d.contains(QLatin1String(k)), k);
}

void tst_ChannelKinds::colour()
{
    const Reply made = create(*m_owner, u"red"_s, {{u"color"_s, u"#FF0000"_s}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    QCOMPARE(made.d.value(u"color"_s).toString(), u"#ff0000"_s);
    const auto created = m_fx.waitFor(*m_b, u"channel.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d.value(u"color"_s).toString(), u"#ff0000"_s);
    // Changed, then cleared with null; a change without color keeps it.
    const Reply blue = update(*m_owner, id(made), {{u"color"_s, u"#0000aa"_s}});
    QVERIFY2(blue.ok, qPrintable(blue.describe()));
    QCOMPARE(blue.d.value(u"color"_s).toString(), u"#0000aa"_s);
    const auto updated = m_fx.waitFor(*m_c, u"channel.updated"_s);
    QVERIFY(updated);
    QCOMPARE(updated->d.value(u"color"_s).toString(), u"#0000aa"_s);
    QCOMPARE(update(*m_owner, id(made), {{u"topic"_s, u"sea"_s}}).d.value(u"color"_s).toString(),
             u"#0000aa"_s);
    const Reply cleared = update(*m_owner, id(made), {{u"color"_s, QJsonValue::Null}});
    QVERIFY2(cleared.ok, qPrintable(cleared.describe()));
    QVERIFY(cleared.d.value(u"color"_s).isNull());
    // Null on create: none.
    QVERIFY(create(*m_owner, u"none"_s, {{u"color"_s, QJsonValue::Null}}).d.value(u"color"_s).isNull());
}

void tst_ChannelKinds::badColour_data()
{
    QTest::addColumn<QJsonValue>("color");
    QTest::newRow("empty") << QJsonValue(u""_s);
    QTest::newRow("name") << QJsonValue(u"red"_s);
    QTest::newRow("short") << QJsonValue(u"#abc"_s);
    QTest::newRow("no hash") << QJsonValue(u"aabbcc"_s);
    QTest::newRow("not hex") << QJsonValue(u"#gghhii"_s);
    QTest::newRow("long") << QJsonValue(u"#aabbccdd"_s);
    QTest::newRow("number") << QJsonValue(0xff0000);
    QTest::newRow("bool") << QJsonValue(true);
}

void tst_ChannelKinds::badColour()
{
    QFETCH(QJsonValue, color);
    QCOMPARE(outcome(create(*m_owner, u"bad"_s, {{u"color"_s, color}})), u"bad_request"_s);
    QCOMPARE(outcome(update(*m_owner, m_g.channelId, {{u"color"_s, color}})), u"bad_request"_s);
    auto owner2 = m_fx.secondSession(*m_owner);
    const QJsonObject general = channelInReady(*owner2, m_g.channelId);
    QVERIFY(!general.isEmpty());
    QVERIFY(general.value(u"color"_s).isNull());
}

void tst_ChannelKinds::categories()
{
    const Reply cat = create(*m_owner, u"Games"_s, {{u"type"_s, u"category"_s}});
    QVERIFY2(cat.ok, qPrintable(cat.describe()));
    QCOMPARE(cat.d.value(u"type"_s).toString(), u"category"_s);
    QVERIFY(cat.d.value(u"parent_id"_s).isNull());
    const auto created = m_fx.waitFor(*m_b, u"channel.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d.value(u"type"_s).toString(), u"category"_s);
    // A text channel made in it, another moved into it and out again.
    const Reply chess = create(*m_owner, u"chess"_s, {{u"parent_id"_s, id(cat)}});
    QVERIFY2(chess.ok, qPrintable(chess.describe()));
    QCOMPARE(chess.d.value(u"parent_id"_s).toString(), id(cat));
    QCOMPARE(chess.d.value(u"type"_s).toString(), u"text"_s);
    const Reply moved = update(*m_owner, m_g.channelId, {{u"parent_id"_s, id(cat)}});
    QVERIFY2(moved.ok, qPrintable(moved.describe()));
    QCOMPARE(moved.d.value(u"parent_id"_s).toString(), id(cat));
    const auto ev = m_fx.waitFor(*m_c, u"channel.updated"_s, [&](const Event &e) {
        return e.d.value(u"id"_s).toString() == m_g.channelId;
    });
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"parent_id"_s).toString(), id(cat));
    // Leaving parent_id out keeps it; null takes it away.
    QCOMPARE(update(*m_owner, m_g.channelId, {{u"name"_s, u"lobby"_s}}).d.value(u"parent_id"_s).toString(),
             id(cat));
    const Reply out = update(*m_owner, m_g.channelId, {{u"parent_id"_s, QJsonValue::Null}});
    QVERIFY2(out.ok, qPrintable(out.describe()));
    QVERIFY(out.d.value(u"parent_id"_s).isNull());
    // A new session's ready has the category beside every text channel.
    auto b2 = m_fx.secondSession(*m_b);
    QCOMPARE(channelInReady(*b2, id(cat)).value(u"type"_s).toString(), u"category"_s);
    QCOMPARE(channelInReady(*b2, id(chess)).value(u"parent_id"_s).toString(), id(cat));
    QCOMPARE(channelInReady(*b2, m_g.channelId).value(u"type"_s).toString(), u"text"_s);
    // A category has no read state.
    QVERIFY(SocialFixture::readStateIn(b2->readyData(), id(cat)).isEmpty());
    QVERIFY(!SocialFixture::readStateIn(b2->readyData(), id(chess)).isEmpty());
}

void tst_ChannelKinds::badParents()
{
    const Reply cat = create(*m_owner, u"Games"_s, {{u"type"_s, u"category"_s}});
    QVERIFY(cat.ok);
    const GuildRef other = createGuild(*m_out, u"Elsewhere"_s);
    QVERIFY(other.valid());
    const Reply otherCat = m_out->request(
        u"channel.create"_s,
        {{u"guild_id"_s, other.guildId}, {u"name"_s, u"Theirs"_s}, {u"type"_s, u"category"_s}});
    QVERIFY(otherCat.ok);
    // A category of another guild, a text channel, an unknown id, not an id.
    for (const QJsonValue &parent :
         {QJsonValue(id(otherCat)), QJsonValue(m_g.channelId), QJsonValue(u"12345"_s), QJsonValue(7)}) {
        QCOMPARE(outcome(create(*m_owner, u"x"_s, {{u"parent_id"_s, parent}})), u"bad_request"_s);
        QCOMPARE(outcome(update(*m_owner, m_g.channelId, {{u"parent_id"_s, parent}})), u"bad_request"_s);
    }
    // A category under a category, made or moved there.
    QCOMPARE(outcome(create(*m_owner, u"sub"_s, {{u"type"_s, u"category"_s}, {u"parent_id"_s, id(cat)}})),
             u"bad_request"_s);
    const Reply cat2 = create(*m_owner, u"More"_s, {{u"type"_s, u"category"_s}});
    QVERIFY(cat2.ok);
    QCOMPARE(outcome(update(*m_owner, id(cat2), {{u"parent_id"_s, id(cat)}})), u"bad_request"_s);
    QCOMPARE(outcome(update(*m_owner, id(cat), {{u"parent_id"_s, id(cat)}})), u"bad_request"_s);
    // Types there are not.
    for (const QJsonValue &type : {QJsonValue(u"voice"_s), QJsonValue(u"dm"_s), QJsonValue(1)})
        QCOMPARE(outcome(create(*m_owner, u"x"_s, {{u"type"_s, type}})), u"bad_request"_s);
    // Nothing of that was made.
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"channel.created"_s), 2);
    QCOMPARE(m_fx.count(*m_b, u"channel.updated"_s), 0);
}

void tst_ChannelKinds::categoryHoldsNoMessages()
{
    const Reply cat = create(*m_owner, u"Games"_s, {{u"type"_s, u"category"_s}});
    QVERIFY(cat.ok);
    QCOMPARE(outcome(sendMessage(*m_owner, id(cat), u"hello"_s)), u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"message.history"_s, {{u"channel_id"_s, id(cat)}})), u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"typing.start"_s, {{u"channel_id"_s, id(cat)}})), u"bad_request"_s);
    QCOMPARE(
        outcome(m_b->request(u"channel.ack"_s, {{u"channel_id"_s, id(cat)}, {u"message_id"_s, id(cat)}})),
        u"bad_request"_s);
    // Nor can it be stored or a roulette.
    QCOMPARE(outcome(create(*m_owner, u"c"_s, {{u"type"_s, u"category"_s}, {u"persistent"_s, false}})),
             u"bad_request"_s);
    QCOMPARE(outcome(create(*m_owner, u"c"_s, {{u"type"_s, u"category"_s}, {u"mode"_s, u"roulette"_s}})),
             u"bad_request"_s);
}

void tst_ChannelKinds::categoryOverwritesAreTheDefault()
{
    // A category only the owner (and admins) see: the same view_channel rule as any channel.
    const Reply cat = create(*m_owner, u"Staff"_s, {{u"type"_s, u"category"_s}});
    QVERIFY(cat.ok);
    const Reply hidden =
        m_owner->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, id(cat)},
                                                      {u"role_id"_s, m_g.guildId},
                                                      {u"allow"_s, QJsonArray{}},
                                                      {u"deny"_s, QJsonArray{u"view_channel"_s}}});
    QVERIFY2(hidden.ok, qPrintable(hidden.describe()));
    QVERIFY(m_fx.waitFor(*m_b, u"channel.deleted"_s));
    QCOMPARE(outcome(m_b->request(u"channel.update"_s, {{u"channel_id"_s, id(cat)}, {u"name"_s, u"x"_s}})),
             u"not_found"_s);
    // A channel made in it starts with its overwrites, so b does not see it either.
    const Reply inside = create(*m_owner, u"plans"_s, {{u"parent_id"_s, id(cat)}});
    QVERIFY2(inside.ok, qPrintable(inside.describe()));
    QCOMPARE(inside.d.value(u"overwrites"_s), hidden.d.value(u"overwrites"_s));
    QCOMPARE(outcome(m_b->request(u"message.history"_s, {{u"channel_id"_s, id(inside)}})), u"not_found"_s);
    // Moving a channel into it later keeps the channel's own overwrites.
    const Reply moved = update(*m_owner, m_g.channelId, {{u"parent_id"_s, id(cat)}});
    QVERIFY(moved.ok);
    QCOMPARE(moved.d.value(u"overwrites"_s).toArray().size(), 0);
    QVERIFY(SocialFixture::flush(*m_b));
    for (const Event &e : m_fx.events(*m_b, u"channel.created"_s))
        QVERIFY(e.d.value(u"id"_s).toString() != id(inside));
    auto b2 = m_fx.secondSession(*m_b);
    QVERIFY(channelInReady(*b2, id(cat)).isEmpty());
    QVERIFY(channelInReady(*b2, id(inside)).isEmpty());
    QVERIFY(!channelInReady(*b2, m_g.channelId).isEmpty());
}

void tst_ChannelKinds::deletingACategoryFreesItsChannels()
{
    const Reply cat = create(*m_owner, u"Games"_s, {{u"type"_s, u"category"_s}});
    QVERIFY(cat.ok);
    const Reply chess = create(*m_owner, u"chess"_s, {{u"parent_id"_s, id(cat)}});
    const Reply go = create(*m_owner, u"go"_s, {{u"parent_id"_s, id(cat)}});
    QVERIFY(chess.ok && go.ok);
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    const Reply gone = m_owner->request(u"channel.delete"_s, {{u"channel_id"_s, id(cat)}});
    QVERIFY2(gone.ok, qPrintable(gone.describe()));
    QVERIFY(m_fx.waitFor(*m_b, u"channel.deleted"_s));
    QSet<QString> freed;
    for (int i = 0; i < 2; ++i) {
        const auto ev = m_fx.waitFor(*m_b, u"channel.updated"_s);
        QVERIFY(ev);
        QVERIFY(ev->d.value(u"parent_id"_s).isNull());
        freed.insert(ev->d.value(u"id"_s).toString());
    }
    QCOMPARE(freed, (QSet<QString>{id(chess), id(go)}));
    // So the database has it too.
    QVERIFY(m_fx.server().restart());
    auto owner = m_fx.server().connect();
    QVERIFY(owner->loginWithToken(m_owner->token()).ok);
    QVERIFY(channelInReady(*owner, id(chess)).value(u"parent_id"_s).isNull());
    QVERIFY(channelInReady(*owner, id(cat)).isEmpty());
    cleanup();
}

void tst_ChannelKinds::notStored()
{
    const Reply made = create(*m_owner, u"here-now"_s, {{u"persistent"_s, false}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    QCOMPARE(made.d.value(u"persistent"_s), QJsonValue(false));
    QCOMPARE(made.d.value(u"mode"_s).toString(), u"normal"_s);
    const QString channelId = id(made);
    QVERIFY(m_fx.waitFor(*m_c, u"channel.created"_s));
    const QString nonce = newNonce();
    const Reply sent = sendMessage(*m_b, channelId, u"only now"_s, nonce);
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    QVERIFY(!id(sent).isEmpty());
    QCOMPARE(sent.d.value(u"content"_s).toString(), u"only now"_s);
    QCOMPARE(sent.d.value(u"channel_id"_s).toString(), channelId);
    QVERIFY(!sent.d.contains(u"delivered_to"_s));
    // Everyone online gets it, the author's sessions included.
    for (TestClient *c : {m_owner.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*c, u"message.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"id"_s).toString(), id(sent));
    }
    // A resend of the nonce answers the same and delivers nothing again.
    const Reply again = sendMessage(*m_b, channelId, u"only now"_s, nonce);
    QCOMPARE(id(again), id(sent));
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"message.created"_s), 1);
    // Nothing kept: history is empty, the channel's last_message_id does not move, no unread.
    const Reply history = m_c->request(u"message.history"_s, {{u"channel_id"_s, channelId}});
    QVERIFY2(history.ok, qPrintable(history.describe()));
    QCOMPARE(history.d, (QJsonObject{{u"messages"_s, QJsonArray{}}}));
    const Reply search =
        m_c->request(u"message.search"_s, {{u"query"_s, u"only"_s}, {u"channel_id"_s, channelId}});
    QVERIFY2(search.ok, qPrintable(search.describe()));
    QCOMPARE(search.d.value(u"messages"_s).toArray().size(), 0);
    const Reply ack =
        m_c->request(u"channel.ack"_s, {{u"channel_id"_s, channelId}, {u"message_id"_s, id(sent)}});
    QVERIFY2(ack.ok, qPrintable(ack.describe()));
    QCOMPARE(ack.d.value(u"unread"_s).toInt(), 0);
    auto c2 = m_fx.secondSession(*m_c);
    QVERIFY(channelInReady(*c2, channelId).value(u"last_message_id"_s).isNull());
    const QJsonObject rs = SocialFixture::readStateIn(c2->readyData(), channelId);
    QCOMPARE(rs.value(u"unread"_s).toInt(), 0);
    QCOMPARE(rs.value(u"mentions"_s).toInt(), 0);
}

void tst_ChannelKinds::notStoredRefusals()
{
    const Reply made = create(*m_owner, u"here-now"_s, {{u"persistent"_s, false}});
    QVERIFY(made.ok);
    const QString channelId = id(made);
    const Reply sent = sendMessage(*m_b, channelId, u"fleeting"_s);
    QVERIFY(sent.ok);
    const QString messageId = id(sent);
    QCOMPARE(outcome(m_b->request(u"message.edit"_s, {{u"message_id"_s, messageId}, {u"content"_s, u"x"_s}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"message.delete"_s, {{u"message_id"_s, messageId}})), u"bad_request"_s);
    for (const QString &op : {u"reaction.add"_s, u"reaction.remove"_s, u"reaction.users"_s})
        QCOMPARE(outcome(m_c->request(
                     op, {{u"channel_id"_s, channelId}, {u"message_id"_s, messageId}, {u"emoji"_s, u"👍"_s}})),
                 u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"message.send"_s, {{u"channel_id"_s, channelId},
                                                      {u"content"_s, u"with a file"_s},
                                                      {u"nonce"_s, newNonce()},
                                                      {u"attachment_ids"_s, QJsonArray{u"123"_s}}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"message.send"_s, {{u"channel_id"_s, channelId},
                                                      {u"content"_s, u"a reply"_s},
                                                      {u"nonce"_s, newNonce()},
                                                      {u"reply_to_id"_s, messageId}})),
             u"bad_request"_s);
    // The usual rules still hold: content, a stranger.
    QCOMPARE(outcome(sendMessage(*m_b, channelId, u"   "_s)), u"bad_request"_s);
    QCOMPARE(outcome(sendMessage(*m_out, channelId, u"hi"_s)), u"not_found"_s);
}

void tst_ChannelKinds::offlineMemberNeverGetsIt()
{
    const Reply made = create(*m_owner, u"here-now"_s, {{u"persistent"_s, false}});
    QVERIFY(made.ok);
    const QString cToken = m_c->token();
    m_c->close();
    m_c.reset();
    const Reply sent = sendMessage(*m_owner, id(made), u"while c is away"_s);
    QVERIFY(sent.ok);
    QVERIFY(m_fx.waitFor(*m_b, u"message.created"_s));
    // c comes back: neither an event nor history has it.
    auto c = m_fx.server().connect();
    QVERIFY(c->loginWithToken(cToken).ok);
    QVERIFY(SocialFixture::flush(*c));
    QCOMPARE(c->countEvents(u"message.created"_s), 0);
    QCOMPARE(c->request(u"message.history"_s, {{u"channel_id"_s, id(made)}})
                 .d.value(u"messages"_s)
                 .toArray()
                 .size(),
             0);
    // Now online, c gets the next one.
    QVERIFY(sendMessage(*m_owner, id(made), u"welcome back"_s).ok);
    const auto ev = c->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"content"_s).toString(), u"welcome back"_s);
}

void tst_ChannelKinds::kindsAreFixed()
{
    const Reply made = create(*m_owner, u"here-now"_s, {{u"persistent"_s, false}});
    QVERIFY(made.ok);
    QCOMPARE(outcome(update(*m_owner, id(made), {{u"persistent"_s, true}})), u"bad_request"_s);
    QCOMPARE(outcome(update(*m_owner, id(made), {{u"mode"_s, u"roulette"_s}})), u"bad_request"_s);
    QCOMPARE(outcome(update(*m_owner, id(made), {{u"type"_s, u"category"_s}})), u"bad_request"_s);
    QCOMPARE(outcome(update(*m_owner, m_g.channelId, {{u"persistent"_s, false}})), u"bad_request"_s);
    // The same values again are no change.
    QVERIFY(update(*m_owner, id(made),
                   {{u"persistent"_s, false}, {u"mode"_s, u"normal"_s}, {u"type"_s, u"text"_s}})
                .ok);
    // Bad values on create.
    QCOMPARE(outcome(create(*m_owner, u"x"_s, {{u"persistent"_s, u"no"_s}})), u"bad_request"_s);
    QCOMPARE(outcome(create(*m_owner, u"x"_s, {{u"mode"_s, u"lottery"_s}})), u"bad_request"_s);
    QCOMPARE(outcome(create(*m_owner, u"x"_s, {{u"mode"_s, u"roulette"_s}, {u"persistent"_s, true}})),
             u"bad_request"_s);
}

void tst_ChannelKinds::roulette()
{
    const Reply made = create(*m_owner, u"roulette"_s, {{u"mode"_s, u"roulette"_s}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    QCOMPARE(made.d.value(u"mode"_s).toString(), u"roulette"_s);
    QCOMPARE(made.d.value(u"persistent"_s), QJsonValue(false)); // roulette implies it
    const QString channelId = id(made);
    QVERIFY(m_fx.waitFor(*m_b, u"channel.created"_s));
    QVERIFY(m_fx.waitFor(*m_c, u"channel.created"_s));
    QVERIFY(m_fx.waitFor(*m_owner, u"channel.created"_s));
    for (int i = 0; i < 12; ++i) {
        m_fx.forget({m_owner.get(), m_b.get(), m_c.get()});
        const Reply sent = sendMessage(*m_owner, channelId, u"spin %1"_s.arg(i));
        QVERIFY2(sent.ok, qPrintable(sent.describe()));
        const QString to = sent.d.value(u"delivered_to"_s).toString();
        QVERIFY2(to == m_b->userId() || to == m_c->userId(), qPrintable(to));
        TestClient &chosen = to == m_b->userId() ? *m_b : *m_c;
        TestClient &other = to == m_b->userId() ? *m_c : *m_b;
        const auto ev = m_fx.waitFor(chosen, u"message.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"id"_s).toString(), id(sent));
        QCOMPARE(ev->d.value(u"content"_s).toString(), u"spin %1"_s.arg(i));
        // The event went out before the reply: a ping after it shows nobody else got one.
        QVERIFY(SocialFixture::flush(other) && SocialFixture::flush(*m_owner));
        QCOMPARE(m_fx.count(other, u"message.created"_s), 0);
        QCOMPARE(m_fx.count(*m_owner, u"message.created"_s), 0);
    }
    QCOMPARE(m_c->request(u"message.history"_s, {{u"channel_id"_s, channelId}})
                 .d.value(u"messages"_s)
                 .toArray()
                 .size(),
             0);
    // Typing there reaches nobody.
    QVERIFY(m_b->request(u"typing.start"_s, {{u"channel_id"_s, channelId}}).ok);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"typing.started"_s), 0);
}

void tst_ChannelKinds::rouletteAloneAndInvisible()
{
    // Alone in a guild: nobody to deliver to.
    auto solo = m_fx.user(u"solo"_s);
    const GuildRef own = createGuild(*solo, u"Just me"_s);
    QVERIFY(own.valid());
    const Reply wheel =
        solo->request(u"channel.create"_s,
                      {{u"guild_id"_s, own.guildId}, {u"name"_s, u"wheel"_s}, {u"mode"_s, u"roulette"_s}});
    QVERIFY(wheel.ok);
    const Reply lonely = sendMessage(*solo, id(wheel), u"anyone?"_s);
    QVERIFY2(lonely.ok, qPrintable(lonely.describe()));
    QVERIFY(lonely.d.contains(u"delivered_to"_s) && lonely.d.value(u"delivered_to"_s).isNull());
    QVERIFY(SocialFixture::flush(*solo));
    QCOMPARE(solo->countEvents(u"message.created"_s), 0);

    // In the test guild c goes invisible and b goes away: only offline people, nobody is picked.
    const Reply made = create(*m_owner, u"roulette"_s, {{u"mode"_s, u"roulette"_s}});
    QVERIFY(made.ok);
    QVERIFY(m_c->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}}).ok);
    QVERIFY(m_fx.waitPresence(*m_owner, m_c->userId(), u"offline"_s));
    for (int i = 0; i < 5; ++i) {
        const Reply sent = sendMessage(*m_owner, id(made), u"spin"_s);
        QVERIFY(sent.ok);
        QVERIFY2(sent.d.value(u"delivered_to"_s).toString() == m_b->userId(), qPrintable(sent.describe()));
    }
    m_b->close();
    QVERIFY(m_fx.waitPresence(*m_owner, m_b->userId(), u"offline"_s, 20000));
    for (int i = 0; i < 5; ++i) {
        const Reply sent = sendMessage(*m_owner, id(made), u"spin"_s);
        QVERIFY(sent.ok);
        QVERIFY2(sent.d.value(u"delivered_to"_s).isNull(), qPrintable(sent.describe()));
    }
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"message.created"_s), 0);
    m_b.reset();
}

void tst_ChannelKinds::plainMemberCannotCreate()
{
    for (const QJsonObject &extra :
         {QJsonObject{{u"type"_s, u"category"_s}}, QJsonObject{{u"persistent"_s, false}},
          QJsonObject{{u"mode"_s, u"roulette"_s}}, QJsonObject{{u"color"_s, u"#123456"_s}}})
        QCOMPARE(outcome(create(*m_b, u"mine"_s, extra)), u"forbidden"_s);
    QCOMPARE(outcome(update(*m_b, m_g.channelId, {{u"color"_s, u"#123456"_s}})), u"forbidden"_s);
    QCOMPARE(outcome(create(*m_out, u"theirs"_s, {{u"type"_s, u"category"_s}})), u"not_found"_s);
    // With manage_channels from a role they may.
    const Reply role =
        m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                            {u"name"_s, u"Builders"_s},
                                            {u"permissions"_s, QJsonArray{u"manage_channels"_s}}});
    QVERIFY(role.ok);
    QVERIFY(m_owner
                ->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"user_id"_s, m_b->userId()},
                                                  {u"role_ids"_s, QJsonArray{id(role)}}})
                .ok);
    QVERIFY(m_fx.waitFor(*m_b, u"member.updated"_s));
    const Reply cat = create(*m_b, u"mine"_s, {{u"type"_s, u"category"_s}});
    QVERIFY2(cat.ok, qPrintable(cat.describe()));
}

void tst_ChannelKinds::keptAfterRestart()
{
    const Reply cat = create(*m_owner, u"Games"_s, {{u"type"_s, u"category"_s}, {u"color"_s, u"#00ff00"_s}});
    QVERIFY(cat.ok);
    const Reply now = create(*m_owner, u"now"_s, {{u"persistent"_s, false}, {u"parent_id"_s, id(cat)}});
    const Reply wheel =
        create(*m_owner, u"wheel"_s, {{u"mode"_s, u"roulette"_s}, {u"color"_s, u"#0000ff"_s}});
    QVERIFY(now.ok && wheel.ok);
    const QString token = m_owner->token();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto owner = m_fx.server().connect();
    QVERIFY(owner->loginWithToken(token).ok);
    QCOMPARE(channelInReady(*owner, id(cat)), cat.d);
    QCOMPARE(channelInReady(*owner, id(now)), now.d);
    QCOMPARE(channelInReady(*owner, id(wheel)), wheel.d);
    // Still not stored after the restart.
    QVERIFY(sendMessage(*owner, id(now), u"after"_s).ok);
    QCOMPARE(owner->request(u"message.history"_s, {{u"channel_id"_s, id(now)}})
                 .d.value(u"messages"_s)
                 .toArray()
                 .size(),
             0);
}

void tst_ChannelKinds::acrossNodes()
{
    if (!TestDatabase::postgres())
        QSKIP("several nodes share PostgreSQL only");
    // Ann on node A, Bob on node B: unstored messages and roulette reach across the bus.
    ClusterPair n;
    QString err;
    QVERIFY2(n.start(&err), qPrintable(err));
    auto &ann = n.ann;
    auto &bob = n.bob;
    const GuildRef g = createGuild(*ann, u"Both nodes"_s);
    const Reply inv = ann->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(inv.ok);
    QTRY_VERIFY(bob->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}}).ok);
    const Reply now = ann->request(
        u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"now"_s}, {u"persistent"_s, false}});
    const Reply wheel =
        ann->request(u"channel.create"_s,
                     {{u"guild_id"_s, g.guildId}, {u"name"_s, u"wheel"_s}, {u"mode"_s, u"roulette"_s}});
    QVERIFY(now.ok && wheel.ok);
    // Node B learns the channels over the bus, with their kinds.
    QVERIFY(bob->waitEventWhere(u"channel.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s).toString() == id(wheel) && e.d.value(u"mode"_s).toString() == u"roulette";
    }));
    QVERIFY(bob->waitEventWhere(u"channel.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s).toString() == id(now) && e.d.value(u"persistent"_s) == QJsonValue(false);
    }));
    const Reply sent = sendMessage(*ann, id(now), u"across"_s);
    QVERIFY(sent.ok);
    QVERIFY(bob->waitEventWhere(u"message.created"_s,
                                [&](const Event &e) { return e.d.value(u"id"_s) == sent.d.value(u"id"_s); }));
    QCOMPARE(bob->request(u"message.history"_s, {{u"channel_id"_s, id(now)}})
                 .d.value(u"messages"_s)
                 .toArray()
                 .size(),
             0);
    // Bob's presence is node B's: node A picks him once it has heard of him (each try sends once).
    Reply spun;
    QVERIFY(QTest::qWaitFor(
        [&] {
            spun = sendMessage(*ann, id(wheel), u"spin"_s);
            return spun.d.value(u"delivered_to"_s).toString() == bob->userId();
        },
        10000));
    QVERIFY(bob->waitEventWhere(u"message.created"_s,
                                [&](const Event &e) { return e.d.value(u"id"_s) == spun.d.value(u"id"_s); }));
    // From B, A's Ann is picked.
    Reply back;
    QVERIFY(QTest::qWaitFor(
        [&] {
            back = sendMessage(*bob, id(wheel), u"spin back"_s);
            return back.d.value(u"delivered_to"_s).toString() == ann->userId();
        },
        10000));
    QVERIFY(ann->waitEventWhere(u"message.created"_s,
                                [&](const Event &e) { return e.d.value(u"id"_s) == back.d.value(u"id"_s); }));
    QVERIFY(SocialFixture::flush(*bob));
    QCOMPARE(bob->countEvents(u"message.created"_s), 2); // "across" and Ann's spin; not his own
}

QTEST_GUILESS_MAIN(tst_ChannelKinds)
#include "tst_channelkinds.moc"

// Strings end to end (issue 15, "Input"): what the server acknowledges is exactly what events,
// history and a restarted server give back; strings it cannot keep as sent (unpaired UTF-16
// surrogates), frames that are not exactly one RFC 8259 JSON object, controls in a custom status
// and names that render as nothing are bad_request, and nothing of them is stored.
#include "common/Scenario.h"
#include "common/ServerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

QJsonObject firstMessage(const Reply &history)
{
    return history.d.value(u"messages"_s).toArray().first().toObject();
}

QJsonObject findById(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    }
    return {};
}

} // namespace

class tst_Strings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void unpairedSurrogatesAreBadRequest_data();
    void unpairedSurrogatesAreBadRequest();
    void signedOutOpsRefuseSurrogatesToo_data();
    void signedOutOpsRefuseSurrogatesToo();
    void notExactlyOneJsonObject_data();
    void notExactlyOneJsonObject();
    void byteOrderMarkNeverReachesTheParser();
    void nothingRefusedWasStored();
    void customStatusControls_data();
    void customStatusControls();
    void invisibleNamesAreBlank_data();
    void invisibleNamesAreBlank();
    void bidiControlsLeaveNames();
    void everyStringFieldRoundTrips();

private:
    //! Sends a raw frame with id 4242 and waits for its reply.
    Reply raw(TestClient &c, const QByteArray &frame);
    QByteArray fill(QByteArray body) const;

    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_a;
    std::unique_ptr<TestClient> m_b;
    GuildRef m_g;
    QString m_messageId;
    QString m_displayName;
};

void tst_Strings::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
    m_a = m_fx.newUser(u"strings"_s);
    m_b = m_fx.newUser(u"reader"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    const Reply sent = sendMessage(*m_a, m_g.channelId, u"the only message"_s);
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    m_messageId = sent.d.value(u"id"_s).toString();
    m_displayName = m_a->user().value(u"display_name"_s).toString();
}

void tst_Strings::cleanup()
{
    if (m_a && !m_a->isConnected()) {
        const QString token = m_a->token();
        m_a = m_fx.connect();
        QVERIFY(m_a->loginWithToken(token).ok);
    }
}

Reply tst_Strings::raw(TestClient &c, const QByteArray &frame)
{
    c.sendRawText(frame);
    return c.waitReply(QJsonValue(4242));
}

QByteArray tst_Strings::fill(QByteArray body) const
{
    return body.replace("%C", m_g.channelId.toLatin1())
        .replace("%G", m_g.guildId.toLatin1())
        .replace("%M", m_messageId.toLatin1())
        .replace("%U", m_b->userId().toLatin1());
}

void tst_Strings::unpairedSurrogatesAreBadRequest_data()
{
    QTest::addColumn<QByteArray>("op");
    QTest::addColumn<QByteArray>("d"); // raw JSON; %C channel, %G guild, %M message, %U user B
    // What QJsonDocument turned "x\ud800y" into: a string the databases store as something else.
    QTest::newRow("message content") << QByteArray("message.send")
                                     << QByteArray(R"({"channel_id":"%C","content":"x\ud800y","nonce":"s1"})");
    QTest::newRow("message content, low half") << QByteArray("message.send")
                                               << QByteArray(R"({"channel_id":"%C","content":"x\udc00","nonce":"s2"})");
    QTest::newRow("message content, reversed pair") << QByteArray("message.send")
                                                    << QByteArray(R"({"channel_id":"%C","content":"\udc00\ud800","nonce":"s3"})");
    QTest::newRow("nonce") << QByteArray("message.send")
                           << QByteArray(R"({"channel_id":"%C","content":"hi","nonce":"n\ud800"})");
    QTest::newRow("edited content") << QByteArray("message.edit")
                                    << QByteArray(R"({"message_id":"%M","content":"x\ud800y"})");
    QTest::newRow("display name") << QByteArray("user.update") << QByteArray(R"({"display_name":"Zo\ud800e"})");
    QTest::newRow("guild name") << QByteArray("guild.create") << QByteArray(R"({"name":"G\udbff"})");
    QTest::newRow("guild rename") << QByteArray("guild.update") << QByteArray(R"({"guild_id":"%G","name":"G\udbffx"})");
    QTest::newRow("channel name") << QByteArray("channel.create") << QByteArray(R"({"guild_id":"%G","name":"c\ud800"})");
    QTest::newRow("channel topic") << QByteArray("channel.create")
                                   << QByteArray(R"({"guild_id":"%G","name":"ok","topic":"t\ud800"})");
    QTest::newRow("channel rename") << QByteArray("channel.update") << QByteArray(R"({"channel_id":"%C","name":"\udfffc"})");
    QTest::newRow("custom status") << QByteArray("presence.set")
                                   << QByteArray(R"({"status":"online","custom_status":"x\ud800y"})");
    QTest::newRow("group DM name") << QByteArray("dm.create_group")
                                   << QByteArray(R"({"user_ids":["%U"],"name":"g\ud800"})");
    QTest::newRow("a key") << QByteArray("ping") << QByteArray(R"({"\ud800":1})");
    QTest::newRow("an id string") << QByteArray("message.history") << QByteArray(R"({"channel_id":"1\ud800"})");
    // SQLite reads U+FFFE and U+FFFF back as U+FFFD: refused like surrogates.
    QTest::newRow("U+FFFF in content") << QByteArray("message.send")
                                       << QByteArray(R"({"channel_id":"%C","content":"x\uffff","nonce":"s4"})");
    QTest::newRow("raw U+FFFE in a name") << QByteArray("guild.create") << QByteArray("{\"name\":\"g\xEF\xBF\xBE\"}");
}

void tst_Strings::unpairedSurrogatesAreBadRequest()
{
    QFETCH(QByteArray, op);
    QFETCH(QByteArray, d);
    const Reply r = raw(*m_a, R"({"op":")" + op + R"(","id":4242,"d":)" + fill(d) + "}");
    QVERIFY(r.received);
    QCOMPARE(outcome(r), u"bad_request"_s);
    QCOMPARE(r.re, QJsonValue(4242));
    QVERIFY2(r.message.contains(u"surrogate"_s) || r.message.contains(u"U+FFF"_s), qPrintable(r.message));
    QCOMPARE(outcome(m_a->request(u"ping"_s)), u"ok"_s);
}

void tst_Strings::signedOutOpsRefuseSurrogatesToo_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("register username") << QByteArray(
        R"({"op":"session.register","id":4242,"d":{"username":"ab\ud800","password":"correct horse"}})");
    QTest::newRow("register password") << QByteArray(
        R"({"op":"session.register","id":4242,"d":{"username":"surro","password":"correct \ud800horse"}})");
    QTest::newRow("register display name") << QByteArray(
        R"({"op":"session.register","id":4242,"d":{"username":"surro","password":"correct horse","display_name":"\ud800"}})");
    QTest::newRow("login password") << QByteArray(
        R"({"op":"session.login","id":4242,"d":{"username":"surro","password":"correct \udc00horse"}})");
}

void tst_Strings::signedOutOpsRefuseSurrogatesToo()
{
    QFETCH(QByteArray, frame);
    auto c = m_fx.connect();
    const Reply r = raw(*c, frame);
    QCOMPARE(outcome(r), u"bad_request"_s);
    QCOMPARE(r.re, QJsonValue(4242));
    // Nothing was created: the same name registers normally afterwards.
    QCOMPARE(outcome(c->request(u"ping"_s)), u"ok"_s);
}

void tst_Strings::notExactlyOneJsonObject_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QJsonValue>("re"); // the id the error names; null where none is usable
    const QJsonValue id(4242);
    const QJsonValue none(QJsonValue::Null);
    const QByteArray ping = R"({"op":"ping","id":4242})";
    QTest::newRow("raw control character in a string")
        << QByteArray("{\"op\":\"ping\",\"id\":4242,\"d\":{\"x\":\"a\x01" "b\"}}") << id;
    QTest::newRow("raw newline in a string") << QByteArray("{\"op\":\"ping\",\"id\":4242,\"d\":{\"x\":\"a\nb\"}}") << id;
    QTest::newRow("undefined escape") << QByteArray(R"({"op":"ping","id":4242,"d":{"x":"\q"}})") << id;
    QTest::newRow("number 1.") << QByteArray(R"({"op":"ping","id":4242,"d":{"x":1.}})") << id;
    QTest::newRow("number .5") << QByteArray(R"({"op":"ping","id":4242,"d":{"x":.5}})") << id;
    QTest::newRow("trailing garbage") << ping + "x" << none;
    QTest::newRow("two objects") << ping + ping << none;
    QTest::newRow("NaN") << QByteArray(R"({"op":"ping","id":4242,"d":{"x":NaN}})") << none;
    QTest::newRow("duplicate key") << QByteArray(R"({"op":"ping","id":4242,"op":"ping"})") << none;
    QTest::newRow("duplicate key in d") << QByteArray(R"({"op":"ping","id":4242,"d":{"a":1,"a":1}})") << none;
    QTest::newRow("array") << "[" + ping + "]" << none;
}

void tst_Strings::notExactlyOneJsonObject()
{
    QFETCH(QByteArray, frame);
    QFETCH(QJsonValue, re);
    m_a->sendRawText(frame);
    const Reply r = re.isNull() ? m_a->waitNullReply() : m_a->waitReply(re);
    QVERIFY(r.received);
    QCOMPARE(outcome(r), u"bad_request"_s);
    QVERIFY(m_a->isConnected());
    QCOMPARE(outcome(m_a->request(u"ping"_s)), u"ok"_s);
}

void tst_Strings::byteOrderMarkNeverReachesTheParser()
{
    // QtWebSockets' UTF-8 decoder drops a byte-order mark at the start of a text message, so
    // the server reads the frame without it (docs/PROTOCOL.md, "What the parser accepts"); a
    // mark anywhere else is not JSON white space.
    m_a->sendRawText("\xEF\xBB\xBF" R"({"op":"ping","id":4242})");
    QCOMPARE(outcome(m_a->waitReply(QJsonValue(4242))), u"ok"_s);
    m_a->sendRawText(" \xEF\xBB\xBF" R"({"op":"ping","id":4243})");
    QCOMPARE(outcome(m_a->waitNullReply()), u"bad_request"_s);
    m_a->sendRawText(R"({"op":"ping",)" "\xEF\xBB\xBF" R"("id":4244})");
    QCOMPARE(outcome(m_a->waitNullReply()), u"bad_request"_s);
}

void tst_Strings::nothingRefusedWasStored()
{
    const Reply h = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY2(h.ok, qPrintable(h.describe()));
    QCOMPARE(messageIds(h), QStringList{m_messageId});
    QCOMPARE(firstMessage(h).value(u"content"_s).toString(), u"the only message"_s);
    QVERIFY(firstMessage(h).value(u"edited_at"_s).isNull());
    // Nobody saw a message or a rename that was refused.
    QCOMPARE(m_b->countEvents(u"message.updated"_s), 0);
    QCOMPARE(m_b->countEvents(u"user.updated"_s), 0);
    QCOMPARE(m_b->countEvents(u"guild.updated"_s), 0);
    QCOMPARE(m_b->countEvents(u"channel.updated"_s), 0);
    QCOMPARE(m_b->countEvents(u"channel.created"_s), 0);
    auto again = m_fx.connect();
    QCOMPARE(outcome(again->loginWithToken(m_a->token())), u"ok"_s);
    QCOMPARE(again->user().value(u"display_name"_s).toString(), m_displayName);
    QCOMPARE(again->readyData().value(u"guilds"_s).toArray().size(), 1);
    QVERIFY(again->readyData().value(u"dms"_s).toArray().isEmpty());
}

void tst_Strings::customStatusControls_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bell") << u"ding\u0007"_s << u"bad_request"_s;
    QTest::newRow("escape") << u"\u001B[31mred"_s << u"bad_request"_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"bad_request"_s;
    QTest::newRow("backspace") << u"a\bb"_s << u"bad_request"_s;
    QTest::newRow("nul") << u"a\u0000b"_s << u"bad_request"_s;
    QTest::newRow("tab and newline") << u"busy\tuntil\nfive"_s << u"ok"_s;
}

void tst_Strings::customStatusControls()
{
    QFETCH(QString, status);
    QFETCH(QString, expected);
    const Reply r = m_a->request(u"presence.set"_s, {{u"status"_s, u"online"_s}, {u"custom_status"_s, status}});
    QCOMPARE(outcome(r), expected);
    if (r.ok)
        QCOMPARE(r.d.value(u"custom_status"_s).toString(), status);
}

void tst_Strings::invisibleNamesAreBlank_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("zero width spaces") << u"\u200B\u200B"_s;
    QTest::newRow("soft hyphen") << u"\u00AD"_s;
    QTest::newRow("byte-order marks") << u"\uFEFF \uFEFF"_s;
    QTest::newRow("mixed format characters") << u"\u2060\u200D\u2063\u200E"_s;
    QTest::newRow("hangul filler") << u"\u3164"_s;
    QTest::newRow("only bidi overrides") << u"\u202E\u202D\u2066"_s;
}

void tst_Strings::invisibleNamesAreBlank()
{
    QFETCH(QString, name);
    QCOMPARE(outcome(m_a->request(u"user.update"_s, {{u"display_name"_s, name}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"guild.create"_s, {{u"name"_s, name}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, name}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, name}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"name"_s, name}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s,
                                  {{u"user_ids"_s, QJsonArray{m_b->userId()}}, {u"name"_s, name}})),
             u"bad_request"_s);
    auto c = m_fx.connect();
    QCOMPARE(outcome(c->request(u"session.register"_s, {{u"username"_s, u"invisible"_s},
                                                        {u"password"_s, ServerFixture::password()},
                                                        {u"display_name"_s, name}})),
             u"bad_request"_s);
}

void tst_Strings::bidiControlsLeaveNames()
{
    // U+202E would show "exe.gnp" as "png.exe" and flip whatever follows the name on screen.
    const Reply u = m_a->request(u"user.update"_s, {{u"display_name"_s, u"\u202Eevil\u202C \u2067x\u2069"_s}});
    QVERIFY2(u.ok, qPrintable(u.describe()));
    QCOMPARE(u.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"evil x"_s);
    const Reply g = m_a->request(u"guild.create"_s, {{u"name"_s, u"\u202Agnp.exe\u202E"_s}});
    QVERIFY2(g.ok, qPrintable(g.describe()));
    QCOMPARE(g.d.value(u"name"_s).toString(), u"gnp.exe"_s);
    const QString guildId = g.d.value(u"id"_s).toString();
    const Reply c = m_a->request(u"channel.create"_s, {{u"guild_id"_s, guildId}, {u"name"_s, u"a\u2068b\u202Bc"_s}});
    QVERIFY2(c.ok, qPrintable(c.describe()));
    QCOMPARE(c.d.value(u"name"_s).toString(), u"abc"_s);
    const Reply d = m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_b->userId()}},
                                                         {u"name"_s, u"\u202Dparty"_s}});
    QVERIFY2(d.ok, qPrintable(d.describe()));
    QCOMPARE(d.d.value(u"channel"_s).toObject().value(u"name"_s).toString(), u"party"_s);
    // Marks that do not override (U+200F) stay: they are how right-to-left names are written.
    const Reply keep = m_a->request(u"user.update"_s, {{u"display_name"_s, u"\u05D0\u200Fb"_s}});
    QCOMPARE(keep.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"\u05D0\u200Fb"_s);
    QVERIFY(m_a->request(u"guild.delete"_s, {{u"guild_id"_s, guildId}}).ok);
    QVERIFY(m_a->request(u"user.update"_s, {{u"display_name"_s, m_displayName}}).ok);
    QVERIFY(m_a->request(u"dm.leave"_s, {{u"channel_id"_s, d.d.value(u"channel"_s).toObject().value(u"id"_s)}}).ok);
}

void tst_Strings::everyStringFieldRoundTrips()
{
    // Every string a client can store, with astral characters (surrogate pairs), combining marks,
    // right-to-left text, the noncharacters at the ends of the planes, quotes and backslashes.
    const QString content = u"x\U0001F44By e\u0301 \u0645\u0631\u062D\u0628\u0627 \u4E2D\u6587 \"q\" \\ud800 "
                            u"\uFFFD \U0010FFFD \U0010FFFF \uFDD0\ttab\nline \u0001"_s;
    const QString edited = u"edited \U0001F600\U0001F3FD \u05E9\u05DC\u05D5\u05DD"_s;
    const QString nonce = u"n-\U0001F44B-\u00E9-\\ud800"_s;
    const QString display = u"Zo\u00EB \U0001F44B \u0645\u0631"_s;
    const QString guildName = u"Guild \U0001F3AE \u4E2D\u6587 \\udc00 \"x\""_s;
    const QString channelName = u"chan \U0001D11E e\u0301"_s;
    const QString topic = u"topic \U0001F44B\nline two\tand a tab"_s;
    const QString status = u"\U0001F3AE gaming\tnow"_s;
    const QString groupName = u"group \U0001F44B \u05E9"_s;

    auto owner = m_fx.newUser(u"roundtrip"_s);
    auto other = m_fx.newUser(u"roundtrip2"_s);

    const Reply u = owner->request(u"user.update"_s, {{u"display_name"_s, display}});
    QVERIFY2(u.ok, qPrintable(u.describe()));
    QCOMPARE(u.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), display);

    const GuildRef g = createGuild(*owner, guildName);
    QVERIFY(g.valid());
    QCOMPARE(g.full.value(u"name"_s).toString(), guildName);
    QVERIFY(joinGuild(*owner, *other, g));

    const Reply ch = owner->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, channelName},
                                                          {u"topic"_s, topic}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    QCOMPARE(ch.d.value(u"name"_s).toString(), channelName);
    QCOMPARE(ch.d.value(u"topic"_s).toString(), topic);
    const QString channelId = ch.d.value(u"id"_s).toString();
    const auto created = other->waitEvent(u"channel.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d.value(u"name"_s).toString(), channelName);
    QCOMPARE(created->d.value(u"topic"_s).toString(), topic);

    const Reply sent = sendMessage(*owner, channelId, content, nonce);
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    QCOMPARE(sent.d.value(u"content"_s).toString(), content);
    QCOMPARE(sent.d.value(u"nonce"_s).toString(), nonce);
    const auto ev = other->waitEventWhere(u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == sent.d.value(u"id"_s);
    });
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"content"_s).toString(), content);
    QCOMPARE(ev->d.value(u"nonce"_s).toString(), nonce);
    QCOMPARE(ev->d.value(u"author"_s).toObject().value(u"display_name"_s).toString(), display);
    const Reply h = other->request(u"message.history"_s, {{u"channel_id"_s, channelId}});
    QCOMPARE(firstMessage(h).value(u"content"_s).toString(), content);
    QCOMPARE(firstMessage(h).value(u"nonce"_s).toString(), nonce);
    // The same nonce again is recognised: it was stored exactly.
    const Reply resent = sendMessage(*owner, channelId, u"different"_s, nonce);
    QCOMPARE(resent.d.value(u"id"_s), sent.d.value(u"id"_s));

    const Reply second = sendMessage(*owner, channelId, u"to be edited"_s);
    QVERIFY(second.ok);
    const Reply ed = owner->request(u"message.edit"_s, {{u"message_id"_s, second.d.value(u"id"_s)}, {u"content"_s, edited}});
    QVERIFY2(ed.ok, qPrintable(ed.describe()));
    QCOMPARE(ed.d.value(u"content"_s).toString(), edited);
    const auto upd = other->waitEvent(u"message.updated"_s);
    QVERIFY(upd);
    QCOMPARE(upd->d.value(u"content"_s).toString(), edited);

    const Reply ps = owner->request(u"presence.set"_s, {{u"status"_s, u"online"_s}, {u"custom_status"_s, status}});
    QVERIFY2(ps.ok, qPrintable(ps.describe()));
    QCOMPARE(ps.d.value(u"custom_status"_s).toString(), status);
    QVERIFY(other->waitEventWhere(u"presence.updated"_s, [&](const Event &e) {
        return e.d.value(u"custom_status"_s).toString() == status;
    }));

    const Reply dm = owner->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{other->userId()}}, {u"name"_s, groupName}});
    QVERIFY2(dm.ok, qPrintable(dm.describe()));
    const QJsonObject dmChannel = dm.d.value(u"channel"_s).toObject();
    QCOMPARE(dmChannel.value(u"name"_s).toString(), groupName);
    QVERIFY(other->waitEventWhere(u"channel.created"_s, [&](const Event &e) {
        return e.d.value(u"name"_s).toString() == groupName;
    }));

    // A restarted server reads back from the database exactly what it acknowledged.
    const QString token = owner->token();
    owner.reset();
    other.reset();
    QVERIFY(m_fx.restart());
    m_a.reset();
    m_b.reset();
    auto back = m_fx.connect();
    QVERIFY(back->loginWithToken(token).ok);
    QCOMPARE(back->user().value(u"display_name"_s).toString(), display);
    const QJsonObject guild = findById(back->readyData().value(u"guilds"_s).toArray(), g.guildId);
    QCOMPARE(guild.value(u"name"_s).toString(), guildName);
    const QJsonObject channel = findById(guild.value(u"channels"_s).toArray(), channelId);
    QCOMPARE(channel.value(u"name"_s).toString(), channelName);
    QCOMPARE(channel.value(u"topic"_s).toString(), topic);
    const QJsonObject group = findById(back->readyData().value(u"dms"_s).toArray(), dmChannel.value(u"id"_s).toString());
    QCOMPARE(group.value(u"name"_s).toString(), groupName);
    const Reply after = back->request(u"message.history"_s, {{u"channel_id"_s, channelId}});
    const QJsonArray messages = after.d.value(u"messages"_s).toArray();
    const QJsonObject m1 = findById(messages, sent.d.value(u"id"_s).toString());
    QCOMPARE(m1.value(u"content"_s).toString(), content);
    QCOMPARE(m1.value(u"nonce"_s).toString(), nonce);
    QCOMPARE(findById(messages, second.d.value(u"id"_s).toString()).value(u"content"_s).toString(), edited);
    // Custom status lives in memory only (presence is derived, never stored): nothing to read back.
}

QTEST_GUILESS_MAIN(tst_Strings)
#include "tst_strings.moc"

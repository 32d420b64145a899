// Replies and reactions (issue 12) against a real server: reply_to_id / reply_to on send, events
// and history; reaction.add / reaction.remove with their events, per-reader `me`, the 20-emoji
// limit, idempotence, refusals, blocks, delete, edit, and history after a restart.
#include "SocialFixture.h"
#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Reactions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void plainMessageHasEmptyFields();
    void replyCarriesItsTarget();
    void replyRefusals();
    void replyToDeletedTargetReadsNull();
    void addAndRemoveWithEvents();
    void orderCountsAndMePerReader();
    void atMostTwentyEmoji();
    void reactionRefusals_data();
    void reactionRefusals();
    void forbiddenAcrossBlock();
    void usersListsWhoInOrder();
    void deleteRemovesReactions();
    void editCarriesReactionsPerReader();
    void historyAfterRestart();

private:
    Reply react(TestClient &c, const QString &op, const QString &messageId, const QString &emoji,
                const QString &channelId = {});
    //! The message of that id in c's history of the guild channel (empty if absent).
    QJsonObject inHistory(TestClient &c, const QString &messageId, const QString &channelId = {});

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c;
    GuildRef m_g;
};

void tst_Reactions::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a (with a second device a2) owns the guild, b is a member, c is an outsider.
void tst_Reactions::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    QVERIFY(SocialFixture::flush(*m_a2));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get()});
}

void tst_Reactions::cleanup()
{
    for (auto *c : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_a.reset();
    m_a2.reset();
    m_b.reset();
    m_c.reset();
}

Reply tst_Reactions::react(TestClient &c, const QString &op, const QString &messageId, const QString &emoji,
                           const QString &channelId)
{
    return c.request(op, {{u"channel_id"_s, channelId.isEmpty() ? m_g.channelId : channelId},
                          {u"message_id"_s, messageId},
                          {u"emoji"_s, emoji}});
}

QJsonObject tst_Reactions::inHistory(TestClient &c, const QString &messageId, const QString &channelId)
{
    const Reply h = c.request(u"message.history"_s,
                              {{u"channel_id"_s, channelId.isEmpty() ? m_g.channelId : channelId}});
    for (const QJsonValue &v : h.d.value(u"messages"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == messageId)
            return v.toObject();
    return {};
}

static QJsonArray reactions(std::initializer_list<std::tuple<QString, int, bool>> list)
{
    QJsonArray out;
    for (const auto &[emoji, count, me] : list)
        out.append(QJsonObject{{u"emoji"_s, emoji}, {u"count"_s, count}, {u"me"_s, me}});
    return out;
}

void tst_Reactions::plainMessageHasEmptyFields()
{
    const Reply r = sendMessage(*m_a, m_g.channelId, u"plain"_s);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(r.d.contains(u"reply_to_id"_s) && r.d.value(u"reply_to_id"_s).isNull());
    QVERIFY(r.d.contains(u"reply_to"_s) && r.d.value(u"reply_to"_s).isNull());
    QCOMPARE(r.d.value(u"reactions"_s), QJsonValue(QJsonArray{}));
    // message.created is one frame for everyone: the same object the author got.
    const auto ev = m_fx.waitFor(*m_b, u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, r.d);
    QCOMPARE(inHistory(*m_b, r.d.value(u"id"_s).toString()), r.d);
}

void tst_Reactions::replyCarriesItsTarget()
{
    // 150 characters with an emoji astride the cut: the quote stops before the pair.
    const QString longText = QString(99, u'x') + u"\U0001F600"_s + QString(49, u'y');
    const Reply orig = sendMessage(*m_a, m_g.channelId, longText);
    QVERIFY(orig.ok);
    const QString origId = orig.d.value(u"id"_s).toString();
    const Reply reply = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                         {u"content"_s, u"agreed"_s},
                                                         {u"nonce"_s, newNonce()},
                                                         {u"reply_to_id"_s, origId}});
    QVERIFY2(reply.ok, qPrintable(reply.describe()));
    QCOMPARE(reply.d.value(u"reply_to_id"_s).toString(), origId);
    const QJsonObject to = reply.d.value(u"reply_to"_s).toObject();
    QCOMPARE(to.value(u"id"_s).toString(), origId);
    QCOMPARE(to.value(u"author"_s).toObject(), m_a->user());
    QCOMPARE(to.value(u"content"_s).toString(), QString(99, u'x'));
    const QString shortText = u"short one"_s;
    const Reply orig2 = sendMessage(*m_b, m_g.channelId, shortText);
    const Reply reply2 = m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                          {u"content"_s, u"re"_s},
                                                          {u"nonce"_s, newNonce()},
                                                          {u"reply_to_id"_s, orig2.d.value(u"id"_s)}});
    QVERIFY(reply2.ok);
    QCOMPARE(reply2.d.value(u"reply_to"_s).toObject().value(u"content"_s).toString(), shortText);
    // The event and history carry the same.
    const auto ev = m_fx.waitFor(*m_a2, u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == reply.d.value(u"id"_s);
    });
    QVERIFY(ev);
    QCOMPARE(ev->d, reply.d);
    QCOMPARE(inHistory(*m_a, reply.d.value(u"id"_s).toString()), reply.d);
    // A resend of the reply (same nonce) is the stored message, not a second one.
    const Reply again = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                         {u"content"_s, u"agreed"_s},
                                                         {u"nonce"_s, reply.d.value(u"nonce"_s)},
                                                         {u"reply_to_id"_s, origId}});
    QVERIFY(again.ok);
    QCOMPARE(again.d.value(u"id"_s), reply.d.value(u"id"_s));
}

void tst_Reactions::replyRefusals()
{
    const Reply orig = sendMessage(*m_a, m_g.channelId, u"here"_s);
    QVERIFY(orig.ok);
    const QString origId = orig.d.value(u"id"_s).toString();
    const auto sendReply = [&](TestClient &c, const QString &channelId, const QJsonValue &to) {
        return c.request(u"message.send"_s, {{u"channel_id"_s, channelId},
                                             {u"content"_s, u"re"_s},
                                             {u"nonce"_s, newNonce()},
                                             {u"reply_to_id"_s, to}});
    };
    // Another channel's message.
    const Reply ch = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"other"_s}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    const QString other = ch.d.value(u"id"_s).toString();
    QCOMPARE(outcome(sendReply(*m_b, other, origId)), u"not_found"_s);
    // An id that is no message.
    QCOMPARE(outcome(sendReply(*m_b, m_g.channelId, u"123456789"_s)), u"not_found"_s);
    // Not an id string.
    QCOMPARE(outcome(sendReply(*m_b, m_g.channelId, 5)), u"bad_request"_s);
    QCOMPARE(outcome(sendReply(*m_b, m_g.channelId, u"abc"_s)), u"bad_request"_s);
    // A deleted message.
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, origId}}).ok);
    QCOMPARE(outcome(sendReply(*m_b, m_g.channelId, origId)), u"not_found"_s);
    // null is "not a reply".
    const Reply plain = sendReply(*m_b, m_g.channelId, QJsonValue::Null);
    QVERIFY(plain.ok);
    QVERIFY(plain.d.value(u"reply_to_id"_s).isNull());
    // Nothing refused was stored: history holds only the plain message.
    QCOMPARE(messageIds(m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}})),
             QStringList{plain.d.value(u"id"_s).toString()});
}

void tst_Reactions::replyToDeletedTargetReadsNull()
{
    const Reply orig = sendMessage(*m_a, m_g.channelId, u"soon gone"_s);
    const QString origId = orig.d.value(u"id"_s).toString();
    const Reply reply = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                         {u"content"_s, u"re"_s},
                                                         {u"nonce"_s, newNonce()},
                                                         {u"reply_to_id"_s, origId}});
    QVERIFY(reply.ok);
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, origId}}).ok);
    const QJsonObject h = inHistory(*m_b, reply.d.value(u"id"_s).toString());
    QCOMPARE(h.value(u"reply_to_id"_s).toString(), origId);
    QVERIFY(h.contains(u"reply_to"_s) && h.value(u"reply_to"_s).isNull());
    // An edit of the reply says the same.
    const Reply ed = m_b->request(u"message.edit"_s, {{u"message_id"_s, reply.d.value(u"id"_s)}, {u"content"_s, u"re!"_s}});
    QVERIFY(ed.ok);
    QCOMPARE(ed.d.value(u"reply_to_id"_s).toString(), origId);
    QVERIFY(ed.d.value(u"reply_to"_s).isNull());
}

void tst_Reactions::addAndRemoveWithEvents()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"react to me"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    QVERIFY(SocialFixture::flush(*m_c));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get()});

    const Reply add = react(*m_b, u"reaction.add"_s, id, u"👍"_s);
    QVERIFY2(add.ok, qPrintable(add.describe()));
    QCOMPARE(add.d, QJsonObject{});
    const QJsonObject d{{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, id},
                        {u"user_id"_s, m_b->userId()}, {u"emoji"_s, u"👍"_s}};
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*s, u"reaction.added"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, d);
    }
    // Adding it again: {} and no event.
    QCOMPARE(react(*m_b, u"reaction.add"_s, id, u"👍"_s).d, QJsonObject{});
    QCOMPARE(inHistory(*m_b, id).value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 1, true}}));
    QCOMPARE(inHistory(*m_a, id).value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 1, false}}));

    const Reply rem = react(*m_b, u"reaction.remove"_s, id, u"👍"_s);
    QVERIFY(rem.ok);
    QCOMPARE(rem.d, QJsonObject{});
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*s, u"reaction.removed"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, d);
    }
    // Removing what I no longer have: {} and no event.
    const Reply again = react(*m_b, u"reaction.remove"_s, id, u"👍"_s);
    QVERIFY(again.ok);
    QCOMPARE(again.d, QJsonObject{});
    QCOMPARE(inHistory(*m_a, id).value(u"reactions"_s).toArray(), QJsonArray{});
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"reaction.added"_s), s == m_c.get() ? 0 : 1);
        QCOMPARE(m_fx.count(*s, u"reaction.removed"_s), s == m_c.get() ? 0 : 1);
    }
}

void tst_Reactions::orderCountsAndMePerReader()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"vote"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u":tada:"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"🇫🇷"_s).ok);
    QCOMPARE(inHistory(*m_a, id).value(u"reactions"_s).toArray(),
             reactions({{u":tada:"_s, 1, false}, {u"👍"_s, 2, true}, {u"🇫🇷"_s, 1, true}}));
    QCOMPARE(inHistory(*m_b, id).value(u"reactions"_s).toArray(),
             reactions({{u":tada:"_s, 1, true}, {u"👍"_s, 2, true}, {u"🇫🇷"_s, 1, false}}));
    // The first to add 👍 takes theirs back: 👍 keeps its place (b's is older than the flag).
    QVERIFY(react(*m_a, u"reaction.remove"_s, id, u"👍"_s).ok);
    QCOMPARE(inHistory(*m_a, id).value(u"reactions"_s).toArray(),
             reactions({{u":tada:"_s, 1, false}, {u"👍"_s, 1, false}, {u"🇫🇷"_s, 1, true}}));
    // Another page boundary: a later message without reactions reads [].
    const Reply later = sendMessage(*m_b, m_g.channelId, u"later"_s);
    QCOMPARE(inHistory(*m_a, later.d.value(u"id"_s).toString()).value(u"reactions"_s).toArray(), QJsonArray{});
}

void tst_Reactions::atMostTwentyEmoji()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"many"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    for (int i = 0; i < kith::limits::kReactionsPerMessage; ++i)
        QVERIFY(react(*m_a, u"reaction.add"_s, id, u":e%1:"_s.arg(i)).ok);
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    const Reply over = react(*m_a, u"reaction.add"_s, id, u":one_more:"_s);
    QCOMPARE(outcome(over), u"conflict"_s);
    QVERIFY(!over.message.isEmpty());
    // One of the 20 from someone else is fine.
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u":e7:"_s).ok);
    // Removing one makes room again.
    QVERIFY(react(*m_a, u"reaction.remove"_s, id, u":e3:"_s).ok);
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u":one_more:"_s).ok);
    QCOMPARE(outcome(react(*m_b, u"reaction.add"_s, id, u":another:"_s)), u"conflict"_s);
    const QJsonArray rs = inHistory(*m_b, id).value(u"reactions"_s).toArray();
    QCOMPARE(rs.size(), kith::limits::kReactionsPerMessage);
    QCOMPARE(rs.last().toObject().value(u"emoji"_s).toString(), u":one_more:"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"reaction.added"_s), 2); // e7 and one_more; nothing for the refusals
}

void tst_Reactions::reactionRefusals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty emoji") << u"emoji"_s << QJsonValue(u""_s) << u"bad_request"_s;
    QTest::newRow("33 characters") << u"emoji"_s << QJsonValue(QString(33, u'x')) << u"bad_request"_s;
    QTest::newRow("32 characters") << u"emoji"_s << QJsonValue(QString(32, u'x')) << u"ok"_s;
    QTest::newRow("space inside") << u"emoji"_s << QJsonValue(u"a b"_s) << u"bad_request"_s;
    QTest::newRow("tab") << u"emoji"_s << QJsonValue(u"\t"_s) << u"bad_request"_s;
    QTest::newRow("newline after") << u"emoji"_s << QJsonValue(u"👍\n"_s) << u"bad_request"_s;
    QTest::newRow("no-break space") << u"emoji"_s << QJsonValue(u"a\u00a0b"_s) << u"bad_request"_s;
    QTest::newRow("emoji a number") << u"emoji"_s << QJsonValue(5) << u"bad_request"_s;
    QTest::newRow("no emoji") << u"emoji"_s << QJsonValue(QJsonValue::Undefined) << u"bad_request"_s;
    QTest::newRow("message id bad") << u"message_id"_s << QJsonValue(u"zz"_s) << u"bad_request"_s;
    QTest::newRow("unknown message") << u"message_id"_s << QJsonValue(u"12345"_s) << u"not_found"_s;
    QTest::newRow("unknown channel") << u"channel_id"_s << QJsonValue(u"12345"_s) << u"not_found"_s;
    QTest::newRow("other channel") << u"channel_id"_s << QJsonValue(u"other"_s) << u"not_found"_s;
    QTest::newRow("outsider") << u"outsider"_s << QJsonValue() << u"not_found"_s;
    QTest::newRow("deleted message") << u"deleted"_s << QJsonValue() << u"not_found"_s;
}

void tst_Reactions::reactionRefusals()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"target"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    QJsonObject d{{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, id}, {u"emoji"_s, u"👍"_s}};
    TestClient *who = m_b.get();
    if (field == u"outsider") {
        who = m_c.get();
    } else if (field == u"deleted") {
        QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, id}}).ok);
    } else if (value == QJsonValue(u"other"_s)) {
        const Reply ch = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"other"_s}});
        QVERIFY(ch.ok);
        d.insert(field, ch.d.value(u"id"_s));
    } else if (value.isUndefined()) {
        d.remove(field);
    } else {
        d.insert(field, value);
    }
    for (const QString op : {u"reaction.add"_s, u"reaction.remove"_s, u"reaction.users"_s}) {
        const Reply r = who->request(op, d);
        QCOMPARE(outcome(r), code);
        if (!r.ok)
            QVERIFY(!r.message.isEmpty());
    }
    // The server is still up and the message's reactions are as the outcome says.
    if (field != u"deleted")
        QCOMPARE(inHistory(*m_a, id).value(u"reactions"_s).toArray(), QJsonArray{});
}

void tst_Reactions::usersListsWhoInOrder()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"who likes it"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    auto users = [&](TestClient &c, const QString &emoji) {
        const Reply r = react(c, u"reaction.users"_s, id, emoji);
        QStringList ids;
        for (const QJsonValue &u : r.d.value(u"users"_s).toArray())
            ids.append(u.toObject().value(u"id"_s).toString());
        return r.ok ? ids : QStringList{u"failed: "_s + r.describe()};
    };
    QCOMPARE(users(*m_b, u"👍"_s), QStringList{});
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"🎉"_s).ok);
    // In the order they reacted, per emoji, the same for every reader; user objects as elsewhere.
    QCOMPARE(users(*m_a, u"👍"_s), (QStringList{m_b->userId(), m_a->userId()}));
    QCOMPARE(users(*m_b, u"👍"_s), (QStringList{m_b->userId(), m_a->userId()}));
    QCOMPARE(users(*m_b, u"🎉"_s), QStringList{m_a->userId()});
    const Reply full = react(*m_b, u"reaction.users"_s, id, u"🎉"_s);
    QVERIFY(full.d.value(u"users"_s).toArray().at(0).toObject().value(u"username"_s).toString().startsWith(u"ann"_s));
    QVERIFY(react(*m_b, u"reaction.remove"_s, id, u"👍"_s).ok);
    QCOMPARE(users(*m_a, u"👍"_s), QStringList{m_a->userId()});
    // Asking changes nothing and sends no event.
    for (TestClient *s : {m_a.get(), m_b.get()})
        QVERIFY(SocialFixture::flush(*s));
    const int before = m_fx.count(*m_a, u"reaction.added"_s) + m_fx.count(*m_a, u"reaction.removed"_s);
    QCOMPARE(users(*m_b, u"👍"_s), QStringList{m_a->userId()});
    QVERIFY(SocialFixture::flush(*m_a));
    QCOMPARE(m_fx.count(*m_a, u"reaction.added"_s) + m_fx.count(*m_a, u"reaction.removed"_s), before);
}

void tst_Reactions::forbiddenAcrossBlock()
{
    const QJsonObject dm = SocialFixture::openDm(*m_a, m_b->userId());
    const QString ch = dm.value(u"id"_s).toString();
    QVERIFY(!ch.isEmpty());
    const Reply msg = sendMessage(*m_b, ch, u"before"_s);
    QVERIFY(msg.ok);
    const QString id = msg.d.value(u"id"_s).toString();
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"👍"_s, ch).ok);
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    for (TestClient *c : {m_a.get(), m_b.get()}) {
        QCOMPARE(outcome(react(*c, u"reaction.add"_s, id, u"🎉"_s, ch)), u"forbidden"_s);
        QCOMPARE(outcome(react(*c, u"reaction.remove"_s, id, u"👍"_s, ch)), u"forbidden"_s);
    }
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"reaction.added"_s) + m_fx.count(*s, u"reaction.removed"_s), 0);
    }
    // Nothing changed; after the unblock it works again.
    QCOMPARE(inHistory(*m_a, id, ch).value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 1, true}}));
    QVERIFY(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u"👍"_s, ch).ok);
    QCOMPARE(inHistory(*m_b, id, ch).value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 2, true}}));
}

void tst_Reactions::deleteRemovesReactions()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"doomed"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    QVERIFY(react(*m_a, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u"👎"_s).ok);
    const auto rows = [&] {
        int n = -1;
        m_fx.server().withDb([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"SELECT COUNT(*) FROM reactions WHERE message_id = ?"_s);
            q.addBindValue(id.toLongLong());
            if (!q.exec() || !q.next())
                return false;
            n = q.value(0).toInt();
            return true;
        });
        return n;
    };
    QCOMPARE(rows(), 2);
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, id}}).ok);
    QCOMPARE(rows(), 0);
    QCOMPARE(outcome(react(*m_b, u"reaction.remove"_s, id, u"👎"_s)), u"not_found"_s);
}

void tst_Reactions::editCarriesReactionsPerReader()
{
    const Reply msg = sendMessage(*m_a, m_g.channelId, u"first"_s);
    const QString id = msg.d.value(u"id"_s).toString();
    QVERIFY(react(*m_b, u"reaction.add"_s, id, u"👍"_s).ok);
    QVERIFY(SocialFixture::flush(*m_c));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    const Reply ed = m_a->request(u"message.edit"_s, {{u"message_id"_s, id}, {u"content"_s, u"second"_s}});
    QVERIFY2(ed.ok, qPrintable(ed.describe()));
    QCOMPARE(ed.d.value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 1, false}}));
    const auto onA2 = m_fx.waitFor(*m_a2, u"message.updated"_s);
    const auto onB = m_fx.waitFor(*m_b, u"message.updated"_s);
    QVERIFY(onA2 && onB);
    QCOMPARE(onA2->d, ed.d);
    QCOMPARE(onB->d.value(u"reactions"_s).toArray(), reactions({{u"👍"_s, 1, true}}));
    QCOMPARE(onB->d.value(u"content"_s).toString(), u"second"_s);
}

void tst_Reactions::historyAfterRestart()
{
    const Reply orig = sendMessage(*m_a, m_g.channelId, u"remember me"_s);
    const QString origId = orig.d.value(u"id"_s).toString();
    const Reply reply = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                         {u"content"_s, u"I will"_s},
                                                         {u"nonce"_s, newNonce()},
                                                         {u"reply_to_id"_s, origId}});
    QVERIFY(reply.ok);
    QVERIFY(react(*m_b, u"reaction.add"_s, origId, u"❤️"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, origId, u":wave:"_s).ok);
    QVERIFY(react(*m_a, u"reaction.add"_s, reply.d.value(u"id"_s).toString(), u"❤️"_s).ok);
    const Reply beforeA = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    const Reply beforeB = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY(beforeA.ok && beforeB.ok);
    QCOMPARE(inHistory(*m_b, origId).value(u"reactions"_s).toArray(),
             reactions({{u"❤️"_s, 1, true}, {u":wave:"_s, 1, false}}));
    const QString aToken = m_a->token(), bToken = m_b->token();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto a = m_fx.server().connect();
    auto b = m_fx.server().connect();
    QVERIFY(a->loginWithToken(aToken).ok);
    QVERIFY(b->loginWithToken(bToken).ok);
    const Reply afterA = a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    const Reply afterB = b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(afterA.d, beforeA.d);
    QCOMPARE(afterB.d, beforeB.d);
    QVERIFY(afterA.d != afterB.d); // `me` differs
    // And reactions still work on the restarted server.
    QVERIFY(react(*b, u"reaction.remove"_s, origId, u"❤️"_s).ok);
    QCOMPARE(inHistory(*a, origId).value(u"reactions"_s).toArray(), reactions({{u":wave:"_s, 1, true}}));
}

QTEST_GUILESS_MAIN(tst_Reactions)
#include "tst_reactions.moc"

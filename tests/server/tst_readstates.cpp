// Read states: channel.ack (a message of that channel, never backwards), unread counts of
// others' messages, mention counts (@username whole word any case, @everyone from owner/admin),
// counts in ready that survive a reconnect, and read_state.updated on every session of mine.
#include "SocialFixture.h"

#include "common/Scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_ReadStates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void ackNeedsAMessageOfThatChannel();
    void unreadCountsOthersMessagesOnly();
    void ackRepliesAndSyncsMySessions();
    void ackNeverMovesBack();
    void mentionCounts();
    void everyoneNeedsOwnerOrAdmin();
    void mentionsInDms();
    void deletedMessagesStopCounting();
    void countsSurviveReconnect();
    void readyHasEveryVisibleChannel();

private:
    //! A fresh session of c's user; its ready.read_states entry for the channel.
    QJsonObject readyState(const TestClient &c, const QString &channelId);
    QString send(TestClient &c, const QString &content, QString channelId = {});
    Reply ack(TestClient &c, const QString &channelId, const QString &messageId);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c, m_d;
    GuildRef m_g;
};

void tst_ReadStates::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a owns the guild (second device a2); c is an admin; b and d are members.
void tst_ReadStates::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_d = m_fx.user(u"dan"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    for (TestClient *m : {m_b.get(), m_c.get(), m_d.get()})
        QVERIFY(joinGuild(*m_a, *m, m_g));
    const Reply role = m_a->request(u"member.set_role"_s,
                                    {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_c->userId()}, {u"role"_s, u"admin"_s}});
    QVERIFY2(role.ok, qPrintable(role.describe()));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
}

void tst_ReadStates::cleanup()
{
    for (auto *c : {m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_a.reset();
    m_a2.reset();
    m_b.reset();
    m_c.reset();
    m_d.reset();
}

QJsonObject tst_ReadStates::readyState(const TestClient &c, const QString &channelId)
{
    const auto fresh = m_fx.secondSession(c);
    return SocialFixture::readStateIn(fresh->readyData(), channelId);
}

QString tst_ReadStates::send(TestClient &c, const QString &content, QString channelId)
{
    if (channelId.isEmpty())
        channelId = m_g.channelId;
    const Reply r = sendMessage(c, channelId, content);
    if (!r.ok)
        qWarning("send failed: %s", qPrintable(r.describe()));
    return r.d.value(u"id"_s).toString();
}

Reply tst_ReadStates::ack(TestClient &c, const QString &channelId, const QString &messageId)
{
    return c.request(u"channel.ack"_s, {{u"channel_id"_s, channelId}, {u"message_id"_s, messageId}});
}

static QJsonObject state(const QString &channelId, const QJsonValue &lastRead, int unread, int mentions)
{
    return {{u"channel_id"_s, channelId}, {u"last_read_id"_s, lastRead}, {u"unread"_s, unread}, {u"mentions"_s, mentions}};
}

void tst_ReadStates::ackNeedsAMessageOfThatChannel()
{
    const Reply other = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"other"_s}});
    QVERIFY(other.ok);
    const QString otherId = other.d.value(u"id"_s).toString();
    const QString inOther = send(*m_b, u"elsewhere"_s, otherId);
    const QString inGeneral = send(*m_b, u"here"_s);
    QCOMPARE(outcome(ack(*m_a, m_g.channelId, inOther)), u"not_found"_s);
    QCOMPARE(outcome(ack(*m_a, m_g.channelId, u"999999999999"_s)), u"not_found"_s);
    // A channel I cannot see, even with its own message.
    auto e = m_fx.user(u"eve"_s);
    QCOMPARE(outcome(ack(*e, m_g.channelId, inGeneral)), u"not_found"_s);
    QCOMPARE(outcome(e->request(u"channel.ack"_s, {{u"channel_id"_s, m_g.channelId}})), u"bad_request"_s);
    QCOMPARE(outcome(e->request(u"channel.ack"_s, {{u"message_id"_s, inGeneral}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"channel.ack"_s, {{u"channel_id"_s, 1}, {u"message_id"_s, inGeneral}})),
             u"bad_request"_s);
    // Nothing moved.
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 1, 0));
    QCOMPARE(outcome(ack(*m_a, m_g.channelId, inGeneral)), u"ok"_s);
    // A deleted message is gone: not_found.
    const QString gone = send(*m_b, u"oops"_s);
    QVERIFY(m_b->request(u"message.delete"_s, {{u"message_id"_s, gone}}).ok);
    QCOMPARE(outcome(ack(*m_a, m_g.channelId, gone)), u"not_found"_s);
}

void tst_ReadStates::unreadCountsOthersMessagesOnly()
{
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 0, 0));
    send(*m_b, u"b1"_s);
    send(*m_a, u"a1"_s);
    send(*m_b, u"b2"_s);
    send(*m_a2, u"a2"_s);
    send(*m_d, u"d1"_s);
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 3, 0));
    QCOMPARE(readyState(*m_b, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 3, 0));
    QCOMPARE(readyState(*m_c, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 5, 0));
}

void tst_ReadStates::ackRepliesAndSyncsMySessions()
{
    const QString b1 = send(*m_b, u"b1"_s);
    send(*m_a, u"a1"_s);
    const QString b2 = send(*m_b, u"b2"_s);
    send(*m_a, u"a2"_s);
    const QString b3 = send(*m_b, u"b3"_s);
    const Reply r = ack(*m_a, m_g.channelId, b2);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, state(m_g.channelId, b2, 1, 0));
    // Both of a's sessions hear it; nobody else does.
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        const auto ev = m_fx.waitFor(*s, u"read_state.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, r.d);
    }
    for (TestClient *s : {m_b.get(), m_c.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"read_state.updated"_s), 0);
    }
    // Reading on the other device clears the badge on the first.
    const Reply all = ack(*m_a2, m_g.channelId, b3);
    QCOMPARE(all.d, state(m_g.channelId, b3, 0, 0));
    const auto ev = m_fx.waitFor(*m_a, u"read_state.updated"_s,
                                 [&](const Event &e) { return e.d.value(u"last_read_id"_s).toString() == b3; });
    QVERIFY(ev);
    QCOMPARE(ev->d, all.d);
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, b3, 0, 0));
    // My own message after the marker does not make the channel unread.
    const QString a3 = send(*m_a, u"a3"_s);
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, b3, 0, 0));
    // Acking my own message is fine and moves the marker; an older one does not.
    QCOMPARE(ack(*m_a, m_g.channelId, a3).d, state(m_g.channelId, a3, 0, 0));
    QCOMPARE(ack(*m_a, m_g.channelId, b1).d, state(m_g.channelId, a3, 0, 0));
}

void tst_ReadStates::ackNeverMovesBack()
{
    const QString m1 = send(*m_b, u"one"_s);
    const QString m2 = send(*m_b, u"two @%1"_s.arg(SocialFixture::username(*m_a)));
    const QString m3 = send(*m_b, u"three"_s);
    QCOMPARE(ack(*m_a, m_g.channelId, m2).d, state(m_g.channelId, m2, 1, 0));
    QCOMPARE(ack(*m_a, m_g.channelId, m1).d, state(m_g.channelId, m2, 1, 0));
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, m2, 1, 0));
    QCOMPARE(ack(*m_a, m_g.channelId, m3).d, state(m_g.channelId, m3, 0, 0));
    QCOMPARE(ack(*m_a, m_g.channelId, m2).d, state(m_g.channelId, m3, 0, 0));
    // The mention in m2 counted only while m2 was unread.
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, m3, 0, 0));
}

void tst_ReadStates::mentionCounts()
{
    const QString b = SocialFixture::username(*m_b);
    send(*m_d, u"hi @%1"_s.arg(b.toUpper()));                 // counts: any case
    send(*m_d, u"thanks @%1."_s.arg(b));                      // counts: sentence end
    send(*m_d, u"(@%1) and @%1 twice"_s.arg(b));              // counts once
    send(*m_d, u"not @%1x"_s.arg(b));                         // another word
    send(*m_d, u"mail %1@%2"_s.arg(u"x"_s, b));               // not a mention: inside a word
    send(*m_d, u"%1 without at"_s.arg(b));                    // no @
    send(*m_b, u"talking to myself @%1"_s.arg(b));            // own message: neither unread nor mention
    QCOMPARE(readyState(*m_b, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 6, 3));
    // Someone else is not mentioned by those.
    QCOMPARE(readyState(*m_c, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 7, 0));
    // Acking past them clears the mentions too.
    const QString last = send(*m_d, u"last"_s);
    QCOMPARE(ack(*m_b, m_g.channelId, last).d, state(m_g.channelId, last, 0, 0));
}

void tst_ReadStates::everyoneNeedsOwnerOrAdmin()
{
    send(*m_d, u"@everyone from a member"_s);
    QCOMPARE(readyState(*m_b, m_g.channelId).value(u"mentions"_s).toInt(), 0);
    send(*m_c, u"@everyone from an admin"_s);
    QCOMPARE(readyState(*m_b, m_g.channelId).value(u"mentions"_s).toInt(), 1);
    send(*m_a, u"@everyone and @%1 from the owner"_s.arg(SocialFixture::username(*m_b)));
    QCOMPARE(readyState(*m_b, m_g.channelId).value(u"mentions"_s).toInt(), 2);
    // The admin's @everyone reaches the owner; nobody's own @everyone counts for themselves.
    QCOMPARE(readyState(*m_a, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 2, 1));
    QCOMPARE(readyState(*m_c, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 2, 1));
    QCOMPARE(readyState(*m_d, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 2, 2));
}

void tst_ReadStates::mentionsInDms()
{
    const QString dm = SocialFixture::openDm(*m_b, m_d->userId()).value(u"id"_s).toString();
    QVERIFY(!dm.isEmpty());
    send(*m_b, u"hey @%1"_s.arg(SocialFixture::username(*m_d)), dm);
    send(*m_b, u"second"_s, dm);
    QCOMPARE(readyState(*m_d, dm), state(dm, QJsonValue::Null, 2, 1));
    QCOMPARE(readyState(*m_b, dm), state(dm, QJsonValue::Null, 0, 0));
    // @everyone means nothing in a group DM, even from its owner.
    const Reply g = m_b->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_d->userId(), m_c->userId()}}});
    QVERIFY(g.ok);
    const QString gid = g.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    send(*m_b, u"@everyone hello"_s, gid);
    QCOMPARE(readyState(*m_d, gid), state(gid, QJsonValue::Null, 1, 0));
    // Someone outside the group is not mentioned there.
    send(*m_b, u"@%1 is not here"_s.arg(SocialFixture::username(*m_a)), gid);
    QVERIFY(readyState(*m_a, gid).isEmpty());
}

void tst_ReadStates::deletedMessagesStopCounting()
{
    const QString b = SocialFixture::username(*m_b);
    const QString m1 = send(*m_d, u"@%1 look"_s.arg(b));
    send(*m_d, u"plain"_s);
    const QString m3 = send(*m_c, u"@everyone meeting"_s);
    QCOMPARE(readyState(*m_b, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 3, 2));
    QVERIFY(m_d->request(u"message.delete"_s, {{u"message_id"_s, m1}}).ok);
    QCOMPARE(readyState(*m_b, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 2, 1));
    // An admin deleting someone else's message works the same.
    QVERIFY(m_c->request(u"message.delete"_s, {{u"message_id"_s, m3}}).ok);
    QCOMPARE(readyState(*m_b, m_g.channelId), state(m_g.channelId, QJsonValue::Null, 1, 0));
}

void tst_ReadStates::countsSurviveReconnect()
{
    const QString b = SocialFixture::username(*m_b);
    send(*m_d, u"one"_s);
    const QString mid = send(*m_d, u"@%1 two"_s.arg(b));
    send(*m_c, u"three @%1"_s.arg(b));
    send(*m_a, u"@everyone four"_s);
    // b goes away completely and comes back: the counts are in ready.
    const QString token = m_b->token();
    m_b->close();
    m_b.reset();
    auto back = m_fx.server().connect();
    QVERIFY(back->loginWithToken(token).ok);
    QCOMPARE(SocialFixture::readStateIn(back->readyData(), m_g.channelId),
             state(m_g.channelId, QJsonValue::Null, 4, 3));
    QCOMPARE(ack(*back, m_g.channelId, mid).d, state(m_g.channelId, mid, 2, 2));
    back->close();
    // Across a server restart as well (the marker is stored).
    QVERIFY(m_fx.server().restart());
    auto later = m_fx.server().connect();
    QVERIFY(later->loginWithToken(token).ok);
    QCOMPARE(SocialFixture::readStateIn(later->readyData(), m_g.channelId),
             state(m_g.channelId, mid, 2, 2));
    // The restart dropped every connection; the fixtures' clients are done.
    m_a.reset();
    m_a2.reset();
    m_c.reset();
    m_d.reset();
}

void tst_ReadStates::readyHasEveryVisibleChannel()
{
    const Reply other = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"quiet"_s}});
    QVERIFY(other.ok);
    const QString quiet = other.d.value(u"id"_s).toString();
    const QString dm = SocialFixture::openDm(*m_b, m_a->userId()).value(u"id"_s).toString();
    const GuildRef elsewhere = createGuild(*m_c, u"Elsewhere"_s);
    const auto fresh = m_fx.secondSession(*m_b);
    QStringList ids;
    for (const QJsonValue &v : fresh->readyData().value(u"read_states"_s).toArray()) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.keys(), (QStringList{u"channel_id"_s, u"last_read_id"_s, u"mentions"_s, u"unread"_s}));
        ids << o.value(u"channel_id"_s).toString();
    }
    ids.sort();
    QStringList expected{m_g.channelId, quiet, dm};
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(SocialFixture::readStateIn(fresh->readyData(), quiet), state(quiet, QJsonValue::Null, 0, 0));
    QVERIFY(SocialFixture::readStateIn(fresh->readyData(), elsewhere.channelId).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ReadStates)
#include "tst_readstates.moc"

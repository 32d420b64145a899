// Blocks on every path: relationship events that do not reveal a block, no friend requests or
// 1:1 DMs across one, guild messages flagged for the blocker only (events and history), no
// typing from the blocked user, and their @mentions do not count.
#include "SocialFixture.h"

#include "common/Scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_SocialBlock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void blockEndsFriendship();
    void blockOfAStrangerIsNotRevealed();
    void blockDropsTheirPendingRequest();
    void blockWhenAlreadyBlockedByThem();
    void unblock();
    void noRequestsAcrossBlock();
    void noDmOpenAcrossBlock();
    void noDmSendAcrossBlock();
    void noGroupDmWithBlocked();
    void guildMessagesFlaggedForBlockerOnly();
    void blockedTypingNotSentToBlocker();
    void blockedMentionDoesNotCount();

private:
    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c;
    GuildRef m_g;
};

void tst_SocialBlock::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a (two devices) will block b; c is a bystander. All three share a guild owned by c.
void tst_SocialBlock::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_g = createGuild(*m_c);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_c, *m_a, m_g));
    QVERIFY(joinGuild(*m_c, *m_b, m_g));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get()});
}

void tst_SocialBlock::cleanup()
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

void tst_SocialBlock::blockEndsFriendship()
{
    QVERIFY(m_fx.befriend(*m_a, *m_b));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    const Reply r = m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, (QJsonObject{{u"user"_s, m_b->user()}, {u"type"_s, u"blocked"_s}}));
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        const QList<Event> evs = m_fx.relationshipEvents(*s, m_b->userId());
        QCOMPARE(evs.size(), 1);
        QCOMPARE(evs[0].d.value(u"type"_s).toString(), u"blocked"_s);
    }
    // b's view changed (the friendship ended), so b hears "none", never "blocked".
    QVERIFY(SocialFixture::flush(*m_b));
    const QList<Event> evs = m_fx.relationshipEvents(*m_b, m_a->userId());
    QCOMPARE(evs.size(), 1);
    QCOMPARE(evs[0].d, (QJsonObject{{u"user"_s, m_a->user()}, {u"type"_s, u"none"_s}}));
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"blocked"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
    // A fresh ready of either has no friend left.
    const auto a3 = m_fx.secondSession(*m_a);
    QCOMPARE(a3->readyData().value(u"friends"_s).toArray(), QJsonArray{});
    const auto b2 = m_fx.secondSession(*m_b);
    QCOMPARE(b2->readyData().value(u"friends"_s).toArray(), QJsonArray{});
    // Blocking again is ok and changes nothing.
    m_fx.forget(*m_a);
    m_fx.forget(*m_b);
    QCOMPARE(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).d.value(u"type"_s).toString(),
             u"blocked"_s);
    QVERIFY(SocialFixture::flush(*m_a));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_a, u"relationship.updated"_s), 0);
    QCOMPARE(m_fx.count(*m_b, u"relationship.updated"_s), 0);
}

void tst_SocialBlock::blockOfAStrangerIsNotRevealed()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QVERIFY(m_fx.waitFor(*m_a2, u"relationship.updated"_s, [&](const Event &e) {
        return e.d.value(u"type"_s).toString() == u"blocked";
    }));
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"relationship.updated"_s), 0);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
}

void tst_SocialBlock::blockDropsTheirPendingRequest()
{
    // b asked a; a blocks b: b's outgoing request is gone, and b learns only "none".
    QVERIFY(m_b->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}}).ok);
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    const Reply r = m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}});
    QCOMPARE(r.d.value(u"type"_s).toString(), u"blocked"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    const QList<Event> evs = m_fx.relationshipEvents(*m_b, m_a->userId());
    QCOMPARE(evs.size(), 1);
    QCOMPARE(evs[0].d.value(u"type"_s).toString(), u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"blocked"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
    // And the same when a's own request was pending.
    const auto d = m_fx.user(u"dan"_s);
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*d)}}).ok);
    QVERIFY(SocialFixture::flush(*d));
    m_fx.forget(*d);
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, d->userId()}}).ok);
    QVERIFY(SocialFixture::flush(*d));
    QCOMPARE(m_fx.relationshipEvents(*d, m_a->userId()).size(), 1);
    QCOMPARE(SocialFixture::listedType(*d, m_a->userId()), u"none"_s);
}

void tst_SocialBlock::blockWhenAlreadyBlockedByThem()
{
    QVERIFY(m_b->request(u"user.block"_s, {{u"user_id"_s, m_a->userId()}}).ok);
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    const Reply r = m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"type"_s).toString(), u"blocked"_s);
    // b's view (blocked) did not change, so b hears nothing.
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"relationship.updated"_s), 0);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"blocked"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"blocked"_s);
}

void tst_SocialBlock::unblock()
{
    QCOMPARE(outcome(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    const Reply r = m_a2->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, (QJsonObject{{u"user"_s, m_b->user()}, {u"type"_s, u"none"_s}}));
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        const QList<Event> evs = m_fx.relationshipEvents(*s, m_b->userId());
        QCOMPARE(evs.size(), 1);
        QCOMPARE(evs[0].d.value(u"type"_s).toString(), u"none"_s);
    }
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"relationship.updated"_s), 0);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"none"_s);
    // Requests work again.
    QVERIFY(m_fx.befriend(*m_b, *m_a));
    QCOMPARE(outcome(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    // Blocking myself makes no sense.
    QCOMPARE(outcome(m_a->request(u"user.block"_s, {{u"user_id"_s, m_a->userId()}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"user.block"_s, {{u"user_id"_s, u"999999999999"_s}})), u"not_found"_s);
}

void tst_SocialBlock::noRequestsAcrossBlock()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QVERIFY(SocialFixture::flush(*m_a));
    m_fx.forget(*m_a);
    m_fx.forget(*m_a2);
    QCOMPARE(outcome(m_b->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}})),
             u"conflict"_s);
    QVERIFY(SocialFixture::flush(*m_a));
    QCOMPARE(m_fx.count(*m_a, u"relationship.updated"_s), 0);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"blocked"_s);
}

void tst_SocialBlock::noDmOpenAcrossBlock()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QCOMPARE(outcome(m_b->request(u"dm.open"_s, {{u"user_id"_s, m_a->userId()}})), u"forbidden"_s);
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {{u"user_id"_s, m_b->userId()}})), u"forbidden"_s);
    for (TestClient *s : {m_a.get(), m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"channel.created"_s), 0);
    }
    // After the unblock the DM opens.
    QVERIFY(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QVERIFY(!SocialFixture::openDm(*m_b, m_a->userId()).isEmpty());
}

void tst_SocialBlock::noDmSendAcrossBlock()
{
    const QJsonObject dm = SocialFixture::openDm(*m_a, m_b->userId());
    const QString ch = dm.value(u"id"_s).toString();
    QVERIFY(!ch.isEmpty());
    QVERIFY(sendMessage(*m_b, ch, u"before"_s).ok);
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    QCOMPARE(outcome(sendMessage(*m_b, ch, u"let me in"_s)), u"forbidden"_s);
    QCOMPARE(outcome(sendMessage(*m_a, ch, u"go away"_s)), u"forbidden"_s);
    // Opening the existing DM again is refused too, from either side.
    QCOMPARE(outcome(m_b->request(u"dm.open"_s, {{u"user_id"_s, m_a->userId()}})), u"forbidden"_s);
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {{u"user_id"_s, m_b->userId()}})), u"forbidden"_s);
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"message.created"_s), 0);
    }
    // The earlier history stays readable for both.
    QCOMPARE(messageIds(m_a->request(u"message.history"_s, {{u"channel_id"_s, ch}})).size(), 1);
    QCOMPARE(messageIds(m_b->request(u"message.history"_s, {{u"channel_id"_s, ch}})).size(), 1);
    // Unblocked, the DM works again.
    QVERIFY(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QCOMPARE(outcome(sendMessage(*m_b, ch, u"friends again?"_s)), u"ok"_s);
}

void tst_SocialBlock::noGroupDmWithBlocked()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QCOMPARE(outcome(m_b->request(u"dm.create_group"_s,
                                  {{u"user_ids"_s, QJsonArray{m_a->userId(), m_c->userId()}}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s,
                                  {{u"user_ids"_s, QJsonArray{m_b->userId(), m_c->userId()}}})),
             u"forbidden"_s);
    // Nor can either add the other to a group.
    const Reply g = m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_c->userId()}}});
    QVERIFY2(g.ok, qPrintable(g.describe()));
    const QString gid = g.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    QCOMPARE(outcome(m_a->request(u"dm.add"_s, {{u"channel_id"_s, gid}, {u"user_id"_s, m_b->userId()}})),
             u"forbidden"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"channel.created"_s), 0);
}

void tst_SocialBlock::guildMessagesFlaggedForBlockerOnly()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    const Reply sent = sendMessage(*m_b, m_g.channelId, u"can you hear me"_s);
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    const QString id = sent.d.value(u"id"_s).toString();
    QVERIFY(!sent.d.contains(u"author_blocked"_s));
    auto created = [&](TestClient &c) {
        return m_fx.waitFor(c, u"message.created"_s,
                                [&](const Event &e) { return e.d.value(u"id"_s).toString() == id; });
    };
    // The blocker's sessions get the message flagged; everyone else unflagged.
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        const auto ev = created(*s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"author_blocked"_s), QJsonValue(true));
        QCOMPARE(ev->d.value(u"content"_s).toString(), u"can you hear me"_s);
    }
    for (TestClient *s : {m_b.get(), m_c.get()}) {
        const auto ev = created(*s);
        QVERIFY(ev);
        QVERIFY2(!ev->d.contains(u"author_blocked"_s), qPrintable(s->user().value(u"username"_s).toString()));
    }
    // a's own message and c's are not flagged for a.
    const Reply own = sendMessage(*m_c, m_g.channelId, u"hello all"_s);
    const auto ownEv = m_fx.waitFor(*m_a, u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == own.d.value(u"id"_s);
    });
    QVERIFY(ownEv);
    QVERIFY(!ownEv->d.contains(u"author_blocked"_s));

    // History: flagged for a only.
    auto historyFlag = [&](TestClient &c, const QString &messageId) -> QJsonValue {
        const Reply h = c.request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
        for (const QJsonValue &m : h.d.value(u"messages"_s).toArray())
            if (m.toObject().value(u"id"_s).toString() == messageId)
                return m.toObject().value(u"author_blocked"_s);
        return QJsonValue(u"missing"_s);
    };
    QCOMPARE(historyFlag(*m_a, id), QJsonValue(true));
    QCOMPARE(historyFlag(*m_c, id), QJsonValue(QJsonValue::Undefined));
    QCOMPARE(historyFlag(*m_b, id), QJsonValue(QJsonValue::Undefined));
    QCOMPARE(historyFlag(*m_a, own.d.value(u"id"_s).toString()), QJsonValue(QJsonValue::Undefined));

    // Edits are flagged the same way.
    QVERIFY(m_b->request(u"message.edit"_s, {{u"message_id"_s, id}, {u"content"_s, u"edited"_s}}).ok);
    const auto upd = m_fx.waitFor(*m_a, u"message.updated"_s);
    QVERIFY(upd);
    QCOMPARE(upd->d.value(u"author_blocked"_s), QJsonValue(true));
    const auto updC = m_fx.waitFor(*m_c, u"message.updated"_s);
    QVERIFY(updC);
    QVERIFY(!updC->d.contains(u"author_blocked"_s));

    // Unblocked: no flag any more.
    QVERIFY(m_a->request(u"user.unblock"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QCOMPARE(historyFlag(*m_a, id), QJsonValue(QJsonValue::Undefined));
}

void tst_SocialBlock::blockedTypingNotSentToBlocker()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    const Reply r = m_b->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(m_fx.waitFor(*m_c, u"typing.started"_s, [&](const Event &e) {
        return e.d.value(u"user_id"_s).toString() == m_b->userId();
    }));
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"typing.started"_s), 0);
    }
    // The blocker's own typing still reaches the blocked user (a block hides them, not me).
    QVERIFY(m_a->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    QVERIFY(m_fx.waitFor(*m_c, u"typing.started"_s, [&](const Event &e) {
        return e.d.value(u"user_id"_s).toString() == m_a->userId();
    }));
}

void tst_SocialBlock::blockedMentionDoesNotCount()
{
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    // A marker message from c that a acks, so the counts below cover only what follows.
    const Reply marker = sendMessage(*m_c, m_g.channelId, u"start"_s);
    QVERIFY(marker.ok);
    QVERIFY(m_a->request(u"channel.ack"_s, {{u"channel_id"_s, m_g.channelId},
                                            {u"message_id"_s, marker.d.value(u"id"_s)}}).ok);
    const QString aName = SocialFixture::username(*m_a);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"hey @%1 look"_s.arg(aName)).ok);
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"@%1 again"_s.arg(aName.toUpper())).ok);
    auto a3 = m_fx.secondSession(*m_a);
    QJsonObject rs = SocialFixture::readStateIn(a3->readyData(), m_g.channelId);
    QVERIFY2(!rs.isEmpty(), "no read state for the guild channel");
    QCOMPARE(rs.value(u"mentions"_s).toInt(), 0);
    // The same mention from c counts; c mentioning b counts for b even though a blocks b.
    QVERIFY(sendMessage(*m_c, m_g.channelId, u"@%1 and @%2"_s.arg(aName, SocialFixture::username(*m_b))).ok);
    a3 = m_fx.secondSession(*m_a);
    rs = SocialFixture::readStateIn(a3->readyData(), m_g.channelId);
    QCOMPARE(rs.value(u"mentions"_s).toInt(), 1);
    const auto b2 = m_fx.secondSession(*m_b);
    QCOMPARE(SocialFixture::readStateIn(b2->readyData(), m_g.channelId).value(u"mentions"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_SocialBlock)
#include "tst_social_block.moc"

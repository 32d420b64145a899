// Direct messages: one 1:1 channel per pair (also under two opens at once), group DMs and who
// may change their membership, and DMs taking the ordinary message ops.
#include "SocialFixture.h"

#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Dms : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openCreatesOnce();
    void concurrentOpensMeet();
    void openRefusesBadInput();
    void dmMessages();
    void createGroup();
    void groupSizeLimit();
    void anyMemberAdds();
    void concurrentAddsDoNotOverfill();
    void concurrentAddsOfOneUser();
    void onlyOwnerRemoves();
    void ownerLeavingHandsOver();
    void lastOneOutDeletes();
    void membershipOpsOnOneToOneAreBadRequest();
    void survivesRestart();

private:
    QString createGroupOf(TestClient &owner, const QList<TestClient *> &others, const QString &name = {});
    int createdCount(const TestClient &c, const QString &channelId) const;

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c, m_d;
};

void tst_Dms::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// Four strangers; a has a second device. No shared guild: DMs do not need one.
void tst_Dms::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_d = m_fx.user(u"dan"_s);
}

void tst_Dms::cleanup()
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

int tst_Dms::createdCount(const TestClient &c, const QString &channelId) const
{
    int n = 0;
    for (const Event &e : m_fx.events(c, u"channel.created"_s))
        n += e.d.value(u"id"_s).toString() == channelId;
    return n;
}

QString tst_Dms::createGroupOf(TestClient &owner, const QList<TestClient *> &others, const QString &name)
{
    QJsonArray ids;
    for (TestClient *o : others)
        ids.append(o->userId());
    QJsonObject d{{u"user_ids"_s, ids}};
    if (!name.isEmpty())
        d.insert(u"name"_s, name);
    const Reply r = owner.request(u"dm.create_group"_s, d);
    if (!r.ok)
        qWarning("dm.create_group failed: %s", qPrintable(r.describe()));
    return r.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
}

void tst_Dms::openCreatesOnce()
{
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get()});
    const QJsonObject dm = SocialFixture::openDm(*m_a, m_b->userId());
    const QString id = dm.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(dm.value(u"type"_s).toString(), u"dm"_s);
    QVERIFY(dm.value(u"guild_id"_s).isNull());
    QVERIFY(dm.value(u"name"_s).isNull());
    QVERIFY(dm.value(u"owner_id"_s).isNull());
    QCOMPARE(dm.value(u"recipients"_s).toArray().size(), 2);
    QVERIFY(dm.value(u"recipients"_s).toArray().contains(m_a->user()));
    QVERIFY(dm.value(u"recipients"_s).toArray().contains(m_b->user()));
    // Both sides (every session) hear of it at once.
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, dm);
    }
    // Opening again, from either side or device: the same channel, no new event.
    QCOMPARE(SocialFixture::openDm(*m_a2, m_b->userId()), dm);
    QCOMPARE(SocialFixture::openDm(*m_b, m_a->userId()), dm);
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(createdCount(*s, id), s == m_c.get() ? 0 : 1);
    }
    // ready carries it.
    const auto b2 = m_fx.secondSession(*m_b);
    QCOMPARE(b2->readyData().value(u"dms"_s).toArray(), QJsonArray{dm});
    const auto c2 = m_fx.secondSession(*m_c);
    QCOMPARE(c2->readyData().value(u"dms"_s).toArray(), QJsonArray{});
}

void tst_Dms::concurrentOpensMeet()
{
    // Several fresh pairs, each side sending dm.open at the same moment.
    for (int round = 0; round < 6; ++round) {
        auto x = m_fx.user(u"x"_s);
        auto y = m_fx.user(u"y"_s);
        m_fx.forget({x.get(), y.get()});
        const qint64 rx = x->send(u"dm.open"_s, {{u"user_id"_s, y->userId()}});
        const qint64 ry = y->send(u"dm.open"_s, {{u"user_id"_s, x->userId()}});
        const Reply fromX = x->waitReply(QJsonValue(rx));
        const Reply fromY = y->waitReply(QJsonValue(ry));
        QVERIFY2(fromX.ok, qPrintable(fromX.describe()));
        QVERIFY2(fromY.ok, qPrintable(fromY.describe()));
        const QString id = fromX.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(fromY.d.value(u"channel"_s).toObject().value(u"id"_s).toString(), id);
        for (TestClient *s : {x.get(), y.get()}) {
            QVERIFY(SocialFixture::flush(*s));
            QCOMPARE(m_fx.count(*s, u"channel.created"_s), 1);
            QCOMPARE(createdCount(*s, id), 1);
        }
        const auto x2 = m_fx.secondSession(*x);
        QCOMPARE(x2->readyData().value(u"dms"_s).toArray().size(), 1);
    }
}

void tst_Dms::openRefusesBadInput()
{
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {{u"user_id"_s, m_a->userId()}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {{u"user_id"_s, u"999999999999"_s}})), u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {{u"user_id"_s, 12}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.open"_s, {})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{}}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, m_b->userId()}})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_a->userId()}}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{u"999999999999"_s}}})),
             u"not_found"_s);
}

void tst_Dms::dmMessages()
{
    const QString ch = SocialFixture::openDm(*m_a, m_b->userId()).value(u"id"_s).toString();
    QVERIFY(!ch.isEmpty());
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get()});
    const Reply sent = sendMessage(*m_b, ch, u"psst"_s);
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    QCOMPARE(sent.d.value(u"channel_id"_s).toString(), ch);
    QVERIFY(sent.d.value(u"guild_id"_s).isNull());
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*s, u"message.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, sent.d);
    }
    const Reply reply = sendMessage(*m_a2, ch, u"what"_s);
    QVERIFY(reply.ok);
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, ch}});
    QCOMPARE(messageIds(h), (QStringList{reply.d.value(u"id"_s).toString(), sent.d.value(u"id"_s).toString()}));
    // Edit: the author only; the other side gets message.updated.
    const QString mid = sent.d.value(u"id"_s).toString();
    QCOMPARE(outcome(m_a->request(u"message.edit"_s, {{u"message_id"_s, mid}, {u"content"_s, u"x"_s}})),
             u"forbidden"_s);
    const Reply ed = m_b->request(u"message.edit"_s, {{u"message_id"_s, mid}, {u"content"_s, u"psst!"_s}});
    QVERIFY2(ed.ok, qPrintable(ed.describe()));
    const auto upd = m_fx.waitFor(*m_a, u"message.updated"_s);
    QVERIFY(upd);
    QCOMPARE(upd->d.value(u"content"_s).toString(), u"psst!"_s);
    // Delete: not the other's message (no admins in a DM), one's own yes.
    QCOMPARE(outcome(m_a->request(u"message.delete"_s, {{u"message_id"_s, mid}})), u"forbidden"_s);
    const Reply del = m_b->request(u"message.delete"_s, {{u"message_id"_s, mid}});
    QVERIFY2(del.ok, qPrintable(del.describe()));
    const QJsonObject deleted{{u"id"_s, mid}, {u"channel_id"_s, ch}, {u"guild_id"_s, QJsonValue::Null}};
    QCOMPARE(del.d, deleted);
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = m_fx.waitFor(*s, u"message.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, deleted);
    }
    // An outsider neither reads nor writes, and hears nothing.
    QCOMPARE(outcome(m_c->request(u"message.history"_s, {{u"channel_id"_s, ch}})), u"not_found"_s);
    QCOMPARE(outcome(sendMessage(*m_c, ch, u"hi"_s)), u"not_found"_s);
    QCOMPARE(outcome(m_c->request(u"message.edit"_s, {{u"message_id"_s, reply.d.value(u"id"_s)}, {u"content"_s, u"x"_s}})),
             u"not_found"_s);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"message.created"_s), 0);
    // DMs are not managed with the guild channel ops.
    QCOMPARE(outcome(m_a->request(u"channel.update"_s, {{u"channel_id"_s, ch}, {u"name"_s, u"x"_s}})),
             u"bad_request"_s);
}

void tst_Dms::createGroup()
{
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
    const Reply r = m_a->request(u"dm.create_group"_s,
                                 {{u"user_ids"_s, QJsonArray{m_c->userId(), m_b->userId()}}, {u"name"_s, u" Weekend  trip 🏕 "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QJsonObject ch = r.d.value(u"channel"_s).toObject();
    QCOMPARE(ch.value(u"type"_s).toString(), u"group_dm"_s);
    QVERIFY(ch.value(u"guild_id"_s).isNull());
    QCOMPARE(ch.value(u"name"_s).toString(), u"Weekend trip 🏕"_s); // spaces tidied like other names
    QCOMPARE(ch.value(u"owner_id"_s).toString(), m_a->userId());
    QCOMPARE(SocialFixture::recipientIds(ch), (QStringList{m_a->userId(), m_c->userId(), m_b->userId()}));
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, ch);
    }
    QVERIFY(SocialFixture::flush(*m_d));
    QCOMPARE(m_fx.count(*m_d, u"channel.created"_s), 0);
    // Everyone in it talks; it is in ready.
    QVERIFY(ch.value(u"last_message_id"_s).isNull());
    const Reply hi = sendMessage(*m_c, ch.value(u"id"_s).toString(), u"hi all"_s);
    QVERIFY(hi.ok);
    QVERIFY(m_fx.waitFor(*m_b, u"message.created"_s));
    const auto b2 = m_fx.secondSession(*m_b);
    QJsonObject talked = ch;
    talked.insert(u"last_message_id"_s, hi.d.value(u"id"_s));
    QCOMPARE(b2->readyData().value(u"dms"_s).toArray(), QJsonArray{talked});
    // Without a name it is null; a second group of the same people is another channel.
    const Reply unnamed = m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_c->userId(), m_b->userId()}}});
    QVERIFY2(unnamed.ok, qPrintable(unnamed.describe()));
    QVERIFY(unnamed.d.value(u"channel"_s).toObject().value(u"name"_s).isNull());
    QVERIFY(unnamed.d.value(u"channel"_s).toObject().value(u"id"_s) != ch.value(u"id"_s));
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{m_b->userId()}},
                                                         {u"name"_s, QString(kith::limits::kChannelNameMax + 1, u'n')}})),
             u"bad_request"_s);
}

void tst_Dms::groupSizeLimit()
{
    const int max = kith::limits::kGroupDmMembers;
    QCOMPARE(max, 10);
    std::vector<std::unique_ptr<TestClient>> people;
    QJsonArray nine, ten;
    for (int i = 0; i < max; ++i) {
        people.push_back(m_fx.user(u"p"_s));
        if (i < max - 1)
            nine.append(people.back()->userId());
        ten.append(people.back()->userId());
    }
    // The creator plus ten others is one too many; plus nine is exactly full.
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, ten}})), u"bad_request"_s);
    const Reply full = m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, nine}});
    QVERIFY2(full.ok, qPrintable(full.describe()));
    const QJsonObject ch = full.d.value(u"channel"_s).toObject();
    QCOMPARE(ch.value(u"recipients"_s).toArray().size(), max);
    const QString id = ch.value(u"id"_s).toString();
    // Adding to a full group: conflict, and nothing reaches the one left out.
    m_fx.forget(*people.back());
    QCOMPARE(outcome(m_a->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, people.back()->userId()}})),
             u"conflict"_s);
    QCOMPARE(outcome(people[0]->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_b->userId()}})),
             u"conflict"_s);
    QVERIFY(SocialFixture::flush(*people.back()));
    QCOMPARE(m_fx.count(*people.back(), u"channel.created"_s), 0);
    // After someone leaves there is room again.
    QVERIFY(people[3]->request(u"dm.leave"_s, {{u"channel_id"_s, id}}).ok);
    QCOMPARE(outcome(m_a->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, people.back()->userId()}})),
             u"ok"_s);
    // Duplicates in user_ids count once: nine others named twice still fit.
    QJsonArray twice = nine;
    for (const QJsonValue &v : nine)
        twice.append(v);
    QCOMPARE(outcome(m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, twice}})), u"ok"_s);
}

void tst_Dms::anyMemberAdds()
{
    const QString id = createGroupOf(*m_a, {m_b.get(), m_c.get()});
    QVERIFY(!id.isEmpty());
    QVERIFY(sendMessage(*m_a, id, u"before d"_s).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
    // b is not the owner and may still add.
    const Reply r = m_b->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_d->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const auto created = m_fx.waitFor(*m_d, u"channel.created"_s);
    QVERIFY(created);
    QCOMPARE(created->d.value(u"id"_s).toString(), id);
    QCOMPARE(SocialFixture::recipientIds(created->d),
             (QStringList{m_a->userId(), m_b->userId(), m_c->userId(), m_d->userId()}));
    QCOMPARE(created->d.value(u"owner_id"_s).toString(), m_a->userId());
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, created->d);
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"channel.created"_s), 0);
    }
    QVERIFY(SocialFixture::flush(*m_d));
    QCOMPARE(m_fx.count(*m_d, u"channel.updated"_s), 0);
    // The newcomer reads the history and talks.
    QCOMPARE(messageIds(m_d->request(u"message.history"_s, {{u"channel_id"_s, id}})).size(), 1);
    QVERIFY(sendMessage(*m_d, id, u"hello"_s).ok);
    QVERIFY(m_fx.waitFor(*m_c, u"message.created"_s));
    // Adding someone already in: ok, nothing changes.
    QCOMPARE(outcome(m_c->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_d->userId()}})), u"ok"_s);
    QVERIFY(SocialFixture::flush(*m_d));
    QCOMPARE(m_fx.count(*m_d, u"channel.created"_s), 1);
    // An outsider cannot add to a group they are not in (they do not see it).
    auto e = m_fx.user(u"eve"_s);
    QCOMPARE(outcome(e->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, e->userId()}})), u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, u"999999999999"_s}})),
             u"not_found"_s);
}

void tst_Dms::concurrentAddsDoNotOverfill()
{
    // One seat left, two members add two different people at the same moment: one gets it.
    const int max = kith::limits::kGroupDmMembers;
    std::vector<std::unique_ptr<TestClient>> people;
    QJsonArray others;
    for (int i = 0; i < max - 3; ++i) {
        people.push_back(m_fx.user(u"p"_s));
        others.append(people.back()->userId());
    }
    others.append(m_b->userId());
    const Reply g = m_a->request(u"dm.create_group"_s, {{u"user_ids"_s, others}});
    QVERIFY2(g.ok, qPrintable(g.describe()));
    const QString id = g.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    QCOMPARE(g.d.value(u"channel"_s).toObject().value(u"recipients"_s).toArray().size(), max - 1);
    const qint64 r1 = m_a->send(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}});
    const qint64 r2 = m_b->send(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_d->userId()}});
    const Reply add1 = m_a->waitReply(QJsonValue(r1));
    const Reply add2 = m_b->waitReply(QJsonValue(r2));
    QStringList outcomes{outcome(add1), outcome(add2)};
    outcomes.sort();
    QCOMPARE(outcomes, (QStringList{u"conflict"_s, u"ok"_s}));
    const auto fresh = m_fx.secondSession(*m_a);
    for (const QJsonValue &v : fresh->readyData().value(u"dms"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == id)
            QCOMPARE(v.toObject().value(u"recipients"_s).toArray().size(), max);
}

void tst_Dms::concurrentAddsOfOneUser()
{
    // Two members add the same person at once: they are in once and hear of it once.
    const QString id = createGroupOf(*m_a, {m_b.get()});
    QVERIFY(!id.isEmpty());
    m_fx.forget({m_a.get(), m_c.get()});
    const qint64 r1 = m_a->send(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}});
    const qint64 r2 = m_b->send(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}});
    QCOMPARE(outcome(m_a->waitReply(QJsonValue(r1))), u"ok"_s);
    QCOMPARE(outcome(m_b->waitReply(QJsonValue(r2))), u"ok"_s);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(createdCount(*m_c, id), 1);
    QVERIFY(SocialFixture::flush(*m_a));
    QCOMPARE(m_fx.count(*m_a, u"channel.updated"_s), 1);
    const auto fresh = m_fx.secondSession(*m_c);
    const QJsonArray dms = fresh->readyData().value(u"dms"_s).toArray();
    QCOMPARE(dms.size(), 1);
    QCOMPARE(SocialFixture::recipientIds(dms[0].toObject()),
             (QStringList{m_a->userId(), m_b->userId(), m_c->userId()}));
}

void tst_Dms::onlyOwnerRemoves()
{
    const QString id = createGroupOf(*m_a, {m_b.get(), m_c.get(), m_d.get()});
    QVERIFY(!id.isEmpty());
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
    QCOMPARE(outcome(m_b->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}})),
             u"forbidden"_s);
    QCOMPARE(outcome(m_b->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_a->userId()}})),
             u"forbidden"_s);
    for (TestClient *s : {m_a.get(), m_b.get(), m_c.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"channel.updated"_s) + m_fx.count(*s, u"channel.deleted"_s), 0);
    }
    const Reply r = m_a2->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const auto del = m_fx.waitFor(*m_c, u"channel.deleted"_s);
    QVERIFY(del);
    QCOMPARE(del->d, (QJsonObject{{u"id"_s, id}, {u"guild_id"_s, QJsonValue::Null}}));
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get(), m_d.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.updated"_s);
        QVERIFY(ev);
        QCOMPARE(SocialFixture::recipientIds(ev->d), (QStringList{m_a->userId(), m_b->userId(), m_d->userId()}));
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"channel.deleted"_s), 0);
    }
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"channel.updated"_s), 0);
    // The removed one sees nothing more.
    QCOMPARE(outcome(m_c->request(u"message.history"_s, {{u"channel_id"_s, id}})), u"not_found"_s);
    QVERIFY(sendMessage(*m_b, id, u"after c"_s).ok);
    QVERIFY(m_fx.waitFor(*m_d, u"message.created"_s));
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"message.created"_s), 0);
    const auto c2 = m_fx.secondSession(*m_c);
    QCOMPARE(c2->readyData().value(u"dms"_s).toArray(), QJsonArray{});
    // Removing someone not in it: not_found; removing oneself: use leave.
    QCOMPARE(outcome(m_a->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_a->userId()}})),
             u"bad_request"_s);
}

void tst_Dms::ownerLeavingHandsOver()
{
    // d registered last (highest id) but joins first: d is the longest-standing, not b.
    const QString id = createGroupOf(*m_a, {m_d.get()});
    QVERIFY(!id.isEmpty());
    QVERIFY(m_d->userId().toLongLong() > m_b->userId().toLongLong());
    QVERIFY(m_a->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_b->userId()}}).ok);
    QVERIFY(m_a->request(u"dm.add"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
    const Reply r = m_a->request(u"dm.leave"_s, {{u"channel_id"_s, id}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QJsonObject gone{{u"id"_s, id}, {u"guild_id"_s, QJsonValue::Null}};
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, gone);
    }
    for (TestClient *s : {m_b.get(), m_c.get(), m_d.get()}) {
        const auto ev = m_fx.waitFor(*s, u"channel.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"owner_id"_s).toString(), m_d->userId());
        QCOMPARE(SocialFixture::recipientIds(ev->d), (QStringList{m_d->userId(), m_b->userId(), m_c->userId()}));
    }
    // The new owner removes; the old one is out.
    QCOMPARE(outcome(m_d->request(u"dm.remove"_s, {{u"channel_id"_s, id}, {u"user_id"_s, m_c->userId()}})), u"ok"_s);
    QCOMPARE(outcome(m_a->request(u"message.history"_s, {{u"channel_id"_s, id}})), u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"dm.leave"_s, {{u"channel_id"_s, id}})), u"not_found"_s);
    // A member who is not the owner leaves: the owner stays.
    m_fx.forget(*m_d);
    QVERIFY(m_b->request(u"dm.leave"_s, {{u"channel_id"_s, id}}).ok);
    const auto ev = m_fx.waitFor(*m_d, u"channel.updated"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"owner_id"_s).toString(), m_d->userId());
    QCOMPARE(SocialFixture::recipientIds(ev->d), QStringList{m_d->userId()});
}

void tst_Dms::lastOneOutDeletes()
{
    const QString id = createGroupOf(*m_a, {m_b.get()});
    QVERIFY(m_b->request(u"dm.leave"_s, {{u"channel_id"_s, id}}).ok);
    m_fx.forget({m_a.get(), m_a2.get()});
    const Reply r = m_a->request(u"dm.leave"_s, {{u"channel_id"_s, id}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(m_fx.waitFor(*m_a2, u"channel.deleted"_s));
    const auto a3 = m_fx.secondSession(*m_a);
    QCOMPARE(a3->readyData().value(u"dms"_s).toArray(), QJsonArray{});
    QCOMPARE(outcome(m_a->request(u"message.history"_s, {{u"channel_id"_s, id}})), u"not_found"_s);
}

void tst_Dms::membershipOpsOnOneToOneAreBadRequest()
{
    const QString ch = SocialFixture::openDm(*m_a, m_b->userId()).value(u"id"_s).toString();
    QVERIFY(!ch.isEmpty());
    QCOMPARE(outcome(m_a->request(u"dm.add"_s, {{u"channel_id"_s, ch}, {u"user_id"_s, m_c->userId()}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"dm.remove"_s, {{u"channel_id"_s, ch}, {u"user_id"_s, m_b->userId()}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_b->request(u"dm.leave"_s, {{u"channel_id"_s, ch}})), u"bad_request"_s);
    // A guild channel is not a group DM either.
    const GuildRef g = createGuild(*m_a);
    QCOMPARE(outcome(m_a->request(u"dm.leave"_s, {{u"channel_id"_s, g.channelId}})), u"bad_request"_s);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"channel.created"_s), 0);
    QCOMPARE(SocialFixture::openDm(*m_b, m_a->userId()).value(u"id"_s).toString(), ch);
}

void tst_Dms::survivesRestart()
{
    const QJsonObject dm = SocialFixture::openDm(*m_a, m_b->userId());
    const QString dmId = dm.value(u"id"_s).toString();
    QVERIFY(!dmId.isEmpty());
    const Reply stored = sendMessage(*m_b, dmId, u"stored"_s);
    QVERIFY(stored.ok);
    const QString gid = createGroupOf(*m_b, {m_c.get(), m_a.get()}, u"crew"_s);
    QVERIFY(!gid.isEmpty());
    QVERIFY(m_c->request(u"dm.add"_s, {{u"channel_id"_s, gid}, {u"user_id"_s, m_d->userId()}}).ok);
    const QString aToken = m_a->token(), bToken = m_b->token(), cToken = m_c->token();
    const QString aId = m_a->userId(), bId = m_b->userId(), cId = m_c->userId(), dId = m_d->userId();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto a = m_fx.server().connect();
    auto b = m_fx.server().connect();
    QVERIFY(a->loginWithToken(aToken).ok);
    QVERIFY(b->loginWithToken(bToken).ok);
    // The pair still has its one DM, from either side, with its history.
    QCOMPARE(SocialFixture::openDm(*a, bId).value(u"id"_s).toString(), dmId);
    QCOMPARE(SocialFixture::openDm(*b, aId).value(u"id"_s).toString(), dmId);
    QCOMPARE(messageIds(a->request(u"message.history"_s, {{u"channel_id"_s, dmId}})).size(), 1);
    // ready's DMs say when each last had a message, so the DM list can sort by it at once.
    QJsonObject one;
    for (const QJsonValue &v : a->readyData().value(u"dms"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == dmId)
            one = v.toObject();
    QCOMPARE(one.value(u"last_message_id"_s).toString(), stored.d.value(u"id"_s).toString());
    // The group keeps its name, owner and members; the late-added member is still last.
    QJsonObject group;
    for (const QJsonValue &v : a->readyData().value(u"dms"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == gid)
            group = v.toObject();
    QCOMPARE(group.value(u"name"_s).toString(), u"crew"_s);
    QCOMPARE(group.value(u"owner_id"_s).toString(), bId);
    QVERIFY(group.value(u"last_message_id"_s).isNull());
    QStringList members = SocialFixture::recipientIds(group);
    QCOMPARE(members.size(), 4);
    QCOMPARE(members.last(), dId);
    members.sort();
    QStringList expected{aId, bId, cId, dId};
    expected.sort();
    QCOMPARE(members, expected);
    // Only the owner removes, still.
    auto c = m_fx.server().connect();
    QVERIFY(c->loginWithToken(cToken).ok);
    QCOMPARE(outcome(c->request(u"dm.remove"_s, {{u"channel_id"_s, gid}, {u"user_id"_s, dId}})), u"forbidden"_s);
    QCOMPARE(outcome(b->request(u"dm.remove"_s, {{u"channel_id"_s, gid}, {u"user_id"_s, dId}})), u"ok"_s);
}

QTEST_GUILESS_MAIN(tst_Dms)
#include "tst_dms.moc"

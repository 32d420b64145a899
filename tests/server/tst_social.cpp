// Friends between real users, both ways: request, accept, decline, cancel, remove, the events
// each side gets (every session), repeats that change nothing, and the error codes.
#include "SocialFixture.h"

#include "common/Scenario.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
QJsonObject relation(const QJsonObject &userJson, const QString &type)
{
    return {{u"user"_s, userJson}, {u"type"_s, type}};
}
} // namespace

class tst_Social : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void requestThenAccept();
    void requestBackAccepts();
    void repeatsChangeNothing();
    void simultaneousRequestsBecomeFriends();
    void decline();
    void cancel();
    void remove();
    void friendsInReady();
    void freshUserReady();
    void nothingToActOnIsNotFound_data();
    void nothingToActOnIsNotFound();
    void requestCodes();
    void badInput_data();
    void badInput();
    void survivesRestart();

private:
    //! Checks what c (all its sessions given) was told about other, exactly once, and nothing else.
    void expectOneEvent(const QList<TestClient *> &sessions, const TestClient &other, const QString &type);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c;
};

void tst_Social::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a (with a second device a2) and b are strangers; c watches from outside.
void tst_Social::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
}

void tst_Social::cleanup()
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

void tst_Social::expectOneEvent(const QList<TestClient *> &sessions, const TestClient &other,
                                const QString &type)
{
    for (TestClient *s : sessions) {
        QVERIFY(SocialFixture::flush(*s));
        const QList<Event> evs = m_fx.relationshipEvents(*s, other.userId());
        QCOMPARE(evs.size(), 1);
        QCOMPARE(evs.first().d, relation(other.user(), type));
        m_fx.forget(*s);
    }
}

void tst_Social::requestThenAccept()
{
    const Reply r = m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, relation(m_b->user(), u"outgoing"_s));
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"outgoing"_s);
    expectOneEvent({m_b.get()}, *m_a, u"incoming"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"outgoing"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"incoming"_s);

    const Reply acc = m_b->request(u"friend.accept"_s, {{u"user_id"_s, m_a->userId()}});
    QVERIFY2(acc.ok, qPrintable(acc.describe()));
    QCOMPARE(acc.d, relation(m_a->user(), u"friend"_s));
    expectOneEvent({m_b.get()}, *m_a, u"friend"_s);
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"friend"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"friend"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"friend"_s);
    // An outsider hears nothing of it.
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"relationship.updated"_s), 0);
}

void tst_Social::requestBackAccepts()
{
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}}).ok);
    m_fx.forget(*m_a);
    m_fx.forget(*m_a2);
    QVERIFY(SocialFixture::flush(*m_b));
    m_fx.forget(*m_b);
    // b asks a back (the name in another case): that accepts a's request.
    const Reply r = m_b->request(u"friend.request"_s,
                                 {{u"username"_s, SocialFixture::username(*m_a).toUpper()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, relation(m_a->user(), u"friend"_s));
    expectOneEvent({m_b.get()}, *m_a, u"friend"_s);
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"friend"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"friend"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"friend"_s);
}

void tst_Social::repeatsChangeNothing()
{
    const QString bName = SocialFixture::username(*m_b);
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, bName}}).ok);
    QVERIFY(SocialFixture::flush(*m_b));
    QVERIFY(SocialFixture::flush(*m_a2));
    m_fx.forget(*m_a);
    m_fx.forget(*m_a2);
    m_fx.forget(*m_b);
    // Asking again while the request is outgoing: ok, the same answer, no event.
    const Reply again = m_a2->request(u"friend.request"_s, {{u"username"_s, bName}});
    QVERIFY2(again.ok, qPrintable(again.describe()));
    QCOMPARE(again.d, relation(m_b->user(), u"outgoing"_s));
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"relationship.updated"_s), 0);
    }
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"incoming"_s);

    QVERIFY(m_b->request(u"friend.accept"_s, {{u"user_id"_s, m_a->userId()}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    // Asking a friend, from either side: ok, friend, no event.
    const Reply fromA = m_a->request(u"friend.request"_s, {{u"username"_s, bName}});
    QCOMPARE(fromA.d, relation(m_b->user(), u"friend"_s));
    const Reply fromB = m_b->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}});
    QCOMPARE(fromB.d, relation(m_a->user(), u"friend"_s));
    for (TestClient *s : {m_a.get(), m_a2.get(), m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"relationship.updated"_s), 0);
    }
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"friend"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"friend"_s);
}

void tst_Social::simultaneousRequestsBecomeFriends()
{
    // Both ask at the same moment: whichever is second finds the other's request and accepts
    // it, so both end as friends, never as two crossed pending requests.
    for (int round = 0; round < 5; ++round) {
        auto x = m_fx.user(u"x"_s);
        auto y = m_fx.user(u"y"_s);
        const qint64 rx = x->send(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*y)}});
        const qint64 ry = y->send(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*x)}});
        const Reply fromX = x->waitReply(QJsonValue(rx));
        const Reply fromY = y->waitReply(QJsonValue(ry));
        QVERIFY2(fromX.ok, qPrintable(fromX.describe()));
        QVERIFY2(fromY.ok, qPrintable(fromY.describe()));
        QCOMPARE(SocialFixture::listedType(*x, y->userId()), u"friend"_s);
        QCOMPARE(SocialFixture::listedType(*y, x->userId()), u"friend"_s);
        // The last event each side got says friend.
        QVERIFY(SocialFixture::flush(*x));
        QVERIFY(SocialFixture::flush(*y));
        QCOMPARE(m_fx.relationshipEvents(*x, y->userId()).last().d.value(u"type"_s).toString(), u"friend"_s);
        QCOMPARE(m_fx.relationshipEvents(*y, x->userId()).last().d.value(u"type"_s).toString(), u"friend"_s);
    }
}

void tst_Social::decline()
{
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    const Reply r = m_b->request(u"friend.decline"_s, {{u"user_id"_s, m_a->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, relation(m_a->user(), u"none"_s));
    expectOneEvent({m_b.get()}, *m_a, u"none"_s);
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
    // Declined is gone: declining again, or accepting it now, has nothing to act on.
    QCOMPARE(outcome(m_b->request(u"friend.decline"_s, {{u"user_id"_s, m_a->userId()}})), u"not_found"_s);
    QCOMPARE(outcome(m_b->request(u"friend.accept"_s, {{u"user_id"_s, m_a->userId()}})), u"not_found"_s);
    // The asker may ask again.
    const Reply again = m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}});
    QCOMPARE(again.d.value(u"type"_s).toString(), u"outgoing"_s);
}

void tst_Social::cancel()
{
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}}).ok);
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    // The receiver cannot cancel (it is not their request), the sender can.
    QCOMPARE(outcome(m_b->request(u"friend.cancel"_s, {{u"user_id"_s, m_a->userId()}})), u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"friend.accept"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"friend.decline"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    const Reply r = m_a2->request(u"friend.cancel"_s, {{u"user_id"_s, m_b->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, relation(m_b->user(), u"none"_s));
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"none"_s);
    expectOneEvent({m_b.get()}, *m_a, u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
    QCOMPARE(outcome(m_a->request(u"friend.cancel"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
}

void tst_Social::remove()
{
    QVERIFY(m_fx.befriend(*m_a, *m_b));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get()});
    // Friends cannot cancel or decline each other: those act on requests only.
    QCOMPARE(outcome(m_b->request(u"friend.cancel"_s, {{u"user_id"_s, m_a->userId()}})), u"not_found"_s);
    QCOMPARE(outcome(m_b->request(u"friend.decline"_s, {{u"user_id"_s, m_a->userId()}})), u"not_found"_s);
    const Reply r = m_b->request(u"friend.remove"_s, {{u"user_id"_s, m_a->userId()}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, relation(m_a->user(), u"none"_s));
    expectOneEvent({m_b.get()}, *m_a, u"none"_s);
    expectOneEvent({m_a.get(), m_a2.get()}, *m_b, u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"none"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
    QCOMPARE(outcome(m_a->request(u"friend.remove"_s, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    // The other way round works as well.
    QVERIFY(m_fx.befriend(*m_b, *m_a));
    QCOMPARE(outcome(m_a->request(u"friend.remove"_s, {{u"user_id"_s, m_b->userId()}})), u"ok"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
}

void tst_Social::friendsInReady()
{
    QVERIFY(m_fx.befriend(*m_a, *m_b));
    QVERIFY(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_c)}}).ok);
    const auto again = m_fx.secondSession(*m_a);
    QVERIFY(!again->readyData().isEmpty());
    const QJsonArray friends = again->readyData().value(u"friends"_s).toArray();
    QCOMPARE(friends.size(), 1);
    QCOMPARE(friends[0].toObject(), m_b->user());
    // Pending requests are not friends; they come from friend.list.
    const Reply list = again->request(u"friend.list"_s);
    QVERIFY(list.ok);
    QCOMPARE(list.d.value(u"friends"_s).toArray(), QJsonArray{m_b->user()});
    QCOMPARE(list.d.value(u"outgoing"_s).toArray(), QJsonArray{m_c->user()});
    QCOMPARE(list.d.value(u"incoming"_s).toArray(), QJsonArray{});
    QCOMPARE(list.d.value(u"blocked"_s).toArray(), QJsonArray{});
}

void tst_Social::freshUserReady()
{
    auto n = m_fx.user(u"new"_s);
    const QJsonObject r = n->readyData();
    for (const auto &key : {u"friends"_s, u"dms"_s, u"read_states"_s, u"guilds"_s})
        QVERIFY2(r.value(key).isArray() && r.value(key).toArray().isEmpty(), qPrintable(key));
    // Only myself is present.
    QCOMPARE(r.value(u"presences"_s).toArray(),
             (QJsonArray{QJsonObject{{u"user_id"_s, n->userId()}, {u"status"_s, u"online"_s},
                                     {u"custom_status"_s, QJsonValue::Null}}}));
    const Reply list = n->request(u"friend.list"_s);
    QVERIFY(list.ok);
    QCOMPARE(list.d, (QJsonObject{{u"friends"_s, QJsonArray{}}, {u"incoming"_s, QJsonArray{}},
                                  {u"outgoing"_s, QJsonArray{}}, {u"blocked"_s, QJsonArray{}}}));
}

void tst_Social::nothingToActOnIsNotFound_data()
{
    QTest::addColumn<QString>("op");
    QTest::newRow("accept") << u"friend.accept"_s;
    QTest::newRow("decline") << u"friend.decline"_s;
    QTest::newRow("cancel") << u"friend.cancel"_s;
    QTest::newRow("remove") << u"friend.remove"_s;
}

void tst_Social::nothingToActOnIsNotFound()
{
    QFETCH(QString, op);
    QCOMPARE(outcome(m_a->request(op, {{u"user_id"_s, m_b->userId()}})), u"not_found"_s);
    // An id nobody has.
    QCOMPARE(outcome(m_a->request(op, {{u"user_id"_s, u"999999999999"_s}})), u"not_found"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"relationship.updated"_s), 0);
}

void tst_Social::requestCodes()
{
    QCOMPARE(outcome(m_a->request(u"friend.request"_s, {{u"username"_s, u"nobody_here_at_all"_s}})),
             u"not_found"_s);
    QCOMPARE(outcome(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"friend.request"_s,
                                  {{u"username"_s, SocialFixture::username(*m_a).toUpper()}})),
             u"bad_request"_s);
    // Someone I block: conflict (unblock first). Across their block: forbidden.
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    QCOMPARE(outcome(m_a->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_b)}})),
             u"conflict"_s);
    QCOMPARE(outcome(m_b->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}})),
             u"forbidden"_s);
    QCOMPARE(SocialFixture::listedType(*m_a, m_b->userId()), u"blocked"_s);
    QCOMPARE(SocialFixture::listedType(*m_b, m_a->userId()), u"none"_s);
}

void tst_Social::badInput_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    QTest::newRow("request without username") << u"friend.request"_s << QJsonObject{};
    QTest::newRow("request username not a string") << u"friend.request"_s << QJsonObject{{u"username"_s, 7}};
    QTest::newRow("accept without user_id") << u"friend.accept"_s << QJsonObject{};
    QTest::newRow("accept user_id a number") << u"friend.accept"_s << QJsonObject{{u"user_id"_s, 5}};
    QTest::newRow("remove user_id junk") << u"friend.remove"_s << QJsonObject{{u"user_id"_s, u"abc"_s}};
    QTest::newRow("block without user_id") << u"user.block"_s << QJsonObject{};
    QTest::newRow("unblock user_id junk") << u"user.unblock"_s << QJsonObject{{u"user_id"_s, u"-1"_s}};
}

void tst_Social::badInput()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    QCOMPARE(outcome(m_a->request(op, d)), u"bad_request"_s);
}

void tst_Social::survivesRestart()
{
    // Relationships are stored: after a restart every list is as it was, and acts on it.
    QVERIFY(m_fx.befriend(*m_a, *m_b));
    QVERIFY(m_c->request(u"friend.request"_s, {{u"username"_s, SocialFixture::username(*m_a)}}).ok);
    auto d = m_fx.user(u"dan"_s);
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, d->userId()}}).ok);
    const Reply before = m_a->request(u"friend.list"_s);
    QVERIFY(before.ok);
    const QString aToken = m_a->token(), bToken = m_b->token(), cToken = m_c->token();
    const QString dName = SocialFixture::username(*d);
    cleanup();
    d.reset();
    QVERIFY(m_fx.server().restart());
    auto a = m_fx.server().connect();
    QVERIFY(a->loginWithToken(aToken).ok);
    QCOMPARE(a->request(u"friend.list"_s).d, before.d);
    QCOMPARE(a->readyData().value(u"friends"_s).toArray().size(), 1);
    // The stored state still decides: c's request can be accepted, the block still holds.
    QCOMPARE(a->request(u"friend.accept"_s, {{u"user_id"_s, before.d.value(u"incoming"_s).toArray()[0].toObject().value(u"id"_s)}})
                 .d.value(u"type"_s).toString(),
             u"friend"_s);
    QCOMPARE(outcome(a->request(u"friend.request"_s, {{u"username"_s, dName}})), u"conflict"_s);
    auto b = m_fx.server().connect();
    QVERIFY(b->loginWithToken(bToken).ok);
    QCOMPARE(b->readyData().value(u"friends"_s).toArray(), QJsonArray{a->user()});
    auto c = m_fx.server().connect();
    QVERIFY(c->loginWithToken(cToken).ok);
    QCOMPARE(SocialFixture::listedType(*c, a->userId()), u"friend"_s);
}

QTEST_GUILESS_MAIN(tst_Social)
#include "tst_social.moc"

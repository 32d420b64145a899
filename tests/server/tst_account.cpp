// My account, against a real server: user.update {display_name} reaches everyone who holds my
// user object (friends, guild co-members, my other sessions) and nobody else, and shows in later
// readies; user.change_password needs the old password (wrong ones count towards the lockout),
// gives this connection a new token and signs every other session out with 4002.
#include "SocialFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Account : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void displayNameReachesWhoHoldsMe();
    void displayNameBadInput_data();
    void displayNameBadInput();
    void guestsKeepTheirName();
    void changePassword();
    void wrongOldPasswordsLockOut();

private:
    SocialFixture m_fx;
};

void tst_Account::initTestCase()
{
    QVERIFY(m_fx.start());
}

void tst_Account::displayNameReachesWhoHoldsMe()
{
    auto a = m_fx.user(u"alice"_s);
    auto a2 = m_fx.secondSession(*a);
    auto friendB = m_fx.user(u"bob"_s);
    auto memberC = m_fx.user(u"carol"_s);
    auto stranger = m_fx.user(u"eve"_s);
    QVERIFY(m_fx.befriend(*a, *friendB));
    const Reply g = a->request(u"guild.create"_s, {{u"name"_s, u"Book club"_s}});
    QVERIFY(g.ok);
    const Reply inv = a->request(u"invite.create"_s, {{u"guild_id"_s, g.d.value(u"id"_s).toString()}});
    QVERIFY(memberC->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s).toString()}}).ok);
    for (TestClient *c : {a.get(), a2.get(), friendB.get(), memberC.get(), stranger.get()})
        QVERIFY(SocialFixture::flush(*c));
    m_fx.forget({a.get(), a2.get(), friendB.get(), memberC.get(), stranger.get()});

    const Reply r = a->request(u"user.update"_s, {{u"display_name"_s, u"  Alice   Liddell "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"Alice Liddell"_s);
    for (TestClient *c : {a.get(), a2.get(), friendB.get(), memberC.get()}) {
        const auto ev = m_fx.waitFor(*c, u"user.updated"_s);
        QVERIFY(ev);
        const QJsonObject u = ev->d.value(u"user"_s).toObject();
        QCOMPARE(u.value(u"id"_s).toString(), a->userId());
        QCOMPARE(u.value(u"display_name"_s).toString(), u"Alice Liddell"_s);
    }
    QVERIFY(SocialFixture::flush(*stranger));
    QCOMPARE(m_fx.count(*stranger, u"user.updated"_s), 0);

    // Later readies carry it: the guild's member list and the friend list.
    auto c2 = m_fx.secondSession(*memberC);
    bool seen = false;
    for (const QJsonValue &gv : c2->readyData().value(u"guilds"_s).toArray())
        for (const QJsonValue &m : gv.toObject().value(u"members"_s).toArray())
            seen |= m.toObject().value(u"user"_s).toObject().value(u"display_name"_s).toString() == u"Alice Liddell";
    QVERIFY(seen);
}

void tst_Account::displayNameBadInput_data()
{
    QTest::addColumn<QJsonObject>("d");
    QTest::newRow("missing") << QJsonObject{};
    QTest::newRow("empty") << QJsonObject{{u"display_name"_s, u"   "_s}};
    QTest::newRow("too long") << QJsonObject{{u"display_name"_s, QString(kith::limits::kDisplayNameMax + 1, u'x')}};
    QTest::newRow("not a string") << QJsonObject{{u"display_name"_s, 42}};
}

void tst_Account::displayNameBadInput()
{
    QFETCH(QJsonObject, d);
    auto a = m_fx.user(u"typo"_s);
    const Reply r = a->request(u"user.update"_s, d);
    QCOMPARE(r.code, u"bad_request"_s);
    QVERIFY(!r.message.isEmpty());
    QVERIFY(a->request(u"ping"_s).ok); // still connected and served
}

void tst_Account::guestsKeepTheirName()
{
    ServerFixture party;
    party.config.guests = true;
    QVERIFY(party.start());
    auto g = party.connect();
    QVERIFY(g->guest(u"zed"_s).ok);
    QCOMPARE(g->request(u"user.update"_s, {{u"display_name"_s, u"bob"_s}}).code, u"forbidden"_s);
    QCOMPARE(g->request(u"user.change_password"_s, {{u"old_password"_s, u"x"_s}, {u"new_password"_s, u"long enough pw"_s}}).code,
             u"forbidden"_s);
}

void tst_Account::changePassword()
{
    auto a = m_fx.user(u"pat"_s);
    auto other = m_fx.secondSession(*a);
    const QString oldToken = a->token();
    const QString name = SocialFixture::username(*a);

    QCOMPARE(a->request(u"user.change_password"_s, {{u"old_password"_s, u"not the password"_s},
                                                    {u"new_password"_s, u"a brand new secret"_s}}).code,
             u"unauthorized"_s);
    QCOMPARE(a->request(u"user.change_password"_s, {{u"old_password"_s, ServerFixture::password()},
                                                    {u"new_password"_s, u"short"_s}}).code,
             u"bad_request"_s);
    const Reply r = a->request(u"user.change_password"_s, {{u"old_password"_s, ServerFixture::password()},
                                                           {u"new_password"_s, u"a brand new secret"_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QString newToken = r.d.value(u"token"_s).toString();
    QVERIFY(!newToken.isEmpty() && newToken != oldToken);

    // Every other session is signed out, as a logout does; this one goes on.
    QVERIFY(other->waitDisconnected());
    QCOMPARE(other->closeCode(), int(kith::limits::kCloseLoggedOut));
    QVERIFY(a->request(u"ping"_s).ok);

    auto viaOld = m_fx.server().connect();
    QCOMPARE(viaOld->loginWithToken(oldToken).code, u"unauthorized"_s);
    auto viaNew = m_fx.server().connect();
    QVERIFY(viaNew->loginWithToken(newToken).ok);
    auto oldPw = m_fx.server().connect();
    QCOMPARE(oldPw->login(name, ServerFixture::password()).code, u"unauthorized"_s);
    auto newPw = m_fx.server().connect();
    QVERIFY(newPw->login(name, u"a brand new secret"_s).ok);

    // After a dropped connection, this session resumes with the new token.
    const QString session = a->sessionId();
    a->abort();
    auto back = m_fx.server().connect();
    const Reply resumed = back->resume(newToken, session, 0);
    QVERIFY2(resumed.ok && resumed.d.value(u"resumed"_s).toBool(), qPrintable(resumed.describe()));
}

void tst_Account::wrongOldPasswordsLockOut()
{
    auto a = m_fx.user(u"guessed"_s);
    Reply r;
    for (int i = 0; i <= kith::limits::kLoginFailuresFree + 1 && r.code != u"rate_limited"; ++i)
        r = a->request(u"user.change_password"_s, {{u"old_password"_s, u"guess number %1"_s.arg(i)},
                                                   {u"new_password"_s, u"a brand new secret"_s}});
    QCOMPARE(r.code, u"rate_limited"_s);
    QVERIFY(r.retryAfterMs > 0);
}

QTEST_GUILESS_MAIN(tst_Account)
#include "tst_account.moc"

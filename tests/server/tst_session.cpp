// Signing in: hello, register, login by password and token, logout, the lockout after wrong
// passwords, and what is refused before sign-in. Real server, real sockets.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Session : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helloOnConnect();
    void registerGivesTokenAndReady();
    void registerRefusesBadInput_data();
    void registerRefusesBadInput();
    void usernamesUniqueIgnoringCase();
    void registrationClosed();
    void registrationByInvite();
    void loginByPasswordAndToken();
    void wrongPasswordOrUnknownUser();
    void badTokenIsUnauthorized_data();
    void badTokenIsUnauthorized();
    void onlySessionOpsBeforeSignIn_data();
    void onlySessionOpsBeforeSignIn();
    void logoutRevokesToken();
    void repeatedWrongPasswordLocksOnlyThatName();

private:
    ServerFixture m_fx;
};

void tst_Session::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_Session::helloOnConnect()
{
    auto c = m_fx.connect();
    QVERIFY(c->isConnected());
    const QJsonObject h = c->hello();
    QCOMPARE(h.value(u"version"_s).toInt(), kith::limits::kProtocolVersion);
    QCOMPARE(h.value(u"server"_s).toString(), u"Kith test"_s);
    QVERIFY(!h.value(u"server_version"_s).toString().isEmpty());
    QVERIFY(h.value(u"features"_s).isArray());
    const QJsonObject limits = h.value(u"limits"_s).toObject();
    QCOMPARE(limits.value(u"message_length"_s).toInt(), kith::limits::kMessageLength);
    QCOMPARE(limits.value(u"frame_bytes"_s).toInteger(), kith::limits::kFrameBytes);
    QCOMPARE(limits.value(u"history_page"_s).toInt(), kith::limits::kHistoryPage);
    QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
}

void tst_Session::registerGivesTokenAndReady()
{
    auto c = m_fx.connect();
    const Reply r = c->registerUser(u"Zoe.Q_1"_s, ServerFixture::password(), u"Zoë Q"_s);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QString token = r.d.value(u"token"_s).toString();
    QVERIFY(token.size() >= 32); // 256 random bits in some text form
    const QJsonObject user = r.d.value(u"user"_s).toObject();
    QCOMPARE(user.value(u"username"_s).toString(), u"Zoe.Q_1"_s); // kept as typed
    QCOMPARE(user.value(u"display_name"_s).toString(), u"Zoë Q"_s);
    QVERIFY(!user.value(u"id"_s).toString().isEmpty());
    QVERIFY(!r.d.value(u"session"_s).toString().isEmpty());
    // ready: seq 1, me, the same session, no guilds yet.
    const auto ready = c->eventsNamed(u"ready"_s);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready[0].seq, 1);
    QCOMPARE(ready[0].d.value(u"user"_s).toObject(), user);
    QCOMPARE(ready[0].d.value(u"session"_s).toString(), r.d.value(u"session"_s).toString());
    QCOMPARE(ready[0].d.value(u"guilds"_s).toArray().size(), 0);
    // Without a display name, one is still there for others to read.
    auto d = m_fx.connect();
    const Reply r2 = d->registerUser(u"plain_name"_s, ServerFixture::password());
    QVERIFY2(r2.ok, qPrintable(r2.describe()));
    QVERIFY(!r2.d.value(u"user"_s).toObject().value(u"display_name"_s).toString().isEmpty());
    QVERIFY(c->seqProblems().isEmpty());
}

void tst_Session::registerRefusesBadInput_data()
{
    QTest::addColumn<QJsonObject>("d");
    const QString pw = ServerFixture::password();
    QTest::newRow("username too short") << QJsonObject{{u"username"_s, u"a"_s}, {u"password"_s, pw}};
    QTest::newRow("username too long")
        << QJsonObject{{u"username"_s, QString(33, u'u')}, {u"password"_s, pw}};
    QTest::newRow("username with space")
        << QJsonObject{{u"username"_s, u"bad name"_s}, {u"password"_s, pw}};
    QTest::newRow("username with dash")
        << QJsonObject{{u"username"_s, u"bad-name"_s}, {u"password"_s, pw}};
    QTest::newRow("username non-ascii")
        << QJsonObject{{u"username"_s, u"j\u00f6rg"_s}, {u"password"_s, pw}};
    QTest::newRow("password 7 chars")
        << QJsonObject{{u"username"_s, u"okname1"_s}, {u"password"_s, u"1234567"_s}};
    QTest::newRow("password 129 chars")
        << QJsonObject{{u"username"_s, u"okname2"_s}, {u"password"_s, QString(129, u'p')}};
    QTest::newRow("display name too long")
        << QJsonObject{{u"username"_s, u"okname3"_s}, {u"password"_s, pw},
                       {u"display_name"_s, QString(33, u'd')}};
    QTest::newRow("display name control char")
        << QJsonObject{{u"username"_s, u"okname4"_s}, {u"password"_s, pw},
                       {u"display_name"_s, u"a\u001bb"_s}};
    QTest::newRow("missing username") << QJsonObject{{u"password"_s, pw}};
    QTest::newRow("missing password") << QJsonObject{{u"username"_s, u"okname5"_s}};
    QTest::newRow("username is a number")
        << QJsonObject{{u"username"_s, 12345}, {u"password"_s, pw}};
    QTest::newRow("password is a number")
        << QJsonObject{{u"username"_s, u"okname6"_s}, {u"password"_s, 12345678}};
}

void tst_Session::registerRefusesBadInput()
{
    QFETCH(QJsonObject, d);
    auto c = m_fx.connect();
    const Reply r = c->request(u"session.register"_s, d);
    QCOMPARE(outcome(r), u"bad_request"_s);
    QVERIFY(!r.message.isEmpty());
    QCOMPARE(c->countEvents(u"ready"_s), 0);
    // The connection survives and can still register properly.
    QVERIFY(c->request(u"ping"_s).ok);
}

void tst_Session::usernamesUniqueIgnoringCase()
{
    auto a = m_fx.connect();
    QVERIFY(a->registerUser(u"Casey_K"_s, ServerFixture::password()).ok);
    auto b = m_fx.connect();
    QCOMPARE(outcome(b->request(u"session.register"_s,
                                {{u"username"_s, u"casey_k"_s},
                                 {u"password"_s, ServerFixture::password()}})),
             u"conflict"_s);
    QCOMPARE(outcome(b->request(u"session.register"_s,
                                {{u"username"_s, u"Casey_K"_s},
                                 {u"password"_s, ServerFixture::password()}})),
             u"conflict"_s);
    // Signing in compares names the same way, and the name stays as first typed.
    auto c = m_fx.connect();
    const Reply r = c->login(u"CASEY_K"_s, ServerFixture::password());
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"username"_s).toString(), u"Casey_K"_s);
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"id"_s), a->user().value(u"id"_s));
}

void tst_Session::loginByPasswordAndToken()
{
    QString name;
    auto a = m_fx.newUser(u"lena"_s, &name);
    const QString firstToken = a->token();
    QVERIFY(!firstToken.isEmpty());

    auto b = m_fx.connect();
    const Reply byPassword = b->login(name, ServerFixture::password());
    QVERIFY2(byPassword.ok, qPrintable(byPassword.describe()));
    QVERIFY(byPassword.d.value(u"token"_s).toString() != firstToken); // a token per sign-in
    QVERIFY(byPassword.d.value(u"session"_s).toString() != a->sessionId());
    QCOMPARE(b->user().value(u"id"_s), a->user().value(u"id"_s));

    auto c = m_fx.connect();
    const Reply byToken = c->loginWithToken(firstToken);
    QVERIFY2(byToken.ok, qPrintable(byToken.describe()));
    QCOMPARE(byToken.d.value(u"user"_s).toObject().value(u"id"_s), a->user().value(u"id"_s));
    QCOMPARE(c->eventsNamed(u"ready"_s).value(0).seq, 1);
}

void tst_Session::wrongPasswordOrUnknownUser()
{
    QString name;
    auto a = m_fx.newUser(u"mira"_s, &name);
    auto c = m_fx.connect();
    const Reply wrong = c->request(u"session.login"_s,
                                   {{u"username"_s, name}, {u"password"_s, u"not the password"_s}});
    QCOMPARE(outcome(wrong), u"unauthorized"_s);
    const Reply unknown = c->request(u"session.login"_s, {{u"username"_s, u"nobody_here"_s},
                                                         {u"password"_s, u"whatever123"_s}});
    // The same code for both, so the error does not reveal which names exist.
    QCOMPARE(outcome(unknown), u"unauthorized"_s);
    QCOMPARE(c->countEvents(u"ready"_s), 0);
    QCOMPARE(outcome(c->request(u"guild.create"_s, {{u"name"_s, u"x"_s}})), u"unauthorized"_s);
    QVERIFY(c->login(name, ServerFixture::password()).ok); // same connection, now right
}

void tst_Session::badTokenIsUnauthorized_data()
{
    QTest::addColumn<QJsonValue>("token");
    QTest::newRow("garbage") << QJsonValue(u"nope"_s);
    QTest::newRow("empty") << QJsonValue(u""_s);
    QTest::newRow("plausible but unknown") << QJsonValue(QString(43, u'A'));
    QTest::newRow("very long") << QJsonValue(QString(5000, u'z'));
}

void tst_Session::badTokenIsUnauthorized()
{
    QFETCH(QJsonValue, token);
    auto c = m_fx.connect();
    const Reply r = c->request(u"session.login"_s, {{u"token"_s, token}});
    QVERIFY2(r.code == u"unauthorized" || r.code == u"bad_request", qPrintable(r.describe()));
    if (!token.toString().isEmpty())
        QCOMPARE(r.code, u"unauthorized"_s);
    QCOMPARE(c->countEvents(u"ready"_s), 0);
    QVERIFY(c->request(u"ping"_s).ok); // connection survives
}

void tst_Session::onlySessionOpsBeforeSignIn_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    QTest::newRow("guild.create") << u"guild.create"_s << QJsonObject{{u"name"_s, u"g"_s}};
    QTest::newRow("message.send") << u"message.send"_s
                                  << QJsonObject{{u"channel_id"_s, u"1"_s},
                                                 {u"content"_s, u"hi"_s}, {u"nonce"_s, u"n"_s}};
    QTest::newRow("message.history") << u"message.history"_s
                                     << QJsonObject{{u"channel_id"_s, u"1"_s}};
    QTest::newRow("guild.members") << u"guild.members"_s << QJsonObject{{u"guild_id"_s, u"1"_s}};
    QTest::newRow("invite.join") << u"invite.join"_s << QJsonObject{{u"code"_s, u"abc"_s}};
    QTest::newRow("session.logout") << u"session.logout"_s << QJsonObject{};
}

void tst_Session::onlySessionOpsBeforeSignIn()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    auto c = m_fx.connect();
    QCOMPARE(outcome(c->request(op, d)), u"unauthorized"_s);
    const Reply ping = c->request(u"ping"_s);
    QVERIFY2(ping.ok, qPrintable(ping.describe()));
    QVERIFY(ping.d.value(u"time"_s).isString() || ping.d.value(u"time"_s).isDouble());
    QVERIFY(c->isConnected());
}

void tst_Session::logoutRevokesToken()
{
    QString name;
    auto a = m_fx.newUser(u"otto"_s, &name);
    const QString token = a->token();
    const QString session = a->sessionId();
    // A second device of the same user with its own token is not signed out.
    auto other = m_fx.connect();
    QVERIFY(other->login(name, ServerFixture::password()).ok);

    const Reply r = a->request(u"session.logout"_s);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(a->waitDisconnected());
    QCOMPARE(a->closeCode(), int(kith::limits::kCloseLoggedOut));

    auto b = m_fx.connect();
    QCOMPARE(outcome(b->request(u"session.login"_s, {{u"token"_s, token}})), u"unauthorized"_s);
    QCOMPARE(outcome(b->request(u"session.resume"_s,
                                {{u"token"_s, token}, {u"session"_s, session}, {u"seq"_s, 1}})),
             u"unauthorized"_s);
    QCOMPARE(b->countEvents(u"ready"_s), 0);
    QVERIFY(other->request(u"ping"_s).ok);
    auto c = m_fx.connect();
    QVERIFY(c->loginWithToken(other->token()).ok);
}

void tst_Session::repeatedWrongPasswordLocksOnlyThatName()
{
    QString victim, bystander;
    auto v = m_fx.newUser(u"vic"_s, &victim);
    auto by = m_fx.newUser(u"byst"_s, &bystander);
    auto attacker = m_fx.connect();
    const QJsonObject wrong{{u"username"_s, victim}, {u"password"_s, u"guess guess"_s}};
    // Changing the case of the name must not buy extra guesses: names compare without case.
    for (int i = 0; i < kith::limits::kLoginFailuresFree; ++i) {
        const QString name = i % 2 ? victim.toUpper() : victim;
        QCOMPARE(outcome(attacker->request(u"session.login"_s, {{u"username"_s, name},
                                                                {u"password"_s, u"guess guess"_s}})),
                 u"unauthorized"_s);
    }
    const Reply locked = attacker->request(u"session.login"_s, wrong);
    QCOMPARE(outcome(locked), u"rate_limited"_s);
    QVERIFY2(locked.retryAfterMs > 0, qPrintable(QString::number(locked.retryAfterMs)));
    QVERIFY(locked.retryAfterMs <= kith::limits::kLoginLockoutMaxMs);
    // While locked, even the right password from that address waits: that is the point.
    const Reply rightButLocked = attacker->request(
        u"session.login"_s, {{u"username"_s, victim}, {u"password"_s, ServerFixture::password()}});
    QCOMPARE(outcome(rightButLocked), u"rate_limited"_s);
    QVERIFY(attacker->isConnected());

    // The victim's token still works, and another user signs in normally from the same address.
    auto t = m_fx.connect();
    QVERIFY2(t->loginWithToken(v->token()).ok, "token login blocked by a password lockout");
    auto o = m_fx.connect();
    const Reply other = o->login(bystander, ServerFixture::password());
    QVERIFY2(other.ok, qPrintable(other.describe()));

    // When the lockout ends the right password works again.
    auto late = m_fx.connect();
    Reply after;
    // (qWaitFor, not QTRY: the QTRY macros evaluate the expression once more on success.)
    const bool signedIn = QTest::qWaitFor(
        [&] {
            after = late->request(u"session.login"_s, {{u"username"_s, victim},
                                                       {u"password"_s, ServerFixture::password()}});
            return after.ok;
        },
        3 * kith::limits::kLoginLockoutMs + 5000);
    QVERIFY2(signedIn, qPrintable(after.describe()));
}

void tst_Session::registrationClosed()
{
    ServerFixture fx;
    fx.config.registration = u"closed"_s;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    auto c = fx.connect();
    QCOMPARE(c->hello().value(u"registration"_s).toString(), u"closed"_s);
    const Reply r = c->registerUser(u"newcomer"_s, ServerFixture::password());
    QVERIFY(!r.ok);
    QCOMPARE(r.code, u"forbidden"_s);
    QVERIFY2(r.message.contains(u"registration is closed"_s), qPrintable(r.message));
    // An invite does not open a closed server.
    const Reply withInvite = c->request(u"session.register"_s, {{u"username"_s, u"newcomer"_s},
                                                                {u"password"_s, ServerFixture::password()},
                                                                {u"invite"_s, u"whatever"_s}});
    QCOMPARE(withInvite.code, u"forbidden"_s);
}

void tst_Session::registrationByInvite()
{
    // An open server makes an owner and an invite; then it becomes invite-only.
    ServerFixture fx;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    QCOMPARE(fx.connect()->hello().value(u"registration"_s).toString(), u"open"_s);
    auto owner = fx.newUser(u"owner"_s);
    const GuildRef g = createGuild(*owner);
    const Reply inv = owner->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(inv.ok);
    const QString code = inv.d.value(u"code"_s).toString();
    owner.reset();
    fx.config.registration = u"invite"_s;
    QVERIFY2(fx.restart(&err), qPrintable(err));

    auto c = fx.connect();
    QCOMPARE(c->hello().value(u"registration"_s).toString(), u"invite"_s);
    auto reg = [&](const QJsonValue &invite) {
        QJsonObject d{{u"username"_s, u"invited"_s}, {u"password"_s, ServerFixture::password()}};
        if (!invite.isUndefined())
            d.insert(u"invite"_s, invite);
        return c->request(u"session.register"_s, d);
    };
    const Reply none = reg(QJsonValue::Undefined);
    QCOMPARE(none.code, u"forbidden"_s);
    QVERIFY2(none.message.contains(u"invite"_s), qPrintable(none.message));
    QCOMPARE(reg(u"not-a-code"_s).code, u"forbidden"_s);
    QCOMPARE(reg(QJsonValue::Null).code, u"forbidden"_s);
    QCOMPARE(reg(42).code, u"bad_request"_s);
    const Reply ok = reg(code);
    QVERIFY2(ok.ok, qPrintable(ok.describe()));
    QVERIFY(c->waitEvent(u"ready"_s));
    // Then, as the app does, the invite is joined like any other.
    QVERIFY(c->request(u"invite.join"_s, {{u"code"_s, code}}).ok);
    // Signing in is not registering: an existing account signs in without an invite.
    auto again = fx.connect();
    QVERIFY(again->login(u"invited"_s, ServerFixture::password()).ok);
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"

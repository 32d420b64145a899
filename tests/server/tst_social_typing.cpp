// Typing: typing.started reaches the channel's other viewers only (guild channels and DMs),
// repeats within the throttle window are accepted but not sent on, and a renewal after it is.
#include "SocialFixture.h"

#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QDeadlineTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_SocialTyping : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void goesToOtherViewersOnly();
    void repeatsWithinWindowNotSent();
    void renewalAfterWindowIsSent();
    void typingInDms();
    void refusesWhatICannotSee();

private:
    int typingOf(const TestClient &watcher, const QString &userId, const QString &channelId) const;

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c, m_d;
    GuildRef m_g;
};

void tst_SocialTyping::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a (two devices), b and c share a guild; d is outside it.
void tst_SocialTyping::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_a2 = m_fx.secondSession(*m_a);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_d = m_fx.user(u"dan"_s);
    m_g = createGuild(*m_b);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_b, *m_a, m_g));
    QVERIFY(joinGuild(*m_b, *m_c, m_g));
    m_fx.forget({m_a.get(), m_a2.get(), m_b.get(), m_c.get(), m_d.get()});
}

void tst_SocialTyping::cleanup()
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

int tst_SocialTyping::typingOf(const TestClient &watcher, const QString &userId, const QString &channelId) const
{
    int n = 0;
    for (const Event &e : m_fx.events(watcher, u"typing.started"_s)) {
        // The event carries exactly these two fields.
        if (e.d.keys() != QStringList{u"channel_id"_s, u"user_id"_s})
            return -1;
        n += e.d.value(u"user_id"_s).toString() == userId && e.d.value(u"channel_id"_s).toString() == channelId;
    }
    return n;
}

void tst_SocialTyping::goesToOtherViewersOnly()
{
    const Reply r = m_a->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d, QJsonObject{});
    for (TestClient *s : {m_b.get(), m_c.get()}) {
        const auto ev = m_fx.waitFor(*s, u"typing.started"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"channel_id"_s, m_g.channelId}, {u"user_id"_s, m_a->userId()}}));
    }
    // Not to the typist's own sessions, not to outsiders.
    for (TestClient *s : {m_a.get(), m_a2.get(), m_d.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"typing.started"_s), 0);
    }
}

void tst_SocialTyping::repeatsWithinWindowNotSent()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(outcome(m_a->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}})), u"ok"_s);
    // Another typist in the same window is someone else: sent.
    QVERIFY(m_c->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    for (TestClient *s : {m_b.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(typingOf(*s, m_a->userId(), m_g.channelId), 1);
        QCOMPARE(typingOf(*s, m_c->userId(), m_g.channelId), 1);
    }
    // Another channel is another indicator.
    const Reply other = m_b->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"other"_s}});
    QVERIFY(other.ok);
    const QString otherId = other.d.value(u"id"_s).toString();
    QVERIFY(m_a->request(u"typing.start"_s, {{u"channel_id"_s, otherId}}).ok);
    QVERIFY(m_fx.waitFor(*m_b, u"typing.started"_s,
                         [&](const Event &e) { return e.d.value(u"channel_id"_s).toString() == otherId; }));
}

void tst_SocialTyping::renewalAfterWindowIsSent()
{
    static_assert(kith::limits::kTypingRepeatMs < kith::limits::kTypingExpiryMs,
                  "a renewal must be able to reach viewers before they drop the indicator");
    QVERIFY(m_a->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
    QVERIFY(m_fx.waitFor(*m_b, u"typing.started"_s));
    // A client renews while composing. Renewals inside the window are acknowledged and held
    // back (b has nothing more once a ping after them is answered); once the window has
    // passed, one goes out. No clock here: the order of what b sees, with a generous bound.
    int heldBack = 0;
    bool renewed = false;
    QDeadlineTimer giveUp(kith::limits::kTypingRepeatMs + 60000);
    while (!renewed && !giveUp.hasExpired()) {
        QVERIFY(m_a->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}}).ok);
        // Renew again, as a composing client does, unless b hears this one in a moment.
        renewed = QTest::qWaitFor([&] { return typingOf(*m_b, m_a->userId(), m_g.channelId) >= 2; }, 250);
        if (!renewed) {
            QVERIFY(SocialFixture::flush(*m_b));
            renewed = typingOf(*m_b, m_a->userId(), m_g.channelId) >= 2;
            heldBack += !renewed;
        }
    }
    QVERIFY2(renewed, "no renewal reached b");
    QVERIFY2(heldBack > 0, "the first renewal inside the window was sent on");
    QCOMPARE(typingOf(*m_b, m_a->userId(), m_g.channelId), 2);
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(typingOf(*m_c, m_a->userId(), m_g.channelId), 2);
}

void tst_SocialTyping::typingInDms()
{
    const QString dm = SocialFixture::openDm(*m_a, m_d->userId()).value(u"id"_s).toString();
    QVERIFY(!dm.isEmpty());
    QVERIFY(m_d->request(u"typing.start"_s, {{u"channel_id"_s, dm}}).ok);
    for (TestClient *s : {m_a.get(), m_a2.get()}) {
        const auto ev = m_fx.waitFor(*s, u"typing.started"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, (QJsonObject{{u"channel_id"_s, dm}, {u"user_id"_s, m_d->userId()}}));
    }
    for (TestClient *s : {m_b.get(), m_d.get()}) {
        QVERIFY(SocialFixture::flush(*s));
        QCOMPARE(m_fx.count(*s, u"typing.started"_s), 0);
    }
}

void tst_SocialTyping::refusesWhatICannotSee()
{
    QCOMPARE(outcome(m_d->request(u"typing.start"_s, {{u"channel_id"_s, m_g.channelId}})), u"not_found"_s);
    QCOMPARE(outcome(m_d->request(u"typing.start"_s, {{u"channel_id"_s, u"999999999999"_s}})), u"not_found"_s);
    QCOMPARE(outcome(m_d->request(u"typing.start"_s, {})), u"bad_request"_s);
    QCOMPARE(outcome(m_d->request(u"typing.start"_s, {{u"channel_id"_s, 3}})), u"bad_request"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"typing.started"_s), 0);
}

QTEST_GUILESS_MAIN(tst_SocialTyping)
#include "tst_social_typing.moc"

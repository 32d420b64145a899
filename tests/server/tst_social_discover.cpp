// Discovery: discover.online lists who is around (friends and guild mates, not me, not the
// invisible, not those I block, not strangers); discover.active_channels the busiest channels.
#include "SocialFixture.h"

#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_SocialDiscover : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void online();
    void activeChannels();
    void activeChannelsKeepsTheTenBusiest();
    void activeChannelsRefuses();

private:
    SocialFixture m_fx;
};

void tst_SocialDiscover::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

void tst_SocialDiscover::online()
{
    auto me = m_fx.user(u"me"_s);
    auto fr = m_fx.user(u"friend"_s);        // a friend, no shared guild
    auto mate = m_fx.user(u"mate"_s);        // shares a guild, busy
    auto ghost = m_fx.user(u"ghost"_s);      // shares a guild, invisible
    auto pest = m_fx.user(u"pest"_s);        // shares a guild, blocked by me
    auto gone = m_fx.user(u"gone"_s);        // shares a guild, offline
    auto stranger = m_fx.user(u"stranger"_s);
    QVERIFY(m_fx.befriend(*me, *fr));
    const GuildRef g = createGuild(*me);
    for (TestClient *c : {mate.get(), ghost.get(), pest.get(), gone.get()})
        QVERIFY(joinGuild(*me, *c, g));
    QVERIFY(mate->request(u"presence.set"_s, {{u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"focus"_s}}).ok);
    QVERIFY(ghost->request(u"presence.set"_s, {{u"status"_s, u"invisible"_s}}).ok);
    QVERIFY(me->request(u"user.block"_s, {{u"user_id"_s, pest->userId()}}).ok);
    m_fx.forget(*me);
    const QString goneId = gone->userId();
    gone->close();
    QVERIFY(m_fx.waitPresence(*me, goneId, u"offline"_s));

    const Reply r = me->request(u"discover.online"_s);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &v : r.d.value(u"users"_s).toArray()) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.keys(), (QStringList{u"custom_status"_s, u"status"_s, u"user"_s}));
        byId.insert(o.value(u"user"_s).toObject().value(u"id"_s).toString(), o);
    }
    QStringList ids = byId.keys();
    ids.sort();
    QStringList expected{fr->userId(), mate->userId()};
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(byId.value(fr->userId()),
             (QJsonObject{{u"user"_s, fr->user()}, {u"status"_s, u"online"_s}, {u"custom_status"_s, QJsonValue::Null}}));
    QCOMPARE(byId.value(mate->userId()),
             (QJsonObject{{u"user"_s, mate->user()}, {u"status"_s, u"dnd"_s}, {u"custom_status"_s, u"focus"_s}}));
    // The blocked user still sees me (a block is not revealed); the invisible one sees everyone.
    const Reply fromPest = pest->request(u"discover.online"_s);
    QVERIFY(fromPest.ok);
    bool seesMe = false;
    for (const QJsonValue &v : fromPest.d.value(u"users"_s).toArray())
        seesMe = seesMe || v.toObject().value(u"user"_s).toObject().value(u"id"_s).toString() == me->userId();
    QVERIFY(seesMe);
    // A stranger sees nobody.
    const Reply lonely = stranger->request(u"discover.online"_s);
    QVERIFY(lonely.ok);
    QCOMPARE(lonely.d.value(u"users"_s).toArray(), QJsonArray{});
}

void tst_SocialDiscover::activeChannels()
{
    auto owner = m_fx.user(u"own"_s);
    auto member = m_fx.user(u"mem"_s);
    const GuildRef g = createGuild(*owner);
    QVERIFY(joinGuild(*owner, *member, g));
    const Reply quiet = owner->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"quiet"_s}});
    const Reply busy = owner->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"busy"_s}});
    QVERIFY(quiet.ok && busy.ok);
    const QString busyId = busy.d.value(u"id"_s).toString();
    QString busyLast;
    for (int i = 0; i < 3; ++i) {
        const Reply sent = sendMessage(*member, busyId, u"busy %1"_s.arg(i));
        QVERIFY(sent.ok);
        busyLast = sent.d.value(u"id"_s).toString();
    }
    QVERIFY(sendMessage(*owner, g.channelId, u"one"_s).ok);
    // A DM is never part of a guild's list.
    const QString dm = SocialFixture::openDm(*owner, member->userId()).value(u"id"_s).toString();
    for (int i = 0; i < 5; ++i)
        QVERIFY(sendMessage(*owner, dm, u"dm %1"_s.arg(i)).ok);

    const Reply r = member->request(u"discover.active_channels"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QJsonArray list = r.d.value(u"channels"_s).toArray();
    QVERIFY(list.size() >= 2);
    QJsonObject busyNow = busy.d;
    busyNow.insert(u"last_message_id"_s, busyLast);
    QCOMPARE(list[0].toObject(), (QJsonObject{{u"channel"_s, busyNow}, {u"messages"_s, 3}}));
    QCOMPARE(list[1].toObject().value(u"channel"_s).toObject().value(u"id"_s).toString(), g.channelId);
    QCOMPARE(list[1].toObject().value(u"messages"_s).toInt(), 1);
    // A channel without messages in the last hour is not active (listed with 0 at most).
    for (qsizetype i = 2; i < list.size(); ++i)
        QCOMPARE(list[i].toObject().value(u"messages"_s).toInt(), 0);
}

void tst_SocialDiscover::activeChannelsKeepsTheTenBusiest()
{
    auto owner = m_fx.user(u"own"_s);
    const GuildRef g = createGuild(*owner);
    QStringList ids{g.channelId};
    for (int i = 0; i < 11; ++i) {
        const Reply c = owner->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId}, {u"name"_s, u"c%1"_s.arg(i)}});
        QVERIFY(c.ok);
        ids << c.d.value(u"id"_s).toString();
    }
    // Channel i gets i+1 messages: the two quietest drop out.
    for (int i = 0; i < ids.size(); ++i)
        for (int k = 0; k <= i; ++k)
            QVERIFY(sendMessage(*owner, ids[i], u"m"_s).ok);
    const Reply r = owner->request(u"discover.active_channels"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(r.ok);
    const QJsonArray list = r.d.value(u"channels"_s).toArray();
    QCOMPARE(list.size(), kith::limits::kActiveChannels);
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        QCOMPARE(o.value(u"channel"_s).toObject().value(u"id"_s).toString(), ids[ids.size() - 1 - i]);
        QCOMPARE(o.value(u"messages"_s).toInt(), int(ids.size()) - i);
    }
}

void tst_SocialDiscover::activeChannelsRefuses()
{
    auto owner = m_fx.user(u"own"_s);
    auto outsider = m_fx.user(u"out"_s);
    const GuildRef g = createGuild(*owner);
    QCOMPARE(outcome(outsider->request(u"discover.active_channels"_s, {{u"guild_id"_s, g.guildId}})), u"not_found"_s);
    QCOMPARE(outcome(owner->request(u"discover.active_channels"_s, {{u"guild_id"_s, u"999999999999"_s}})),
             u"not_found"_s);
    QCOMPARE(outcome(owner->request(u"discover.active_channels"_s, {})), u"bad_request"_s);
}

QTEST_GUILESS_MAIN(tst_SocialDiscover)
#include "tst_social_discover.moc"

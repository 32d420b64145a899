// Statistics (issue 13) against a real server: messages counted per day, sender and channel
// from daily counters (a resent nonce, DMs and never-stored channels not counted); sessions
// started counted per member; today's peak online; view_stats decides who reads them; `days`
// in range; the counters survive a restart; and kith-server admin stats prints the server's.
#include "ServerProcess.h"
#include "SocialFixture.h"
#include "common/Scenario.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Stats : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesStats();
    void messagesCounted();
    void whoMayRead();
    void days_data();
    void days();
    void connectionsAndPeak();
    void adminStats();
    void survivesRestart(); // last: it restarts the server under the other tests' clients

private:
    Reply stats(TestClient &c, const QJsonObject &extra = {});
    //! {id or user.id: count} of a top list.
    static QHash<QString, qint64> counts(const Reply &r, const QString &list,
                                         const QString &key = u"count"_s);
    static QString today();
    //! The owner sends: 3 in general, a resend of one nonce, b: 2 in general, 1 in `second`.
    bool sendSome(QString *second);
    //! Runs `kith-server admin ARGS` on the fixture's database.
    int admin(const QStringList &args, QString *out);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_b, m_c, m_out;
    GuildRef m_g;
};

void tst_Stats::initTestCase()
{
    QVERIFY(QFile::exists(ServerProcess::binary()));
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, admin has the admin rank, b and c are plain members, out is an outsider.
void tst_Stats::init()
{
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_b, m_c, m_out, m_g));
}

void tst_Stats::cleanup()
{
    const QStringList problems = SocialFixture::release({&m_owner, &m_admin, &m_b, &m_c, &m_out});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

Reply tst_Stats::stats(TestClient &c, const QJsonObject &extra)
{
    QJsonObject d = extra;
    if (!d.contains(u"guild_id"_s))
        d.insert(u"guild_id"_s, m_g.guildId);
    return c.request(u"stats.guild"_s, d);
}

QHash<QString, qint64> tst_Stats::counts(const Reply &r, const QString &list, const QString &key)
{
    QHash<QString, qint64> out;
    for (const QJsonValue &v : r.d.value(list).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.contains(u"user"_s) ? o.value(u"user"_s).toObject().value(u"id"_s).toString()
                                                 : o.value(u"channel_id"_s).toString();
        out.insert(id, qint64(o.value(key).toDouble()));
    }
    return out;
}

QString tst_Stats::today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

bool tst_Stats::sendSome(QString *second)
{
    const Reply made =
        m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"second"_s}});
    if (!made.ok)
        return false;
    *second = made.d.value(u"id"_s).toString();
    const QString nonce = newNonce();
    bool ok = sendMessage(*m_owner, m_g.channelId, u"one"_s, nonce).ok;
    ok = ok && sendMessage(*m_owner, m_g.channelId, u"one"_s, nonce).ok; // a resend: one message
    for (int i = 0; i < 2; ++i)
        ok = ok && sendMessage(*m_owner, m_g.channelId, u"more"_s).ok
             && sendMessage(*m_b, m_g.channelId, u"hi"_s).ok;
    return ok && sendMessage(*m_b, *second, u"elsewhere"_s).ok;
}

void tst_Stats::helloAnnouncesStats()
{
    QVERIFY(m_b->hello().value(u"features"_s).toArray().contains(u"stats"_s));
}

void tst_Stats::messagesCounted()
{
    QString second;
    QVERIFY(sendSome(&second));
    // Not counted: a DM (no guild), and a channel whose messages are never stored.
    const QJsonObject dm = SocialFixture::openDm(*m_owner, m_b->userId());
    if (!dm.isEmpty()) // DMs between strangers may be refused; then there is nothing to check
        QVERIFY(sendMessage(*m_owner, dm.value(u"id"_s).toString(), u"private"_s).ok);
    const Reply fleeting =
        m_owner->request(u"channel.create"_s,
                         {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"gone"_s}, {u"persistent"_s, false}});
    QVERIFY2(fleeting.ok, qPrintable(fleeting.describe()));
    QVERIFY(sendMessage(*m_owner, fleeting.d.value(u"id"_s).toString(), u"not kept"_s).ok);

    const Reply r = stats(*m_owner);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    // Every day of the default 30, oldest first, today last with this guild's 6 messages.
    const QJsonArray perDay = r.d.value(u"messages_per_day"_s).toArray();
    QCOMPARE(perDay.size(), 30);
    QCOMPARE(perDay.last().toObject(), (QJsonObject{{u"day"_s, today()}, {u"count"_s, 6}}));
    QCOMPARE(perDay.first().toObject().value(u"count"_s).toInt(), 0);
    QCOMPARE(perDay.first().toObject().value(u"day"_s).toString(),
             QDateTime::currentDateTimeUtc().date().addDays(-29).toString(Qt::ISODate));

    // Most first: owner and b 3 each (ties by id), then nobody else.
    const QJsonArray senders = r.d.value(u"top_senders"_s).toArray();
    QCOMPARE(senders.size(), 2);
    QCOMPARE(counts(r, u"top_senders"_s),
             (QHash<QString, qint64>{{m_owner->userId(), 3}, {m_b->userId(), 3}}));
    const QJsonObject user = senders.first().toObject().value(u"user"_s).toObject();
    QVERIFY(user.contains(u"username"_s) && user.contains(u"display_name"_s));
    const QJsonArray channels = r.d.value(u"busiest_channels"_s).toArray();
    QCOMPARE(channels.size(), 2);
    QCOMPARE(channels.at(0).toObject(), (QJsonObject{{u"channel_id"_s, m_g.channelId}, {u"count"_s, 5}}));
    QCOMPARE(channels.at(1).toObject(), (QJsonObject{{u"channel_id"_s, second}, {u"count"_s, 1}}));

    // One more from c moves the counts at once: the reply follows the send's commit.
    QVERIFY(sendMessage(*m_c, second, u"me too"_s).ok);
    const Reply again = stats(*m_admin);
    QVERIFY(again.ok);
    QCOMPARE(counts(again, u"busiest_channels"_s).value(second), 2);
    QCOMPARE(again.d.value(u"messages_per_day"_s).toArray().last().toObject().value(u"count"_s).toInt(), 7);
    QCOMPARE(again.d.value(u"top_senders"_s)
                 .toArray()
                 .last()
                 .toObject()
                 .value(u"user"_s)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             m_c->userId());
}

void tst_Stats::whoMayRead()
{
    QVERIFY(stats(*m_owner).ok);
    QVERIFY(stats(*m_admin).ok);
    QCOMPARE(outcome(stats(*m_b)), u"forbidden"_s);
    QCOMPARE(outcome(stats(*m_out)), u"not_found"_s);
    QCOMPARE(outcome(stats(*m_b, {{u"guild_id"_s, u"12345"_s}})), u"not_found"_s);
    // A role with view_stats is enough; view_audit_log is not.
    const Reply auditors =
        m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                            {u"name"_s, u"Auditors"_s},
                                            {u"permissions"_s, QJsonArray{u"view_audit_log"_s}}});
    const Reply counters =
        m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                            {u"name"_s, u"Counters"_s},
                                            {u"permissions"_s, QJsonArray{u"view_stats"_s}}});
    QVERIFY(auditors.ok && counters.ok);
    auto give = [&](TestClient &member, const Reply &role) {
        return m_owner
            ->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                              {u"user_id"_s, member.userId()},
                                              {u"role_ids"_s, QJsonArray{role.d.value(u"id"_s)}}})
            .ok;
    };
    QVERIFY(give(*m_c, auditors));
    QCOMPARE(outcome(stats(*m_c)), u"forbidden"_s);
    QVERIFY(give(*m_b, counters));
    const Reply r = stats(*m_b);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    for (const char *key :
         {"messages_per_day", "top_senders", "busiest_channels", "most_connected", "peak_online"})
        QVERIFY2(r.d.value(QLatin1String(key)).isArray(), key);
}

void tst_Stats::days_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("entries");
    QTest::newRow("default") << QJsonObject{} << u"ok"_s << 30;
    QTest::newRow("null") << QJsonObject{{u"days"_s, QJsonValue()}} << u"ok"_s << 30;
    QTest::newRow("1") << QJsonObject{{u"days"_s, 1}} << u"ok"_s << 1;
    QTest::newRow("90") << QJsonObject{{u"days"_s, 90}} << u"ok"_s << 90;
    QTest::newRow("0") << QJsonObject{{u"days"_s, 0}} << u"bad_request"_s << 0;
    QTest::newRow("91") << QJsonObject{{u"days"_s, 91}} << u"bad_request"_s << 0;
    QTest::newRow("negative") << QJsonObject{{u"days"_s, -3}} << u"bad_request"_s << 0;
    QTest::newRow("fraction") << QJsonObject{{u"days"_s, 7.5}} << u"bad_request"_s << 0;
    QTest::newRow("text") << QJsonObject{{u"days"_s, u"7"_s}} << u"bad_request"_s << 0;
    QTest::newRow("guild not an id") << QJsonObject{{u"guild_id"_s, 5}} << u"bad_request"_s << 0;
}

void tst_Stats::days()
{
    QFETCH(QJsonObject, extra);
    QFETCH(QString, expected);
    QFETCH(int, entries);
    const Reply r = stats(*m_owner, extra);
    QCOMPARE(outcome(r), expected);
    if (r.ok)
        QCOMPARE(r.d.value(u"messages_per_day"_s).toArray().size(), entries);
    QCOMPARE(outcome(m_owner->request(u"stats.guild"_s, {})), u"bad_request"_s);
}

void tst_Stats::connectionsAndPeak()
{
    // Each member signed in once (rankedGuild); the outsider is no member and is not listed.
    auto connections = [&] { return counts(stats(*m_owner), u"most_connected"_s, u"connections"_s); };
    QTRY_COMPARE(connections().value(m_b->userId()), 1);
    QHash<QString, qint64> now = connections();
    for (TestClient *c : {m_owner.get(), m_admin.get(), m_c.get()})
        QCOMPARE(now.value(c->userId()), 1);
    QVERIFY(!now.contains(m_out->userId()));

    // A second device is a session more; a resume of the same session is not.
    auto second = m_fx.secondSession(*m_b);
    QVERIFY(second);
    QTRY_COMPARE(connections().value(m_b->userId()), 2);
    const QString token = second->token(), session = second->sessionId();
    const qint64 seq = second->lastSeq();
    second->close();
    auto back = m_fx.server().connect();
    const Reply resumed = back->resume(token, session, seq);
    QVERIFY2(resumed.ok && resumed.d.value(u"resumed"_s).toBool(), qPrintable(resumed.describe()));
    QVERIFY(SocialFixture::flush(*back));
    QVERIFY(sendMessage(*m_b, m_g.channelId, u"after"_s).ok); // a later job on the same writer
    QTRY_COMPARE(connections().value(m_b->userId()), 2);
    QCOMPARE(connections().value(m_b->userId()), 2);

    // Today's peak: the four members are online now.
    const QJsonObject last = stats(*m_owner).d.value(u"peak_online"_s).toArray().last().toObject();
    QCOMPARE(last.value(u"day"_s).toString(), today());
    QVERIFY2(last.value(u"count"_s).toInt() >= 4,
             qPrintable(QString::number(last.value(u"count"_s).toInt())));
}

int tst_Stats::admin(const QStringList &args, QString *out)
{
    QStringList all{u"admin"_s, u"stats"_s};
    all += args;
    if (TestDatabase::postgres())
        all << u"--db"_s << m_fx.server().database().url();
    else
        all << u"--data"_s << m_fx.server().dataDir();
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(ServerProcess::binary(), all);
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out =
        QString::fromLocal8Bit(p.readAllStandardOutput()) + QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitCode();
}

void tst_Stats::adminStats()
{
    // The busiest guild of the server: 12 messages here, more than any other test's guild.
    for (int i = 0; i < 12; ++i)
        QVERIFY(sendMessage(*m_c, m_g.channelId, u"busy"_s).ok);
    // A running server writes its counts once a minute; stats.guild has it write them at once.
    QVERIFY(m_owner->request(u"stats.guild"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    QString out;
    QCOMPARE(admin({u"--days"_s, u"7"_s}, &out), 0);
    const QStringList lines = out.split(u'\n');
    QVERIFY2(lines.value(0).startsWith(u"Statistics of the last 7 days"_s), qPrintable(out));
    QVERIFY2(lines.value(0).contains(today()), qPrintable(out));
    const qsizetype guilds = lines.indexOf(u"Busiest guilds:"_s);
    QVERIFY2(guilds > 0, qPrintable(out));
    QVERIFY2(lines.value(guilds + 1).startsWith(u"  1. \"Friends\" (id %1)  "_s.arg(m_g.guildId)),
             qPrintable(out));
    const qsizetype senders = lines.indexOf(u"Top senders:"_s);
    QVERIFY2(senders > guilds, qPrintable(out));
    QVERIFY2(lines.value(senders + 1)
                 .startsWith(u"  1. %1 (id %2)  "_s.arg(SocialFixture::username(*m_c), m_c->userId())),
             qPrintable(out));
    QVERIFY2(lines.contains(u"Most connecting users:"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  %1  "_s.arg(today())), qPrintable(out)); // today's line of messages per day

    QCOMPARE(admin({u"--days"_s, u"0"_s}, &out), 2);
    QCOMPARE(admin({u"--days"_s, u"many"_s}, &out), 2);
}

void tst_Stats::survivesRestart()
{
    QString second;
    QVERIFY(sendSome(&second));
    const Reply before = stats(*m_owner);
    QVERIFY(before.ok);
    const QString ownerName = SocialFixture::username(*m_owner);
    // The peak is written at shutdown at the latest: four members online now.
    QVERIFY(before.d.value(u"peak_online"_s).toArray().last().toObject().value(u"count"_s).toInt() >= 4);
    cleanup();
    QString err;
    QVERIFY2(m_fx.server().restart(&err), qPrintable(err));

    m_owner = m_fx.server().connect();
    QVERIFY(m_owner->login(ownerName, ServerFixture::password()).ok);
    const Reply after = stats(*m_owner);
    QVERIFY2(after.ok, qPrintable(after.describe()));
    QCOMPARE(after.d.value(u"messages_per_day"_s), before.d.value(u"messages_per_day"_s));
    QCOMPARE(after.d.value(u"top_senders"_s), before.d.value(u"top_senders"_s));
    QCOMPARE(after.d.value(u"busiest_channels"_s), before.d.value(u"busiest_channels"_s));
    // Only the owner is online now: the four of before come from the stored peak.
    QVERIFY(after.d.value(u"peak_online"_s).toArray().last().toObject().value(u"count"_s).toInt() >= 4);
    // The owner's sign-in after the restart counted too.
    QTRY_VERIFY(counts(stats(*m_owner), u"most_connected"_s, u"connections"_s).value(m_owner->userId())
                > counts(before, u"most_connected"_s, u"connections"_s).value(m_owner->userId()));
}

QTEST_GUILESS_MAIN(tst_Stats)
#include "tst_stats.moc"

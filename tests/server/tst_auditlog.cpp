// The audit log (issue 13) against a real server: every op that changes a guild, its channels,
// roles or members writes an entry with its actor, target, reason and changes; guild.audit_log
// pages newest first with `before`, within its limits; view_audit_log decides who reads it; and
// entries older than 90 days are neither shown nor kept.
#include "SocialFixture.h"
#include "common/Scenario.h"
#include "shared/Snowflake.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_AuditLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesFeatures();
    void guildAndChannelActions();
    void roleActions();
    void memberActions();
    void messageDeleteOnlyOthers();
    void paging();
    void limits_data();
    void limits();
    void whoMayRead();
    void oldEntriesGo();

private:
    Reply log(TestClient &c, const QJsonObject &extra = {});
    //! The newest entry, read by the owner.
    QJsonObject newest();
    //! Checks the newest entry's action, actor and target (null when targetId is empty).
    bool newestIs(const QString &action, const TestClient &actor, const QString &targetId,
                  QJsonObject *entry);
    static QJsonObject change(const QJsonValue &old, const QJsonValue &now)
    {
        return {{u"old"_s, old}, {u"new"_s, now}};
    }

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_owner, m_admin, m_b, m_c, m_out;
    GuildRef m_g;
};

void tst_AuditLog::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// owner owns the guild, admin has the admin rank, b and c are plain members, out is an outsider.
void tst_AuditLog::init()
{
    QVERIFY(m_fx.rankedGuild(m_owner, m_admin, m_b, m_c, m_out, m_g));
}

void tst_AuditLog::cleanup()
{
    const QStringList problems = SocialFixture::release({&m_owner, &m_admin, &m_b, &m_c, &m_out});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

Reply tst_AuditLog::log(TestClient &c, const QJsonObject &extra)
{
    QJsonObject d = extra;
    d.insert(u"guild_id"_s, m_g.guildId);
    return c.request(u"guild.audit_log"_s, d);
}

QJsonObject tst_AuditLog::newest()
{
    const Reply r = log(*m_owner, {{u"limit"_s, 1}});
    return r.ok ? r.d.value(u"entries"_s).toArray().first().toObject() : QJsonObject();
}

bool tst_AuditLog::newestIs(const QString &action, const TestClient &actor, const QString &targetId,
                            QJsonObject *entry)
{
    *entry = newest();
    const QJsonValue target = targetId.isEmpty() ? QJsonValue() : QJsonValue(targetId);
    if (entry->value(u"action"_s).toString() == action
        && entry->value(u"actor_id"_s).toString() == actor.userId() && entry->value(u"target_id"_s) == target
        && entry->value(u"changes"_s).isObject() && entry->value(u"created_at"_s).toString().endsWith(u'Z')
        && !entry->value(u"id"_s).toString().isEmpty())
        return true;
    qWarning() << "newest entry:" << *entry << "expected" << action << actor.userId() << targetId;
    return false;
}

void tst_AuditLog::helloAnnouncesFeatures()
{
    const QJsonArray features = m_b->hello().value(u"features"_s).toArray();
    QVERIFY(features.contains(u"audit_log"_s));
    QVERIFY(features.contains(u"directory"_s));
}

void tst_AuditLog::guildAndChannelActions()
{
    QJsonObject e;
    // The member.set_role of init() is there already, with the rank's change.
    QVERIFY(newestIs(u"member.set_role"_s, *m_owner, m_admin->userId(), &e));
    QCOMPARE(e.value(u"changes"_s).toObject(), (QJsonObject{{u"role"_s, change(u"member"_s, u"admin"_s)}}));
    QVERIFY(e.value(u"reason"_s).isNull());

    QVERIFY(
        m_admin->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"Renamed"_s}}).ok);
    QVERIFY(newestIs(u"guild.update"_s, *m_admin, m_g.guildId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"name"_s, change(u"Friends"_s, u"Renamed"_s)}}));

    QVERIFY(
        m_owner
            ->request(u"guild.update"_s,
                      {{u"guild_id"_s, m_g.guildId}, {u"discoverable"_s, true}, {u"description"_s, u"hi"_s}})
            .ok);
    QVERIFY(newestIs(u"guild.update"_s, *m_owner, m_g.guildId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(), (QJsonObject{{u"discoverable"_s, change(false, true)},
                                                            {u"description"_s, change(u""_s, u"hi"_s)}}));

    const Reply made =
        m_owner->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"news"_s}});
    QVERIFY2(made.ok, qPrintable(made.describe()));
    const QString channelId = made.d.value(u"id"_s).toString();
    QVERIFY(newestIs(u"channel.create"_s, *m_owner, channelId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(), (QJsonObject{{u"name"_s, change(QJsonValue(), u"news"_s)}}));

    QVERIFY(m_admin
                ->request(
                    u"channel.update"_s,
                    {{u"channel_id"_s, channelId}, {u"topic"_s, u"what's new"_s}, {u"slowmode_seconds"_s, 5}})
                .ok);
    QVERIFY(newestIs(u"channel.update"_s, *m_admin, channelId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(), (QJsonObject{{u"topic"_s, change(u""_s, u"what's new"_s)},
                                                            {u"slowmode_seconds"_s, change(0, 5)}}));

    const Reply invite = m_admin->request(u"invite.create"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY(invite.ok);
    QVERIFY(newestIs(u"invite.create"_s, *m_admin, QString(), &e));
    // The code is a way in: it stays out of the log.
    QVERIFY(!QJsonDocument(e).toJson().contains(invite.d.value(u"code"_s).toString().toUtf8()));

    QVERIFY(m_owner->request(u"channel.delete"_s, {{u"channel_id"_s, channelId}}).ok);
    QVERIFY(newestIs(u"channel.delete"_s, *m_owner, channelId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(), (QJsonObject{{u"name"_s, change(u"news"_s, QJsonValue())}}));

    // A refused op writes nothing.
    const QString before = newest().value(u"id"_s).toString();
    QCOMPARE(
        outcome(m_b->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"name"_s, u"x"_s}})),
        u"forbidden"_s);
    QCOMPARE(newest().value(u"id"_s).toString(), before);
}

void tst_AuditLog::roleActions()
{
    QJsonObject e;
    const Reply a = m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                        {u"name"_s, u"Mods"_s},
                                                        {u"color"_s, u"#112233"_s},
                                                        {u"permissions"_s, QJsonArray{u"kick_members"_s}}});
    QVERIFY2(a.ok, qPrintable(a.describe()));
    const QString roleA = a.d.value(u"id"_s).toString();
    QVERIFY(newestIs(u"role.create"_s, *m_owner, roleA, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"name"_s, change(QJsonValue(), u"Mods"_s)},
                          {u"color"_s, change(QJsonValue(), u"#112233"_s)},
                          {u"permissions"_s, change(QJsonValue(), QJsonArray{u"kick_members"_s})},
                          {u"mentionable"_s, change(QJsonValue(), false)}}));

    QVERIFY(m_owner
                ->request(u"role.update"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, roleA}, {u"name"_s, u"Moderators"_s}})
                .ok);
    QVERIFY(newestIs(u"role.update"_s, *m_owner, roleA, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"name"_s, change(u"Mods"_s, u"Moderators"_s)}}));

    const Reply b =
        m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"Helpers"_s}});
    QVERIFY(b.ok);
    const QString roleB = b.d.value(u"id"_s).toString();
    // Now Helpers is at 1, Moderators at 2; swap them.
    QVERIFY(m_owner
                ->request(u"role.reorder"_s,
                          {{u"guild_id"_s, m_g.guildId}, {u"role_ids"_s, QJsonArray{roleA, roleB}}})
                .ok);
    QVERIFY(newestIs(u"role.reorder"_s, *m_owner, QString(), &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"role_ids"_s, change(QJsonArray{roleB, roleA}, QJsonArray{roleA, roleB})}}));

    QVERIFY(m_admin
                ->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"user_id"_s, m_b->userId()},
                                                  {u"role_ids"_s, QJsonArray{roleA}}})
                .ok
            == false); // admins lack manage_roles
    QVERIFY(m_owner
                ->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"user_id"_s, m_b->userId()},
                                                  {u"role_ids"_s, QJsonArray{roleA}}})
                .ok);
    QVERIFY(newestIs(u"member.set_roles"_s, *m_owner, m_b->userId(), &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"role_ids"_s, change(QJsonArray{}, QJsonArray{roleA})}}));

    QVERIFY(m_owner
                ->request(u"channel.set_overwrite"_s, {{u"channel_id"_s, m_g.channelId},
                                                       {u"role_id"_s, roleB},
                                                       {u"allow"_s, QJsonArray{}},
                                                       {u"deny"_s, QJsonArray{u"send_messages"_s}}})
                .ok);
    QVERIFY(newestIs(u"channel.set_overwrite"_s, *m_owner, m_g.channelId, &e));
    const QJsonObject overwrite{{u"role_id"_s, roleB},
                                {u"allow"_s, QJsonArray{}},
                                {u"deny"_s, QJsonArray{u"send_messages"_s}}};
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"overwrite"_s, change(QJsonValue(), overwrite)}}));

    QVERIFY(m_owner
                ->request(u"channel.delete_overwrite"_s,
                          {{u"channel_id"_s, m_g.channelId}, {u"role_id"_s, roleB}})
                .ok);
    QVERIFY(newestIs(u"channel.delete_overwrite"_s, *m_owner, m_g.channelId, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"overwrite"_s, change(overwrite, QJsonValue())}}));

    QVERIFY(m_owner->request(u"role.delete"_s, {{u"guild_id"_s, m_g.guildId}, {u"role_id"_s, roleB}}).ok);
    QVERIFY(newestIs(u"role.delete"_s, *m_owner, roleB, &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"name"_s, change(u"Helpers"_s, QJsonValue())}}));
}

void tst_AuditLog::memberActions()
{
    QJsonObject e;
    const QString until = QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODateWithMs);
    const Reply quiet = m_admin->request(u"member.timeout"_s, {{u"guild_id"_s, m_g.guildId},
                                                               {u"user_id"_s, m_b->userId()},
                                                               {u"until"_s, until},
                                                               {u"reason"_s, u" noisy "_s}});
    QVERIFY2(quiet.ok, qPrintable(quiet.describe()));
    QVERIFY(newestIs(u"member.timeout"_s, *m_admin, m_b->userId(), &e));
    QCOMPARE(e.value(u"reason"_s).toString(), u"noisy"_s);
    const QJsonObject timeoutChange = e.value(u"changes"_s).toObject().value(u"timeout_until"_s).toObject();
    QVERIFY(timeoutChange.value(u"old"_s).isNull());
    QCOMPARE(timeoutChange.value(u"new"_s).toString(), quiet.d.value(u"timeout_until"_s).toString());

    QVERIFY(m_admin
                ->request(
                    u"member.timeout"_s,
                    {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}, {u"until"_s, QJsonValue()}})
                .ok);
    QVERIFY(newestIs(u"member.timeout"_s, *m_admin, m_b->userId(), &e));
    QVERIFY(e.value(u"reason"_s).isNull());
    QVERIFY(e.value(u"changes"_s).toObject().value(u"timeout_until"_s).toObject().value(u"new"_s).isNull());

    QVERIFY(
        m_admin
            ->request(u"member.kick"_s,
                      {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_c->userId()}, {u"reason"_s, u"bye"_s}})
            .ok);
    QVERIFY(newestIs(u"member.kick"_s, *m_admin, m_c->userId(), &e));
    QCOMPARE(e.value(u"reason"_s).toString(), u"bye"_s);
    QCOMPARE(outcome(m_admin->request(u"member.kick"_s, {{u"guild_id"_s, m_g.guildId},
                                                         {u"user_id"_s, m_b->userId()},
                                                         {u"reason"_s, QString(513, u'x')}})),
             u"bad_request"_s);

    QVERIFY(
        m_owner
            ->request(u"member.ban"_s,
                      {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}, {u"reason"_s, u"spam"_s}})
            .ok);
    QVERIFY(newestIs(u"member.ban"_s, *m_owner, m_b->userId(), &e));
    QCOMPARE(e.value(u"reason"_s).toString(), u"spam"_s);

    QVERIFY(m_owner->request(u"member.unban"_s, {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}})
                .ok);
    QVERIFY(newestIs(u"member.unban"_s, *m_owner, m_b->userId(), &e));
    // An unban of nobody changes nothing and logs nothing.
    const QString last = e.value(u"id"_s).toString();
    QCOMPARE(outcome(m_owner->request(u"member.unban"_s,
                                      {{u"guild_id"_s, m_g.guildId}, {u"user_id"_s, m_b->userId()}})),
             u"not_found"_s);
    QCOMPARE(newest().value(u"id"_s).toString(), last);
}

void tst_AuditLog::messageDeleteOnlyOthers()
{
    const Reply mine = sendMessage(*m_owner, m_g.channelId, u"mine"_s);
    const Reply theirs = sendMessage(*m_c, m_g.channelId, u"theirs"_s);
    QVERIFY(mine.ok && theirs.ok);
    const QString before = newest().value(u"id"_s).toString();
    QVERIFY(m_owner->request(u"message.delete"_s, {{u"message_id"_s, mine.d.value(u"id"_s)}}).ok);
    QCOMPARE(newest().value(u"id"_s).toString(), before);
    QVERIFY(m_owner->request(u"message.delete"_s, {{u"message_id"_s, theirs.d.value(u"id"_s)}}).ok);
    QJsonObject e;
    QVERIFY(newestIs(u"message.delete"_s, *m_owner, theirs.d.value(u"id"_s).toString(), &e));
    QCOMPARE(e.value(u"changes"_s).toObject(),
             (QJsonObject{{u"channel_id"_s, m_g.channelId}, {u"author_id"_s, m_c->userId()}}));
    // Nobody's content in the log.
    QVERIFY(!QJsonDocument(e).toJson().contains("theirs"));
}

void tst_AuditLog::paging()
{
    // 55 updates after what init() wrote (its invites and the set_role).
    const qsizetype base = log(*m_owner, {{u"limit"_s, 100}}).d.value(u"entries"_s).toArray().size();
    QVERIFY(base > 0);
    for (int i = 0; i < 55; ++i)
        QVERIFY(m_owner
                    ->request(u"channel.update"_s,
                              {{u"channel_id"_s, m_g.channelId}, {u"topic"_s, QString::number(i)}})
                    .ok);
    const Reply first = log(*m_owner);
    QVERIFY2(first.ok, qPrintable(first.describe()));
    const QJsonArray page = first.d.value(u"entries"_s).toArray();
    QCOMPARE(page.size(), 50); // the default limit
    QCOMPARE(page.first()
                 .toObject()
                 .value(u"changes"_s)
                 .toObject()
                 .value(u"topic"_s)
                 .toObject()
                 .value(u"new"_s)
                 .toString(),
             u"54"_s);
    const Reply all = log(*m_owner, {{u"limit"_s, 100}});
    QCOMPARE(all.d.value(u"entries"_s).toArray().size(), base + 55);
    // Pages of 20 by `before`: the same entries, newest first, none twice.
    QStringList walked;
    QString before;
    for (int pages = 0; pages < 10; ++pages) {
        QJsonObject extra{{u"limit"_s, 20}};
        if (!before.isEmpty())
            extra.insert(u"before"_s, before);
        const Reply r = log(*m_admin, extra);
        QVERIFY2(r.ok, qPrintable(r.describe()));
        const QJsonArray entries = r.d.value(u"entries"_s).toArray();
        if (entries.isEmpty())
            break;
        for (const QJsonValue &v : entries)
            walked.append(v.toObject().value(u"id"_s).toString());
        before = walked.last();
    }
    QCOMPARE(walked.size(), base + 55);
    QStringList expected;
    for (const QJsonValue &v : all.d.value(u"entries"_s).toArray())
        expected.append(v.toObject().value(u"id"_s).toString());
    QCOMPARE(walked, expected);
    for (qsizetype i = 1; i < walked.size(); ++i)
        QVERIFY(walked[i].toULongLong() < walked[i - 1].toULongLong());
    QCOMPARE(walked.first(), newest().value(u"id"_s).toString());
}

void tst_AuditLog::limits_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("limit 0") << QJsonObject{{u"limit"_s, 0}} << u"bad_request"_s;
    QTest::newRow("limit 101") << QJsonObject{{u"limit"_s, 101}} << u"bad_request"_s;
    QTest::newRow("limit 1") << QJsonObject{{u"limit"_s, 1}} << u"ok"_s;
    QTest::newRow("limit 100") << QJsonObject{{u"limit"_s, 100}} << u"ok"_s;
    QTest::newRow("limit text") << QJsonObject{{u"limit"_s, u"5"_s}} << u"bad_request"_s;
    QTest::newRow("before not an id") << QJsonObject{{u"before"_s, u"abc"_s}} << u"bad_request"_s;
    QTest::newRow("before a number") << QJsonObject{{u"before"_s, 5}} << u"bad_request"_s;
}

void tst_AuditLog::limits()
{
    QFETCH(QJsonObject, extra);
    QFETCH(QString, expected);
    QCOMPARE(outcome(log(*m_owner, extra)), expected);
    QCOMPARE(outcome(m_owner->request(u"guild.audit_log"_s, {})), u"bad_request"_s);
}

void tst_AuditLog::whoMayRead()
{
    QVERIFY(log(*m_owner).ok);
    QVERIFY(log(*m_admin).ok);
    QCOMPARE(outcome(log(*m_b)), u"forbidden"_s);
    QCOMPARE(outcome(log(*m_out)), u"not_found"_s);
    QCOMPARE(outcome(m_b->request(u"guild.audit_log"_s, {{u"guild_id"_s, u"12345"_s}})), u"not_found"_s);
    // A role with view_audit_log is enough.
    const Reply role =
        m_owner->request(u"role.create"_s, {{u"guild_id"_s, m_g.guildId},
                                            {u"name"_s, u"Auditors"_s},
                                            {u"permissions"_s, QJsonArray{u"view_audit_log"_s}}});
    QVERIFY(role.ok);
    QVERIFY(m_owner
                ->request(u"member.set_roles"_s, {{u"guild_id"_s, m_g.guildId},
                                                  {u"user_id"_s, m_b->userId()},
                                                  {u"role_ids"_s, QJsonArray{role.d.value(u"id"_s)}}})
                .ok);
    const Reply r = log(*m_b);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"entries"_s).toArray().first().toObject().value(u"action"_s).toString(),
             u"member.set_roles"_s);
}

void tst_AuditLog::oldEntriesGo()
{
    // An entry from 91 days ago, written straight into the database.
    const qint64 oldMs = QDateTime::currentMSecsSinceEpoch() - 91LL * 24 * 3600 * 1000;
    const qint64 oldId = qint64(kith::snowflake::fromTimestampMs(oldMs)) + 7;
    QVERIFY(m_fx.server().withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO audit_log (id, guild_id, action, actor_id, target_id, reason, changes) "
                  "VALUES (?, ?, 'channel.update', ?, NULL, NULL, '{}')"_s);
        q.addBindValue(oldId);
        q.addBindValue(m_g.guildId.toLongLong());
        q.addBindValue(m_owner->userId().toLongLong());
        return q.exec();
    }));
    auto count = [&] {
        qint64 rows = -1;
        m_fx.server().withDb([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(u"SELECT COUNT(*) FROM audit_log WHERE id = ?"_s);
            q.addBindValue(oldId);
            if (!q.exec() || !q.next())
                return false;
            rows = q.value(0).toLongLong();
            return true;
        });
        return rows;
    };
    QCOMPARE(count(), 1);
    // Not shown even before it is pruned...
    const Reply r = log(*m_owner, {{u"limit"_s, 100}});
    QVERIFY(r.ok);
    for (const QJsonValue &v : r.d.value(u"entries"_s).toArray())
        QVERIFY(v.toObject().value(u"id"_s).toString() != QString::number(oldId));
    // ...and gone once the guild's next entry is written.
    QVERIFY(
        m_owner->request(u"channel.update"_s, {{u"channel_id"_s, m_g.channelId}, {u"topic"_s, u"new"_s}}).ok);
    QCOMPARE(count(), 0);
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"

// kith-server migrate, backup and restore, run as a self-hoster runs them: the real binary on
// data a real server wrote. What must hold afterwards is what users notice: the same tokens sign
// in, the same history, guilds, friends and DMs, and a server that goes on working. Refusals write
// nothing. As tst_server_tools_pg, migrate goes SQLite -> PostgreSQL -> SQLite.
#include "ServerProcess.h"
#include "common/Scenario.h"
#include "common/TestClient.h"
#include "common/TestDatabase.h"
#include "platform/FolderLock.h"
#include "store/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

//! What users of a server see, to compare before and after a move.
struct Seen {
    QString annToken, bobToken, guestToken;
    QString guildId, channelId, dmId;
    QJsonArray channelHistory, dmHistory;
    QJsonObject ready; //!< guilds, dms, friends and read states of ann's fresh sign-in
};

QJsonObject lasting(const QJsonObject &ready)
{
    // Presence and the session differ from one sign-in to the next; the rest must not.
    QJsonObject out;
    for (const char *key : {"user", "guilds", "dms", "friends", "read_states"})
        out.insert(QLatin1String(key), ready.value(QLatin1String(key)));
    return out;
}

QJsonArray history(TestClient &c, const QString &channelId)
{
    QJsonArray all;
    QString before;
    for (;;) {
        QJsonObject d{{u"channel_id"_s, channelId}, {u"limit"_s, 100}};
        if (!before.isEmpty())
            d.insert(u"before"_s, before);
        const Reply r = c.request(u"message.history"_s, d);
        if (!r.ok) {
            qWarning("message.history: %s", qPrintable(r.describe()));
            return {};
        }
        const QJsonArray page = r.d.value(u"messages"_s).toArray();
        for (const QJsonValue &m : page)
            all.append(m);
        if (page.size() < 100)
            return all;
        before = page.last().toObject().value(u"id"_s).toString();
    }
}

//! Runs f on a connection to a data folder's kith.db or a PostgreSQL URL.
bool withDatabase(const QString &where, const std::function<bool(QSqlDatabase &)> &f)
{
    static int n = 0;
    QString error;
    // A URL, a SQLite file (a backup), or a data folder.
    const bool file = QFileInfo(where).isFile();
    const auto url = kith::server::DatabaseUrl::parse(kith::server::DatabaseUrl::isPostgresUrl(where) ? where
                                                      : file ? u"sqlite:"_s + where
                                                             : QString(),
                                                      file ? QString() : where, &error);
    if (!url)
        return false;
    const QString name = u"tst-tools-%1"_s.arg(++n);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(url->driverName(), name);
        url->applyTo(db);
        if (db.open())
            ok = f(db);
        else
            qWarning("cannot open %s: %s", qPrintable(url->display()), qPrintable(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

qint64 rows(const QString &where, const QString &table)
{
    qint64 n = -1;
    withDatabase(where, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT COUNT(*) FROM "_s + table) || !q.next())
            return false;
        n = q.value(0).toLongLong();
        return true;
    });
    return n;
}

//! A query's rows as text, to compare two databases (ids and order included).
QStringList dump(const QString &where, const QString &sql)
{
    QStringList out;
    withDatabase(where, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
            out << row.join(u'|');
        }
        return true;
    });
    return out;
}

//! "TABLE N rows" lines of migrate's output.
QHash<QString, qint64> reported(const QString &out)
{
    QHash<QString, qint64> counts;
    static const QRegularExpression line(u"^(\\w+) (\\d+) rows$"_s, QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        counts.insert(m.captured(1), m.captured(2).toLongLong());
    }
    return counts;
}

bool stop(ServerProcess &s)
{
    s.process().terminate();
    return s.waitFinished() && s.process().exitStatus() == QProcess::NormalExit
           && s.process().exitCode() == 0;
}

QString describe(const ServerProcess::Run &r)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.exitCode).arg(r.out, r.err);
}

const QStringList kPartyFlags{u"--guests"_s, u"--party-name"_s, u"Moving party"_s};

} // namespace

class tst_Tools : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void help();
    void migrateKeepsEverything();
    void migrateRefusesAFolderInUse();
    void migrateRefusesATargetWithData();
    void backupWhileTheServerWrites();
    void backupRefusals();
    void restoreRefusals();

private:
    //! Signs in with the tokens of `seen` on a server at url and checks everything is there.
    void expectSame(const QUrl &url, const Seen &seen);
    //! Sign-in, a message and a new group DM on the server at url; the new state as seen.
    Seen writeMore(const QUrl &url, const Seen &before);
    Seen capture(const QUrl &url, Seen seen);
    //! Starts a server on folder (and database), failing the test if it does not start.
    bool startOn(ServerProcess &s, const QString &folder, const QString &db = {});

    QTemporaryDir m_tmp;
    TestDatabase m_pg;
    QString m_source; //!< a data folder with users, a guild, messages, DMs, a guest
    Seen m_seen;
};

bool tst_Tools::startOn(ServerProcess &s, const QString &folder, const QString &db)
{
    QString why;
    QStringList extra = kPartyFlags;
    if (!db.isEmpty())
        extra << u"--db"_s << db;
    if (!s.start(folder, extra, &why)) {
        qWarning("server did not start: %s", qPrintable(why));
        return false;
    }
    return true;
}

void tst_Tools::initTestCase()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() posts WM_CLOSE, which a console program never gets: no clean stop to test "
          "on Windows (the fixture is made by stopping a server)");
#endif
    QVERIFY(m_tmp.isValid());
    m_source = m_tmp.filePath(u"source"_s);
    ServerProcess s;
    QVERIFY(startOn(s, m_source));
    TestClient ann, bob, carol, guest;
    QVERIFY(ann.connectTo(s.url()) && bob.connectTo(s.url()) && carol.connectTo(s.url())
            && guest.connectTo(s.url()));
    QVERIFY(ann.registerUser(u"ann"_s, u"password-ann"_s, u"Ann"_s).ok);
    QVERIFY(bob.registerUser(u"bob"_s, u"password-bob"_s).ok);
    QVERIFY(carol.registerUser(u"carol"_s, u"password-carol"_s).ok);
    QVERIFY(guest.guest(u"Zoë"_s).ok); // no password: its hash is the empty string
    const GuildRef g = createGuild(ann, u"Moving day"_s);
    QVERIFY(g.valid());
    QVERIFY(joinGuild(ann, bob, g));
    QVERIFY(joinGuild(ann, carol, g));
    for (int i = 0; i < 12; ++i)
        QVERIFY(
            sendMessage(i % 2 ? bob : ann, g.channelId, u"message %1 with ünïcödé and \"quotes\""_s.arg(i))
                .ok);
    const Reply edited = sendMessage(ann, g.channelId, u"typo"_s);
    QVERIFY(ann.request(u"message.edit"_s,
                        {{u"message_id"_s, edited.d.value(u"id"_s)}, {u"content"_s, u"fixed"_s}})
                .ok);
    QVERIFY(bob.request(u"friend.request"_s, {{u"username"_s, u"ann"_s}}).ok);
    QVERIFY(ann.request(u"friend.accept"_s, {{u"user_id"_s, bob.userId()}}).ok);
    const Reply dm = ann.request(u"dm.open"_s, {{u"user_id"_s, bob.userId()}});
    QVERIFY(dm.ok);
    m_seen.dmId = dm.d.value(u"channel"_s).toObject().value(u"id"_s).toString();
    QVERIFY(sendMessage(ann, m_seen.dmId, u"psst"_s).ok);
    QVERIFY(sendMessage(bob, m_seen.dmId, u"@ann yes?"_s).ok);
    QVERIFY(ann.request(u"dm.create_group"_s,
                        {{u"user_ids"_s, QJsonArray{carol.userId(), bob.userId()}}, {u"name"_s, u"trio"_s}})
                .ok);
    m_seen.annToken = ann.token();
    m_seen.bobToken = bob.token();
    m_seen.guestToken = guest.token();
    m_seen.guildId = g.guildId;
    m_seen.channelId = g.channelId;
    m_seen = capture(s.url(), m_seen);
    QVERIFY(!m_seen.channelHistory.isEmpty());
    QVERIFY(stop(s));
}

Seen tst_Tools::capture(const QUrl &url, Seen seen)
{
    TestClient ann;
    if (!ann.connectTo(url) || !ann.loginWithToken(seen.annToken).ok)
        return seen;
    seen.ready = lasting(ann.readyData());
    seen.channelHistory = history(ann, seen.channelId);
    seen.dmHistory = history(ann, seen.dmId);
    return seen;
}

void tst_Tools::expectSame(const QUrl &url, const Seen &seen)
{
    TestClient ann, bob, guest;
    QVERIFY(ann.connectTo(url) && bob.connectTo(url) && guest.connectTo(url));
    const Reply a = ann.loginWithToken(seen.annToken);
    QVERIFY2(a.ok, qPrintable(a.describe()));
    QVERIFY2(bob.loginWithToken(seen.bobToken).ok, "bob's token");
    QVERIFY2(guest.loginWithToken(seen.guestToken).ok, "the guest's token");
    QCOMPARE(lasting(ann.readyData()), seen.ready);
    QCOMPARE(history(ann, seen.channelId), seen.channelHistory);
    QCOMPARE(history(ann, seen.dmId), seen.dmHistory);
    QCOMPARE(history(bob, seen.dmId), seen.dmHistory);
    // Passwords were copied too.
    TestClient again;
    QVERIFY(again.connectTo(url));
    QVERIFY(again.login(u"ANN"_s, u"password-ann"_s).ok);
}

Seen tst_Tools::writeMore(const QUrl &url, const Seen &before)
{
    Seen seen = before;
    TestClient ann, newcomer;
    if (!ann.connectTo(url) || !ann.loginWithToken(before.annToken).ok) {
        qWarning("ann cannot sign in");
        return {};
    }
    static int newcomers = 0;
    if (!newcomer.connectTo(url)
        || !newcomer.registerUser(u"dave%1"_s.arg(++newcomers), u"password-dave"_s).ok) {
        qWarning("a new account cannot register");
        return {};
    }
    if (!sendMessage(ann, before.channelId, u"after the move"_s).ok)
        return {};
    // New rows in tables whose ids the database makes (PostgreSQL sequences) still fit.
    const Reply group = ann.request(u"dm.create_group"_s, {{u"user_ids"_s, QJsonArray{newcomer.userId()}}});
    if (!group.ok) {
        qWarning("dm.create_group: %s", qPrintable(group.describe()));
        return {};
    }
    ann.close();
    newcomer.close();
    return capture(url, seen);
}

void tst_Tools::help()
{
    const auto top = ServerProcess::run({u"--help"_s});
    QCOMPARE(top.exitCode, 0);
    for (const char *command : {"migrate", "backup", "restore"})
        QVERIFY2(top.out.contains(QLatin1String(command)), command);
    const QList<std::pair<QString, QStringList>> commands{
        {u"migrate"_s, {u"--from"_s, u"--to"_s, u"--force"_s}},
        {u"backup"_s, {u"--data"_s, u"--to"_s, u"--force"_s, u"--db"_s}},
        {u"restore"_s, {u"--from"_s, u"--data"_s, u"--db"_s}},
    };
    for (const auto &[command, flags] : commands) {
        const auto r = ServerProcess::run({command, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"Usage: kith-server "_s + command), qPrintable(r.out));
        for (const QString &flag : flags)
            QVERIFY2(r.out.contains(flag), qPrintable(command + u' ' + flag));
        const auto bare = ServerProcess::run({command});
        QCOMPARE(bare.exitCode, 2);
        QVERIFY2(bare.err.startsWith(u"kith-server: "_s), qPrintable(bare.err));
        const auto wrong = ServerProcess::run({command, u"--frobnicate"_s});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(u"frobnicate"_s), qPrintable(wrong.err));
    }
}

void tst_Tools::migrateKeepsEverything()
{
    const qint64 messages = rows(m_source, u"messages"_s);
    QVERIFY(messages >= 15);
    const QString rowOrder = u"SELECT channel_id, user_id, rowid FROM dm_recipients ORDER BY rowid"_s;
    const QStringList recipients = dump(m_source, rowOrder);
    QVERIFY(recipients.size() >= 5);

    QString target = m_tmp.filePath(u"moved"_s);
    QString targetData = target;
    QString targetDb;
    if (TestDatabase::postgres()) {
        targetDb = target = m_pg.another();
        QVERIFY(!target.isEmpty());
        targetData = m_tmp.filePath(u"pg-node"_s);
    }
    const auto r = ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const auto counts = reported(r.out);
    QCOMPARE(counts.value(u"messages"_s, -1), messages);
    QCOMPARE(counts.value(u"users"_s, -1), rows(m_source, u"users"_s));
    // Every table but the search index (FTS5's virtual table, its shadow tables and its mark: the
    // target's server indexes the copied messages itself).
    QCOMPARE(counts.size(),
             dump(m_source,
                  u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                  "AND name NOT LIKE 'messages_fts%' AND name <> 'search_mark'"_s)
                     .size()
                 - 2);
    QCOMPARE(counts.value(u"dm_recipients"_s, -1), recipients.size());
    for (const char *skipped : {"schema_version", "nodes", "bus_events", "search_mark"})
        QVERIFY2(!counts.contains(QLatin1String(skipped)), skipped);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QCOMPARE(rows(target, it.key()), it.value());
    // The order in which people were added to a DM survives (SQLite's rowid, PostgreSQL's column).
    QCOMPARE(dump(target, rowOrder), recipients);

    Seen seen;
    {
        ServerProcess s;
        QVERIFY(startOn(s, targetData, targetDb));
        expectSame(s.url(), m_seen);
        if (QTest::currentTestFailed())
            return;
        if (TestDatabase::postgres()) {
            // A database a running server holds is not read from.
            const auto busy =
                ServerProcess::run({u"migrate"_s, u"--from"_s, target, u"--to"_s, m_tmp.filePath(u"x"_s)});
            QVERIFY2(busy.exitCode == 2, qPrintable(describe(busy)));
            QVERIFY2(busy.err.contains(u"in use by a running server"_s), qPrintable(busy.err));
        }
        seen = writeMore(s.url(), m_seen);
        QVERIFY(!seen.annToken.isEmpty());
        QCOMPARE(seen.channelHistory.size(), m_seen.channelHistory.size() + 1);
        QVERIFY(stop(s));
    }
    if (!TestDatabase::postgres())
        return;

    // And back: PostgreSQL to a new SQLite data folder.
    const QString back = m_tmp.filePath(u"back"_s);
    const auto r2 = ServerProcess::run({u"migrate"_s, u"--from"_s, target, u"--to"_s, back});
    QVERIFY2(r2.exitCode == 0, qPrintable(describe(r2)));
    QCOMPARE(reported(r2.out).value(u"messages"_s, -1), messages + 1);
    QCOMPARE(dump(back, rowOrder), dump(target, rowOrder));
    QCOMPARE(dump(back, u"SELECT id, user_id, kind FROM connection_log ORDER BY id"_s),
             dump(target, u"SELECT id, user_id, kind FROM connection_log ORDER BY id"_s));
    ServerProcess s;
    QVERIFY(startOn(s, back));
    expectSame(s.url(), seen);
    QVERIFY(!writeMore(s.url(), seen).annToken.isEmpty());
    QVERIFY(stop(s));
}

void tst_Tools::migrateRefusesAFolderInUse()
{
    ServerProcess s;
    QVERIFY(startOn(s, m_source));
    const QString expected = kith::server::FolderLock::inUseMessage(
        QDir::toNativeSeparators(QDir(m_source).absolutePath()), s.process().processId());
    const QString target = m_tmp.filePath(u"never"_s);
    const auto from = ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target});
    QVERIFY2(from.exitCode == 2, qPrintable(describe(from)));
    QVERIFY2(from.err.startsWith(u"kith-server: "_s) && from.err.contains(expected), qPrintable(from.err));
    QVERIFY(!QFile::exists(QDir(target).filePath(u"kith.db"_s)));

    QTemporaryDir other;
    const auto to = ServerProcess::run({u"migrate"_s, u"--from"_s, other.path(), u"--to"_s, m_source});
    QVERIFY2(to.exitCode == 2, qPrintable(describe(to)));
    QVERIFY(stop(s));
    // Without a server the source is free again: the refusal was the lock, nothing else.
    const auto free = ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target});
    QVERIFY2(free.exitCode == 0, qPrintable(describe(free)));
}

void tst_Tools::migrateRefusesATargetWithData()
{
    // A target that went its own way after an earlier migration.
    QString target = m_tmp.filePath(u"diverged"_s);
    QString targetData = target;
    QString targetDb;
    if (TestDatabase::postgres()) {
        targetDb = target = m_pg.another();
        targetData = m_tmp.filePath(u"pg-diverged"_s);
    }
    QCOMPARE(ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target}).exitCode, 0);
    {
        ServerProcess s;
        QVERIFY(startOn(s, targetData, targetDb));
        QVERIFY(!writeMore(s.url(), m_seen).annToken.isEmpty());
        QVERIFY(stop(s));
    }
    const qint64 messages = rows(target, u"messages"_s);
    const qint64 users = rows(target, u"users"_s);
    QCOMPARE(messages, rows(m_source, u"messages"_s) + 1);

    const auto refused = ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target});
    QVERIFY2(refused.exitCode == 2, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.err));
    QCOMPARE(rows(target, u"messages"_s), messages);
    QCOMPARE(rows(target, u"users"_s), users);

    const auto forced =
        ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, target, u"--force"_s});
    QVERIFY2(forced.exitCode == 0, qPrintable(describe(forced)));
    QCOMPARE(rows(target, u"messages"_s), rows(m_source, u"messages"_s));
    QCOMPARE(rows(target, u"users"_s), rows(m_source, u"users"_s));
    ServerProcess s;
    QVERIFY(startOn(s, targetData, targetDb));
    expectSame(s.url(), m_seen);
    QVERIFY(stop(s));
}

void tst_Tools::backupWhileTheServerWrites()
{
    // A copy of the source to write to, so the other tests keep their data.
    const QString live = m_tmp.filePath(u"live"_s);
    QCOMPARE(ServerProcess::run({u"migrate"_s, u"--from"_s, m_source, u"--to"_s, live}).exitCode, 0);
    ServerProcess s;
    QVERIFY(startOn(s, live));
    TestClient ann;
    QVERIFY(ann.connectTo(s.url()));
    QVERIFY(ann.loginWithToken(m_seen.annToken).ok);
    QStringList sent;
    const auto send = [&] {
        const Reply r = sendMessage(ann, m_seen.channelId, u"live %1"_s.arg(sent.size()));
        if (r.ok)
            sent << r.d.value(u"id"_s).toString();
        return r.ok;
    };
    for (int i = 0; i < 20; ++i)
        QVERIFY(send());
    const int beforeBackup = int(sent.size());

    const QString file = m_tmp.filePath(u"backups/kith-live.db"_s);
    QProcess backup;
    backup.start(ServerProcess::binary(), {u"backup"_s, u"--data"_s, live, u"--to"_s, file});
    QVERIFY(backup.waitForStarted());
    // The client keeps sending while the backup runs, and a while after.
    while (backup.state() != QProcess::NotRunning)
        QVERIFY(send());
    for (int i = 0; i < 5; ++i)
        QVERIFY(send());
    QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
    QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
    QVERIFY(QFile::exists(file));
    QVERIFY(stop(s));

    const QString restored = m_tmp.filePath(u"restored"_s);
    const auto r = ServerProcess::run({u"restore"_s, u"--from"_s, file, u"--data"_s, restored});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    ServerProcess again;
    QVERIFY(startOn(again, restored));
    TestClient back;
    QVERIFY(back.connectTo(again.url()));
    QVERIFY2(back.loginWithToken(m_seen.annToken).ok, "the token of the backup signs in");
    QCOMPARE(lasting(back.readyData()).value(u"guilds"_s).toArray().size(),
             m_seen.ready.value(u"guilds"_s).toArray().size());
    // The backup is the database at one moment: everything acknowledged before it started, and
    // of what came during it, a beginning without holes.
    const auto oldestFirst = [](const QJsonArray &newestFirst) {
        QStringList ids;
        for (qsizetype i = newestFirst.size() - 1; i >= 0; --i)
            ids << newestFirst[i].toObject().value(u"id"_s).toString();
        return ids;
    };
    const QStringList earlier = oldestFirst(m_seen.channelHistory);
    const QStringList have = oldestFirst(history(back, m_seen.channelId));
    QCOMPARE(have.mid(0, earlier.size()), earlier);
    const QStringList during = have.mid(earlier.size());
    QVERIFY2(during.size() >= beforeBackup, qPrintable(u"%1 of %2"_s.arg(during.size()).arg(beforeBackup)));
    QCOMPARE(during, sent.mid(0, during.size()));
    QCOMPARE(history(back, m_seen.dmId), m_seen.dmHistory);
    QVERIFY(sendMessage(back, m_seen.channelId, u"after the restore"_s).ok);
    QVERIFY(stop(again));
}

void tst_Tools::backupRefusals()
{
    const QString file = m_tmp.filePath(u"precious.db"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("something that matters");
    }
    const auto refused = ServerProcess::run({u"backup"_s, u"--data"_s, m_source, u"--to"_s, file});
    QVERIFY2(refused.exitCode == 2, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.err));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("something that matters"));
    }
    const auto forced =
        ServerProcess::run({u"backup"_s, u"--data"_s, m_source, u"--to"_s, file, u"--force"_s});
    QVERIFY2(forced.exitCode == 0, qPrintable(describe(forced)));
    QCOMPARE(rows(file, u"messages"_s), rows(m_source, u"messages"_s));
    QVERIFY(QDir(m_tmp.path()).entryList({u"*.partial"_s}).isEmpty());

    const auto pg =
        ServerProcess::run({u"backup"_s, u"--db"_s, u"postgresql://kith:secret@db.example:5432/kith"_s,
                            u"--to"_s, m_tmp.filePath(u"pg.dump"_s)});
    QVERIFY2(pg.exitCode == 2, qPrintable(describe(pg)));
    QVERIFY2(pg.err.contains(u"pg_dump"_s) && !pg.err.contains(u"secret"_s), qPrintable(pg.err));
    QVERIFY(!QFile::exists(m_tmp.filePath(u"pg.dump"_s)));

    QTemporaryDir empty;
    const auto nothing =
        ServerProcess::run({u"backup"_s, u"--data"_s, empty.path(), u"--to"_s, m_tmp.filePath(u"none.db"_s)});
    QVERIFY2(nothing.exitCode == 2, qPrintable(describe(nothing)));
    QVERIFY(!QFile::exists(m_tmp.filePath(u"none.db"_s)));
}

void tst_Tools::restoreRefusals()
{
    const QString file = m_tmp.filePath(u"for-restore.db"_s);
    QCOMPARE(ServerProcess::run({u"backup"_s, u"--data"_s, m_source, u"--to"_s, file}).exitCode, 0);

    // A folder with anything in it is left alone.
    QTemporaryDir busy;
    {
        QFile f(busy.filePath(u"notes.txt"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine");
    }
    const auto nonEmpty = ServerProcess::run({u"restore"_s, u"--from"_s, file, u"--data"_s, busy.path()});
    QVERIFY2(nonEmpty.exitCode == 2, qPrintable(describe(nonEmpty)));
    QVERIFY2(nonEmpty.err.contains(u"not empty"_s), qPrintable(nonEmpty.err));
    QCOMPARE(QDir(busy.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"notes.txt"_s});

    // Not a Kith database: a text file, and an SQLite file of something else.
    const QString text = m_tmp.filePath(u"text.db"_s);
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    const QString foreign = m_tmp.filePath(u"foreign.db"_s);
    {
        const QString name = u"tst-tools-foreign"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE recipes (name TEXT)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    for (const QString &bad : {text, foreign}) {
        const QString target = m_tmp.filePath(u"from-"_s + QFileInfo(bad).baseName());
        const auto r = ServerProcess::run({u"restore"_s, u"--from"_s, bad, u"--data"_s, target});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(u"not a Kith database"_s), qPrintable(r.err));
        QVERIFY2(!QFileInfo::exists(target), qPrintable(target));
    }

    // An empty folder (made ready by the operator) is as good as a new one.
    QTemporaryDir empty;
    const auto intoEmpty = ServerProcess::run({u"restore"_s, u"--from"_s, file, u"--data"_s, empty.path()});
    QVERIFY2(intoEmpty.exitCode == 0, qPrintable(describe(intoEmpty)));
    QCOMPARE(rows(empty.path(), u"messages"_s), rows(m_source, u"messages"_s));
    QCOMPARE(QDir(empty.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"kith.db"_s});

    const auto pg =
        ServerProcess::run({u"restore"_s, u"--from"_s, m_tmp.filePath(u"kith.dump"_s), u"--data"_s,
                            m_tmp.filePath(u"pg-node"_s), u"--db"_s, u"postgresql://kith@127.0.0.1/kith"_s});
    QVERIFY2(pg.exitCode == 2, qPrintable(describe(pg)));
    QVERIFY2(pg.err.contains(u"pg_restore"_s), qPrintable(pg.err));
}

QTEST_GUILESS_MAIN(tst_Tools)
#include "tst_tools.moc"

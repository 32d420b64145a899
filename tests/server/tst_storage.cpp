// Storage on a real SQLite file (and, as tst_server_storage_pg, a real PostgreSQL database):
// migrations from nothing, a schema newer than the binary refused clearly by Server::start, a
// restart on the same data keeping everything, and a transaction lost under a batch.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "server/Server.h"
#include "store/WriteQueue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
//! A write queue on a fresh database of the suite's kind (SQLite or PostgreSQL).
struct FreshQueue {
    QTemporaryDir dir;
    TestDatabase database;
    QObject owner;
    std::unique_ptr<kith::server::WriteQueue> queue;

    bool open(QString *error)
    {
        const auto url = kith::server::DatabaseUrl::parse(database.url(), dir.path(), error);
        if (!url)
            return false;
        queue = std::make_unique<kith::server::WriteQueue>(&owner, *url, false);
        return queue->open(error);
    }
};

//! Holds the store thread inside a batch of its own until `gate` is released, so that the jobs
//! submitted meanwhile share the next batch.
void holdStoreThread(kith::server::WriteQueue &queue, QSemaphore &gate)
{
    QSemaphore started;
    queue.submit<kith::Done>([&started, &gate](kith::server::Store &) -> kith::Result<kith::Done> {
        started.release();
        gate.acquire();
        return kith::Done{};
    }, [](kith::Result<kith::Done> &&) {});
    started.acquire();
}
} // namespace


class tst_Storage : public QObject
{
    Q_OBJECT
private slots:
    void freshFolderIsMigrated();
    void newerSchemaIsRefused();
    void unusableDataFolderIsAnError();
    void restartKeepsEverything();
    void lostTransactionFailsTheWholeBatch();
    void failingJobTakesBackOnlyItsOwnWrites();
    void postgresOverTlsWhenOffered();
};

void tst_Storage::freshFolderIsMigrated()
{
    ServerFixture fx;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    auto a = fx.newUser(u"first"_s);
    QVERIFY(a->token().size() > 0);
    fx.stop();
    if (!TestDatabase::postgres())
        QVERIFY(QFile::exists(QDir(fx.dataDir()).filePath(u"kith.db"_s)));
    int version = -1;
    QString journal;
    bool tokenStoredInClear = true;
    QString passwordHash;
    QVERIFY(fx.withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
            return false;
        version = q.value(0).toInt();
        if (!TestDatabase::postgres()) {
            if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next())
                return false;
            journal = q.value(0).toString();
        }
        // Passwords are stored as Argon2id hashes, never as typed.
        if (!q.exec(u"SELECT password_hash FROM users"_s) || !q.next())
            return false;
        passwordHash = q.value(0).toString();
        // Tokens are kept only as hashes: the token text is nowhere in the file's tables.
        tokenStoredInClear = false;
        const QStringList tables = db.tables();
        for (const QString &t : tables) {
            QSqlQuery rows(db);
            rows.exec(u"SELECT * FROM \"%1\""_s.arg(t));
            while (rows.next())
                for (int i = 0; i < rows.record().count(); ++i)
                    if (rows.value(i).toString().contains(a->token()))
                        tokenStoredInClear = true;
        }
        return true;
    }));
    QVERIFY(version >= 1);
    if (!TestDatabase::postgres())
        QCOMPARE(journal, u"wal"_s);
    QVERIFY2(!tokenStoredInClear, "a session token is stored in clear");
    QVERIFY2(passwordHash.startsWith(u"$argon2id$"_s), qPrintable(passwordHash.left(12)));
    QVERIFY(!passwordHash.contains(ServerFixture::password()));
    // Starting again on a migrated file is fine and migrates nothing twice.
    QVERIFY2(fx.start(&err), qPrintable(err));
    fx.stop();
    int after = -1;
    QVERIFY(fx.withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
            return false;
        after = q.value(0).toInt();
        return true;
    }));
    QCOMPARE(after, version);
}

void tst_Storage::newerSchemaIsRefused()
{
    ServerFixture fx;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    auto a = fx.newUser(u"keeper"_s);
    const GuildRef g = createGuild(*a);
    QVERIFY(sendMessage(*a, g.channelId, u"precious"_s).ok);
    a.reset();
    fx.stop();
    QVERIFY(fx.withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(u"UPDATE schema_version SET version = version + 1000"_s)
               && q.numRowsAffected() == 1;
    }));
    QVERIFY(!fx.start(&err));
    QVERIFY2(err.contains(u"newer"_s) || err.contains(u"version"_s), qPrintable(err));
    QVERIFY2(!err.contains(u'\n'), "the error must be one line");
    // Nothing was touched: the data is all still there for a newer binary.
    int messages = -1, version = -1;
    QVERIFY(fx.withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT count(*) FROM messages"_s) || !q.next())
            return false;
        messages = q.value(0).toInt();
        if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
            return false;
        version = q.value(0).toInt();
        return true;
    }));
    QCOMPARE(messages, 1);
    QVERIFY(version > 1000);
}

void tst_Storage::unusableDataFolderIsAnError()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"not-a-folder"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x");
    f.close();
    kith::server::ServerConfig config;
    config.port = 0;
    config.dataDir = file + u"/data"_s;
    kith::server::Server server(config);
    QString err;
    QVERIFY(!server.start(&err));
    QVERIFY(!err.isEmpty());
    QVERIFY(!err.contains(u'\n'));
    QVERIFY(!server.isRunning());
}

void tst_Storage::restartKeepsEverything()
{
    ServerFixture fx;
    fx.config.requestsPerSecond = 100000;
    fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    QString aName, bName;
    auto a = fx.newUser(u"ada"_s, &aName);
    auto b = fx.newUser(u"bea"_s, &bName);
    const GuildRef g = createGuild(*a, u"Persistent"_s);
    QVERIFY(joinGuild(*a, *b, g));
    const Reply ch = a->request(u"channel.create"_s, {{u"guild_id"_s, g.guildId},
                                                     {u"name"_s, u"second"_s},
                                                     {u"topic"_s, u"kept"_s}});
    QVERIFY(ch.ok);
    QVERIFY(a->request(u"member.set_role"_s, {{u"guild_id"_s, g.guildId},
                                              {u"user_id"_s, b->userId()},
                                              {u"role"_s, u"admin"_s}}).ok);
    QStringList ids;
    for (int i = 0; i < 30; ++i) {
        const Reply r = sendMessage(i % 2 ? *a : *b, g.channelId, u"msg %1"_s.arg(i));
        QVERIFY(r.ok);
        ids.prepend(r.d.value(u"id"_s).toString());
    }
    const Reply edited = a->request(u"message.edit"_s, {{u"message_id"_s, ids[0]},
                                                        {u"content"_s, u"edited"_s}});
    QVERIFY(edited.ok);
    QVERIFY(b->request(u"message.delete"_s, {{u"message_id"_s, ids[1]}}).ok);
    ids.removeAt(1);
    const Reply inv = a->request(u"invite.create"_s, {{u"guild_id"_s, g.guildId}});
    QVERIFY(inv.ok);
    const QString tokenA = a->token();
    const QString nonce0 = edited.d.value(u"nonce"_s).toString();
    a.reset();
    b.reset();

    QVERIFY2(fx.restart(&err), qPrintable(err));

    auto a2 = fx.connect();
    QVERIFY2(a2->loginWithToken(tokenA).ok, "the token did not survive a restart");
    auto b2 = fx.connect();
    QVERIFY(b2->login(bName, ServerFixture::password()).ok);
    const QJsonArray guilds = b2->readyData().value(u"guilds"_s).toArray();
    QCOMPARE(guilds.size(), 1);
    const QJsonObject guild = guilds[0].toObject();
    QCOMPARE(guild.value(u"name"_s).toString(), u"Persistent"_s);
    QCOMPARE(guild.value(u"channels"_s).toArray().size(), 2);
    // Each channel still knows its newest message: the busy one, and none for the quiet one.
    for (const QJsonValue &v : guild.value(u"channels"_s).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(u"id"_s).toString() == g.channelId)
            QCOMPARE(c.value(u"last_message_id"_s).toString(), ids[0]);
        else
            QVERIFY(c.value(u"last_message_id"_s).isNull());
    }
    bool adminKept = false;
    for (const QJsonValue &m : guild.value(u"members"_s).toArray())
        adminKept |= m.toObject().value(u"user"_s).toObject().value(u"id"_s).toString()
                         == b2->userId()
                     && m.toObject().value(u"role"_s).toString() == u"admin";
    QVERIFY(adminKept);
    const Reply h = b2->request(u"message.history"_s, {{u"channel_id"_s, g.channelId},
                                                      {u"limit"_s, 100}});
    QVERIFY(h.ok);
    QCOMPARE(messageIds(h), ids);
    const QJsonObject newest = h.d.value(u"messages"_s).toArray()[0].toObject();
    QCOMPARE(newest.value(u"content"_s).toString(), u"edited"_s);
    QVERIFY(newest.value(u"edited_at"_s).isString());
    // Nonce dedup survives too: a resend after the restart is still the same message.
    const Reply resent = sendMessage(*a2, g.channelId, u"msg 29"_s, nonce0);
    QVERIFY(resent.ok);
    QCOMPARE(resent.d.value(u"id"_s).toString(), ids[0]);
    // New ids stay above the old ones.
    const Reply fresh = sendMessage(*a2, g.channelId, u"after restart"_s);
    QVERIFY(fresh.ok);
    QVERIFY(fresh.d.value(u"id"_s).toString().toULongLong() > ids[0].toULongLong());
    // A new message moves last_message_id, as the next sign-in sees.
    auto b3 = fx.connect();
    QVERIFY(b3->login(bName, ServerFixture::password()).ok);
    const QJsonObject general = b3->readyData().value(u"guilds"_s).toArray()[0].toObject();
    QStringList lastIds;
    for (const QJsonValue &v : general.value(u"channels"_s).toArray())
        lastIds << v.toObject().value(u"last_message_id"_s).toString();
    QVERIFY(lastIds.contains(fresh.d.value(u"id"_s).toString()));
    // The invite still works; the password still works.
    auto c = fx.newUser(u"cid"_s);
    QVERIFY(c->request(u"invite.join"_s, {{u"code"_s, inv.d.value(u"code"_s)}}).ok);
    auto a3 = fx.connect();
    QVERIFY(a3->login(aName, ServerFixture::password()).ok);
}

void tst_Storage::lostTransactionFailsTheWholeBatch()
{
    // After an I/O error or a full disk SQLite may roll the whole transaction back by itself.
    // Then no job of that batch may be committed on its own while every one is told it failed.
    using namespace kith::server;
    using kith::Done;
    using kith::Error;
    using kith::Result;
    FreshQueue fresh;
    QString err;
    QVERIFY2(fresh.open(&err), qPrintable(err));
    WriteQueue &queue = *fresh.queue;
    auto sql = [](const QString &statement) {
        return [statement](Store &s) -> Result<Done> {
            return static_cast<SqlStore &>(s).connection().execRaw(statement, "test") ? Result<Done>(Done{})
                                                                                      : Result<Done>(storageError());
        };
    };
    QVERIFY(queue.runSync<Done>(sql(u"CREATE TABLE probe (v INTEGER)"_s)).ok());

    QSemaphore gate;
    holdStoreThread(queue, gate);
    QList<int> outcome(3, -1);
    auto record = [&outcome](int i) { return [&outcome, i](Result<Done> &&r) { outcome[i] = r.ok(); }; };
    queue.submit<Done>(sql(u"INSERT INTO probe VALUES (1)"_s), record(0));
    queue.submit<Done>([](Store &s) -> Result<Done> {
        static_cast<SqlStore &>(s).connection().execRaw(u"ROLLBACK"_s, "as SQLite does after an I/O error");
        return storageError();
    }, record(1));
    queue.submit<Done>(sql(u"INSERT INTO probe VALUES (3)"_s), record(2), WriteQueue::Writes::One);
    gate.release();
    QTRY_VERIFY(!outcome.contains(-1));
    QCOMPARE(outcome, (QList<int>{0, 0, 0}));
    const Result<int> rows = queue.runSync<int>([](Store &s) -> Result<int> {
        QSqlQuery q(static_cast<SqlStore &>(s).connection().database());
        if (!q.exec(u"SELECT COUNT(*) FROM probe"_s) || !q.next())
            return storageError();
        return q.value(0).toInt();
    });
    QVERIFY(rows.ok());
    QCOMPARE(rows.value(), 0); // told they failed, and indeed none was written

    // The queue goes on as before.
    int after = -1;
    queue.submit<Done>(sql(u"INSERT INTO probe VALUES (4)"_s), [&after](Result<Done> &&r) { after = r.ok(); });
    QTRY_COMPARE(after, 1);
    queue.shutdown();
}

void tst_Storage::failingJobTakesBackOnlyItsOwnWrites()
{
    // Three jobs in one batch, the middle one writing and then failing on a bad statement: its
    // write is taken back, the others are committed and told so. (PostgreSQL runs batches
    // without savepoints first, and this batch again with them.)
    using namespace kith::server;
    using kith::Done;
    using kith::Result;
    FreshQueue fresh;
    QString err;
    QVERIFY2(fresh.open(&err), qPrintable(err));
    WriteQueue &queue = *fresh.queue;
    auto sql = [](const QStringList &statements) {
        return [statements](Store &s) -> Result<Done> {
            for (const QString &statement : statements)
                if (!static_cast<SqlStore &>(s).connection().execRaw(statement, "test"))
                    return storageError();
            return Done{};
        };
    };
    QVERIFY(queue.runSync<Done>(sql({u"CREATE TABLE probe (v INTEGER)"_s})).ok());
    QSemaphore gate;
    holdStoreThread(queue, gate);
    QList<int> outcome(3, -1);
    auto record = [&outcome](int i) { return [&outcome, i](Result<Done> &&r) { outcome[i] = r.ok(); }; };
    queue.submit<Done>(sql({u"INSERT INTO probe VALUES (1)"_s}), record(0));
    queue.submit<Done>(sql({u"INSERT INTO probe VALUES (2)"_s, u"INSERT INTO no_such_table VALUES (2)"_s}), record(1));
    queue.submit<Done>(sql({u"INSERT INTO probe VALUES (3)"_s}), record(2), WriteQueue::Writes::One);
    gate.release();
    QTRY_VERIFY(!outcome.contains(-1));
    QCOMPARE(outcome, (QList<int>{1, 0, 1}));
    const Result<QList<int>> rows = queue.runSync<QList<int>>([](Store &s) -> Result<QList<int>> {
        QSqlQuery q(static_cast<SqlStore &>(s).connection().database());
        if (!q.exec(u"SELECT v FROM probe ORDER BY v"_s))
            return storageError();
        QList<int> out;
        while (q.next())
            out << q.value(0).toInt();
        return out;
    });
    QVERIFY(rows.ok());
    QCOMPARE(rows.value(), (QList<int>{1, 3}));
    queue.shutdown();
}

void tst_Storage::postgresOverTlsWhenOffered()
{
    // The test PostgreSQL offers TLS, as hosted ones do, and the store's threads take it with
    // libpq's default (sslmode=prefer): their OpenSSL state is freed as each thread ends.
    if (!TestDatabase::postgres())
        QSKIP("PostgreSQL only: SQLite is a file");
    using namespace kith::server;
    using kith::Result;
    FreshQueue fresh;
    QString err;
    QVERIFY2(fresh.open(&err), qPrintable(err));
    const Result<QString> tls = fresh.queue->runSync<QString>([](Store &s) -> Result<QString> {
        QSqlQuery q(static_cast<SqlStore &>(s).connection().database());
        if (!q.exec(u"SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s) || !q.next())
            return storageError();
        return q.value(0).toBool() ? q.value(1).toString() : QString();
    });
    QVERIFY(tls.ok());
    QVERIFY2(tls.value().startsWith(u"TLS"_s), qPrintable(tls.value()));
    fresh.queue->shutdown();
}

QTEST_GUILESS_MAIN(tst_Storage)
#include "tst_storage.moc"

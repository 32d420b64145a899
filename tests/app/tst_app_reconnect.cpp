// The app keeps going through trouble: a network blip is resumed without loss or doubles, a
// restarted server gets a full resync and the outbox drains once, and messages typed while
// offline survive closing the app.
#include "AppFixture.h"
#include "TestClient.h"
#include "net/FrameLog.h"
#include "net/Outbox.h"
#include "state/GuildListModel.h"
#include "state/MemberListModel.h"
#include "ui/ChatPane.h"
#include "ui/MainWindow.h"

#include <QDir>
#include <QRandomGenerator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace kith;
using namespace Qt::Literals::StringLiterals;
using namespace kith::app;
using M = MessageListModel;

class tst_app_reconnect : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void blipResumesWithoutLossOrDoubles();
    void serverRestartDrainsOutboxOnce();
    void reconnectNowAndInFront();
    void presenceUnknownWhileOfflineAndStatusKept();
    void typedOfflineSurvivesClosing();
    void unavailableBacksOff();
    void cleanupTestCase();

private:
    int historyCount(const QString &content);

    QTemporaryDir m_dir;
    AppFixture f;
    Id m_general = 0;
};

void tst_app_reconnect::initTestCase()
{
    QVERIFY(f.start(m_dir.path(), true));
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
}

int tst_app_reconnect::historyCount(const QString &content)
{
    // Ask the server itself, as another user would see it.
    TestClient c(f.app->server()->url());
    if (!c.waitHello())
        return -1;
    const QString name = QStringLiteral("probe%1").arg(QRandomGenerator::global()->bounded(100000));
    if (!c.call(QStringLiteral("session.register"), {{u"username"_s, name}, {u"password"_s, u"probe-password"_s}}).ok)
        return -2;
    // The probe is not a member: the app invites it.
    QSignalSpy invite(f.state(), &ClientState::inviteCreated);
    f.state()->createInvite(f.state()->currentGuild());
    if (!QTest::qWaitFor([&] { return invite.size() == 1; }, 10000))
        return -3;
    if (!c.call(QStringLiteral("invite.join"), {{u"code"_s, invite.at(0).at(0).toString()}}).ok)
        return -4;
    const auto r = c.call(QStringLiteral("message.history"), {{u"channel_id"_s, QString::number(m_general)}, {u"limit"_s, 100}});
    int n = 0;
    for (const QJsonValue &v : r.d.value(QLatin1String("messages")).toArray())
        n += v.toObject().value(QLatin1String("content")).toString() == content;
    return n;
}

void tst_app_reconnect::blipResumesWithoutLossOrDoubles()
{
    Connection *conn = f.app->connection();
    TestClient other(f.app->server()->url());
    QVERIFY(other.waitHello());
    QVERIFY(other.call(QStringLiteral("session.register"), {{u"username"_s, u"other"_s}, {u"password"_s, u"other-password"_s}}).ok);
    QSignalSpy invite(f.state(), &ClientState::inviteCreated);
    f.state()->createInvite(f.state()->currentGuild());
    QTRY_COMPARE(invite.size(), 1);
    QVERIFY(other.call(QStringLiteral("invite.join"), {{u"code"_s, invite.at(0).at(0).toString()}}).ok);

    QSignalSpy resumed(conn, &Connection::resumed);
    QSignalSpy ready(conn, &Connection::ready);
    conn->setBackoff(60000, 60000); // hold the reconnect until we say so
    conn->dropForTest();
    QTRY_COMPARE(conn->state(), Connection::State::Reconnecting);
    // While we are away, someone talks; and I type.
    QVERIFY(other.call(QStringLiteral("message.send"),
        {{u"channel_id"_s, QString::number(m_general)}, {u"content"_s, u"said during the blip"_s}, {u"nonce"_s, u"o-1"_s}}).ok);
    f.type(QStringLiteral("typed during the blip"));
    QCOMPARE(f.count(QStringLiteral("typed during the blip"), int(M::Status::Pending)), 1);
    conn->setBackoff(20, 200);
    conn->reconnectNow();
    QTRY_COMPARE(conn->state(), Connection::State::Online);
    QCOMPARE(resumed.size(), 1);
    QCOMPARE(ready.size(), 0); // resumed: no full resync
    QTRY_COMPARE(f.count(QStringLiteral("said during the blip")), 1);
    QTRY_COMPARE(f.count(QStringLiteral("typed during the blip"), int(M::Status::Sent)), 1);
    QCOMPARE(f.count(QStringLiteral("typed during the blip")), 1);
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    // The app's reply and the event to the other client leave on two sockets, one after the other.
    QTRY_COMPARE(other.countEvents(QStringLiteral("message.created"), QStringLiteral("typed during the blip")), 1);
}

void tst_app_reconnect::serverRestartDrainsOutboxOnce()
{
    Connection *conn = f.app->connection();
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    QSignalSpy ready(conn, &Connection::ready);
    server->stop();
    QTRY_VERIFY(conn->state() == Connection::State::Reconnecting);
    QVERIFY(f.app->window()->chat()->noticeText().contains(QStringLiteral("Reconnecting")));

    f.type(QStringLiteral("sent while the server was down"));
    f.type(QStringLiteral("and a second one"));
    QCOMPARE(f.count(QStringLiteral("sent while the server was down"), int(M::Status::Pending)), 1);
    QCOMPARE(f.app->outbox()->entries().size(), 2);
    QVERIFY(f.app->outbox()->flush()); // written on the outbox's own thread, and synced
    QFile file(f.app->outbox()->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("sent while the server was down"));
    file.close();

    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(QStringLiteral("server")), port);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(server->port(), port);
    QTRY_COMPARE_WITH_TIMEOUT(conn->state(), Connection::State::Online, 10000);
    QTRY_VERIFY(ready.size() >= 1); // a new server process: resume refused, full resync
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    QTRY_COMPARE(f.count(QStringLiteral("sent while the server was down"), int(M::Status::Sent)), 1);
    QTRY_COMPARE(f.count(QStringLiteral("and a second one"), int(M::Status::Sent)), 1);
    QCOMPARE(f.count(QStringLiteral("sent while the server was down")), 1);
    // Order kept: the first typed is the first stored.
    QVERIFY(f.rowOfText(QStringLiteral("sent while the server was down")) < f.rowOfText(QStringLiteral("and a second one")));
    QCOMPARE(historyCount(QStringLiteral("sent while the server was down")), 1);
    QVERIFY(f.app->window()->chat()->noticeText().isEmpty());
}

void tst_app_reconnect::reconnectNowAndInFront()
{
    Connection *conn = f.app->connection();
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    f.app->setInFront(false); // in the background...
    conn->setBackoff(60000, 60000); // ...a long wait, as after many failures
    server->stop();
    QTRY_COMPARE(conn->state(), Connection::State::Reconnecting);
    const QString notice = f.app->window()->chat()->noticeText();
    QVERIFY2(notice.contains(u"Reconnect now"_s), qPrintable(notice));
    QTRY_VERIFY(conn->retryInMs() > 20000); // the first try is at once; then the long wait

    // In front, nobody waits long: the next try comes within 1.5 s, and every one after.
    f.app->setInFront(true);
    QTRY_VERIFY(conn->retryInMs() >= 0 && conn->retryInMs() <= 1500);
    f.app->setInFront(false);
    conn->setBackoff(60000, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(conn->retryInMs() > 20000, 10000); // the short wait ran out and failed

    // "Reconnect now" tries at once instead of waiting for the timer.
    emit f.app->window()->noticeLinkActivated(u"kith:reconnect"_s);
    QCOMPARE(conn->retryInMs(), -1); // no wait: a connection attempt is under way
    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(u"server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(conn->state(), Connection::State::Online, 10000);
    QTRY_VERIFY(f.app->window()->chat()->noticeText().isEmpty());
    conn->setBackoff(20, 200);
}

void tst_app_reconnect::presenceUnknownWhileOfflineAndStatusKept()
{
    // Someone else, online in my guild.
    TestClient other(f.app->server()->url());
    QVERIFY(other.waitHello());
    QVERIFY(other.call(u"session.register"_s, {{u"username"_s, u"zed"_s}, {u"password"_s, u"zed-password"_s}}).ok);
    QSignalSpy invite(f.state(), &ClientState::inviteCreated);
    f.state()->createInvite(f.state()->currentGuild());
    QTRY_COMPARE(invite.size(), 1);
    QVERIFY(other.call(u"invite.join"_s, {{u"code"_s, invite.at(0).at(0).toString()}}).ok);
    Id zedId = 0;
    QTRY_VERIFY([&] {
        for (const Member &m : f.state()->members()->members())
            if (m.user.username == u"zed")
                zedId = m.user.id;
        return zedId != 0;
    }());
    QTRY_COMPARE(f.state()->presence(zedId).status, u"online"_s);

    // I choose do-not-disturb with a custom text.
    f.state()->setPresence(u"dnd"_s, u"deep in a build"_s);
    QTRY_COMPARE(f.state()->myStatus(), u"dnd"_s);

    // The host goes away: zed's presence is unknown, not "online" from before.
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    server->stop();
    QTRY_COMPARE(f.app->connection()->state(), Connection::State::Reconnecting);
    QCOMPARE(f.state()->presence(zedId).status, u"unknown"_s);
    const int row = [&] {
        for (int i = 0; i < f.state()->members()->rowCount(); ++i)
            if (f.state()->members()->index(i).data(MemberListModel::UserIdRole).toULongLong() == zedId)
                return i;
        return -1;
    }();
    QVERIFY(row >= 0);
    QCOMPARE(f.state()->members()->index(row).data(MemberListModel::PresenceRole).toString(), u"unknown"_s);

    // A restarted host forgot my status; the app tells it again, custom text included.
    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(u"server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.app->connection()->state(), Connection::State::Online, 10000);
    QTRY_VERIFY(other.socket.state() == QAbstractSocket::UnconnectedState); // zed was on the old server process
    TestClient watcher(f.app->server()->url());
    QVERIFY(watcher.waitHello());
    QVERIFY(watcher.call(u"session.login"_s, {{u"username"_s, u"zed"_s}, {u"password"_s, u"zed-password"_s}}).ok);
    const Id me = f.state()->me().id;
    auto myPresenceSeen = [&] {
        QJsonObject seen;
        for (const QJsonObject &e : watcher.events) {
            const QJsonObject d = e.value(u"d"_s).toObject();
            if (e.value(u"ev"_s).toString() == u"ready"_s) {
                for (const QJsonValue &p : d.value(u"presences"_s).toArray())
                    if (p.toObject().value(u"user_id"_s).toString().toULongLong() == me)
                        seen = p.toObject();
            } else if (e.value(u"ev"_s).toString() == u"presence.updated"_s
                       && d.value(u"user_id"_s).toString().toULongLong() == me) {
                seen = d;
            }
        }
        return seen;
    };
    QTRY_COMPARE(myPresenceSeen().value(u"status"_s).toString(), u"dnd"_s);
    QTRY_COMPARE(myPresenceSeen().value(u"custom_status"_s).toString(), u"deep in a build"_s);
    QTRY_COMPARE(f.state()->presence(zedId).status, u"online"_s);

    // And after a restart of the app itself.
    f.stop();
    QVERIFY(f.start(m_dir.path(), true));
    QTRY_COMPARE(f.state()->myStatus(), u"dnd"_s);
    QCOMPARE(f.state()->myCustomStatus(), u"deep in a build"_s);
    f.state()->setPresence(u"online"_s, QString());
    QTRY_COMPARE(f.state()->myStatus(), u"online"_s);
}

void tst_app_reconnect::typedOfflineSurvivesClosing()
{
    f.app->server()->stop();
    QTRY_VERIFY(f.app->connection()->state() == Connection::State::Reconnecting);
    f.type(QStringLiteral("typed, then the app closed"));
    QCOMPARE(f.count(QStringLiteral("typed, then the app closed"), int(M::Status::Pending)), 1);
    const QString outbox = f.app->outbox()->path();
    f.stop();
    QFile file(outbox);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("typed, then the app closed"));
    file.close();

    QVERIFY(f.start(m_dir.path(), false));
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    QTRY_COMPARE(f.count(QStringLiteral("typed, then the app closed"), int(M::Status::Sent)), 1);
    QCOMPARE(f.count(QStringLiteral("typed, then the app closed")), 1);
    QCOMPARE(historyCount(QStringLiteral("typed, then the app closed")), 1);
}

void tst_app_reconnect::unavailableBacksOff()
{
    // Online, but the host cannot store this message (its database refuses it: `unavailable`).
    // The outbox waits longer and longer between attempts, as for rate_limited, instead of
    // resending in a tight loop; once the host stores again, the message goes out once.
    const QString content = u"held back by the database"_s;
    const QString db = QDir(m_dir.path()).filePath(u"server/kith.db"_s);
    const auto sql = [&](const QString &statement) {
        const QString name = u"test-trigger"_s;
        bool ok = false;
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            d.setDatabaseName(db);
            ok = d.open() && QSqlQuery(d).exec(statement);
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    };
    QVERIFY(sql(u"CREATE TRIGGER test_refuse BEFORE INSERT ON messages WHEN NEW.content = '%1' "
                 "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s.arg(content)));
    f.app->outbox()->setBackoff(100, 1600);
    const auto attempts = [&] {
        QList<qint64> at;
        for (const FrameLog::Entry &e : f.app->frameLog()->entries())
            if (e.direction == FrameLog::Direction::Sent && e.text().contains(content))
                at << e.timeMs;
        return at;
    };
    f.state()->selectChannel(m_general);
    f.state()->sendMessage(content);
    QTRY_VERIFY_WITH_TIMEOUT(attempts().size() >= 4, 15000);
    const QList<qint64> at = attempts();
    // 100, 200, 400 ms apart at least (timers may fire a few percent early).
    for (int i = 1; i < 4; ++i)
        QVERIFY2(at[i] - at[i - 1] >= (100 << (i - 1)) * 9 / 10,
                 qPrintable(u"attempt %1 came %2 ms after the one before"_s.arg(i).arg(at[i] - at[i - 1])));
    QCOMPARE(f.app->outbox()->entries().size(), 1);
    QVERIFY(sql(u"DROP TRIGGER test_refuse"_s));
    QTRY_VERIFY_WITH_TIMEOUT(f.app->outbox()->isEmpty(), 10000);
    QTRY_COMPARE(historyCount(content), 1);
    f.app->outbox()->setBackoff(500, 30000);
}

void tst_app_reconnect::cleanupTestCase()
{
    f.stop();
}

QTEST_MAIN(tst_app_reconnect)
#include "tst_app_reconnect.moc"

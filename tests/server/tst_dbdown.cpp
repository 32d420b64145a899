// The database goes away under a running server (a TCP relay between the server and a real
// PostgreSQL drops every connection) and comes back: the server stays up, sockets stay open,
// requests that need the database answer `unavailable` with `retry_after_ms`, the server
// reconnects by itself, and a resend with the same nonce stores the message exactly once.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "common/TcpProxy.h"
#include "server/Server.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_DbDown : public QObject
{
    Q_OBJECT
private slots:
    void databaseGoesAwayAndComesBack();
};

void tst_DbDown::databaseGoesAwayAndComesBack()
{
    QVERIFY2(TestDatabase::postgres(), "this suite runs on PostgreSQL (ctest -R tst_server_dbdown_pg)");
    ServerFixture fx;
    TcpProxy proxy(QUrl(fx.config.databaseUrl));
    QVERIFY(proxy.start());
    fx.config.databaseUrl = proxy.relayedUrl();
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));

    auto a = fx.newUser(u"ann"_s);
    auto b = fx.newUser(u"ben"_s);
    const GuildRef g = createGuild(*a);
    QVERIFY(joinGuild(*a, *b, g));
    const Reply first = sendMessage(*a, g.channelId, u"before"_s);
    QVERIFY2(first.ok, qPrintable(first.describe()));

    proxy.cut();
    const QString nonce = newNonce();
    const Reply down = sendMessage(*a, g.channelId, u"while away"_s, nonce);
    QVERIFY(down.received);
    QCOMPARE(down.code, u"unavailable"_s);
    QVERIFY2(down.retryAfterMs > 0, qPrintable(down.describe()));
    // The next one is refused at once, without waiting on the database.
    const Reply again = sendMessage(*a, g.channelId, u"while away"_s, nonce);
    QCOMPARE(again.code, u"unavailable"_s);
    QVERIFY(again.retryAfterMs > 0);
    const Reply page = b->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    QCOMPARE(page.code, u"unavailable"_s);
    // Nobody was disconnected, and what needs no database still works.
    QVERIFY(a->isConnected());
    QVERIFY(b->isConnected());
    QVERIFY(a->request(u"typing.start"_s, {{u"channel_id"_s, g.channelId}}).ok);
    QVERIFY(b->waitEvent(u"typing.started"_s));
    QVERIFY(fx.server()->isRunning());

    QVERIFY(proxy.restore());
    // The client resends as its outbox does, same nonce, until the server has reconnected.
    Reply stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = sendMessage(*a, g.channelId, u"while away"_s, nonce)).ok, 40000);
    QCOMPARE(stored.d.value(u"content"_s).toString(), u"while away"_s);
    // One more resend: still the same message, not a second one.
    const Reply dup = sendMessage(*a, g.channelId, u"while away"_s, nonce);
    QVERIFY(dup.ok);
    QCOMPARE(dup.d.value(u"id"_s), stored.d.value(u"id"_s));
    QVERIFY(b->waitEventWhere(u"message.created"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == stored.d.value(u"id"_s);
    }));
    const Reply history = b->request(u"message.history"_s, {{u"channel_id"_s, g.channelId}});
    QVERIFY2(history.ok, qPrintable(history.describe()));
    QCOMPARE(messageIds(history),
             (QStringList{stored.d.value(u"id"_s).toString(), first.d.value(u"id"_s).toString()}));
    int created = 0;
    for (const Event &e : b->events())
        created += e.name == u"message.created" && e.d.value(u"id"_s) == stored.d.value(u"id"_s);
    QCOMPARE(created, 1);
}

QTEST_GUILESS_MAIN(tst_DbDown)
#include "tst_dbdown.moc"

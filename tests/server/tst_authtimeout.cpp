// Connections that never sign in are closed (4001) after the auth timeout, even when they keep
// pinging; signed-in connections are untouched. Takes ~30 s of waiting by design. Nothing here
// measures time: "not at once" is shown by round trips answered before the close, "pinging
// buys no time" by the pinger being closed at all.
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_AuthTimeout : public QObject
{
    Q_OBJECT
private slots:
    void idleAnonymousConnectionsAreClosed();
};

void tst_AuthTimeout::idleAnonymousConnectionsAreClosed()
{
    ServerFixture fx;
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    auto idle = fx.connect();
    auto pinger = fx.connect();
    QVERIFY(idle->isConnected() && pinger->isConnected());
    // Not closed at once: a sign-up on another connection (a password hash) and a ping on the
    // pinger are answered while both are open.
    auto member = fx.newUser(u"member"_s);
    QVERIFY(member->isConnected());
    QVERIFY(pinger->request(u"ping"_s).ok);
    QVERIFY(idle->isConnected() && pinger->isConnected());
    // Pinging is allowed before sign-in, but does not buy more time: if each ping started the
    // timeout again, the pinger would never be closed. Generous bound: twice the timeout.
    int pongs = 0;
    qint64 lastPing = -1;
    const bool closed = QTest::qWaitFor(
        [&] {
            if (pinger->isConnected()) {
                if (lastPing >= 0 && pinger->hasReply(lastPing))
                    ++pongs;
                if (lastPing < 0 || pinger->hasReply(lastPing))
                    lastPing = pinger->send(u"ping"_s);
            }
            return !idle->isConnected() && !pinger->isConnected();
        },
        2 * kith::limits::kAuthTimeoutMs + 15000);
    QVERIFY2(closed, "a connection that never signed in is still open");
    QVERIFY2(pongs > 0, "the pinger was not served before its close");
    QCOMPARE(idle->closeCode(), int(kith::limits::kCloseAuthTimeout));
    QCOMPARE(pinger->closeCode(), int(kith::limits::kCloseAuthTimeout));
    QVERIFY(member->isConnected());
    QVERIFY(member->request(u"ping"_s).ok);
}

QTEST_GUILESS_MAIN(tst_AuthTimeout)
#include "tst_authtimeout.moc"

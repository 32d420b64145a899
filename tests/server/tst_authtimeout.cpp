// Connections that never sign in are closed (4001) after the auth timeout, even when they keep
// pinging; signed-in connections are untouched. Takes ~30 s of waiting by design.
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QElapsedTimer>
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
    auto member = fx.newUser(u"member"_s);
    auto idle = fx.connect();
    auto pinger = fx.connect();
    QVERIFY(idle->isConnected() && pinger->isConnected());
    QElapsedTimer t;
    t.start();
    // Pinging is allowed before sign-in, but does not buy more time.
    const bool closed = QTest::qWaitFor(
        [&] {
            if (pinger->isConnected())
                pinger->send(u"ping"_s);
            return !idle->isConnected() && !pinger->isConnected();
        },
        kith::limits::kAuthTimeoutMs + 15000);
    QVERIFY2(closed, "a connection that never signed in is still open");
    QVERIFY2(t.elapsed() >= kith::limits::kAuthTimeoutMs - 2000,
             qPrintable(u"closed after only %1 ms"_s.arg(t.elapsed())));
    QCOMPARE(idle->closeCode(), int(kith::limits::kCloseAuthTimeout));
    QCOMPARE(pinger->closeCode(), int(kith::limits::kCloseAuthTimeout));
    QVERIFY(member->isConnected());
    QVERIFY(member->request(u"ping"_s).ok);
}

QTEST_GUILESS_MAIN(tst_AuthTimeout)
#include "tst_authtimeout.moc"

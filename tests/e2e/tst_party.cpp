// A LAN party between two app processes on loopback, the way two friends meet one: each app
// (its widgets offscreen) with its own data folder and its own server; one hosts, the other
// hears the party under "Parties on your network", joins it as a guest over TLS with the
// announced certificate while staying on its own server, and they talk. See party_peer.cpp.
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::Literals::StringLiterals;

class tst_Party : public QObject
{
    Q_OBJECT
private slots:
    void twoAppsMeet();

private:
    //! Reads `p`'s output into `out` until a line starts with `prefix` (returned) or time is up.
    static QString waitLine(QProcess &p, QByteArray *out, const QByteArray &prefix, int timeoutMs = 30000);
};

QString tst_Party::waitLine(QProcess &p, QByteArray *out, const QByteArray &prefix, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        for (const QByteArray &line : out->split('\n'))
            if (line.startsWith(prefix))
                return QString::fromUtf8(line);
        for (const QByteArray &line : out->split('\n'))
            if (line.startsWith("FAILED"))
                return QString::fromUtf8(line);
        if (t.elapsed() > timeoutMs || p.state() == QProcess::NotRunning)
            return {};
        p.waitForReadyRead(100);
        *out += p.readAllStandardOutput();
    }
}

void tst_Party::twoAppsMeet()
{
    QTemporaryDir hostData, guestData;
    quint16 udp = 0;
    {
        QUdpSocket s;
        QVERIFY(s.bind(QHostAddress::LocalHost, 0));
        udp = s.localPort();
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"KITH_NO_KEYCHAIN"_s, u"1"_s);
    env.insert(u"KITH_PARTY_LISTEN"_s, u"127.0.0.1"_s);
    env.insert(u"KITH_ANNOUNCE"_s, u"127.0.0.1:%1"_s.arg(udp));
    env.insert(u"QT_LOGGING_RULES"_s, u"kith.*.debug=false"_s);

    QProcess host, guest;
    for (QProcess *p : {&host, &guest}) {
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    }
    host.start(QStringLiteral(KITH_PARTY_PEER), {u"host"_s, hostData.path(), u"Attic LAN"_s, u"cheese"_s});
    QByteArray hostOut, guestOut;
    const QString hosting = waitLine(host, &hostOut, "HOSTING");
    QVERIFY2(hosting.startsWith(u"HOSTING"_s), qPrintable(QString::fromUtf8(hostOut)));
    const QString fingerprint = hosting.section(u' ', 1, 1);
    QCOMPARE(fingerprint.size(), 95); // 32 bytes as AB:CD:…

    guest.start(QStringLiteral(KITH_PARTY_PEER), {u"guest"_s, guestData.path(), u"Attic LAN"_s, u"cheese"_s, u"Mika"_s});
    const QString seen = waitLine(guest, &guestOut, "SEEN");
    QVERIFY2(seen.startsWith(u"SEEN"_s), qPrintable(QString::fromUtf8(guestOut)));
    QVERIFY2(seen.contains(u"Attic LAN | 1 here"_s) && seen.contains(u"password"_s), qPrintable(seen));
    qInfo("%s", qPrintable(seen));
    const QString joined = waitLine(guest, &guestOut, "JOINED");
    QVERIFY2(joined.contains(u"as Mika over wss"_s) && joined.endsWith(fingerprint), qPrintable(QString::fromUtf8(guestOut)));
    const QString rail = waitLine(guest, &guestOut, "RAIL");
    QVERIFY2(rail.startsWith(u"RAIL 2 hosts"_s), qPrintable(rail));
    QVERIFY2(waitLine(host, &hostOut, "GOT") == u"GOT ping from Mika"_s, qPrintable(QString::fromUtf8(hostOut)));
    QVERIFY2(waitLine(guest, &guestOut, "PONG") == u"PONG"_s, qPrintable(QString::fromUtf8(guestOut)));
    QVERIFY2(waitLine(guest, &guestOut, "DONE") == u"DONE"_s, qPrintable(QString::fromUtf8(guestOut)));
    QVERIFY2(waitLine(host, &hostOut, "BYE") == u"BYE"_s, qPrintable(QString::fromUtf8(hostOut)));
    QVERIFY(guest.waitForFinished(20000));
    QCOMPARE(guest.exitStatus(), QProcess::NormalExit);
    QCOMPARE(guest.exitCode(), 0);
    QVERIFY(host.waitForFinished(20000));
    QCOMPARE(host.exitStatus(), QProcess::NormalExit);
    QCOMPARE(host.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Party)
#include "tst_party.moc"

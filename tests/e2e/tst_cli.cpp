// kith-server's command line as a self-hoster meets it: --help, --version, and one clear line
// with a non-zero exit for a wrong flag, a bad address, a taken port or an unusable data folder.
#include "ServerProcess.h"
#include "common/TestClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

//! The lines a user reads as the error: everything but timestamped debug/info log lines.
QStringList errorLines(const ServerProcess::Run &r)
{
    static const QRegularExpression log(u"^\\d{4}-\\d\\d-\\d\\dT\\S+ (debug|info) "_s);
    QStringList out;
    for (const QString &line : (r.out + r.err).split(u'\n', Qt::SkipEmptyParts))
        if (!log.match(line).hasMatch())
            out << line;
    return out;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void help();
    void version();
    void refusedStart_data();
    void refusedStart();
    void takenPort();
    void dataFolderInUse();
    void staleLockDoesNotBlock();
    void lanPartyWithGuests();
    void tlsPartyAnnounces();
    void startsAndStops();

private:
    QTemporaryDir m_tmp; // outlives the _data rows that name paths in it
};

void tst_Cli::help()
{
    const auto r = ServerProcess::run({u"--help"_s});
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    for (const char *flag : {"--listen", "--data", "--db", "--config", "--log-level", "--version", "--tls-self-signed",
                             "--tls-cert", "--tls-key", "--announce"})
        QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
}

void tst_Cli::version()
{
    const auto r = ServerProcess::run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral(KITH_VERSION)), qPrintable(r.out));
}

void tst_Cli::refusedStart_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions"); // a word the error must contain
    const QTemporaryDir &tmp = m_tmp;
    const QString file = tmp.filePath(u"a-file"_s);
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    f.write("not a folder");
    f.close();
    const QString okData = tmp.filePath(u"data"_s);
    QTest::newRow("unknown flag") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("flag without value") << QStringList{u"--listen"_s} << u"listen"_s;
    QTest::newRow("stray argument") << QStringList{u"--data"_s, okData, u"extra"_s} << u"extra"_s;
    QTest::newRow("bad listen address")
        << QStringList{u"--listen"_s, u"not an address:99999"_s, u"--data"_s, okData} << QString();
    QTest::newRow("bad port")
        << QStringList{u"--listen"_s, u"127.0.0.1:70000"_s, u"--data"_s, okData} << QString();
    QTest::newRow("bad log level")
        << QStringList{u"--log-level"_s, u"loud"_s, u"--data"_s, okData} << u"loud"_s;
    QTest::newRow("data folder is a file")
        << QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, file} << QString();
    QTest::newRow("data folder under a file")
        << QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, file + u"/sub"_s} << QString();
    QTest::newRow("missing config file")
        << QStringList{u"--config"_s, tmp.filePath(u"nope.ini"_s), u"--data"_s, okData}
        << u"nope.ini"_s;
}

void tst_Cli::refusedStart()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto r = ServerProcess::run(args);
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(u"listening on"_s), qPrintable(r.out));
    const QStringList lines = errorLines(r);
    QVERIFY2(lines.size() == 1, qPrintable(u"expected one line, got:\n"_s + lines.join(u'\n')));
    if (!mentions.isEmpty())
        QVERIFY2(lines[0].contains(mentions), qPrintable(lines[0]));
}

void tst_Cli::takenPort()
{
    QTemporaryDir a, b;
    ServerProcess first;
    QString why;
    QVERIFY2(first.start(a.path(), {}, &why), qPrintable(why));
    const auto r = ServerProcess::run({u"--listen"_s, u"127.0.0.1:%1"_s.arg(first.url().port()),
                                       u"--data"_s, b.path()});
    QVERIFY(r.exitCode != 0);
    QCOMPARE(errorLines(r).size(), 1);
    // The first one is unharmed.
    TestClient c;
    QVERIFY(c.connectTo(first.url()));
}

void tst_Cli::dataFolderInUse()
{
    // A second server on the same folder would be a second writer with the same node id:
    // it leaves at once, naming the folder and the process that holds it.
    QTemporaryDir data;
    ServerProcess first;
    QString why;
    QVERIFY2(first.start(data.path(), {}, &why), qPrintable(why));
    const auto r = ServerProcess::run({u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, data.path()});
    QVERIFY(r.exitCode != 0);
    const QStringList lines = errorLines(r);
    QCOMPARE(lines.size(), 1);
    const QString expected = u"data folder %1 is in use by process %2"_s
                                 .arg(QDir::toNativeSeparators(QDir(data.path()).absolutePath()))
                                 .arg(first.process().processId());
    QVERIFY2(lines[0].contains(expected), qPrintable(lines[0] + u" / expected: "_s + expected));
    QVERIFY2(!r.out.contains(u"listening on"_s), qPrintable(r.out));
    TestClient c;
    QVERIFY(c.connectTo(first.url()));
    QVERIFY(c.registerUser(u"ann"_s, u"password-1"_s).ok);
}

void tst_Cli::staleLockDoesNotBlock()
{
#ifndef Q_OS_UNIX
    QSKIP("kill -9 is a Unix signal");
#endif
    QTemporaryDir data;
    {
        ServerProcess first;
        QString why;
        QVERIFY2(first.start(data.path(), {}, &why), qPrintable(why));
        first.process().kill(); // SIGKILL: the lock file stays behind
        QVERIFY(first.waitFinished());
    }
    QVERIFY(QFile::exists(data.filePath(u"kith-server.lock"_s)));
    ServerProcess next;
    QString why;
    QVERIFY2(next.start(data.path(), {}, &why), qPrintable(why));
    TestClient c;
    QVERIFY(c.connectTo(next.url()));
}

void tst_Cli::lanPartyWithGuests()
{
    QTemporaryDir data;
    ServerProcess s;
    QString why;
    QVERIFY2(s.start(data.path(), {u"--guests"_s, u"--party-name"_s, u"Basement LAN"_s, u"--party-password"_s, u"pizza"_s}, &why),
             qPrintable(why));
    TestClient c;
    QVERIFY(c.connectTo(s.url()));
    QVERIFY(c.hello().value(u"features"_s).toArray().contains(u"guest"_s));
    QCOMPARE(c.guest(u"zoe"_s, u"nope"_s).code, u"unauthorized"_s);
    const Reply r = c.guest(u"zoe"_s, u"pizza"_s);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(c.readyData().value(u"guilds"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Basement LAN"_s);
    // The party flags need --guests.
    const auto refused = ServerProcess::run({u"--data"_s, data.path() + u"/other"_s, u"--party-name"_s, u"x"_s});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(errorLines(refused).join(u' ').contains(u"--guests"_s), qPrintable(refused.err));
}

void tst_Cli::tlsPartyAnnounces()
{
    QUdpSocket beacons;
    QVERIFY(beacons.bind(QHostAddress::LocalHost, 0));
    QTemporaryDir data;
    ServerProcess s;
    QString why;
    QVERIFY2(s.start(data.path(), {u"--guests"_s, u"--party-name"_s, u"Garage"_s, u"--tls-self-signed"_s, u"--announce"_s,
                                   u"127.0.0.1:%1"_s.arg(beacons.localPort())}, &why),
             qPrintable(why));
    QCOMPARE(s.url().scheme(), u"wss"_s);
    static const QRegularExpression fpLine(u"certificate fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})"_s);
    QRegularExpressionMatch m;
    QVERIFY(QTest::qWaitFor([&] { return (m = fpLine.match(s.output())).hasMatch(); }, 10000));
    const QString fp = m.captured(1);
    QVERIFY(QTest::qWaitFor([&] { return beacons.hasPendingDatagrams(); }, 5000));
    const QJsonObject b = QJsonDocument::fromJson(beacons.receiveDatagram().data()).object();
    QCOMPARE(b.value(u"name"_s).toString(), u"Garage"_s);
    QCOMPARE(b.value(u"url"_s).toString(), s.url().toString());
    QCOMPARE(b.value(u"fingerprint"_s).toString(), fp);
    TestClient c;
    c.pinFingerprint(fp);
    QVERIFY(c.connectTo(s.url()));
    QVERIFY(c.guest(u"zoe"_s).ok);
    // The certificate is kept: a restart shows the same one.
    s.process().terminate();
    QVERIFY(s.waitFinished());
    ServerProcess again;
    QVERIFY2(again.start(data.path(), {u"--guests"_s, u"--tls-self-signed"_s}, &why), qPrintable(why));
    QVERIFY(QTest::qWaitFor([&] { return again.output().contains(fp); }, 10000));
    // The two ways to give a certificate exclude each other.
    const auto both = ServerProcess::run({u"--data"_s, data.path() + u"/x"_s, u"--tls-self-signed"_s, u"--tls-cert"_s, u"a.pem"_s});
    QVERIFY(both.exitCode != 0);
    QVERIFY2(errorLines(both).join(u' ').contains(u"exclude"_s), qPrintable(both.err));
}

void tst_Cli::startsAndStops()
{
    QTemporaryDir data;
    ServerProcess s;
    QString why;
    QVERIFY2(s.start(data.path(), {}, &why), qPrintable(why));
    TestClient c;
    QVERIFY(c.connectTo(s.url()));
    QCOMPARE(c.hello().value(u"version"_s).toInt(), 1);
    QCOMPARE(c.hello().value(u"server_version"_s).toString(), QStringLiteral(KITH_VERSION));
    s.process().terminate();
    QVERIFY(s.waitFinished());
    QCOMPARE(s.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(s.process().exitCode(), 0);
    QVERIFY(c.waitDisconnected());
    QCOMPARE(c.closeCode(), 1001);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

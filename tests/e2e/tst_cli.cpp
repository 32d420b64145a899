// kith-server's command line as a self-hoster meets it: --help, --version, and one clear line
// with a non-zero exit for a wrong flag, a bad address, a taken port or an unusable data folder;
// settings from the config file, the environment and flags, in that order of strength; the
// metrics port.
#include "ServerProcess.h"
#include "common/TestClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
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

QProcessEnvironment envWith(std::initializer_list<std::pair<QString, QString>> vars)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[k, v] : vars)
        env.insert(k, v);
    return env;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return f.fileName();
}

//! The name of the party guild a guest lands in: shows which --party-name won.
QString partyGuildName(const QUrl &url)
{
    TestClient c;
    if (!c.connectTo(url) || !c.guest(u"zoe"_s).ok)
        return {};
    return c.readyData().value(u"guilds"_s).toArray().first().toObject().value(u"name"_s).toString();
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
    void environmentBeatsFileAndFlagBeatsEnvironment();
    void badSettingsNameTheirSource_data();
    void badSettingsNameTheirSource();
    void metricsPort();

private:
    QTemporaryDir m_tmp; // outlives the _data rows that name paths in it
};

void tst_Cli::help()
{
    const auto r = ServerProcess::run({u"--help"_s});
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    for (const char *flag : {"--listen", "--data", "--db", "--config", "--log-level", "--version", "--tls-self-signed",
                             "--tls-cert", "--tls-key", "--announce", "--metrics", "--node-id"})
        QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
    // Environment variables, the settings without a flag among them.
    for (const char *env : {"KITH_LISTEN", "KITH_DB", "KITH_CONFIG", "KITH_METRICS", "KITH_TLS_CERT", "KITH_NAME",
                            "KITH_LIMITS_REQUESTS_PER_SECOND", "KITH_STORAGE_SYNCHRONOUS"})
        QVERIFY2(r.out.contains(QLatin1String(env)), env);
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
    QVERIFY2(r.refused(), qPrintable(r.out + r.err));
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
    QVERIFY2(r.refused(), qPrintable(r.err));
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
    QVERIFY2(r.refused(), qPrintable(r.err));
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
    QVERIFY2(refused.refused(), qPrintable(refused.err));
    QVERIFY2(errorLines(refused).join(u' ').contains(u"--guests"_s), qPrintable(refused.err));
}

void tst_Cli::tlsPartyAnnounces()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() posts WM_CLOSE, which a console program never gets: no clean stop to test "
          "on Windows");
#endif
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
    QCOMPARE(s.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(s.process().exitCode(), 0);
    ServerProcess again;
    QVERIFY2(again.start(data.path(), {u"--guests"_s, u"--tls-self-signed"_s}, &why), qPrintable(why));
    QVERIFY(QTest::qWaitFor([&] { return again.output().contains(fp); }, 10000));
    // The two ways to give a certificate exclude each other.
    const auto both = ServerProcess::run({u"--data"_s, data.path() + u"/x"_s, u"--tls-self-signed"_s, u"--tls-cert"_s, u"a.pem"_s});
    QVERIFY2(both.refused(), qPrintable(both.err));
    QVERIFY2(errorLines(both).join(u' ').contains(u"exclude"_s), qPrintable(both.err));
}

void tst_Cli::startsAndStops()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() posts WM_CLOSE, which a console program never gets: no clean stop to test "
          "on Windows");
#endif
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
    // No metrics port unless asked for.
    QVERIFY2(!s.output().contains(u"metrics on"_s), qPrintable(s.output()));
}

void tst_Cli::environmentBeatsFileAndFlagBeatsEnvironment()
{
    QTemporaryDir dir;
    const QString ini = writeFile(dir, u"kith.ini"_s, "[party]\nguests = true\nname = From the file\n");
    QVERIFY(!ini.isEmpty());
    QString why;
    {
        // The file alone, named by KITH_CONFIG.
        ServerProcess s;
        s.setEnvironment(envWith({{u"KITH_CONFIG"_s, ini}}));
        QVERIFY2(s.start(dir.filePath(u"d1"_s), {}, &why), qPrintable(why));
        QCOMPARE(partyGuildName(s.url()), u"From the file"_s);
    }
    {
        ServerProcess s;
        s.setEnvironment(envWith({{u"KITH_PARTY_NAME"_s, u"From the environment"_s}}));
        QVERIFY2(s.start(dir.filePath(u"d2"_s), {u"--config"_s, ini}, &why), qPrintable(why));
        QCOMPARE(partyGuildName(s.url()), u"From the environment"_s);
    }
    {
        ServerProcess s;
        s.setEnvironment(envWith({{u"KITH_PARTY_NAME"_s, u"From the environment"_s}}));
        QVERIFY2(s.start(dir.filePath(u"d3"_s), {u"--config"_s, ini, u"--party-name"_s, u"From the flag"_s}, &why),
                 qPrintable(why));
        QCOMPARE(partyGuildName(s.url()), u"From the flag"_s);
    }
}

void tst_Cli::badSettingsNameTheirSource_data()
{
    QTest::addColumn<QStringList>("env");  // NAME=VALUE pairs
    QTest::addColumn<QByteArray>("file");  // config file text; empty: none
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("env node id") << QStringList{u"KITH_NODE_ID=abc"_s} << QByteArray() << QStringList() << u"KITH_NODE_ID"_s;
    QTest::newRow("env bool") << QStringList{u"KITH_PARTY_GUESTS=maybe"_s} << QByteArray() << QStringList()
                              << u"KITH_PARTY_GUESTS"_s;
    QTest::newRow("env listen") << QStringList{u"KITH_LISTEN=nowhere:1"_s} << QByteArray() << QStringList()
                                << u"KITH_LISTEN"_s;
    QTest::newRow("env metrics") << QStringList{u"KITH_METRICS=127.0.0.1:99999"_s} << QByteArray() << QStringList()
                                 << u"KITH_METRICS"_s;
    QTest::newRow("env synchronous") << QStringList{u"KITH_STORAGE_SYNCHRONOUS=sometimes"_s} << QByteArray()
                                     << QStringList() << u"KITH_STORAGE_SYNCHRONOUS"_s;
    QTest::newRow("env bad, flag good") << QStringList{u"KITH_NODE_ID=abc"_s} << QByteArray()
                                        << QStringList{u"--node-id"_s, u"3"_s} << u"KITH_NODE_ID"_s;
    QTest::newRow("file value") << QStringList() << QByteArray("[limits]\nrequests_per_second = lots\n") << QStringList()
                                << u"[limits] requests_per_second"_s;
    QTest::newRow("file unknown key") << QStringList() << QByteArray("[server]\nnmae = Typo\n") << QStringList()
                                      << u"[server] nmae"_s;
    QTest::newRow("flag metrics") << QStringList() << QByteArray() << QStringList{u"--metrics"_s, u"here"_s}
                                  << u"--metrics"_s;
}

void tst_Cli::badSettingsNameTheirSource()
{
    QFETCH(QStringList, env);
    QFETCH(QByteArray, file);
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : env)
        e.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QStringList all{u"--data"_s, dir.filePath(u"data"_s)};
    if (!file.isEmpty())
        all << u"--config"_s << writeFile(dir, u"kith.ini"_s, file);
    // Even where a flag overrides it, a bad value is an error: it is still a mistake to fix.
    const auto r = ServerProcess::run(all + args, 30000, e);
    QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(u"listening on"_s), qPrintable(r.out));
    const QStringList lines = errorLines(r);
    QVERIFY2(lines.size() == 1, qPrintable(u"expected one line, got:\n"_s + lines.join(u'\n')));
    QVERIFY2(lines[0].contains(mentions), qPrintable(lines[0]));
}

void tst_Cli::metricsPort()
{
    QTemporaryDir data;
    ServerProcess s;
    s.setEnvironment(envWith({{u"KITH_METRICS"_s, u"0"_s}})); // a port alone: 127.0.0.1, here a free one
    QString why;
    QVERIFY2(s.start(data.path(), {}, &why), qPrintable(why));
    static const QRegularExpression line(u"metrics on http://127\\.0\\.0\\.1:(\\d+)\n"_s);
    QRegularExpressionMatch m;
    QVERIFY(QTest::qWaitFor([&] { return (m = line.match(s.output())).hasMatch(); }, 10000));
    // It comes right after the listening line.
    QVERIFY(s.output().indexOf(u"listening on"_s) < s.output().indexOf(u"metrics on"_s));
    QTcpSocket http;
    http.connectToHost(QHostAddress::LocalHost, quint16(m.captured(1).toUInt()));
    QVERIFY(http.waitForConnected(5000));
    http.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] {
        answer += http.readAll();
        return http.state() == QAbstractSocket::UnconnectedState;
    }, 10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY2(answer.endsWith("\r\n\r\nok\n"), answer.constData());

    // A port that is taken fails the start with one line that says so.
    const auto taken = ServerProcess::run({u"--data"_s, data.filePath(u"other"_s), u"--listen"_s, u"127.0.0.1:0"_s,
                                           u"--metrics"_s, m.captured(1)});
    QCOMPARE(taken.exitCode, 2);
    const QStringList lines = errorLines(taken);
    QVERIFY2(lines.size() == 1 && lines[0].contains(u"metrics"_s), qPrintable(lines.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

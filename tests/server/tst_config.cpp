// ServerConfig: one table of settings read from the INI file and the environment (and by
// kith-server's main, the flags). Precedence, names, parsing and the errors a self-hoster reads.
#include "server/ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using kith::server::ConfigSetting;
using kith::server::ServerConfig;

class tst_Config : public QObject
{
    Q_OBJECT
private slots:
    void tableIsConsistent();
    void environmentOverridesFile();
    void fileReadsEverySection();
    void badValues_data();
    void badValues();
    void metricsAddress_data();
    void metricsAddress();

private:
    QString writeIni(const QByteArray &text)
    {
        QFile f(m_dir.filePath(u"kith-%1.ini"_s.arg(++m_files)));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void tst_Config::tableIsConsistent()
{
    QSet<QString> env, ini, flags;
    for (const ConfigSetting &s : ServerConfig::settings()) {
        QVERIFY2(!env.contains(s.envName()), qPrintable(s.envName()));
        QVERIFY2(!ini.contains(s.iniKey()), qPrintable(s.iniKey()));
        env.insert(s.envName());
        ini.insert(s.iniKey());
        if (!s.flag.isEmpty()) {
            QVERIFY2(!flags.contains(s.flag), qPrintable(s.flag));
            flags.insert(s.flag);
        }
        QVERIFY2(!s.help.isEmpty(), qPrintable(s.iniKey()));
        QVERIFY(s.set);
    }
    // The names the documentation promises.
    for (const char *name :
         {"KITH_LISTEN", "KITH_DATA", "KITH_DB", "KITH_NAME", "KITH_NODE_ID", "KITH_METRICS",
          "KITH_LOG_LEVEL", "KITH_LIMITS_REQUESTS_PER_SECOND", "KITH_LIMITS_REQUEST_BURST",
          "KITH_PARTY_GUESTS", "KITH_PARTY_NAME", "KITH_PARTY_PASSWORD", "KITH_PARTY_ANNOUNCE",
          "KITH_TLS_SELF_SIGNED", "KITH_TLS_CERT", "KITH_TLS_KEY", "KITH_STORAGE_SYNCHRONOUS",
          "KITH_LIMITS_HANDSHAKE_TIMEOUT_MS", "KITH_LIMITS_CONNECTIONS_PER_ADDRESS", "KITH_LIMITS_QUEUED_BYTES_TOTAL",
          "KITH_TRUSTED_PROXIES"})
        QVERIFY2(env.contains(QLatin1String(name)), name);
    for (const char *flag :
         {"listen", "data", "db", "node-id", "metrics", "log-level", "guests", "party-name", "party-password",
          "announce", "tls-self-signed", "tls-cert", "tls-key"})
        QVERIFY2(flags.contains(QLatin1String(flag)), flag);
}

void tst_Config::environmentOverridesFile()
{
    const QString ini =
        writeIni("[server]\nname = From the file\nnode_id = 3\n[limits]\nrequest_burst = 7\n");
    ServerConfig c;
    QString err;
    QVERIFY2(c.loadFile(ini, &err), qPrintable(err));
    QProcessEnvironment env;
    env.insert(u"KITH_NAME"_s, u"From the environment"_s);
    env.insert(u"KITH_NODE_ID"_s, u""_s); // empty: as if not set
    QVERIFY2(c.loadEnvironment(&err, env), qPrintable(err));
    QCOMPARE(c.serverName, u"From the environment"_s);
    QCOMPARE(c.nodeId, 3);
    QCOMPARE(c.requestBurst, 7);
    // A flag, applied last, wins over both.
    QVERIFY(c.apply(*ServerConfig::setting(u"server"_s, u"node_id"_s), u"9"_s, u"--node-id"_s, &err));
    QCOMPARE(c.nodeId, 9);
}

void tst_Config::fileReadsEverySection()
{
    const QString ini = writeIni("[server]\n"
                                 "listen = 0.0.0.0:7500\n"
                                 "data = data        ; relative to the file\n"
                                 "db = postgresql://kith@db.example:5432/kith\n"
                                 "name = Home, sweet home\n"
                                 "metrics = 9100\n"
                                 "log_level = Warning\n"
                                 "trusted_proxies = 10.0.0.1, ::1  192.168.7.7\n"
                                 "[party]\nguests = yes\nname = Friday\npassword =\nannounce = broadcast\n"
                                 "[tls]\nself_signed = off\ncert = certs/fullchain.pem\nkey = certs/key.pem\n"
                                 "[limits]\nrequests_per_second = 20\nrequest_burst = 40\n"
                                 "handshake_timeout_ms = 2500\nconnections_per_address = 1000\n"
                                 "queued_bytes_total = 4294967296\n"
                                 "[storage]\nsynchronous = NORMAL\n");
    ServerConfig c;
    QString err;
    QVERIFY2(c.loadFile(ini, &err), qPrintable(err));
    QCOMPARE(c.host, QHostAddress(u"0.0.0.0"_s));
    QCOMPARE(c.port, quint16(7500));
    QCOMPARE(c.dataDir, m_dir.filePath(u"data"_s));
    QCOMPARE(c.databaseUrl, u"postgresql://kith@db.example:5432/kith"_s);
    QCOMPARE(c.serverName, u"Home, sweet home"_s);
    QVERIFY(c.metrics);
    QCOMPARE(c.metricsHost, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.metricsPort, quint16(9100));
    QCOMPARE(c.logLevel, u"warning"_s);
    QVERIFY(c.guests);
    QCOMPARE(c.partyName, u"Friday"_s);
    QVERIFY(c.partyPassword.isEmpty());
    QCOMPARE(c.announce, u"broadcast"_s);
    QVERIFY(!c.tlsSelfSigned);
    QCOMPARE(c.tlsCert, m_dir.filePath(u"certs/fullchain.pem"_s));
    QCOMPARE(c.tlsKey, m_dir.filePath(u"certs/key.pem"_s));
    QCOMPARE(c.requestsPerSecond, 20);
    QCOMPARE(c.requestBurst, 40);
    QCOMPARE(c.handshakeTimeoutMs, 2500);
    QCOMPARE(c.connectionsPerAddress, 1000);
    QCOMPARE(c.queuedBytesTotal, Q_INT64_C(4294967296)); // past 32 bits
    QCOMPARE(c.trustedProxies, (QList<QHostAddress>{QHostAddress(u"10.0.0.1"_s), QHostAddress(u"::1"_s),
                                                    QHostAddress(u"192.168.7.7"_s)}));
    QVERIFY(!c.syncFull);

    // The defaults the documentation gives.
    const ServerConfig defaults;
    QCOMPARE(defaults.handshakeTimeoutMs, 10000);
    QCOMPARE(defaults.connectionsPerAddress, 256);
    QCOMPARE(defaults.queuedBytesTotal, Q_INT64_C(268435456));
    QVERIFY(defaults.trustedProxies.isEmpty());

    // An empty path leaves the setting unset, not the file's folder.
    ServerConfig empty;
    QVERIFY2(empty.loadFile(writeIni("[tls]\ncert =\nkey =\n"), &err), qPrintable(err));
    QVERIFY(empty.tlsCert.isEmpty());
    QVERIFY(!empty.tls());
}

void tst_Config::badValues_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("env"); // NAME=VALUE, or empty
    QTest::addColumn<QString>("mentions");
    QTest::newRow("file number") << QByteArray("[server]\nnode_id = 1024\n") << QString()
                                 << u"[server] node_id"_s;
    QTest::newRow("file bool") << QByteArray("[tls]\nself_signed = perhaps\n") << QString()
                               << u"[tls] self_signed"_s;
    QTest::newRow("file listen") << QByteArray("[server]\nlisten = 1.2.3.4:70000\n") << QString()
                                 << u"[server] listen"_s;
    QTest::newRow("file unknown section")
        << QByteArray("[sever]\nlisten = :1\n") << QString() << u"[sever] listen"_s;
    QTest::newRow("file outside a section") << QByteArray("listen = :1\n") << QString() << u"[server]"_s;
    QTest::newRow("env number") << QByteArray() << u"KITH_LIMITS_REQUEST_BURST=0"_s
                                << u"KITH_LIMITS_REQUEST_BURST"_s;
    QTest::newRow("env level") << QByteArray() << u"KITH_LOG_LEVEL=loud"_s << u"KITH_LOG_LEVEL"_s;
    QTest::newRow("env metrics") << QByteArray() << u"KITH_METRICS=[::1"_s << u"KITH_METRICS"_s;
    QTest::newRow("file handshake timeout") << QByteArray("[limits]\nhandshake_timeout_ms = soon\n") << QString()
                                            << u"[limits] handshake_timeout_ms"_s;
    QTest::newRow("file connections per address")
        << QByteArray("[limits]\nconnections_per_address = 0\n") << QString() << u"[limits] connections_per_address"_s;
    QTest::newRow("env queued bytes") << QByteArray() << u"KITH_LIMITS_QUEUED_BYTES_TOTAL=-5"_s
                                      << u"KITH_LIMITS_QUEUED_BYTES_TOTAL"_s;
    QTest::newRow("file trusted proxy") << QByteArray("[server]\ntrusted_proxies = 10.0.0.1, proxy.example\n")
                                        << QString() << u"[server] trusted_proxies"_s;
}

void tst_Config::badValues()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, env);
    QFETCH(QString, mentions);
    ServerConfig c;
    QString err;
    bool ok = true;
    if (!file.isEmpty())
        ok = c.loadFile(writeIni(file), &err);
    if (!env.isEmpty()) {
        QProcessEnvironment e;
        e.insert(env.section(u'=', 0, 0), env.section(u'=', 1));
        ok = c.loadEnvironment(&err, e);
    }
    QVERIFY(!ok);
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

void tst_Config::metricsAddress_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("port alone") << u"9100"_s << true << u"127.0.0.1"_s << 9100;
    QTest::newRow(":port") << u":9100"_s << true << u"127.0.0.1"_s << 9100;
    QTest::newRow("any") << u"0.0.0.0:9100"_s << true << u"0.0.0.0"_s << 9100;
    QTest::newRow("v6") << u"[::1]:9100"_s << true << u"::1"_s << 9100;
    QTest::newRow("localhost") << u"localhost:0"_s << true << u"127.0.0.1"_s << 0;
    QTest::newRow("host without port") << u"10.0.0.1"_s << false << QString() << 0;
    QTest::newRow("port too big") << u"70000"_s << false << QString() << 0;
    QTest::newRow("name") << u"metrics.example:9100"_s << false << QString() << 0;
}

void tst_Config::metricsAddress()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    ServerConfig c;
    QVERIFY(!c.metrics); // off unless given
    QString err;
    QCOMPARE(c.setMetrics(value, &err), valid);
    QCOMPARE(c.metrics, valid);
    if (valid) {
        QCOMPARE(c.metricsHost, QHostAddress(host));
        QCOMPARE(int(c.metricsPort), port);
    } else {
        QVERIFY(!err.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"

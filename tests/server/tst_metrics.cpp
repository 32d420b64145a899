// The operator's HTTP port (--metrics): /healthz answers ok while the server can serve and 503
// with the reason while its database is away; /metrics is Prometheus text whose numbers follow
// what happens (sessions, messages, commits). Requests go over a raw TCP socket, as a scraper's.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "common/TcpProxy.h"
#include "server/Server.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

struct HttpReply {
    int status = 0; //!< 0: no answer
    QByteArray headers;
    QByteArray body;
};

//! One request on its own connection; the server answers and closes.
HttpReply http(quint16 port, const QByteArray &method, const QByteArray &path)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tst_metrics\r\n\r\n");
    QByteArray all;
    (void)QTest::qWaitFor(
        [&] {
            all += s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    all += s.readAll();
    HttpReply r;
    const qsizetype split = all.indexOf("\r\n\r\n");
    if (!all.startsWith("HTTP/1.1 ") || split < 0)
        return r;
    r.status = all.mid(9, 3).toInt();
    r.headers = all.left(split);
    r.body = all.mid(split + 4);
    return r;
}

//! The samples of a Prometheus text page ("name{labels}" -> value), checking on the way that
//! every sample's metric was declared by # HELP and # TYPE; problems go to *problems.
QHash<QString, double> parseMetrics(const QByteArray &text, QStringList *problems)
{
    static const QRegularExpression sampleLine(u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$"_s);
    QSet<QString> helped, typed;
    QHash<QString, QString> types;
    QHash<QString, double> out;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"# HELP "_s)) {
            helped.insert(line.section(u' ', 2, 2));
            continue;
        }
        if (line.startsWith(u"# TYPE "_s)) {
            typed.insert(line.section(u' ', 2, 2));
            types.insert(line.section(u' ', 2, 2), line.section(u' ', 3, 3));
            continue;
        }
        const QRegularExpressionMatch m = sampleLine.match(line);
        if (!m.hasMatch()) {
            problems->append(u"not a sample: "_s + line);
            continue;
        }
        QString family = m.captured(1);
        for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s})
            if (family.endsWith(suffix) && types.value(family.chopped(suffix.size())) == u"histogram")
                family.chop(suffix.size());
        if (!helped.contains(family) || !typed.contains(family))
            problems->append(u"no # HELP and # TYPE before "_s + line);
        bool ok = false;
        const double v = m.captured(3) == u"+Inf" ? qInf() : m.captured(3).toDouble(&ok);
        if (!ok && m.captured(3) != u"+Inf")
            problems->append(u"not a number: "_s + line);
        out.insert(m.captured(1) + m.captured(2), v);
    }
    return out;
}

} // namespace

class tst_Metrics : public QObject
{
    Q_OBJECT
private slots:
    void offByDefault();
    void healthzAnswersOk();
    void metricsFollowTheServer();
    void otherRequestsAreRefused();
    void healthzFollowsTheDatabase();

private:
    static void enable(ServerFixture &fx)
    {
        fx.config.metrics = true;
        fx.config.metricsHost = QHostAddress(QHostAddress::LocalHost);
        fx.config.metricsPort = 0;
    }
    //! The current samples; fails the test on a malformed page.
    static QHash<QString, double> scrape(quint16 port)
    {
        const HttpReply r = http(port, "GET", "/metrics");
        if (r.status != 200 || !r.headers.contains("Content-Type: text/plain; version=0.0.4")) {
            qWarning("scrape: %d %s", r.status, r.headers.constData());
            return {};
        }
        QStringList problems;
        auto samples = parseMetrics(r.body, &problems);
        if (!problems.isEmpty()) {
            qWarning("scrape: %s", qPrintable(problems.join(u'\n')));
            return {};
        }
        return samples;
    }
};

void tst_Metrics::offByDefault()
{
    ServerFixture fx;
    QVERIFY(fx.start());
    QVERIFY(!fx.config.metrics);
    QCOMPARE(fx.server()->metricsPort(), quint16(0));
}

void tst_Metrics::healthzAnswersOk()
{
    ServerFixture fx;
    enable(fx);
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    const quint16 port = fx.server()->metricsPort();
    QVERIFY(port != 0);
    QVERIFY(port != fx.server()->port());
    // Ok once the database has answered a probe within its second; at start, on a loaded
    // machine, the first probe may still be on its way.
    QTRY_COMPARE_WITH_TIMEOUT(http(port, "GET", "/healthz").status, 200, 10000);
    const HttpReply r = http(port, "GET", "/healthz");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.trimmed(), QByteArray("ok"));
    // A query string is not part of the path.
    QCOMPARE(http(port, "GET", "/healthz?verbose=1").status, 200);
}

void tst_Metrics::metricsFollowTheServer()
{
    ServerFixture fx;
    enable(fx);
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    const quint16 port = fx.server()->metricsPort();

    auto m = scrape(port);
    QVERIFY(!m.isEmpty());
    for (const char *name : {"kith_sessions", "kith_connections", "kith_messages_total",
                             "kith_write_queue_depth", "kith_commit_seconds_count", "kith_commit_seconds_sum",
                             "kith_db_errors_total", "kith_node_id", "kith_events_delivered_total"})
        QVERIFY2(m.contains(QLatin1String(name)), name);
    QVERIFY(m.contains(u"kith_commit_seconds_bucket{le=\"0.0005\"}"_s));
    QVERIFY(m.contains(u"kith_commit_seconds_bucket{le=\"2.5\"}"_s));
    QCOMPARE(m.value(u"kith_commit_seconds_bucket{le=\"+Inf\"}"_s), m.value(u"kith_commit_seconds_count"_s));
    QCOMPARE(m.value(u"kith_sessions"_s), 0.0);
    QCOMPARE(m.value(u"kith_node_id"_s), double(fx.server()->nodeId()));
    QCOMPARE(m.value(u"kith_db_errors_total"_s), 0.0);

    // Sessions follow who is connected.
    auto a = fx.newUser(u"ann"_s);
    auto b = fx.newUser(u"ben"_s);
    QVERIFY(a && b);
    QTRY_COMPARE(scrape(port).value(u"kith_sessions"_s), 2.0);
    const double messagesBefore = scrape(port).value(u"kith_messages_total"_s);
    const double commitsBefore = scrape(port).value(u"kith_commit_seconds_count"_s);
    const double deliveredBefore = scrape(port).value(u"kith_events_delivered_total"_s);

    // Messages and commits follow what is sent.
    const GuildRef g = createGuild(*a);
    QVERIFY(g.valid());
    QVERIFY(joinGuild(*a, *b, g));
    const QString nonce = newNonce();
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendMessage(*a, g.channelId, u"hello %1"_s.arg(i), i == 0 ? nonce : QString()).ok);
    QVERIFY(sendMessage(*a, g.channelId, u"hello 0"_s, nonce).ok); // a resend stores nothing new
    m = scrape(port);
    QCOMPARE(m.value(u"kith_messages_total"_s), messagesBefore + 3);
    QVERIFY(m.value(u"kith_commit_seconds_count"_s) > commitsBefore);
    QVERIFY(m.value(u"kith_commit_seconds_sum"_s) > 0);
    QVERIFY(m.value(u"kith_events_delivered_total"_s) >= deliveredBefore + 6); // 3 messages to 2 sessions
    QCOMPARE(m.value(u"kith_commit_seconds_bucket{le=\"+Inf\"}"_s), m.value(u"kith_commit_seconds_count"_s));

    b->close();
    QTRY_COMPARE(scrape(port).value(u"kith_sessions"_s), 1.0);
}

void tst_Metrics::otherRequestsAreRefused()
{
    ServerFixture fx;
    enable(fx);
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    const quint16 port = fx.server()->metricsPort();
    QCOMPARE(http(port, "GET", "/").status, 404);
    QCOMPARE(http(port, "GET", "/metrics/extra").status, 404);
    const HttpReply post = http(port, "POST", "/metrics");
    QCOMPARE(post.status, 405);
    QVERIFY(post.headers.contains("Allow: GET"));
    QCOMPARE(http(port, "DELETE", "/healthz").status, 405);

    // Not HTTP at all, or far too much of it: a clear status and the connection closed.
    QTcpSocket junk;
    junk.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(junk.waitForConnected(5000));
    junk.write("hello there\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += junk.readAll();
            return junk.state() == QAbstractSocket::UnconnectedState;
        },
        10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QTcpSocket big;
    big.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(big.waitForConnected(5000));
    big.write("GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\n");
    answer.clear();
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += big.readAll();
            return big.state() == QAbstractSocket::UnconnectedState;
        },
        10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.constData());
    // The game port is unaffected.
    auto c = fx.newUser(u"cat"_s);
    QVERIFY(c);
    QTRY_COMPARE_WITH_TIMEOUT(http(port, "GET", "/healthz").status, 200, 10000);
}

void tst_Metrics::healthzFollowsTheDatabase()
{
    if (!TestDatabase::postgres())
        QSKIP("the database goes away only on PostgreSQL (a relay between server and database)");
    ServerFixture fx;
    enable(fx);
    TcpProxy proxy(QUrl(fx.config.databaseUrl));
    QVERIFY(proxy.start());
    fx.config.databaseUrl = proxy.relayedUrl();
    QString err;
    QVERIFY2(fx.start(&err), qPrintable(err));
    const quint16 port = fx.server()->metricsPort();
    QTRY_COMPARE_WITH_TIMEOUT(http(port, "GET", "/healthz").status, 200, 10000);

    proxy.cut();
    HttpReply down = http(port, "GET", "/healthz");
    QCOMPARE(down.status, 503);
    QVERIFY2(down.body.startsWith("database unavailable: "), down.body.constData());
    // Known to be down now: the next check answers at once, with the reason.
    down = http(port, "GET", "/healthz");
    QCOMPARE(down.status, 503);
    QVERIFY2(down.body.startsWith("database unavailable: "), down.body.constData());
    const auto m = scrape(port);
    QCOMPARE(m.value(u"kith_db_up"_s, -1), 0.0);
    QVERIFY(m.value(u"kith_db_errors_total"_s) > 0);
    QVERIFY(fx.server()->isRunning());

    QVERIFY(proxy.restore());
    // The server reconnects by itself (0.5 s, then doubling): healthy again without a restart.
    QTRY_COMPARE_WITH_TIMEOUT(http(port, "GET", "/healthz").status, 200, 40000);
    QCOMPARE(scrape(port).value(u"kith_db_up"_s), 1.0);
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"

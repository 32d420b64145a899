// Invite links as people paste them: kith:// links, ws(s):// URLs with a code, bare codes; and
// everything else refused rather than guessed at.
#include "shared/InviteLink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using kith::InviteLink;

namespace {
const QString kFp = u"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"_s;
}

class tst_InviteLink : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void roundTrip_data();
    void roundTrip();
    void fingerprint();
};

void tst_InviteLink::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fingerprint");

    QTest::newRow("kith link") << u"kith://192.0.2.7:7420/invite/Zx7Kq2mPwa"_s << true
                               << u"ws://192.0.2.7:7420"_s << u"Zx7Kq2mPwa"_s << QString();
    QTest::newRow("kith link, spaces") << u"  kith://host.lan:9000/invite/abc  "_s << true
                                       << u"ws://host.lan:9000"_s << u"abc"_s << QString();
    QTest::newRow("kith tls") << u"kith://127.0.0.1:7443/invite/abc?tls=1"_s << true
                              << u"wss://127.0.0.1:7443"_s << u"abc"_s << QString();
    QTest::newRow("kith tls + fp") << u"kith://127.0.0.1:7443/invite/abc?tls=1&fp="_s + kFp << true
                                   << u"wss://127.0.0.1:7443"_s << u"abc"_s << kFp;
    QString bare = kFp;
    bare.remove(u':');
    QTest::newRow("fp without colons, lower case") << u"kith://127.0.0.1:7443/invite/abc?tls=1&fp="_s + bare.toLower()
                                                   << true << u"wss://127.0.0.1:7443"_s << u"abc"_s << kFp;
    QTest::newRow("kith ipv6") << u"kith://[::1]:7420/invite/abc"_s << true << u"ws://[::1]:7420"_s << u"abc"_s << QString();
    QTest::newRow("ws url + code") << u"ws://127.0.0.1:7420 abc"_s << true << u"ws://127.0.0.1:7420"_s << u"abc"_s << QString();
    QTest::newRow("wss url/invite/code") << u"wss://chat.example.org/invite/abc"_s << true
                                         << u"wss://chat.example.org:443"_s << u"abc"_s << QString();
    QTest::newRow("code alone") << u"Zx7Kq2mPwa"_s << true << QString() << u"Zx7Kq2mPwa"_s << QString();

    QTest::newRow("empty") << QString() << false << QString() << QString() << QString();
    QTest::newRow("kith without port") << u"kith://host/invite/abc"_s << false << QString() << QString() << QString();
    QTest::newRow("kith without code") << u"kith://host:1/invite/"_s << false << QString() << QString() << QString();
    QTest::newRow("kith other path") << u"kith://host:1/guild/abc"_s << false << QString() << QString() << QString();
    QTest::newRow("fp without tls") << u"kith://host:1/invite/abc?fp="_s + kFp << false << QString() << QString() << QString();
    QTest::newRow("short fp") << u"kith://host:1/invite/abc?tls=1&fp=AB:CD"_s << false << QString() << QString() << QString();
    QTest::newRow("user info") << u"kith://me:pw@host:1/invite/abc"_s << false << QString() << QString() << QString();
    QTest::newRow("http") << u"http://host:1/invite/abc"_s << false << QString() << QString() << QString();
    QTest::newRow("bad code chars") << u"kith://host:1/invite/a%20b"_s << false << QString() << QString() << QString();
    QTest::newRow("three words") << u"ws://host:1 abc def"_s << false << QString() << QString() << QString();
    QTest::newRow("url + path + code") << u"ws://host:1/x abc"_s << false << QString() << QString() << QString();
    QTest::newRow("long code") << QString(65, u'a') << false << QString() << QString() << QString();
}

void tst_InviteLink::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, server);
    QFETCH(QString, code);
    QFETCH(QString, fingerprint);
    const InviteLink link = InviteLink::parse(text);
    QCOMPARE(link.isValid(), valid);
    if (!valid)
        return;
    QCOMPARE(link.server.toString(), server);
    QCOMPARE(link.code, code);
    QCOMPARE(link.fingerprint, fingerprint);
}

void tst_InviteLink::roundTrip_data()
{
    QTest::addColumn<QString>("link");
    QTest::newRow("ws") << u"kith://192.0.2.7:7420/invite/Zx7Kq2mPwa"_s;
    QTest::newRow("tls") << u"kith://192.0.2.7:7443/invite/Zx7Kq2mPwa?tls=1"_s;
    QTest::newRow("tls+fp") << u"kith://192.0.2.7:7443/invite/Zx7Kq2mPwa?tls=1&fp="_s + kFp;
    QTest::newRow("ipv6") << u"kith://[::1]:7420/invite/abc"_s;
}

void tst_InviteLink::roundTrip()
{
    QFETCH(QString, link);
    const InviteLink parsed = InviteLink::parse(link);
    QVERIFY(parsed.isValid());
    QCOMPARE(InviteLink::parse(parsed.toString()).server, parsed.server);
    QCOMPARE(InviteLink::parse(parsed.toString()).fingerprint, parsed.fingerprint);
    QCOMPARE(InviteLink::parse(parsed.toString()).code, parsed.code);
    QVERIFY(InviteLink::isLink(parsed.toString()));
}

void tst_InviteLink::fingerprint()
{
    QCOMPARE(InviteLink::normalizeFingerprint(kFp.toLower()), kFp);
    QVERIFY(InviteLink::normalizeFingerprint(u"zz"_s).isEmpty());
    QVERIFY(InviteLink::normalizeFingerprint(kFp + u":00"_s).isEmpty());
}

QTEST_APPLESS_MAIN(tst_InviteLink)
#include "tst_invitelink.moc"

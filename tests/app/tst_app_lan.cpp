// Finding a LAN party and trusting its certificate, as the app does it, on loopback only:
// a real server announces (beacons to 127.0.0.1), the browser lists it with its name, head
// count, password and fingerprint, and drops it once the server stops; the party list widget
// shows it and leads to the guest join dialog; and a TLS host's certificate is trusted on first
// use, accepted again when the same, and refused (no reconnecting) when it changes.
#include "net/Connection.h"
#include "server/Server.h"
#include "session/LanBrowser.h"
#include "shared/InviteLink.h"
#include "ui/GuildDialog.h"
#include "ui/PartyList.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <memory>

using namespace Qt::StringLiterals;
using namespace kith;
using namespace kith::app;

namespace {
//! A UDP port free on loopback right now, for this test's beacons alone.
quint16 freeUdpPort()
{
    QUdpSocket s;
    return s.bind(QHostAddress::LocalHost, 0) ? s.localPort() : 0;
}

std::unique_ptr<server::Server> startServer(const QString &dir, quint16 port, const QString &announce,
                                            const QString &password = {})
{
    server::ServerConfig c;
    c.dataDir = dir;
    c.port = port;
    c.guests = true;
    c.partyName = u"Basement LAN"_s;
    c.partyPassword = password;
    c.tlsSelfSigned = true;
    c.announce = announce;
    auto s = std::make_unique<server::Server>(c);
    QString error;
    if (!s->start(&error)) {
        qWarning("server did not start: %s", qPrintable(error));
        return nullptr;
    }
    return s;
}
} // namespace

class tst_app_lan : public QObject
{
    Q_OBJECT
private slots:
    void browserListsAndDrops();
    void junkIsIgnored();
    void partyListWidget();
    void trustOnFirstUse();
    void certificateFromAnAuthority();
    void whereBeaconsGo();
};

void tst_app_lan::browserListsAndDrops()
{
    const quint16 udp = freeUdpPort();
    LanBrowser browser;
    browser.setTarget(u"127.0.0.1:%1"_s.arg(udp));
    QVERIFY2(browser.start(), qPrintable(browser.error()));
    QTemporaryDir dir;
    auto server = startServer(dir.path(), 0, u"127.0.0.1:%1"_s.arg(udp), u"secret"_s);
    QVERIFY(server);
    QTRY_COMPARE_WITH_TIMEOUT(browser.parties().size(), 1, 10000);
    const LanBrowser::Party p = browser.parties().first();
    QCOMPARE(p.name, u"Basement LAN"_s);
    QCOMPARE(p.url, server->url());
    QCOMPARE(p.url.scheme(), u"wss"_s);
    QVERIFY(p.password);
    QCOMPARE(p.people, 0);
    QCOMPARE(p.fingerprint, server->fingerprint());

    // The host stops: the party leaves the list once its beacons stop.
    server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(browser.parties().isEmpty(), 5000);
    browser.stop();
    QVERIFY(!browser.isListening());
}

void tst_app_lan::junkIsIgnored()
{
    LanBrowser::Party p;
    const QByteArray notJson = "not json";
    const QByteArray version2 = "{\"kith\":2,\"name\":\"x\",\"url\":\"ws://10.0.0.2:7420\"}";
    const QByteArray http = "{\"kith\":1,\"name\":\"x\",\"url\":\"http://10.0.0.2:7420\"}";
    const QByteArray badFingerprint = "{\"kith\":1,\"name\":\"x\",\"url\":\"wss://10.0.0.2:7420\",\"fingerprint\":\"AB:CD\"}";
    const QByteArray good = "{\"kith\":1,\"name\":\" Party\\u0007 time \",\"url\":\"ws://10.0.0.2:7420\",\"people\":3,"
                            "\"password\":false,\"fingerprint\":null}";
    QVERIFY(!LanBrowser::parse(notJson, &p));
    QVERIFY(!LanBrowser::parse(version2, &p));
    QVERIFY(!LanBrowser::parse(http, &p));
    QVERIFY(!LanBrowser::parse(badFingerprint, &p));
    QVERIFY(LanBrowser::parse(good, &p));
    QCOMPARE(p.name, u"Party time"_s);
    QCOMPARE(p.people, 3);
    QVERIFY(p.fingerprint.isEmpty());

    // Datagrams that are not beacons do not show up, and do not stop real ones.
    const quint16 udp = freeUdpPort();
    LanBrowser browser;
    browser.setTarget(u"127.0.0.1:%1"_s.arg(udp));
    QVERIFY(browser.start());
    QUdpSocket junk;
    junk.writeDatagram("garbage", QHostAddress::LocalHost, udp);
    junk.writeDatagram("{\"kith\":1,\"name\":\"Fake\",\"url\":\"ws://127.0.0.1:1\",\"people\":1}", QHostAddress::LocalHost, udp);
    QTRY_COMPARE(browser.parties().size(), 1);
    QCOMPARE(browser.parties().first().name, u"Fake"_s);
    QTRY_VERIFY_WITH_TIMEOUT(browser.parties().isEmpty(), 5000); // said once, then silent
}

void tst_app_lan::partyListWidget()
{
    const quint16 udp = freeUdpPort();
    QTemporaryDir dir;
    auto server = startServer(dir.path(), 0, u"127.0.0.1:%1"_s.arg(udp));
    QVERIFY(server);
    LanBrowser browser;
    browser.setTarget(u"127.0.0.1:%1"_s.arg(udp));
    GuildDialog dialog(u"Mine"_s);
    dialog.setJoin(true);
    dialog.setPartyBrowser(&browser, {});
    QVERIFY(!browser.isListening()); // only while someone looks
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(browser.isListening());
    auto *list = dialog.findChild<QListWidget *>(u"PartyListView"_s);
    QVERIFY(list);
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 10000);
    QVERIFY(list->isVisible());
    QVERIFY2(list->item(0)->text().startsWith(u"Basement LAN\n0 here · 127.0.0.1:"_s), qPrintable(list->item(0)->text()));
    QVERIFY(list->item(0)->toolTip().contains(server->fingerprint()));

    QSignalSpy chosen(&dialog, &GuildDialog::partyChosen);
    // Whoever takes the party closes the dialog first (which empties the list), then reads it.
    QUrl heard;
    connect(&dialog, &GuildDialog::partyChosen, this, [&](const LanBrowser::Party &p) {
        dialog.hide();
        heard = p.url;
    });
    list->setCurrentRow(0);
    auto *join = dialog.findChild<PartyList *>()->findChild<QPushButton *>();
    QVERIFY(join && join->isEnabled());
    join->click();
    QCOMPARE(chosen.size(), 1);
    const auto party = chosen.at(0).at(0).value<LanBrowser::Party>();
    QCOMPARE(party.url, server->url());
    QCOMPARE(party.fingerprint, server->fingerprint());
    QCOMPARE(heard, server->url());
    QVERIFY(!browser.isListening());
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 10000);

    // This app's own party is not offered to itself.
    dialog.findChild<PartyList *>()->setOwnFingerprint(server->fingerprint());
    QCOMPARE(list->count(), 0);
    QVERIFY(dialog.findChild<QLabel *>(u"PartyListEmpty"_s)->isVisible());
    dialog.hide();
    QVERIFY(!browser.isListening());
}

void tst_app_lan::trustOnFirstUse()
{
    QTemporaryDir first, other;
    auto server = startServer(first.path(), 0, {});
    QVERIFY(server);
    const quint16 port = server->port();
    const QString fp = server->fingerprint();

    Connection c;
    c.setBackoff(20, 200);
    QSignalSpy trusted(&c, &Connection::certificateTrusted);
    QSignalSpy changed(&c, &Connection::certificateChanged);
    Credentials guest;
    guest.mode = Credentials::Mode::Guest;
    guest.username = u"Wanderer"_s;
    c.open(server->url(), guest);
    QTRY_VERIFY_WITH_TIMEOUT(c.isOnline(), 10000);
    QCOMPARE(trusted.size(), 1);
    QCOMPARE(trusted.at(0).at(0).toString(), fp);
    QCOMPARE(c.pinnedFingerprint(), fp);

    // The same host restarts with the same certificate: accepted again, nothing asked.
    server.reset();
    QTRY_VERIFY(!c.isOnline());
    server = startServer(first.path(), port, {});
    QVERIFY(server);
    QTRY_VERIFY_WITH_TIMEOUT(c.isOnline(), 10000);
    QCOMPARE(trusted.size(), 1);
    QCOMPARE(changed.size(), 0);

    // Someone else answers at that address with another certificate: refused, for good.
    server.reset();
    auto impostor = startServer(other.path(), port, {});
    QVERIFY(impostor);
    QVERIFY(impostor->fingerprint() != fp);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.at(0).at(0).toString(), fp);
    QCOMPARE(changed.at(0).at(1).toString(), impostor->fingerprint());
    QTRY_COMPARE(c.state(), Connection::State::Offline);
    QCOMPARE(c.failureReason(), u"its certificate changed"_s);
    QCOMPARE(c.retryInMs(), -1);

    // A pin given up front (an invite link's fingerprint) is checked on the very first try.
    Connection linked;
    QSignalSpy linkedChanged(&linked, &Connection::certificateChanged);
    linked.setPinnedFingerprint(fp);
    linked.open(impostor->url(), guest);
    QTRY_COMPARE_WITH_TIMEOUT(linkedChanged.size(), 1, 10000);
    QVERIFY(!linked.isOnline());
}

namespace {
//! Runs openssl (Debian's) with args in dir; false (with its output in *why) if it fails.
bool openssl(const QString &dir, const QStringList &args, QString *why)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = u"openssl %1: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

//! A certificate for `san` (e.g. "IP:127.0.0.1") signed by the test's authority (ca.pem/ca.key).
bool issue(const QString &dir, const QString &name, const QString &san, QString *why)
{
    QFile ext(dir + u"/"_s + name + u".ext"_s);
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=" + san.toLatin1() + "\nbasicConstraints=CA:FALSE\n");
    ext.close();
    return openssl(dir, {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, name + u".key"_s,
                         u"-out"_s, name + u".csr"_s, u"-subj"_s, u"/CN="_s + san.section(u':', 1)}, why)
        && openssl(dir, {u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
                         u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"30"_s, u"-extfile"_s, name + u".ext"_s,
                         u"-out"_s, name + u".pem"_s}, why);
}
} // namespace

void tst_app_lan::certificateFromAnAuthority()
{
    // A server with an operator's certificate (--tls-cert/--tls-key) from an authority the
    // client trusts: connects with no question. The same authority's certificate for another
    // name: refused with a clear reason, and never pinned (a pin stands in for an authority,
    // not for a valid certificate).
    QTemporaryDir certs, dataA, dataB;
    QString why;
    QVERIFY2(openssl(certs.path(), {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                    u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"30"_s, u"-subj"_s,
                                    u"/CN=Kith test authority"_s}, &why), qPrintable(why));
    QVERIFY2(issue(certs.path(), u"good"_s, u"IP:127.0.0.1"_s, &why), qPrintable(why));
    QVERIFY2(issue(certs.path(), u"other"_s, u"DNS:chat.example.org"_s, &why), qPrintable(why));
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration withAuthority = saved;
    withAuthority.addCaCertificates(certs.filePath(u"ca.pem"_s));
    QSslConfiguration::setDefaultConfiguration(withAuthority);
    auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });

    auto serve = [&](const QString &dir, const QString &name) {
        server::ServerConfig c;
        c.dataDir = dir;
        c.port = 0;
        c.guests = true;
        c.tlsCert = certs.filePath(name + u".pem"_s);
        c.tlsKey = certs.filePath(name + u".key"_s);
        auto s = std::make_unique<server::Server>(c);
        QString error;
        if (!s->start(&error)) {
            qWarning("server did not start: %s", qPrintable(error));
            return std::unique_ptr<server::Server>();
        }
        return s;
    };
    Credentials guest;
    guest.mode = Credentials::Mode::Guest;
    guest.username = u"Wanderer"_s;

    auto good = serve(dataA.path(), u"good"_s);
    QVERIFY(good);
    QCOMPARE(good->url().scheme(), u"wss"_s);
    Connection c;
    QSignalSpy trusted(&c, &Connection::certificateTrusted);
    c.open(good->url(), guest);
    QTRY_VERIFY_WITH_TIMEOUT(c.isOnline(), 10000);
    QCOMPARE(trusted.size(), 0); // the authority vouches: nothing to pin

    auto wrong = serve(dataB.path(), u"other"_s);
    QVERIFY(wrong);
    Connection d;
    QSignalSpy invalid(&d, &Connection::certificateInvalid);
    QSignalSpy pinned(&d, &Connection::certificateTrusted);
    d.open(wrong->url(), guest);
    QTRY_COMPARE_WITH_TIMEOUT(invalid.size(), 1, 10000);
    QCOMPARE(invalid.at(0).at(0).toString(), u"its certificate is for chat.example.org, not 127.0.0.1"_s);
    QTRY_COMPARE(d.state(), Connection::State::Offline);
    QCOMPARE(d.failureReason(), u"its certificate is for chat.example.org, not 127.0.0.1"_s);
    QCOMPARE(d.retryInMs(), -1);
    QCOMPARE(pinned.size(), 0);
    QVERIFY(!d.isOnline());
}

void tst_app_lan::whereBeaconsGo()
{
    const QByteArray saved = qgetenv("KITH_ANNOUNCE");
    qunsetenv("KITH_ANNOUNCE");
    QCOMPARE(LanBrowser::target({}), u"broadcast"_s);
    QCOMPARE(LanBrowser::target({}, true), u"127.0.0.1:7420"_s); // a party on loopback stays there
    QCOMPARE(LanBrowser::target(u" 10.0.0.5:9000 "_s), u"10.0.0.5:9000"_s);
    qputenv("KITH_ANNOUNCE", "127.0.0.1:4444");
    QCOMPARE(LanBrowser::target(u"10.0.0.5:9000"_s), u"127.0.0.1:4444"_s); // the environment wins
    qputenv("KITH_ANNOUNCE", saved);
}

QTEST_MAIN(tst_app_lan)
#include "tst_app_lan.moc"

// wss:// and LAN beacons against a real server: a self-signed certificate made once and kept,
// operator certificate files, plain clients refused, and the beacon a party sends.
#include "common/ServerFixture.h"
#include "net/TlsIdentity.h"
#include "server/Server.h"
#include "shared/InviteLink.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::StringLiterals;
using namespace kith::test;
using kith::InviteLink;

namespace {
QJsonObject nextBeacon(QUdpSocket &socket, int timeoutMs = 5000)
{
    // The server sending them runs on this thread: wait with its events going.
    if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, timeoutMs))
        return {};
    QJsonObject last;
    while (socket.hasPendingDatagrams())
        last = QJsonDocument::fromJson(socket.receiveDatagram().data()).object();
    return last;
}

// One HTTP/1.1 exchange over TLS, as a browser or the app makes it: everything the server sends
// until it closes. (The server runs on this thread: wait with its events going.)
QByteArray httpsExchange(const QUrl &server, const QByteArray &raw)
{
    QSslSocket s;
    s.setPeerVerifyMode(QSslSocket::VerifyNone); // the pin is the wss tests' subject; here it is the bytes
    QByteArray got;
    bool closed = false;
    QObject::connect(&s, &QSslSocket::encrypted, &s, [&] { s.write(raw); });
    QObject::connect(&s, &QIODevice::readyRead, &s, [&] { got += s.readAll(); });
    QObject::connect(&s, &QAbstractSocket::disconnected, &s, [&] { closed = true; });
    QObject::connect(&s, &QAbstractSocket::errorOccurred, &s, [&](QAbstractSocket::SocketError) { closed = true; });
    s.connectToHostEncrypted(server.host(), quint16(server.port()));
    if (!QTest::qWaitFor([&] { return closed; }, 20000))
        qWarning("https exchange: the server did not close the connection within 20 s");
    return got + s.readAll();
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}
} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT
private slots:
    void selfSignedServesWss();
    void certificateIsKeptAcrossRestarts();
    void plainClientGetsNoHello();
    void handshakesCountPerAddress();
    void silentTlsConnectionTimesOut();
    void oversizeOverTlsGets1009();
    void httpsAnswersArrive();
    void operatorCertificateFiles();
    void mismatchedKeyIsRefused();
    void beaconDescribesTheParty();
    void badAnnounceAddress();
};

void tst_Tls::selfSignedServesWss()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    QVERIFY(f.start());
    QCOMPARE(f.url().scheme(), u"wss"_s);
    const QString fp = f.server()->fingerprint();
    QVERIFY(!InviteLink::normalizeFingerprint(fp).isEmpty());

    // The key is the owner's alone.
    QFile key(f.dataDir() + u"/tls/key.pem"_s);
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QFile cert(f.dataDir() + u"/tls/cert.pem"_s);
    QVERIFY(cert.open(QIODevice::ReadOnly));
    QCOMPARE(InviteLink::fingerprintOf(QSslCertificate(cert.readAll()).toDer()), fp);

    // A whole conversation over TLS: sign-in, a message and its event (the server's own frame
    // writer goes through the encrypted socket too).
    auto a = std::make_unique<TestClient>();
    a->pinFingerprint(fp);
    QVERIFY(a->connectTo(f.url()));
    QCOMPARE(a->peerFingerprint(), fp);
    QVERIFY(a->registerUser(u"alice"_s, ServerFixture::password()).ok);
    const Reply g = a->request(u"guild.create"_s, {{u"name"_s, u"Over TLS"_s}});
    QVERIFY2(g.ok, qPrintable(g.describe()));
    const QString channel = g.d.value(u"channels"_s).toArray().first().toObject().value(u"id"_s).toString();
    const QString big(3900, u'x');
    const Reply sent = a->request(u"message.send"_s, {{u"channel_id"_s, channel}, {u"content"_s, big}, {u"nonce"_s, u"n1"_s}});
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    const auto ev = a->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"content"_s).toString(), big);
}

void tst_Tls::certificateIsKeptAcrossRestarts()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    QVERIFY(f.start());
    const QString fp = f.server()->fingerprint();
    QVERIFY(f.restart());
    QCOMPARE(f.server()->fingerprint(), fp);
    auto c = std::make_unique<TestClient>();
    c->pinFingerprint(fp);
    QVERIFY(c->connectTo(f.url()));
}

void tst_Tls::plainClientGetsNoHello()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    QVERIFY(f.start());
    QUrl plain = f.url();
    plain.setScheme(u"ws"_s);
    TestClient c;
    QVERIFY(!c.connectTo(plain, 5000));
    // The server is still there for TLS clients.
    TestClient ok;
    QVERIFY(ok.connectTo(f.url()));
}

// Over TLS the edge rules hold from the first byte: a connection still in its TLS handshake
// counts toward connections_per_address, as a plain one before its upgrade does.
void tst_Tls::handshakesCountPerAddress()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    f.config.connectionsPerAddress = 3;
    QVERIFY(f.start());
    std::vector<std::unique_ptr<QTcpSocket>> silent; // TCP only: no ClientHello
    for (int i = 0; i < 3; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(f.url().host(), quint16(f.url().port()));
        QVERIFY(s->waitForConnected(10000));
        silent.push_back(std::move(s));
    }
    QCOMPARE(f.server()->gatewayStats().refused, quint64(0));
    TestClient over;
    over.pinFingerprint(f.server()->fingerprint());
    QVERIFY(!over.connectTo(f.url(), 5000));
    QTRY_VERIFY_WITH_TIMEOUT(f.server()->gatewayStats().refused >= 1, 5000);
    // One of them goes: a real client gets its place.
    silent.front()->abort();
    silent.erase(silent.begin());
    const auto joins = [&] {
        TestClient ok;
        ok.pinFingerprint(f.server()->fingerprint());
        return ok.connectTo(f.url(), 2000);
    };
    QTRY_VERIFY_WITH_TIMEOUT(joins(), 20000);
}

void tst_Tls::silentTlsConnectionTimesOut()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    f.config.handshakeTimeoutMs = 300;
    QVERIFY(f.start());
    QTcpSocket silent;
    silent.connectToHost(f.url().host(), quint16(f.url().port()));
    QVERIFY(silent.waitForConnected(10000));
    QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QAbstractSocket::UnconnectedState, 15000);
    QVERIFY(f.server()->gatewayStats().handshakeTimeouts >= 1);
}

// The close code for an over-size message arrives over TLS too (the socket lingers).
void tst_Tls::oversizeOverTlsGets1009()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    QVERIFY(f.start());
    for (int round = 0; round < 3; ++round) {
        TestClient c;
        c.pinFingerprint(f.server()->fingerprint());
        QVERIFY(c.connectTo(f.url()));
        c.socket().sendTextMessage(QString(2 * 1024 * 1024, u'y'));
        QVERIFY(c.waitDisconnected(30000));
        QCOMPARE(c.closeCode(), 1009);
    }
    TestClient after;
    after.pinFingerprint(f.server()->fingerprint());
    QVERIFY(after.connectTo(f.url()));
}

void tst_Tls::httpsAnswersArrive()
{
    ServerFixture f;
    f.config.tlsSelfSigned = true;
    QVERIFY(f.start());
    auto a = std::make_unique<TestClient>();
    a->pinFingerprint(f.server()->fingerprint());
    QVERIFY(a->connectTo(f.url()));
    QVERIFY(a->registerUser(u"alice"_s, ServerFixture::password()).ok);
    const QByteArray bearer = "Authorization: Bearer " + a->token().toLatin1() + "\r\n";

    // A short answer: the connection's FIN once overtook it (the TLS socket counted its text as
    // sent before the records left OpenSSL), and https clients read an empty reply.
    for (int i = 0; i < 5; ++i) {
        const QByteArray r = httpsExchange(f.url(), "GET /nothing HTTP/1.1\r\nHost: kith\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 404"), r.constData());
        QCOMPARE(QJsonDocument::fromJson(bodyOf(r)).object().value(u"code"_s).toString(), u"not_found"_s);
    }
    // An upload of many TLS records, and the same bytes back in many.
    QByteArray data(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 31) ^ (i >> 8));
    QByteArray r = httpsExchange(f.url(), "POST /api/v1/attachments?filename=data.bin HTTP/1.1\r\nHost: kith\r\n" + bearer
                                              + "Content-Type: application/octet-stream\r\nContent-Length: "
                                              + QByteArray::number(data.size()) + "\r\n\r\n" + data);
    QVERIFY2(r.startsWith("HTTP/1.1 201"), r.left(300).constData());
    const QString id = QJsonDocument::fromJson(bodyOf(r)).object().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    r = httpsExchange(f.url(), "GET /api/v1/attachments/" + id.toLatin1() + "/data.bin HTTP/1.1\r\nHost: kith\r\n" + bearer + "\r\n");
    QVERIFY2(r.startsWith("HTTP/1.1 200"), r.left(300).constData());
    QCOMPARE(bodyOf(r).size(), data.size());
    QVERIFY(bodyOf(r) == data);
}

void tst_Tls::operatorCertificateFiles()
{
    QTemporaryDir certs;
    QString error;
    const auto made = kith::server::TlsIdentity::selfSigned(certs.path(), u"chat.example.org"_s, &error);
    QVERIFY2(made, qPrintable(error));
    ServerFixture f;
    f.config.tlsCert = certs.path() + u"/tls/cert.pem"_s;
    f.config.tlsKey = certs.path() + u"/tls/key.pem"_s;
    QVERIFY(f.start());
    QCOMPARE(f.url().scheme(), u"wss"_s);
    QCOMPARE(f.server()->fingerprint(), made->fingerprint());
    TestClient c;
    c.pinFingerprint(made->fingerprint());
    QVERIFY(c.connectTo(f.url()));
    QCOMPARE(c.hello().value(u"version"_s).toInt(), 1);
}

void tst_Tls::mismatchedKeyIsRefused()
{
    QTemporaryDir one, two;
    QString error;
    QVERIFY(kith::server::TlsIdentity::selfSigned(one.path(), u"one"_s, &error));
    QVERIFY(kith::server::TlsIdentity::selfSigned(two.path(), u"two"_s, &error));
    ServerFixture f;
    f.config.tlsCert = one.path() + u"/tls/cert.pem"_s;
    f.config.tlsKey = two.path() + u"/tls/key.pem"_s;
    QVERIFY(!f.start(&error));
    QVERIFY2(error.contains(u"does not belong"_s), qPrintable(error));

    f.config.tlsKey = one.path() + u"/tls/missing.pem"_s;
    QVERIFY(!f.start(&error));
    QVERIFY2(error.contains(u"cannot read TLS key"_s), qPrintable(error));
}

void tst_Tls::beaconDescribesTheParty()
{
    QUdpSocket listener;
    QVERIFY(listener.bind(QHostAddress::LocalHost, 0));
    ServerFixture f;
    f.config.guests = true;
    f.config.partyName = u"Friday frag"_s;
    f.config.partyPassword = u"rocket"_s;
    f.config.tlsSelfSigned = true;
    f.config.announce = u"127.0.0.1:%1"_s.arg(listener.localPort());
    QVERIFY(f.start());

    QJsonObject b = nextBeacon(listener);
    QCOMPARE(b.value(u"kith"_s).toInt(), 1);
    QCOMPARE(b.value(u"name"_s).toString(), u"Friday frag"_s);
    QCOMPARE(b.value(u"url"_s).toString(), f.url().toString());
    QCOMPARE(b.value(u"password"_s).toBool(), true);
    QCOMPARE(b.value(u"fingerprint"_s).toString(), f.server()->fingerprint());
    QCOMPARE(b.value(u"people"_s).toInt(), 0);

    // Someone joins: the head count follows.
    auto guest = std::make_unique<TestClient>();
    QVERIFY(guest->connectTo(f.url()));
    QVERIFY(guest->guest(u"zed"_s, u"rocket"_s).ok);
    QTRY_COMPARE_WITH_TIMEOUT(nextBeacon(listener).value(u"people"_s).toInt(), 1, 5000);
    guest->close();
    QTRY_COMPARE_WITH_TIMEOUT(nextBeacon(listener).value(u"people"_s).toInt(), 0, 5000);

    // Without TLS the fingerprint is null, and ws:// is announced.
    QUdpSocket plainListener;
    QVERIFY(plainListener.bind(QHostAddress::LocalHost, 0));
    ServerFixture plain;
    plain.config.announce = u"127.0.0.1:%1"_s.arg(plainListener.localPort());
    QVERIFY(plain.start());
    b = nextBeacon(plainListener);
    QVERIFY(b.value(u"fingerprint"_s).isNull());
    QCOMPARE(b.value(u"password"_s).toBool(), false);
    QVERIFY(b.value(u"url"_s).toString().startsWith(u"ws://127.0.0.1:"_s));
}

void tst_Tls::badAnnounceAddress()
{
    ServerFixture f;
    f.config.announce = u"not an address"_s;
    QString error;
    QVERIFY(!f.start(&error));
    QVERIFY2(error.contains(u"announce"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"

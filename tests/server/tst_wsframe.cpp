// The server's own text frame encoder (net/WsFrame): exact header bytes for each length
// class, and a real QWebSocket client decoding what a bare TCP server writes with it.
#include "net/WsFrame.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace kith::server;

namespace {

// A message of exactly `bytes` UTF-8 bytes, led by 2-, 3- and 4-byte characters when it fits.
QString textOfBytes(qsizetype bytes)
{
    QString s;
    qsizetype used = 0;
    const QString wide = u"é€😀"_s; // 2 + 3 + 4 bytes
    if (bytes >= 9) {
        s = wide;
        used = 9;
    }
    s.reserve(bytes);
    for (; used < bytes; ++used)
        s += QChar(char16_t(u'a' + used % 26));
    return s;
}

QByteArray hex(QByteArrayView b)
{
    return b.toByteArray().toHex(' ');
}

QByteArray wireOf(const QByteArray &utf8)
{
    QByteArray buffer;
    return wsframe::encodeText(QByteArrayView(utf8), buffer).toByteArray();
}

QByteArray wireOf(const QString &text)
{
    return wireOf(text.toUtf8());
}

// Answers one WebSocket handshake on a plain QTcpServer, then writes raw bytes to the client.
class FrameServer : public QObject
{
public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    QTcpSocket *peer() const { return m_peer; }
    bool upgraded() const { return m_upgraded; }

    FrameServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_peer = m_server.nextPendingConnection();
            connect(m_peer, &QTcpSocket::readyRead, this, [this] { onRequest(); });
        });
    }

private:
    void onRequest()
    {
        const QByteArray data = m_peer->readAll();
        if (m_upgraded)
            return; // whatever the client sends later (its close frame) is of no interest
        m_request += data;
        const qsizetype end = m_request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : m_request.left(end).split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("sec-websocket-key:"))
                key = l.mid(int(qstrlen("sec-websocket-key:"))).trimmed();
        }
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                .toBase64();
        m_peer->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: "
                      + accept + "\r\n\r\n");
        m_upgraded = true;
    }

    QTcpServer m_server;
    QTcpSocket *m_peer = nullptr;
    QByteArray m_request;
    bool m_upgraded = false;
};

} // namespace

class tst_WsFrame : public QObject
{
    Q_OBJECT
private slots:
    void header_data();
    void header();
    void reusedBuffer();
    void fragmentsPastMaxFramePayload();
    void clientDecodes_data();
    void clientDecodes();
    void clientDecodesBackToBack();
};

void tst_WsFrame::header_data()
{
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("0") << qsizetype(0) << QByteArray("81 00");
    QTest::newRow("125") << qsizetype(125) << QByteArray("81 7d");
    QTest::newRow("126") << qsizetype(126) << QByteArray("81 7e 00 7e");
    QTest::newRow("65535") << qsizetype(65535) << QByteArray("81 7e ff ff");
    QTest::newRow("65536") << qsizetype(65536) << QByteArray("81 7f 00 00 00 00 00 01 00 00");
    QTest::newRow("512 KiB") << wsframe::kMaxFramePayload << QByteArray("81 7f 00 00 00 00 00 08 00 00");
}

void tst_WsFrame::header()
{
    QFETCH(qsizetype, length);
    QFETCH(QByteArray, expected);
    char h[wsframe::kMaxHeaderBytes];
    const int n = wsframe::writeHeader(h, 0x1, true, quint64(length));
    QCOMPARE(hex(QByteArrayView(h, n)), expected);

    const QString text = textOfBytes(length);
    const QByteArray payload = text.toUtf8();
    QCOMPARE(payload.size(), length);
    const QByteArray wire = wireOf(payload);
    QCOMPARE(wire.size(), n + length);
    QCOMPARE(hex(wire.left(n)), expected);
    QVERIFY(wire.mid(n) == payload);
}

void tst_WsFrame::reusedBuffer()
{
    // One buffer for a big message, then a small one: the view covers only the new frame.
    QByteArray buffer;
    const QByteArray big = textOfBytes(70000).toUtf8();
    QCOMPARE(wsframe::encodeText(QByteArrayView(big), buffer).size(), 10 + 70000);
    const QByteArray small = u"h\u00e9"_s.toUtf8();
    QCOMPARE(hex(wsframe::encodeText(QByteArrayView(small), buffer)), QByteArray("81 03 68 c3 a9"));
}

void tst_WsFrame::fragmentsPastMaxFramePayload()
{
    // 1 MiB + 1: two full fragments (text, continuation) and a final one-byte continuation.
    const qsizetype max = wsframe::kMaxFramePayload;
    const QString text = textOfBytes(2 * max + 1);
    const QByteArray payload = text.toUtf8();
    const QByteArray wire = wireOf(payload);
    QCOMPARE(wire.size(), payload.size() + 10 + 10 + 2);
    QCOMPARE(hex(wire.left(10)), QByteArray("01 7f 00 00 00 00 00 08 00 00"));
    QCOMPARE(hex(wire.mid(10 + max, 10)), QByteArray("00 7f 00 00 00 00 00 08 00 00"));
    QCOMPARE(hex(wire.mid(20 + 2 * max, 2)), QByteArray("80 01"));
    QVERIFY(wire.mid(10, max) == payload.left(max));
    QCOMPARE(wire.back(), payload.back());
}

void tst_WsFrame::clientDecodes_data()
{
    QTest::addColumn<qsizetype>("length");
    for (const qsizetype n : {qsizetype(0), qsizetype(125), qsizetype(126), qsizetype(65535),
                              qsizetype(65536), qsizetype(1024 * 1024)})
        QTest::addRow("%lld", qlonglong(n)) << n;
}

void tst_WsFrame::clientDecodes()
{
    QFETCH(qsizetype, length);
    FrameServer server;
    QVERIFY(server.listen());
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QStringList received;
    connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &m) { received << m; });
    client.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QVERIFY(server.upgraded());

    const QString text = textOfBytes(length);
    server.peer()->write(wireOf(text));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.first().size(), text.size());
    QVERIFY(received.first() == text);
}

void tst_WsFrame::clientDecodesBackToBack()
{
    // Every length class in one write, as frames pile up in a socket's buffer under load.
    FrameServer server;
    QVERIFY(server.listen());
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QStringList received;
    connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &m) { received << m; });
    client.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);

    QStringList sent;
    QByteArray wire;
    for (const qsizetype n : {qsizetype(0), qsizetype(125), qsizetype(126), qsizetype(65535),
                              qsizetype(65536), qsizetype(1024 * 1024), qsizetype(9)}) {
        sent << textOfBytes(n);
        wire += wireOf(sent.last());
    }
    sent << u"{\"ev\":\"message.created\",\"d\":{\"content\":\"naïve ☃ 日本語 😀\"}}"_s;
    wire += wireOf(sent.last().toUtf8());
    server.peer()->write(wire);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 10000);
    for (int i = 0; i < sent.size(); ++i)
        QVERIFY2(received[i] == sent[i], qPrintable(u"message %1 differs"_s.arg(i)));
}

QTEST_GUILESS_MAIN(tst_WsFrame)
#include "tst_wsframe.moc"

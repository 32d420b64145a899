// Files and images (issue 12) against a real server: HTTP on the WebSocket's port, uploads and
// downloads with their refusals (400, 401, 404, 405, 411, 413), the idle body rule, dedupe by
// content, thumbnails, message.send attachment_ids with its refusals, history before and after a
// restart, and files going with their last message.
#include "SocialFixture.h"
#include "common/RawHttp.h"
#include "common/Scenario.h"
#include "server/Server.h"
#include "shared/Limits.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

QByteArray pngBytes(int w, int h, QColor color)
{
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(color);
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return out;
}

} // namespace

class tst_Attachments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesLimit();
    void uploadAndDownload();
    void imageHasSizeAndThumbnail();
    void uploadRefusals();
    void pathsAndMethods();
    void idleBodyIsClosed();
    void expectContinue();
    void storedOncePerContent();
    void sendWithAttachments();
    void sendRefusals();
    void onlyViewersMayDownload();
    void historyAfterRestart();
    void deleteRemovesTheFile();
    void unusedUploadIsSwept();
    void webSocketStillWorks();

private:
    quint16 port() { return quint16(m_fx.server().url().port()); }
    //! POST of `body` as `name` by c; the reply.
    HttpReply upload(TestClient &c, const QByteArray &body, const QString &name,
                     const QByteArray &type = "application/octet-stream");
    HttpReply download(const QString &token, const QString &url);
    Reply sendWith(TestClient &c, const QStringList &ids, const QString &content = {});
    //! Content files (not thumbnails, not tmp/) in the attachments folder.
    QStringList contentFiles();

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_b, m_c;
    GuildRef m_g;
};

void tst_Attachments::initTestCase()
{
    m_fx.server().config.attachmentBytes = 1024 * 1024;
    // Short for the idle-body tests, yet no upload here stalls that long on a loaded machine.
    m_fx.server().config.httpBodyTimeoutMs = 2000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a owns the guild, b is a member, c is an outsider.
void tst_Attachments::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    m_fx.forget({m_a.get(), m_b.get(), m_c.get()});
}

void tst_Attachments::cleanup()
{
    for (auto *c : {m_a.get(), m_b.get(), m_c.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_a.reset();
    m_b.reset();
    m_c.reset();
}

HttpReply tst_Attachments::upload(TestClient &c, const QByteArray &body, const QString &name, const QByteArray &type)
{
    return httpUpload(port(), c.token(), body, name, type);
}

HttpReply tst_Attachments::download(const QString &token, const QString &url)
{
    return httpExchange(port(), httpRequest("GET", url.toUtf8(), token, {}, {}, false));
}

Reply tst_Attachments::sendWith(TestClient &c, const QStringList &ids, const QString &content)
{
    return c.request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                        {u"content"_s, content},
                                        {u"nonce"_s, newNonce()},
                                        {u"attachment_ids"_s, QJsonArray::fromStringList(ids)}});
}

QStringList tst_Attachments::contentFiles()
{
    QStringList out;
    const QString root = m_fx.server().dataDir() + u"/attachments/"_s;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next().mid(root.size());
        if (!f.contains(u".thumb"_s) && !f.startsWith(u"tmp/"_s))
            out.append(QFileInfo(f).fileName());
    }
    return out;
}

void tst_Attachments::helloAnnouncesLimit()
{
    auto c = m_fx.server().connect();
    QCOMPARE(c->hello().value(u"limits"_s).toObject().value(u"attachment_bytes"_s).toInteger(), 1024 * 1024);
    QVERIFY(c->hello().value(u"features"_s).toArray().contains(u"attachments"_s));
}

void tst_Attachments::uploadAndDownload()
{
    const QByteArray bytes = QByteArray("hello, file ") + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const HttpReply up = upload(*m_a, bytes, u"notes é.txt"_s, "text/plain; charset=utf-8");
    QCOMPARE(up.status, 201);
    const QJsonObject a = up.json();
    QCOMPARE(a.value(u"filename"_s).toString(), u"notes é.txt"_s);
    QCOMPARE(a.value(u"size"_s).toInteger(), bytes.size());
    QCOMPARE(a.value(u"content_type"_s).toString(), u"text/plain"_s);
    QVERIFY(a.value(u"width"_s).isNull() && a.value(u"height"_s).isNull());
    QVERIFY(!a.value(u"id"_s).toString().isEmpty());
    // The uploader may read it before it is used.
    const QString url = u"/api/v1/attachments/%1/%2"_s.arg(a.value(u"id"_s).toString(),
                                                           QString::fromLatin1(QUrl::toPercentEncoding(u"notes é.txt"_s)));
    const HttpReply down = download(m_a->token(), url);
    QCOMPARE(down.status, 200);
    QCOMPARE(down.body, bytes);
    QCOMPARE(down.headers.value("content-length"), QByteArray::number(bytes.size()));
    QCOMPARE(down.headers.value("content-type"), QByteArray("text/plain"));
    QVERIFY(down.headers.value("content-disposition").startsWith("attachment"));
    // Nobody else may, yet.
    QCOMPARE(download(m_b->token(), url).status, 404);
}

void tst_Attachments::imageHasSizeAndThumbnail()
{
    const QByteArray png = pngBytes(800, 200, QColor(10, 200, 30, 128));
    const HttpReply up = upload(*m_a, png, u"wide.png"_s, "application/octet-stream");
    QVERIFY2(up.status == 201, qPrintable(up.describe()));
    const QJsonObject a = up.json();
    QCOMPARE(a.value(u"content_type"_s).toString(), u"image/png"_s);
    QCOMPARE(a.value(u"width"_s).toInt(), 800);
    QCOMPARE(a.value(u"height"_s).toInt(), 200);
    const Reply sent = sendWith(*m_a, {a.value(u"id"_s).toString()});
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    const QString url = sent.d.value(u"attachments"_s).toArray().at(0).toObject().value(u"url"_s).toString();
    QCOMPARE(url, u"/api/v1/attachments/%1/wide.png"_s.arg(a.value(u"id"_s).toString()));
    const HttpReply full = download(m_b->token(), url);
    QCOMPARE(full.status, 200);
    QCOMPARE(full.body, png);
    QVERIFY(!full.headers.contains("content-disposition")); // an image shows inline
    const HttpReply thumb = download(m_b->token(), url + u"?thumb=1"_s);
    QCOMPARE(thumb.status, 200);
    QCOMPARE(thumb.headers.value("content-type"), QByteArray("image/png")); // it has alpha
    QImage t;
    QVERIFY(t.loadFromData(thumb.body));
    QCOMPARE(t.size(), QSize(400, 100));
    // Not an image (an SVG is not either): no thumbnail.
    const HttpReply svg = upload(*m_a, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
                                 u"x.svg"_s, "image/svg+xml");
    QCOMPARE(svg.status, 201);
    QVERIFY(svg.json().value(u"width"_s).isNull());
    QCOMPARE(download(m_a->token(), u"/api/v1/attachments/%1/x.svg?thumb=1"_s.arg(svg.json().value(u"id"_s).toString()))
                 .status,
             404);
    const HttpReply svgFull = download(m_a->token(), u"/api/v1/attachments/%1/x.svg"_s.arg(svg.json().value(u"id"_s).toString()));
    QCOMPARE(svgFull.status, 200);
    QVERIFY(svgFull.headers.value("content-disposition").startsWith("attachment"));
}

void tst_Attachments::uploadRefusals()
{
    // No token, a bad token.
    HttpReply r = httpExchange(port(), httpRequest("POST", "/api/v1/attachments?filename=a.txt", {}, "abc"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"code"_s).toString(), u"unauthorized"_s);
    r = httpExchange(port(), httpRequest("POST", "/api/v1/attachments?filename=a.txt", u"not-a-token"_s, "abc"));
    QCOMPARE(r.status, 401);
    // Too large: answered from Content-Length, before any body byte.
    r = httpExchange(port(), "POST /api/v1/attachments?filename=big.bin HTTP/1.1\r\nAuthorization: Bearer "
                             + m_a->token().toLatin1() + "\r\nContent-Length: " + QByteArray::number(1024 * 1024 + 1)
                             + "\r\n\r\n");
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json().value(u"code"_s).toString(), u"too_large"_s);
    // Empty body, missing or bad filename.
    r = upload(*m_a, {}, u"empty.txt"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"code"_s).toString(), u"bad_request"_s);
    r = httpExchange(port(), httpRequest("POST", "/api/v1/attachments", m_a->token(), "abc"));
    QCOMPARE(r.status, 400);
    r = upload(*m_a, "abc", u"../etc/passwd"_s);
    QCOMPARE(r.status, 400);
    // No Content-Length, or chunked: 411.
    r = httpExchange(port(), httpRequest("POST", "/api/v1/attachments?filename=a.txt", m_a->token(), {}, {}, false));
    QCOMPARE(r.status, 411);
    r = httpExchange(port(), httpRequest("POST", "/api/v1/attachments?filename=a.txt", m_a->token(), "3\r\nabc\r\n0\r\n\r\n",
                                 "Transfer-Encoding: chunked\r\n", false));
    QCOMPARE(r.status, 411);
    // The server is still up and serves the WebSocket.
    QVERIFY(m_a->request(u"ping"_s, {}).ok);
}

void tst_Attachments::pathsAndMethods()
{
    HttpReply r = httpExchange(port(), httpRequest("GET", "/nothing/here", m_a->token(), {}, {}, false));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(u"code"_s).toString(), u"not_found"_s);
    r = httpExchange(port(), httpRequest("GET", "/api/v1/attachments", m_a->token(), {}, {}, false));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.headers.value("allow"), QByteArray("POST"));
    r = httpExchange(port(), httpRequest("DELETE", "/api/v1/attachments/1/x.txt", m_a->token(), {}, {}, false));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.headers.value("allow"), QByteArray("GET"));
    r = download(m_a->token(), u"/api/v1/attachments/123456/x.txt"_s);
    QCOMPARE(r.status, 404);
    r = download({}, u"/api/v1/attachments/123456/x.txt"_s);
    QCOMPARE(r.status, 401);
    // Heads over 16 KiB are cut as for upgrades.
    const QByteArray huge = "GET /x HTTP/1.1\r\nX-Pad: " + QByteArray(17 * 1024, 'a') + "\r\n\r\n";
    r = httpExchange(port(), huge);
    QCOMPARE(r.status, 0);
    QVERIFY(r.closed);
}

void tst_Attachments::idleBodyIsClosed()
{
    // 300 ms without a byte (the suite's setting) closes the connection; nothing is stored.
    const QStringList before = contentFiles();
    QTcpSocket s;
    QSignalSpy gone(&s, &QAbstractSocket::disconnected);
    s.connectToHost(QHostAddress::LocalHost, port());
    s.write("POST /api/v1/attachments?filename=slow.bin HTTP/1.1\r\nAuthorization: Bearer " + m_a->token().toLatin1()
            + "\r\nContent-Length: 100\r\n\r\nonly a few bytes");
    QVERIFY(gone.wait(20000));
    QCOMPARE(s.readAll(), QByteArray()); // no response: the body never came
    QCOMPARE(contentFiles(), before);
    QTRY_COMPARE_WITH_TIMEOUT(QDir(m_fx.server().dataDir() + u"/attachments/tmp"_s).entryList(QDir::Files).size(), 0,
                              10000);
}

void tst_Attachments::expectContinue()
{
    // A client that waits for "100 Continue" before its body (curl does, for large ones) is told
    // to go on once the request passed its checks, and then gets the final answer.
    QTcpSocket s;
    QByteArray got;
    connect(&s, &QIODevice::readyRead, &s, [&] { got += s.readAll(); });
    s.connectToHost(QHostAddress::LocalHost, port());
    s.write("POST /api/v1/attachments?filename=wait.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_a->token().toLatin1() + "\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(got, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"), 10000);
    got.clear();
    s.write("hello");
    QTRY_VERIFY_WITH_TIMEOUT(s.state() == QAbstractSocket::UnconnectedState, 10000);
    got += s.readAll();
    QVERIFY2(got.startsWith("HTTP/1.1 201 "), got.constData());

    // Refused before the body: the final status at once, no 100 before it.
    const HttpReply refused = httpExchange(port(), httpRequest("POST", "/api/v1/attachments?filename=wait.txt", u"nope"_s,
                                                       {}, "Content-Length: 5\r\nExpect: 100-continue\r\n", false));
    QCOMPARE(refused.status, 401);
}

void tst_Attachments::storedOncePerContent()
{
    const QByteArray bytes = "same bytes " + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const HttpReply one = upload(*m_a, bytes, u"one.txt"_s);
    const HttpReply two = upload(*m_b, bytes, u"two.txt"_s);
    QCOMPARE(one.status, 201);
    QCOMPARE(two.status, 201);
    QVERIFY(one.json().value(u"id"_s) != two.json().value(u"id"_s));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(contentFiles().count(sha), 1);
    // Each is its uploader's own.
    QCOMPARE(download(m_b->token(), u"/api/v1/attachments/%1/two.txt"_s.arg(two.json().value(u"id"_s).toString())).body,
             bytes);
}

void tst_Attachments::sendWithAttachments()
{
    const HttpReply f1 = upload(*m_a, "first file", u"a.txt"_s, "text/plain");
    const HttpReply f2 = upload(*m_a, pngBytes(20, 10, Qt::red), u"b.png"_s);
    QCOMPARE(f1.status, 201);
    QCOMPARE(f2.status, 201);
    const QString id1 = f1.json().value(u"id"_s).toString(), id2 = f2.json().value(u"id"_s).toString();
    // Files alone: content may be empty.
    const Reply sent = sendWith(*m_a, {id2, id1});
    QVERIFY2(sent.ok, qPrintable(sent.describe()));
    const QJsonArray list = sent.d.value(u"attachments"_s).toArray();
    QCOMPARE(list.size(), 2);
    QJsonObject expect2 = f2.json();
    expect2.insert(u"url"_s, u"/api/v1/attachments/%1/b.png"_s.arg(id2));
    QCOMPARE(list.at(0).toObject(), expect2);
    QCOMPARE(list.at(1).toObject().value(u"filename"_s).toString(), u"a.txt"_s);
    QCOMPARE(list.at(1).toObject().value(u"width"_s), QJsonValue(QJsonValue::Null));
    const auto ev = m_fx.waitFor(*m_b, u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d, sent.d);
    // b may now read both.
    QCOMPARE(download(m_b->token(), list.at(1).toObject().value(u"url"_s).toString()).body, QByteArray("first file"));
    // A plain message has attachments: [].
    const Reply plain = sendMessage(*m_a, m_g.channelId, u"words"_s);
    QCOMPARE(plain.d.value(u"attachments"_s), QJsonValue(QJsonArray{}));
}

void tst_Attachments::sendRefusals()
{
    const HttpReply mine = upload(*m_a, "mine", u"m.txt"_s);
    const HttpReply theirs = upload(*m_b, "theirs", u"t.txt"_s);
    const QString idMine = mine.json().value(u"id"_s).toString(), idTheirs = theirs.json().value(u"id"_s).toString();
    auto code = [](const Reply &r) { return r.code; };
    QCOMPARE(code(sendWith(*m_a, {idTheirs})), u"bad_request"_s);          // someone else's
    QCOMPARE(code(sendWith(*m_a, {u"999999"_s})), u"bad_request"_s);        // unknown
    QCOMPARE(code(sendWith(*m_a, {idMine, idMine})), u"bad_request"_s);     // twice
    QStringList eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(QString::number(1000 + i));
    QCOMPARE(code(sendWith(*m_a, eleven)), u"bad_request"_s);
    const Reply notArray = m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                           {u"content"_s, u"x"_s},
                                                           {u"nonce"_s, newNonce()},
                                                           {u"attachment_ids"_s, u"1"_s}});
    QCOMPARE(code(notArray), u"bad_request"_s);
    // A refused claim stored nothing: the upload is still free, and no message was made.
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray().size(), 0);
    QVERIFY(sendWith(*m_a, {idMine}).ok);
    QCOMPARE(code(sendWith(*m_a, {idMine})), u"bad_request"_s);             // used already
    // Empty content without files is still refused.
    QCOMPARE(code(sendWith(*m_a, {})), u"bad_request"_s);
}

void tst_Attachments::onlyViewersMayDownload()
{
    const HttpReply up = upload(*m_a, "guild secret", u"s.txt"_s);
    const Reply sent = sendWith(*m_a, {up.json().value(u"id"_s).toString()}, u"see this"_s);
    QVERIFY(sent.ok);
    const QString url = sent.d.value(u"attachments"_s).toArray().at(0).toObject().value(u"url"_s).toString();
    QCOMPARE(download(m_b->token(), url).status, 200);
    const HttpReply outsider = download(m_c->token(), url);
    QCOMPARE(outsider.status, 404);
    QCOMPARE(outsider.json().value(u"code"_s).toString(), u"not_found"_s);
    // The right id with another name is not it either.
    QCOMPARE(download(m_b->token(), url.section(u'/', 0, -2) + u"/other.txt"_s).status, 404);
}

void tst_Attachments::historyAfterRestart()
{
    const HttpReply up = upload(*m_a, pngBytes(30, 30, Qt::blue), u"keep.png"_s);
    const Reply sent = sendWith(*m_a, {up.json().value(u"id"_s).toString()}, u"kept"_s);
    QVERIFY(sent.ok);
    const Reply before = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(before.d.value(u"messages"_s).toArray().at(0).toObject(), sent.d);
    const QString token = m_b->token();
    cleanup();
    QVERIFY(m_fx.server().restart());
    auto b = m_fx.server().connect();
    QVERIFY(b->loginWithToken(token).ok);
    const Reply after = b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(after.d, before.d);
    const QString url = sent.d.value(u"attachments"_s).toArray().at(0).toObject().value(u"url"_s).toString();
    quint16 p = quint16(m_fx.server().url().port());
    QCOMPARE(httpExchange(p, httpRequest("GET", url.toUtf8(), token, {}, {}, false)).status, 200);
    QCOMPARE(httpExchange(p, httpRequest("GET", (url + u"?thumb=1"_s).toUtf8(), token, {}, {}, false)).status, 200);
}

void tst_Attachments::deleteRemovesTheFile()
{
    const QByteArray bytes = "to be deleted " + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const HttpReply one = upload(*m_a, bytes, u"d.txt"_s);
    const HttpReply two = upload(*m_a, bytes, u"d2.txt"_s);
    const Reply m1 = sendWith(*m_a, {one.json().value(u"id"_s).toString()});
    const Reply m2 = sendWith(*m_a, {two.json().value(u"id"_s).toString()});
    QVERIFY(m1.ok && m2.ok);
    QCOMPARE(contentFiles().count(sha), 1);
    const QString url1 = m1.d.value(u"attachments"_s).toArray().at(0).toObject().value(u"url"_s).toString();
    // The first message goes: the content stays for the second.
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, m1.d.value(u"id"_s)}}).ok);
    QCOMPARE(download(m_a->token(), url1).status, 404);
    QVERIFY(SocialFixture::flush(*m_a));
    QCOMPARE(contentFiles().count(sha), 1);
    // The last one goes: so does the file.
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, m2.d.value(u"id"_s)}}).ok);
    QTRY_COMPARE_WITH_TIMEOUT(contentFiles().count(sha), 0, 10000);
}

void tst_Attachments::unusedUploadIsSwept()
{
    // An upload no message took within the hour goes. The sweep also runs at start: age the row
    // by two hours, restart, and it (and its file) are gone; a used one of the same age stays.
    const QByteArray bytes = "never used " + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const HttpReply unused = upload(*m_a, bytes, u"u.txt"_s);
    const HttpReply used = upload(*m_a, "used " + bytes, u"v.txt"_s);
    QCOMPARE(unused.status, 201);
    const Reply sent = sendWith(*m_a, {used.json().value(u"id"_s).toString()});
    QVERIFY(sent.ok);
    QCOMPARE(contentFiles().count(sha), 1);
    const QString token = m_a->token();
    cleanup();
    QVERIFY(m_fx.server().withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE attachments SET created_at = created_at - ?"_s);
        q.addBindValue(qint64(2) * 3600 * 1000);
        return q.exec();
    }));
    QVERIFY(m_fx.server().restart());
    QTRY_COMPARE_WITH_TIMEOUT(contentFiles().count(sha), 0, 10000);
    const quint16 p = quint16(m_fx.server().url().port());
    QCOMPARE(httpExchange(p, httpRequest("GET", "/api/v1/attachments/" + unused.json().value(u"id"_s).toString().toLatin1()
                                     + "/u.txt", token, {}, {}, false)).status,
             404);
    const QString url = sent.d.value(u"attachments"_s).toArray().at(0).toObject().value(u"url"_s).toString();
    QCOMPARE(httpExchange(p, httpRequest("GET", url.toUtf8(), token, {}, {}, false)).status, 200);
}

void tst_Attachments::webSocketStillWorks()
{
    // Upgrades on the same port are untouched by the HTTP side.
    auto c = m_fx.server().connect();
    QVERIFY(c->loginWithToken(m_a->token()).ok);
    QVERIFY(sendMessage(*c, m_g.channelId, u"still here"_s).ok);
}

QTEST_GUILESS_MAIN(tst_Attachments)
#include "tst_attachments.moc"

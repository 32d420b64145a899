// The envelope codec: what a client sends is read back exactly, and bad frames are refused
// with bad_request while keeping whatever id could still be read.
#include "shared/Envelope.h"
#include "shared/Limits.h"
#include "shared/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith;

class tst_Codec : public QObject
{
    Q_OBJECT
private slots:
    void requestRoundTrip_data();
    void requestRoundTrip();
    void requestWithoutD();
    void literalBackslashU0000IsText();
    void malformed_data();
    void malformed();
    void replyRoundTrip();
    void errorRoundTrip_data();
    void errorRoundTrip();
    void nullReReply();
    void rateLimitedCarriesRetryAfter();
    void eventFraming();
    void helloHasNoSeq();
    void eventBodyIsSharedVerbatim();
    void serverFrameRejects_data();
    void serverFrameRejects();
    void unicodeSurvives();
};

void tst_Codec::requestRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("d");
    QTest::newRow("int id") << QJsonValue(17) << QString(op::MessageSend)
                            << QJsonObject{{u"channel_id"_s, u"123"_s}, {u"content"_s, u"hi"_s}};
    QTest::newRow("zero id") << QJsonValue(0) << QString(op::Ping) << QJsonObject{};
    QTest::newRow("max safe int") << QJsonValue(qint64(9007199254740991)) << QString(op::Ping)
                                  << QJsonObject{};
    QTest::newRow("string id") << QJsonValue(u"req-1"_s) << QString(op::GuildCreate)
                               << QJsonObject{{u"name"_s, u"Friends"_s}};
    QTest::newRow("64-char string id") << QJsonValue(QString(64, u'x')) << QString(op::Ping)
                                       << QJsonObject{};
    QTest::newRow("nested d") << QJsonValue(3) << QString(op::SessionLogin)
                              << QJsonObject{{u"a"_s, QJsonObject{{u"b"_s, QJsonArray{1, 2}}}}};
}

void tst_Codec::requestRoundTrip()
{
    QFETCH(QJsonValue, id);
    QFETCH(QString, op);
    QFETCH(QJsonObject, d);
    const QByteArray opLatin = op.toLatin1();
    const QByteArray frame = encodeRequest(id, QLatin1String(opLatin), d);
    Request r;
    Error e;
    QVERIFY2(parseRequest(frame, &r, &e), qPrintable(e.message));
    QCOMPARE(r.id, id);
    QCOMPARE(r.op, op);
    QCOMPARE(r.d, d);
}

void tst_Codec::literalBackslashU0000IsText()
{
    // The six characters \u0000 typed as text (an escaped backslash) are not a U+0000.
    Request r;
    Error e;
    QVERIFY(parseRequest(QByteArray(R"({"op":"message.send","id":1,"d":{"content":"see \\u0000 here"}})"), &r, &e));
    QCOMPARE(r.d.value(u"content"_s).toString(), u"see \\u0000 here"_s);
}

void tst_Codec::requestWithoutD()
{
    for (const QByteArray &frame : {QByteArray(R"({"op":"ping","id":1})"),
                                   QByteArray(R"({"op":"ping","id":1,"d":null})")}) {
        Request r;
        Error e;
        QVERIFY2(parseRequest(frame, &r, &e), frame.constData());
        QCOMPARE(r.op, u"ping"_s);
        QVERIFY(r.d.isEmpty());
    }
}

void tst_Codec::malformed_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QJsonValue>("keptId"); // what the error reply can name (Null: re:null)
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("empty") << QByteArray() << null;
    QTest::newRow("not json") << QByteArray("hello") << null;
    QTest::newRow("truncated") << QByteArray(R"({"op":"ping","id":1)") << null;
    QTest::newRow("array") << QByteArray(R"([{"op":"ping","id":1}])") << null;
    QTest::newRow("number") << QByteArray("42") << null;
    QTest::newRow("string") << QByteArray(R"("ping")") << null;
    QTest::newRow("no id") << QByteArray(R"({"op":"ping"})") << null;
    QTest::newRow("null id") << QByteArray(R"({"op":"ping","id":null})") << null;
    QTest::newRow("negative id") << QByteArray(R"({"op":"ping","id":-1})") << null;
    QTest::newRow("fractional id") << QByteArray(R"({"op":"ping","id":1.5})") << null;
    QTest::newRow("huge id") << QByteArray(R"({"op":"ping","id":1e300})") << null;
    QTest::newRow("bool id") << QByteArray(R"({"op":"ping","id":true})") << null;
    QTest::newRow("object id") << QByteArray(R"({"op":"ping","id":{}})") << null;
    QTest::newRow("empty string id") << QByteArray(R"({"op":"ping","id":""})") << null;
    QTest::newRow("65-char id") << (R"({"op":"ping","id":")" + QByteArray(65, 'x') + R"("})")
                                << null;
    QTest::newRow("no op") << QByteArray(R"({"id":5})") << QJsonValue(5);
    QTest::newRow("empty op") << QByteArray(R"({"op":"","id":5})") << QJsonValue(5);
    QTest::newRow("numeric op") << QByteArray(R"({"op":7,"id":"a"})") << QJsonValue(u"a"_s);
    QTest::newRow("d is array") << QByteArray(R"({"op":"ping","id":6,"d":[]})") << QJsonValue(6);
    QTest::newRow("d is string") << QByteArray(R"({"op":"ping","id":6,"d":"x"})") << QJsonValue(6);
    QTest::newRow("d is number") << QByteArray(R"({"op":"ping","id":6,"d":1})") << QJsonValue(6);
    QTest::newRow("U+0000 in a value") << QByteArray(R"({"op":"message.send","id":7,"d":{"content":"a\u0000b"}})")
                                       << QJsonValue(7);
    QTest::newRow("U+0000 after a literal backslash") << QByteArray(R"({"op":"ping","id":7,"d":{"x":"\\\u0000"}})")
                                                      << QJsonValue(7);
    QTest::newRow("U+0000 in a key") << QByteArray(R"({"op":"ping","id":8,"d":{"\u0000":1}})") << QJsonValue(8);
}

void tst_Codec::malformed()
{
    QFETCH(QByteArray, frame);
    QFETCH(QJsonValue, keptId);
    Request r;
    r.id = QJsonValue(999); // must be overwritten, never left stale
    Error e;
    QVERIFY(!parseRequest(frame, &r, &e));
    QCOMPARE(e.code, ErrorCode::BadRequest);
    QVERIFY(!e.message.isEmpty());
    QCOMPARE(r.id, keptId);
    // The error reply a server would send for it parses back to the same id and code.
    const auto f = parseServerFrame(encodeError(r.id, e));
    QVERIFY(f);
    QCOMPARE(f->kind, ServerFrame::Kind::Reply);
    QCOMPARE(f->re, keptId);
    QVERIFY(!f->ok);
    QCOMPARE(f->error.code, ErrorCode::BadRequest);
}

void tst_Codec::replyRoundTrip()
{
    const QJsonObject d{{u"token"_s, u"abc"_s}, {u"user"_s, QJsonObject{{u"id"_s, u"1"_s}}}};
    const auto f = parseServerFrame(encodeReply(QJsonValue(17), d));
    QVERIFY(f);
    QCOMPARE(f->kind, ServerFrame::Kind::Reply);
    QCOMPARE(f->re, QJsonValue(17));
    QVERIFY(f->ok);
    QCOMPARE(f->d, d);
    const auto s = parseServerFrame(encodeReply(QJsonValue(u"x-1"_s), {}));
    QVERIFY(s);
    QCOMPARE(s->re, QJsonValue(u"x-1"_s));
    QVERIFY(s->ok);
}

void tst_Codec::errorRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"bad_request", "unauthorized", "forbidden", "not_found", "conflict",
                          "rate_limited", "too_large", "unavailable", "internal"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void tst_Codec::errorRoundTrip()
{
    QFETCH(QString, name);
    ErrorCode code;
    QVERIFY(errorCodeFromName(name, &code));
    QCOMPARE(errorCodeName(code), name);
    const Error sent{code, u"why it failed"_s, code == ErrorCode::RateLimited ? 1500 : -1};
    const QByteArray bytes = encodeError(QJsonValue(4), sent);
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(o.value(u"ok"_s), QJsonValue(false));
    QCOMPARE(o.value(u"error"_s).toObject().value(u"code"_s).toString(), name);
    const auto f = parseServerFrame(bytes);
    QVERIFY(f);
    QCOMPARE(f->error.code, code);
    QCOMPARE(f->error.message, sent.message);
    QCOMPARE(f->error.retryAfterMs, sent.retryAfterMs);
}

void tst_Codec::nullReReply()
{
    const QByteArray bytes = encodeError(QJsonValue(QJsonValue::Null),
                                         Error::badRequest(u"malformed JSON"_s));
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    // re must be present and null, not missing: clients match replies on it.
    QVERIFY(o.contains(u"re"_s));
    QVERIFY(o.value(u"re"_s).isNull());
    const auto f = parseServerFrame(bytes);
    QVERIFY(f);
    QCOMPARE(f->kind, ServerFrame::Kind::Reply);
    QVERIFY(f->re.isNull());
    QCOMPARE(f->error.code, ErrorCode::BadRequest);
}

void tst_Codec::rateLimitedCarriesRetryAfter()
{
    const QJsonObject e = errorToJson(Error::rateLimited(250, u"slow down"_s));
    QCOMPARE(e.value(u"code"_s).toString(), u"rate_limited"_s);
    QCOMPARE(e.value(u"retry_after_ms"_s).toInteger(), 250);
    // A zero wait still tells the client to wait a little, never "0 ms".
    QVERIFY(errorToJson(Error::rateLimited(0, u"x"_s)).value(u"retry_after_ms"_s).toInteger() >= 1);
    // Other errors carry no retry_after_ms.
    QVERIFY(!errorToJson(Error::forbidden(u"no"_s)).contains(u"retry_after_ms"_s));
}

void tst_Codec::eventFraming()
{
    const QJsonObject d{{u"id"_s, u"42"_s}, {u"content"_s, u"hi \"there\""_s}};
    const QByteArray bytes = encodeEvent(ev::MessageCreated, 1042, encodeBody(d));
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(o.value(u"ev"_s).toString(), u"message.created"_s);
    QCOMPARE(o.value(u"seq"_s).toInteger(), 1042);
    QCOMPARE(o.value(u"d"_s).toObject(), d);
    const auto f = parseServerFrame(bytes);
    QVERIFY(f);
    QCOMPARE(f->kind, ServerFrame::Kind::Event);
    QCOMPARE(f->ev, u"message.created"_s);
    QCOMPARE(f->seq, 1042);
    QCOMPARE(f->d, d);
    // The QString overload frames identically.
    QCOMPARE(encodeEvent(u"message.created"_s, 1042, encodeBody(d)), bytes);
}

void tst_Codec::helloHasNoSeq()
{
    const QByteArray bytes = encodeEvent(ev::Hello, -1,
                                         encodeBody({{u"version"_s, limits::kProtocolVersion}}));
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    QVERIFY(!o.contains(u"seq"_s));
    const auto f = parseServerFrame(bytes);
    QVERIFY(f);
    QCOMPARE(f->seq, -1);
    QCOMPARE(f->d.value(u"version"_s).toInt(), 1);
}

void tst_Codec::eventBodyIsSharedVerbatim()
{
    // Fan-out serialises once: the same body bytes framed with two seqs differ only in seq.
    const QByteArray body = encodeBody({{u"k"_s, u"v"_s}});
    const QByteArray a = encodeEvent(ev::GuildUpdated, 1, body);
    const QByteArray b = encodeEvent(ev::GuildUpdated, 2, body);
    QVERIFY(a.contains(body));
    QVERIFY(b.contains(body));
    QCOMPARE(parseServerFrame(a)->d, parseServerFrame(b)->d);
    QCOMPARE(parseServerFrame(b)->seq, 2);
}

void tst_Codec::serverFrameRejects_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("garbage") << QByteArray("{{");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("neither re nor ev") << QByteArray(R"({"ok":true,"d":{}})");
    QTest::newRow("empty") << QByteArray();
}

void tst_Codec::serverFrameRejects()
{
    QFETCH(QByteArray, frame);
    QVERIFY(!parseServerFrame(frame));
}

void tst_Codec::unicodeSurvives()
{
    // Every character but U+0000, which no request may carry (see malformed()).
    const QString text = u"héllo 👋 — ü\u0001\u001fx\uffff"_s;
    const QJsonObject d{{u"content"_s, text}};
    Request r;
    Error e;
    QVERIFY(parseRequest(encodeRequest(QJsonValue(1), op::MessageSend, d), &r, &e));
    QCOMPARE(r.d.value(u"content"_s).toString(), text);
}

QTEST_GUILESS_MAIN(tst_Codec)
#include "tst_codec.moc"

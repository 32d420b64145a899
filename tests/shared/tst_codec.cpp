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
    void strictAccepts_data();
    void strictAccepts();
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

    // What QJsonDocument alone would take but RFC 8259 does not (docs/PROTOCOL.md, "What the
    // parser accepts"). The id is still named, except where keys repeat.
    const QJsonValue nine(9);
    auto withX = [](const QByteArray &value) {
        return QByteArray(R"({"op":"ping","id":9,"d":{"x":)") + value + "}}";
    };
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF" R"({"op":"ping","id":9})") << nine;
    QTest::newRow("raw U+0001 in a string") << withX("\"a\x01b\"") << nine;
    QTest::newRow("raw tab in a string") << withX("\"a\tb\"") << nine;
    QTest::newRow("raw newline in a string") << withX("\"a\nb\"") << nine;
    QTest::newRow("raw control in a key") << QByteArray("{\"op\":\"ping\",\"id\":9,\"d\":{\"\x1f\":1}}") << nine;
    QTest::newRow("undefined escape") << withX(R"("\q")") << nine;
    QTest::newRow("hex escape") << withX(R"("\x41")") << nine;
    QTest::newRow("short \\u") << withX(R"("\u12")") << QJsonValue(QJsonValue::Null); // Qt refuses it
    QTest::newRow("lone high surrogate") << withX(R"("x\ud800y")") << nine;
    QTest::newRow("lone high surrogate at the end") << withX(R"("x\uD800")") << nine;
    QTest::newRow("lone low surrogate") << withX(R"("\udc00")") << nine;
    QTest::newRow("surrogates reversed") << withX(R"("\udc00\ud800")") << nine;
    QTest::newRow("two high surrogates") << withX(R"("\ud800\ud800\udc00")") << nine;
    QTest::newRow("high surrogate then escape") << withX(R"("\ud800\n")") << nine;
    QTest::newRow("lone surrogate in a key") << QByteArray(R"({"op":"ping","id":9,"d":{"\ud834":1}})") << nine;
    QTest::newRow("lone surrogate in op") << QByteArray(R"({"op":"ping\udfff","id":9})") << nine;
    QTest::newRow("number 1.") << withX("1.") << nine;
    QTest::newRow("number .5") << withX(".5") << nine;
    QTest::newRow("number -.5") << withX("-.5") << nine;
    QTest::newRow("number 1e+") << withX("[1e+]") << QJsonValue(QJsonValue::Null);
    QTest::newRow("NaN") << withX("NaN") << QJsonValue(QJsonValue::Null);
    QTest::newRow("Infinity") << withX("-Infinity") << QJsonValue(QJsonValue::Null);
    QTest::newRow("1e400") << withX("1e400") << QJsonValue(QJsonValue::Null);
    QTest::newRow("leading zero") << withX("012") << QJsonValue(QJsonValue::Null);
    QTest::newRow("trailing garbage") << QByteArray(R"({"op":"ping","id":9} x)") << QJsonValue(QJsonValue::Null);
    QTest::newRow("two objects") << QByteArray(R"({"op":"ping","id":9}{"op":"ping","id":10})")
                                 << QJsonValue(QJsonValue::Null);
    QTest::newRow("trailing NUL") << QByteArray(R"({"op":"ping","id":9})", 20) + QByteArray(1, '\0')
                                  << QJsonValue(QJsonValue::Null);
    QTest::newRow("trailing comma") << QByteArray(R"({"op":"ping","id":9,})") << QJsonValue(QJsonValue::Null);
    QTest::newRow("single quotes") << QByteArray(R"({'op':'ping','id':9})") << QJsonValue(QJsonValue::Null);
    QTest::newRow("duplicate id") << QByteArray(R"({"op":"ping","id":9,"id":10})") << QJsonValue(QJsonValue::Null);
    QTest::newRow("duplicate key in d") << withX(R"(1,"x":2)") << QJsonValue(QJsonValue::Null);
    QTest::newRow("duplicate key in an array's object")
        << withX(R"([1,{"a":{"b":1,"b":1}}])") << QJsonValue(QJsonValue::Null);
    QTest::newRow("U+FFFF escaped") << withX(R"("a\uFFFF")") << nine;
    QTest::newRow("U+FFFE escaped") << withX(R"("\ufffe")") << nine;
    QTest::newRow("U+FFFF raw") << withX("\"a\xEF\xBF\xBF\"") << nine;
    QTest::newRow("U+FFFE raw in a key") << QByteArray("{\"op\":\"ping\",\"id\":9,\"d\":{\"\xEF\xBF\xBE\":1}}") << nine;
    QTest::newRow("same key spelled two ways") << withX(R"(1,"\u0078":2)") << QJsonValue(QJsonValue::Null);
}

void tst_Codec::strictAccepts_data()
{
    QTest::addColumn<QByteArray>("x");       // the value of d.x, as sent
    QTest::addColumn<QJsonValue>("expected"); // as read
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\udc4b")") << QJsonValue(u"\U0001F44B"_s);
    QTest::newRow("upper-case pair") << QByteArray(R"("\uD834\uDD1E")") << QJsonValue(u"\U0001D11E"_s);
    QTest::newRow("raw UTF-8 emoji") << QByteArray("\"\xF0\x9F\x91\x8B\"") << QJsonValue(u"\U0001F44B"_s);
    QTest::newRow("every defined escape") << QByteArray(R"("\"\\\/\b\f\n\r\t\u0001\u00e9")")
                                          << QJsonValue(u"\"\\/\b\f\n\r\t\u0001\u00e9"_s);
    QTest::newRow("a surrogate escape typed as text") << QByteArray(R"("\\ud800")") << QJsonValue(u"\\ud800"_s);
    QTest::newRow("colons and quotes inside strings") << QByteArray(R"("a:\":b")") << QJsonValue(u"a:\":b"_s);
    QTest::newRow("minus zero") << QByteArray("-0") << QJsonValue(0);
    QTest::newRow("exponent") << QByteArray("1E+2") << QJsonValue(100);
    QTest::newRow("fraction and exponent") << QByteArray("-0.5e-1") << QJsonValue(-0.05);
    QTest::newRow("white space everywhere") << QByteArray(" [ 1 ,\t2 ,\r\n3 ] ") << QJsonValue(QJsonArray{1, 2, 3});
    QTest::newRow("same key in two objects") << QByteArray(R"([{"a":1},{"a":2}])")
                                             << QJsonValue(QJsonArray{QJsonObject{{u"a"_s, 1}}, QJsonObject{{u"a"_s, 2}}});
    QTest::newRow("literals") << QByteArray("[true,false,null]") << QJsonValue(QJsonArray{true, false, QJsonValue()});
}

void tst_Codec::strictAccepts()
{
    QFETCH(QByteArray, x);
    QFETCH(QJsonValue, expected);
    const QByteArray frame = QByteArray(R"( {"op":"ping","id":9,"d":{"x":)") + x + "}}\n";
    Request r;
    Error e;
    QVERIFY2(parseRequest(frame, &r, &e), qPrintable(e.message));
    QCOMPARE(r.d.value(u"x"_s), expected);
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
    // Every character but U+0000, U+FFFE and U+FFFF, which no request may carry (see
    // malformed(): no database keeps them as sent); U+FFFD and the last noncharacters of
    // other planes are fine.
    const QString text = u"héllo 👋 — ü\u0001\u001fx\ufffd\U0010FFFF\U0001FFFE\ufdd0"_s;
    const QJsonObject d{{u"content"_s, text}};
    Request r;
    Error e;
    QVERIFY(parseRequest(encodeRequest(QJsonValue(1), op::MessageSend, d), &r, &e));
    QCOMPARE(r.d.value(u"content"_s).toString(), text);
}

QTEST_GUILESS_MAIN(tst_Codec)
#include "tst_codec.moc"

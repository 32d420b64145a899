// The hand-written JSON writer of the hot path: its bytes must be what QJsonDocument::Compact
// writes for the same values (so clients see no change), and must parse back to the same object
// Message::toJson() gives, whatever the content holds.
#include "shared/Envelope.h"
#include "shared/JsonWriter.h"
#include "shared/Types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith;

namespace {

//! What Qt writes for one string: the compact array "[...]" minus its brackets.
QByteArray qtQuoted(const QString &s)
{
    return QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

QString controlChars()
{
    QString s;
    for (char16_t c = 0; c < 0x20; ++c)
        s += QChar(c);
    return s + QChar(0x7f);
}

//! Strings that have broken JSON writers before, by name.
QList<std::pair<const char *, QString>> nastyStrings()
{
    QString longText;
    while (longText.size() < 4000)
        longText += u"a\"b\\c\nd\te\u0001f😀 שלום "_s;
    longText.truncate(4000); // may cut a surrogate pair: a lone high surrogate at the end
    QString longAscii(4000, u'x');
    return {
        {"empty", QString()},
        {"plain", u"hello world"_s},
        {"quotes", u"she said \"hi\" and \"bye\""_s},
        {"backslashes", u"C:\\path\\to\\file \\\\ \\n (not a newline)"_s},
        {"slash", u"a/b </script>"_s},
        {"newline and tab", u"line one\nline two\ttabbed\r\n"_s},
        {"short escapes", u"\b\f\n\r\t"_s},
        {"every control char", controlChars()},
        {"nul", QString(QChar(0)) + u"after nul"_s},
        {"u0001", u"\u0001"_s},
        {"u001f", u"x\u001fy"_s},
        {"emoji", u"😀🎉👍🏽 family 👨‍👩‍👧‍👦"_s},
        {"rtl arabic", u"مرحبا بالعالم"_s},
        {"rtl hebrew with marks", u"\u202Bשלום עולם\u202C \u200F"_s},
        {"cjk", u"你好，世界 こんにちは 안녕하세요"_s},
        {"latin1 range", u"café naïve ÿ ß ©"_s},
        {"bmp edge", u"\u07ff\u0800\uffff\ufffd"_s},
        {"astral", u"\U00010000 \U0010FFFF 𝄞"_s},
        {"lone high surrogate", QString(QChar(0xd83d)) + u"x"_s},
        {"lone low surrogate", QString(QChar(0xde00)) + u"x"_s},
        {"high at end", u"x"_s + QChar(0xd83d)},
        {"swapped pair", QString(QChar(0xde00)) + QChar(0xd83d)},
        {"two highs then low", QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00)},
        {"only spaces", u"   "_s},
        {"json lookalike", u"{\"op\":\"x\",\"d\":[1,2,null]}"_s},
        {"4000 mixed", longText},
        {"4000 ascii", longAscii},
    };
}

Message sampleMessage()
{
    Message m;
    m.id = 123456789012345678ULL;
    m.channelId = 987654321098765432ULL;
    m.guildId = 555;
    m.author = User{42, u"alice"_s, u"Alice A."_s};
    m.content = u"hello"_s;
    m.nonce = u"n-1"_s;
    return m;
}

} // namespace

class tst_JsonWriter : public QObject
{
    Q_OBJECT
private slots:
    void strings_data();
    void strings();
    void latin1();
    void structure();
    void numbers();
    void isoTime();
    void messages_data();
    void messages();
    void replyAndReactions();
    void history();
    void replyEnvelope_data();
    void replyEnvelope();
};

void tst_JsonWriter::strings_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : nastyStrings())
        QTest::newRow(name) << text;
}

void tst_JsonWriter::strings()
{
    QFETCH(QString, text);
    const QByteArray mine = JsonWriter::quoted(text);
    QCOMPARE(mine, qtQuoted(text));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + mine + "]", &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().at(0).toString(), text);
}

void tst_JsonWriter::latin1()
{
    JsonWriter w;
    w.beginArray().value(QLatin1String("caf\xe9 \"q\" \\ \n")).endArray();
    QCOMPARE(w.take(), QJsonDocument(QJsonArray{QString::fromLatin1("caf\xe9 \"q\" \\ \n")}).toJson(QJsonDocument::Compact));
}

void tst_JsonWriter::structure()
{
    JsonWriter w;
    w.beginObject();
    w.key(QLatin1String("a")).beginArray().value(1).value(u"two"_s).null().value(false).beginObject().endObject()
        .beginArray().endArray().endArray();
    w.key(QLatin1String("b")).beginObject().key(QLatin1String("c")).value(true).endObject();
    w.key(QLatin1String("d")).raw("{\"x\":[1]}");
    w.key(QLatin1String("e")).id(0);
    w.key(QLatin1String("f")).id(18446744073709551615ULL);
    w.endObject();
    const QJsonObject expected{
        {u"a"_s, QJsonArray{1, u"two"_s, QJsonValue(QJsonValue::Null), false, QJsonObject(), QJsonArray()}},
        {u"b"_s, QJsonObject{{u"c"_s, true}}},
        {u"d"_s, QJsonObject{{u"x"_s, QJsonArray{1}}}},
        {u"e"_s, QJsonValue(QJsonValue::Null)},
        {u"f"_s, u"18446744073709551615"_s}};
    QCOMPARE(w.take(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    // A writer is empty again after take().
    w.beginArray().endArray();
    QCOMPARE(w.take(), "[]"_ba);
}

void tst_JsonWriter::numbers()
{
    for (qint64 n : {qint64(0), qint64(-1), qint64(7), qint64(1) << 53, -(qint64(1) << 53), qint64(1234567890123)}) {
        JsonWriter w;
        w.beginArray().value(n).endArray();
        QCOMPARE(w.take(), QJsonDocument(QJsonArray{n}).toJson(QJsonDocument::Compact));
    }
}

void tst_JsonWriter::isoTime()
{
    // Agrees with kith::isoTime over centuries (leap days, negative times, every ms digit).
    for (qint64 ms = -62135596800000LL; ms < 253402300799999LL; ms += 86400000LL * 97 + 3600000 * 7 + 61013) {
        JsonWriter w;
        w.isoTime(ms);
        QCOMPARE(w.take(), JsonWriter::quoted(kith::isoTime(ms)));
    }
    for (qint64 ms : {qint64(0), qint64(-1), qint64(951782400000), qint64(1795694400123), qint64(253402300800000),
                      qint64(-62135596800001)}) {
        JsonWriter w;
        w.isoTime(ms);
        QCOMPARE(w.take(), JsonWriter::quoted(kith::isoTime(ms)));
    }
}

void tst_JsonWriter::messages_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<qint64>("editedAtMs");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("dm");
    int i = 0;
    for (const auto &[name, text] : nastyStrings()) {
        // Vary the other fields with the content so every combination shows up somewhere.
        QTest::addRow("%s", name) << text << (i % 3 == 0 ? text.left(32) : u"Alice"_s)
                                  << (i % 4 == 0 ? QString() : (i % 4 == 1 ? text.left(64) : u"nonce-%1"_s.arg(i)))
                                  << (i % 2 ? qint64(1795694400123) + i : qint64(0)) << (i % 5 == 0) << (i % 6 == 0);
        ++i;
    }
}

void tst_JsonWriter::messages()
{
    QFETCH(QString, content);
    QFETCH(QString, displayName);
    QFETCH(QString, nonce);
    QFETCH(qint64, editedAtMs);
    QFETCH(bool, blocked);
    QFETCH(bool, dm);
    Message m = sampleMessage();
    m.content = content;
    m.author.displayName = displayName;
    m.nonce = nonce;
    m.editedAtMs = editedAtMs;
    m.authorBlocked = blocked;
    if (dm)
        m.guildId = 0;
    m.author.guest = editedAtMs % 3 == 1; // a LAN party's guest carries "guest": true

    const QByteArray mine = encodeMessage(m);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(mine, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object(), m.toJson());
    // Byte for byte what the QJsonObject path sent before: same key order, same escapes.
    QCOMPARE(mine, encodeBody(m.toJson()));
}

void tst_JsonWriter::replyAndReactions()
{
    // Issue 12's fields in every state: the writer keeps matching Message::toJson().
    for (int variant = 0; variant < 5; ++variant) {
        Message m = sampleMessage();
        if (variant >= 1)
            m.replyToId = 777;
        if (variant >= 2)
            m.replyTo = MessageRef{777, User{43, u"bob"_s, u"B \"quoted\""_s}, u"x\ny \U0001F600"_s};
        if (variant >= 3)
            m.reactions = {Reaction{u"👍"_s, 3, true}, Reaction{u":tada:"_s, 1, false}};
        if (variant >= 4) // an image and a file whose name needs escaping in JSON and in the url
            m.attachments = {Attachment{901, u"cat.png"_s, 12345, u"image/png"_s, 640, 480},
                             Attachment{902, u"r\u00e9sum\u00e9 \"final\" 1/2.pdf"_s, 7, u"application/pdf"_s, -1, -1}};
        const QByteArray mine = encodeMessage(m);
        QCOMPARE(QJsonDocument::fromJson(mine).object(), m.toJson());
        QCOMPARE(mine, encodeBody(m.toJson()));
        const Message back = Message::fromJson(m.toJson());
        QCOMPARE(back.replyToId, m.replyToId);
        QCOMPARE(back.replyTo.has_value(), m.replyTo.has_value());
        QCOMPARE(back.reactions, m.reactions);
        QCOMPARE(back.attachments, m.attachments);
    }
}

void tst_JsonWriter::history()
{
    // A page the way Messages::history writes it: {"messages":[...]}.
    QJsonArray expected;
    JsonWriter w;
    w.beginObject().key(QLatin1String("messages")).beginArray();
    int i = 0;
    for (const auto &[name, text] : nastyStrings()) {
        Message m = sampleMessage();
        m.id += Id(i);
        m.content = text;
        m.authorBlocked = i % 2;
        writeMessage(w, m);
        expected.append(m.toJson());
        ++i;
    }
    w.endArray().endObject();
    const QByteArray page = w.take();
    QCOMPARE(QJsonDocument::fromJson(page).object(), (QJsonObject{{u"messages"_s, expected}}));
    QCOMPARE(page, encodeBody(QJsonObject{{u"messages"_s, expected}}));
}

void tst_JsonWriter::replyEnvelope_data()
{
    QTest::addColumn<QJsonValue>("re");
    QTest::newRow("number") << QJsonValue(17);
    QTest::newRow("zero") << QJsonValue(0);
    QTest::newRow("2^53-1") << QJsonValue(9007199254740991.0);
    QTest::newRow("string") << QJsonValue(u"req-1"_s);
    QTest::newRow("string with quote and unicode") << QJsonValue(u"a\"b\\c😀\u0001"_s);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
}

void tst_JsonWriter::replyEnvelope()
{
    QFETCH(QJsonValue, re);
    const Message m = sampleMessage();
    const QByteArray frame = encodeReplyBody(re, encodeMessage(m));
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(frame, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(o, (QJsonObject{{u"re"_s, re}, {u"ok"_s, true}, {u"d"_s, m.toJson()}}));
    // encodeReply frames the same way around a QJsonObject body.
    QCOMPARE(encodeReply(re, m.toJson()), frame);
}

QTEST_GUILESS_MAIN(tst_JsonWriter)
#include "tst_jsonwriter.moc"

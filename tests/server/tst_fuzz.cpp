// A seeded fuzz of malformed frames against a real server (issue 15): every category of bad
// input PROTOCOL.md names, pipelined in batches over one signed-in raw connection. Each frame
// must get exactly its documented answer (reply code, re:id or re:null) or close code; after
// each batch a ping answers and a fresh client still sends and reads back a message.
// KITH_FUZZ_SEED=N replays a run; the seed is printed at the start and in every failure.
#include "common/RawWebSocket.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

constexpr int kBatches = 50;
constexpr int kFramesPerBatch = 2000;
constexpr int kWaitMs = 60000; // generous: a busy 2-core machine

//! Which `re` the answer must carry.
enum class Re {
    Id,       //!< the request's id
    Null,     //!< re:null (no usable id, or a repeated key)
    IdOrNull, //!< either: PROTOCOL.md 2.4/2.5 allow both for a frame the JSON parser refuses
};

struct Case {
    explicit Case(const char *cat = "") : category(cat) {}
    const char *category;
    QByteArray frame;
    bool binary = false;
    Re re = Re::Null;
    QString key;         //!< the id as a reply key ("i:17", "s:f-17"), when there is one
    QStringList answers; //!< accepted outcomes: "ok" or error codes
    bool isSend = false; //!< a valid message.send: its message must be in history afterwards
};

QString keyOf(const QJsonValue &re)
{
    if (re.isDouble())
        return u"i:"_s + QString::number(qint64(re.toDouble()));
    if (re.isString())
        return u"s:"_s + re.toString();
    return {};
}

//! A frame as a failure message shows it: printable ASCII, the rest as \xNN, cut at 160 bytes.
QString show(const QByteArray &frame)
{
    QString out;
    for (qsizetype i = 0; i < frame.size() && i < 160; ++i) {
        const auto c = quint8(frame[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\')
            out += QLatin1Char(char(c));
        else
            out += u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
    }
    if (frame.size() > 160)
        out += u"... (%1 bytes)"_s.arg(frame.size());
    return out;
}

//! Runs the event loop until cond holds or timeoutMs passed. Unlike QTest::qWaitFor it does
//! not pause 10 ms between looks: the server runs in this thread, and those pauses would set
//! the pace of the whole fuzz.
template <typename F>
bool waitFor(F cond, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer heartbeat; // wakes the loop now and then to look at the deadline
    heartbeat.start(100);
    while (!cond()) {
        if (deadline.hasExpired())
            return cond();
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

class Generator
{
public:
    Generator(quint32 seed, QString channelId, QString guildId)
        : m_rng(seed), m_channel(channelId.toUtf8()), m_guild(guildId.toUtf8())
    {
    }

    Case next()
    {
        switch (pick(22)) {
        case 0: return notJson();
        case 1: return notObject();
        case 2: return trailingGarbage();
        case 3: return controlChar();
        case 4: return badEscape();
        case 5: return loneSurrogate();
        case 6: return forbiddenChar();
        case 7: return duplicateKey();
        case 8: return badNumber();
        case 9: return badOp();
        case 10: return unknownOp();
        case 11: return dNotObject();
        case 12: case 13: return wrongField();
        case 14: return deepNesting();
        case 15: return badId();
        case 16: return binary();
        case 17: return foreignSyntax();
        default: return valid();
        }
    }

    //! Invalid UTF-8 inside an otherwise good request (the connection must close with 1007).
    QByteArray invalidUtf8()
    {
        static const QByteArray bad[] = {"\xff", "\xfe", "\xc0\x80", "\xc1\xbf", "\xed\xa0\x80",
                                         "\xed\xbf\xbf", "\xe2\x82", "\x80", "\xbf\x80",
                                         "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xe0\x80\xaf",
                                         "\xc3"};
        const QByteArray b = bad[pick(std::size(bad))];
        return R"({"op":"ping","id":1,"d":{"x":"a)" + b + R"(b"}})";
    }

    //! A frame over frame_bytes (the connection must close with 1009).
    QByteArray oversize()
    {
        const qint64 n = kith::limits::kFrameBytes + 1 + pick(64 * 1024);
        const QByteArray head = R"({"op":"ping","id":1,"d":{"x":")";
        return head + QByteArray(n - head.size() - 3, 'x') + "\"}}";
    }

    quint32 pick(quint32 n) { return m_rng.bounded(n); }

private:
    //! A fresh id for c, integer or (one in eight) string; returns its JSON.
    QByteArray newId(Case &c)
    {
        const qint64 n = ++m_nextId;
        if (pick(8) == 0) {
            c.key = u"s:f-"_s + QString::number(n);
            return "\"f-" + QByteArray::number(n) + '"';
        }
        c.key = u"i:"_s + QString::number(n);
        return QByteArray::number(n);
    }

    QByteArray ascii(int minLen, int maxLen, bool jsonSafe)
    {
        const int n = minLen + int(pick(quint32(maxLen - minLen + 1)));
        QByteArray s(n, Qt::Uninitialized);
        for (char &ch : s) {
            do
                ch = char(0x20 + pick(0x5F));
            while (jsonSafe && (ch == '"' || ch == '\\'));
        }
        return s;
    }

    //! {"id":ID,"op":"ping","d":{"k":VALUE}} with the id first, so that a reader could find it.
    Case pingWith(const char *category, const QByteArray &value, Re re, const QString &answer)
    {
        Case c{category};
        c.frame = "{\"id\":" + newId(c) + R"(,"op":"ping","d":{"k":)" + value + "}}";
        c.re = re;
        c.answers = {answer};
        return c;
    }

    Case request(const char *category, const QByteArray &op, const QByteArray &d,
                 const QStringList &answers)
    {
        Case c{category};
        c.frame = R"({"op":")" + op + R"(","id":)" + newId(c) + R"(,"d":)" + d + "}";
        c.re = Re::Id;
        c.answers = answers;
        return c;
    }

    QByteArray send(const QByteArray &channel, const QByteArray &content, const QByteArray &nonce)
    {
        return R"({"channel_id":)" + channel + R"(,"nonce":)" + nonce + R"(,"content":)" + content + "}";
    }
    QByteArray quoted(const QByteArray &s) { return '"' + s + '"'; }
    QByteArray nonce() { return quoted("fz-" + QByteArray::number(++m_nonce)); }
    QByteArray unknownSnowflake() { return quoted(QByteArray::number(100000000000000000LL + pick(1u << 30))); }

    Case notJson()
    {
        Case c{"not json"};
        c.re = Re::Null;
        c.answers = {u"bad_request"_s};
        switch (pick(3)) {
        case 0: c.frame = ascii(0, 200, false); break; // no usable id can come of it
        case 1: {
            // A strict prefix of a good request, cut between UTF-8 sequences and before its
            // closing brace: never an object, never invalid UTF-8.
            const QByteArray whole = valid().frame;
            qsizetype n = pick(quint32(whole.size()));
            while (n > 0 && ((quint8(whole[n]) & 0xC0) == 0x80 || whole.left(n).trimmed().endsWith('}')))
                --n;
            c.frame = whole.left(n);
            break;
        }
        default: c.frame = "{" + ascii(1, 40, false); break;
        }
        if (c.frame.trimmed().startsWith('{') && c.frame.trimmed().endsWith('}'))
            c.frame.append('x'); // stay malformed whatever the ASCII spelled
        return c;
    }

    Case notObject()
    {
        static const QByteArray v[] = {"[]", R"("x")", "3", "null", "true", "false", "  42  ",
                                       R"([{"op":"ping","id":1}])", "-0.5", R"("{\"op\":\"ping\"}")"};
        Case c{"not an object"};
        c.frame = v[pick(std::size(v))];
        c.re = Re::Null;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case trailingGarbage()
    {
        static const QByteArray tail[] = {" x", "}", ",", QByteArray(1, '\0'), "{}", "[]", " 1",
                                          R"("s")", "null", "\n{\"op\":\"ping\",\"id\":1}",
                                          "\xef\xbb\xbf", " \x01", "//", ";"};
        Case c{"trailing garbage"};
        c.frame = R"({"op":"ping","id":)" + newId(c) + "}";
        if (pick(6) == 0) // a byte-order mark after white space is not the one the server removes
            c.frame.prepend(" \xef\xbb\xbf");
        else
            c.frame += tail[pick(std::size(tail))];
        c.re = Re::IdOrNull;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case controlChar()
    {
        const QByteArray ctl(1, char(pick(0x20))); // U+0000-U+001F raw
        switch (pick(3)) {
        case 0: return pingWith("raw control char", quoted("a" + ctl + "b"), Re::IdOrNull, u"bad_request"_s);
        case 1: {
            Case c{"raw control char"};
            c.frame = "{\"id\":" + newId(c) + R"(,"op":"ping","d":{"k)" + ctl + R"(":1}})";
            c.re = Re::IdOrNull;
            c.answers = {u"bad_request"_s};
            return c;
        }
        default: {
            Case c{"raw control char"};
            c.frame = "{\"id\":" + newId(c) + R"(,"op":"message.send","d":)"
                      + send(quoted(m_channel), quoted("line" + ctl + "x"), nonce()) + "}";
            c.re = Re::IdOrNull;
            c.answers = {u"bad_request"_s};
            return c;
        }
        }
    }

    Case badEscape()
    {
        static const QByteArray e[] = {R"(\q)", R"(\x41)", R"(\')", R"(\a)", R"(\0)", R"(\u12)",
                                       R"(\uZZZZ)", R"(\U0041)", R"(\u-123)", R"(\ )", "\\\n"};
        return pingWith("bad escape", quoted("a" + e[pick(std::size(e))] + "b"), Re::IdOrNull,
                        u"bad_request"_s);
    }

    Case loneSurrogate()
    {
        static const QByteArray s[] = {R"(\ud800)", R"(\udbff)", R"(\udc00)", R"(\udfff)",
                                       R"(\udc00\ud800)", R"(\ud800\u0041)", R"(x\ud800y)",
                                       R"(\uD834)", R"(\ud800\ud800)"};
        const QByteArray bad = s[pick(std::size(s))];
        switch (pick(4)) {
        case 0: return pingWith("lone surrogate", quoted(bad), Re::IdOrNull, u"bad_request"_s);
        case 1: { // the issue's case: acknowledged, then stored as something else
            Case c{"lone surrogate"};
            c.frame = "{\"id\":" + newId(c) + R"(,"op":"message.send","d":)"
                      + send(quoted(m_channel), quoted("x" + bad + "y"), nonce()) + "}";
            c.re = Re::IdOrNull;
            c.answers = {u"bad_request"_s};
            return c;
        }
        case 2: {
            Case c{"lone surrogate"};
            c.frame = "{\"id\":" + newId(c) + R"(,"op":"ping","d":{")" + bad + R"(":1}})";
            c.re = Re::IdOrNull;
            c.answers = {u"bad_request"_s};
            return c;
        }
        default: {
            Case c{"lone surrogate"};
            c.frame = "{\"id\":" + newId(c) + R"(,"op":"guild.create","d":{"name":"G)" + bad + R"("}})";
            c.re = Re::IdOrNull;
            c.answers = {u"bad_request"_s};
            return c;
        }
        }
    }

    Case forbiddenChar()
    {
        static const QByteArray s[] = {R"(\u0000)", R"(a\u0000b)", R"(\ufffe)", R"(\uFFFF)",
                                       "\xef\xbf\xbe", "\xef\xbf\xbf"};
        const QByteArray bad = s[pick(std::size(s))];
        if (pick(2) == 0)
            return pingWith("U+0000/U+FFFE/U+FFFF", quoted(bad), Re::IdOrNull, u"bad_request"_s);
        Case c{"U+0000/U+FFFE/U+FFFF"};
        c.frame = "{\"id\":" + newId(c) + R"(,"op":"message.send","d":)"
                  + send(quoted(m_channel), quoted("x" + bad), nonce()) + "}";
        c.re = Re::IdOrNull;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case duplicateKey()
    {
        Case c{"duplicate key"};
        const QByteArray id = newId(c);
        switch (pick(5)) {
        case 0: c.frame = R"({"id":)" + id + R"(,"op":"ping","id":)" + QByteArray::number(++m_nextId) + "}"; break;
        case 1: c.frame = R"({"op":"ping","id":)" + id + R"(,"op":"ping"})"; break;
        case 2: c.frame = R"({"op":"ping","id":)" + id + R"(,"d":{"a":1,"a":2}})"; break;
        case 3: c.frame = R"({"op":"ping","id":)" + id + R"(,"d":{"x":1,"\u0078":2}})"; break;
        default: c.frame = R"({"op":"ping","id":)" + id + R"(,"d":{"k":[{"z":{"q":1,"q":1}}]}})"; break;
        }
        c.re = Re::Null; // which id was meant cannot be told
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case badNumber()
    {
        static const QByteArray bad[] = {"1.", ".5", "-.5", "01", "+1", "1e", "1e+", "NaN",
                                         "Infinity", "-Infinity", "-", "0x10", "1e400", "-1e400",
                                         "--1", "1.e5", "00", "-01", "1e99999"};
        static const QByteArray good[] = {"-0", "0.5e-3", "1E+2", "1e308", "-1.5e-300",
                                          "123456789012345678901234567890", "0"};
        if (pick(4) == 0)
            return pingWith("RFC number (valid)", good[pick(std::size(good))], Re::Id, u"ok"_s);
        return pingWith("non-RFC number", bad[pick(std::size(bad))], Re::IdOrNull, u"bad_request"_s);
    }

    Case badOp()
    {
        static const QByteArray op[] = {"", R"(,"op":"")", R"(,"op":7)", R"(,"op":null)",
                                        R"(,"op":true)", R"(,"op":[])", R"(,"op":{})"};
        Case c{"missing/bad op"};
        c.frame = R"({"id":)" + newId(c) + op[pick(std::size(op))] + R"(,"d":{}})";
        c.re = Re::Id;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case unknownOp()
    {
        static const QByteArray op[] = {"PING", "ping ", " ping", "message.explode", "message.send.x",
                                        "session", "guild.", ".ping"};
        const QByteArray name = pick(2) ? op[pick(std::size(op))] : "zz." + ascii(1, 30, true);
        return request("unknown op", name, "{}", {u"bad_request"_s});
    }

    Case dNotObject()
    {
        static const QByteArray d[] = {"[]", R"("x")", "3", "true", "false", "[{}]", "-1"};
        return request("d not an object", pick(2) ? "ping" : "message.send", d[pick(std::size(d))],
                       {u"bad_request"_s});
    }

    Case wrongField()
    {
        const QByteArray ch = quoted(m_channel);
        const QStringList bad{u"bad_request"_s};
        switch (pick(14)) {
        case 0: {
            static const QByteArray v[] = {"1", "null", "[]", "{}", "true", "-3.5"};
            return request("message.send content type", "message.send", send(ch, v[pick(std::size(v))], nonce()), bad);
        }
        case 1: return request("message.send blank content", "message.send",
                               send(ch, quoted(QByteArray(1 + pick(5), ' ')), nonce()), bad);
        case 2: return request("message.send too long", "message.send",
                               send(ch, quoted(QByteArray(kith::limits::kMessageLength + 1 + pick(200), 'x')), nonce()),
                               {u"too_large"_s});
        case 3: {
            static const QByteArray v[] = {R"("")", "7", "null", "[]"};
            const QByteArray n = pick(3) ? v[pick(std::size(v))] : quoted(QByteArray(kith::limits::kNonceLength + 1, 'n'));
            return request("message.send nonce", "message.send", send(ch, R"("hi")", n), bad);
        }
        case 4: {
            static const QByteArray v[] = {R"("abc")", R"("")", R"("-5")", R"("1.5")",
                                           R"("99999999999999999999999")", "12345", "null",
                                           R"(" 123")", R"("0x10")"};
            return request("message.send bad channel id", "message.send",
                           send(v[pick(std::size(v))], R"("hi")", nonce()), bad);
        }
        case 5: return request("message.send unknown channel", "message.send",
                               send(unknownSnowflake(), R"("hi")", nonce()), {u"not_found"_s});
        case 6: return request("message.send missing field", "message.send",
                               R"({"channel_id":)" + ch + "}", bad);
        case 7: {
            static const QByteArray v[] = {"0", "101", "-1", R"("5")", "1.5", "1e300", "true", "[]"};
            return request("message.history limit", "message.history",
                           R"({"channel_id":)" + ch + R"(,"limit":)" + v[pick(std::size(v))] + "}", bad);
        }
        case 8: return request("message.history two cursors", "message.history",
                               R"({"channel_id":)" + ch + R"(,"before":)" + unknownSnowflake()
                                   + R"(,"after":)" + unknownSnowflake() + "}", bad);
        case 9: return request("message.history bad cursor", "message.history",
                               R"({"channel_id":)" + ch + R"(,"before":"x1"})", bad);
        case 10: {
            static const QByteArray v[] = {"1", "{}", "[]", R"("")", R"("   ")", "null"};
            return request("guild.create name", "guild.create", R"({"name":)" + v[pick(std::size(v))] + "}", bad);
        }
        case 11: {
            static const QByteArray v[] = {"5", "[]", R"("abc")", R"("")"};
            return request("guild.members guild_id", "guild.members",
                           R"({"guild_id":)" + v[pick(std::size(v))] + "}", bad);
        }
        case 12: {
            static const QByteArray v[] = {R"("abc")", "7", R"("")", "null"};
            return request(pick(2) ? "message.edit id" : "message.delete id",
                           pick(2) ? "message.edit" : "message.delete",
                           R"({"message_id":)" + v[pick(std::size(v))] + R"(,"content":"x"})", bad);
        }
        default: return request("channel.create topic", "channel.create",
                                R"({"guild_id":")" + m_guild + R"(","name":"x","topic":3})", bad);
        }
    }

    Case deepNesting()
    {
        if (pick(3) == 0) { // deep but allowed: read, and the unknown field ignored
            const int depth = 1 + int(pick(500));
            return pingWith("nesting (allowed)", QByteArray(depth, '[') + QByteArray(depth, ']'), Re::Id, u"ok"_s);
        }
        const int depth = 1025 + int(pick(4000));
        if (pick(4) == 0) {
            Case c{"deep nesting"};
            c.frame = QByteArray(depth, '[') + QByteArray(depth, ']');
            c.re = Re::Null;
            c.answers = {u"bad_request"_s};
            return c;
        }
        return pingWith("deep nesting", QByteArray(depth, '[') + QByteArray(depth, ']'), Re::IdOrNull,
                        u"bad_request"_s);
    }

    Case badId()
    {
        static const QByteArray id[] = {"-1", "0.5", "9007199254740992", "1e20", R"("")", "null",
                                        "true", "{}", "[]", "[1]", "-0.0001", "18446744073709551616"};
        Case c{"unusable id"};
        const int w = int(pick(std::size(id) + 2));
        if (w == int(std::size(id)))
            c.frame = R"({"op":"ping","d":{}})"; // no id at all
        else if (w == int(std::size(id)) + 1)
            c.frame = R"({"op":"ping","id":")" + QByteArray(65 + pick(100), 'i') + R"("})";
        else
            c.frame = R"({"op":"ping","id":)" + id[w] + "}";
        c.re = Re::Null;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case binary()
    {
        Case c{"binary frame"};
        if (pick(2)) {
            c.frame = QByteArray(int(pick(300)), Qt::Uninitialized);
            for (char &ch : c.frame)
                ch = char(pick(256));
        } else {
            c.frame = R"({"op":"ping","id":1})"; // a binary frame is never read as a request
        }
        c.binary = true;
        c.re = Re::Null;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case foreignSyntax()
    {
        Case c{"single quotes/comments/unquoted keys"};
        const QByteArray id = newId(c);
        switch (pick(4)) {
        case 0: c.frame = R"({"id":)" + id + R"(,'op':'ping'})"; break;
        case 1: c.frame = R"({"id":)" + id + R"(,/* c */"op":"ping"})"; break;
        case 2: c.frame = R"({"id":)" + id + R"(,op:"ping"})"; break;
        default: c.frame = R"({"id":)" + id + R"(,"op":"ping",})"; break;
        }
        c.re = Re::IdOrNull;
        c.answers = {u"bad_request"_s};
        return c;
    }

    Case valid()
    {
        const quint32 w = pick(100);
        if (w < 2) { // a real message: acknowledged, and in history at the end
            static const QByteArray content[] = {"hello", R"(caf\u00e9 \ud83d\ude00)", "caf\xc3\xa9 \xf0\x9f\x98\x80",
                                                 R"(tab\there\nnewline)", R"(slash \/ quote \" back \\)"};
            Case c = request("valid message.send", "message.send",
                             send(quoted(m_channel), quoted(content[pick(std::size(content))]), nonce()),
                             {u"ok"_s});
            c.isSend = true;
            return c;
        }
        if (w < 6)
            return request("valid message.history", "message.history",
                           R"({"channel_id":")" + m_channel + R"(","limit":)" + QByteArray::number(1 + pick(100)) + "}",
                           {u"ok"_s});
        Case c{"valid ping"};
        const QByteArray id = newId(c);
        switch (pick(7)) {
        case 0: c.frame = R"({"op":"ping","id":)" + id + "}"; break;
        case 1: c.frame = R"({"op":"ping","id":)" + id + R"(,"d":null})"; break;
        case 2: c.frame = " \t\r\n" R"({ "d" : { } , "id" : )" + id + R"( , "op" : "ping" })" "\n "; break;
        case 3: c.frame = R"({"op":"ping","id":)" + id + R"(,"extra":[1,{"x":"\ud83d\ude00"}],"d":{"u":true}})"; break;
        case 4: c.frame = "\xef\xbb\xbf" R"({"op":"ping","id":)" + id + "}"; break; // removed, PROTOCOL 2.5
        case 5: c.frame = R"({"op":"p\u0069ng","id":)" + id + "}"; break;
        default: c.frame = R"({"op":"ping","id":)" + id + R"(,"d":{"s":")" + ascii(0, 100, true) + R"("}})"; break;
        }
        c.re = Re::Id;
        c.answers = {u"ok"_s};
        return c;
    }

    QRandomGenerator m_rng;
    QByteArray m_channel;
    QByteArray m_guild;
    qint64 m_nextId = 1000;
    qint64 m_nonce = 0;
};

} // namespace

class tst_Fuzz : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void malformedFrames();

private:
    QString where(int batch) const
    {
        return u"seed %1 (replay: KITH_FUZZ_SEED=%1 ctest -R tst_server_fuzz), batch %2: "_s.arg(m_seed).arg(batch);
    }
    //! Takes the replies that arrived on the fuzz connection; false with *why on a surprise.
    bool collect(QString *why);
    bool freshClientSendsAndReads(int batch, QString *why);

    ServerFixture m_fx;
    quint32 m_seed = 0;
    QString m_token;
    GuildRef m_g;
    std::unique_ptr<RawWebSocket> m_ws;
    qsizetype m_read = 0;                           //!< text frames of m_ws already taken
    QHash<QString, QList<QJsonObject>> m_replies;   //!< by key
    QList<QJsonObject> m_nullReplies;
    QSet<QString> m_sentKeys;
};

void tst_Fuzz::initTestCase()
{
    bool ok = false;
    const QByteArray env = qgetenv("KITH_FUZZ_SEED");
    m_seed = env.toUInt(&ok);
    if (!ok)
        m_seed = quint32(QDateTime::currentMSecsSinceEpoch());
    qInfo("fuzz seed %u (replay: KITH_FUZZ_SEED=%u ctest -R tst_server_fuzz)", m_seed, m_seed);

    // The rate limit and the per-address cap would answer for the fuzz: raise them out of the way.
    m_fx.config.requestsPerSecond = 1000000000;
    m_fx.config.requestBurst = 1000000000;
    m_fx.config.connectionsPerAddress = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
    auto owner = m_fx.newUser(u"fuzzer"_s);
    QVERIFY(owner);
    m_token = owner->token();
    m_g = createGuild(*owner);
    QVERIFY(m_g.valid());
}

bool tst_Fuzz::collect(QString *why)
{
    const QList<QByteArray> &texts = m_ws->textFrames();
    for (; m_read < texts.size(); ++m_read) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(texts[m_read], &pe);
        if (!doc.isObject()) {
            *why = u"the server sent a frame that is not a JSON object: "_s + show(texts[m_read]);
            return false;
        }
        const QJsonObject o = doc.object();
        if (o.contains(u"ev"_s))
            continue;
        if (!o.contains(u"re"_s)) {
            *why = u"a frame neither reply nor event: "_s + show(texts[m_read]);
            return false;
        }
        const QJsonValue re = o.value(u"re"_s);
        if (re.isNull()) {
            m_nullReplies.append(o);
            continue;
        }
        const QString key = keyOf(re);
        if (!m_sentKeys.contains(key)) {
            *why = u"a reply to an id never sent: "_s + show(texts[m_read]);
            return false;
        }
        m_replies[key].append(o);
    }
    return true;
}

static QString outcomeOf(const QJsonObject &reply)
{
    return reply.value(u"ok"_s).toBool() ? u"ok"_s
                                         : reply.value(u"error"_s).toObject().value(u"code"_s).toString();
}

bool tst_Fuzz::freshClientSendsAndReads(int batch, QString *why)
{
    auto c = m_fx.connect();
    if (!c || !c->loginWithToken(m_token).ok) {
        *why = u"a fresh client could not sign in"_s;
        return false;
    }
    const QString text = u"after batch %1, seed %2"_s.arg(batch).arg(m_seed);
    const Reply sent = sendMessage(*c, m_g.channelId, text);
    if (!sent.ok) {
        *why = u"a fresh client's message.send: "_s + sent.describe();
        return false;
    }
    const Reply h = c->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}, {u"limit"_s, 5}});
    if (!h.ok || !messageIds(h).contains(sent.d.value(u"id"_s).toString())) {
        *why = u"the fresh client's message is not in history: "_s + h.describe();
        return false;
    }
    c->close();
    return true;
}

void tst_Fuzz::malformedFrames()
{
    Generator gen(m_seed, m_g.channelId, m_g.guildId);
    m_ws = std::make_unique<RawWebSocket>();
    QVERIFY2(m_ws->open(m_fx.url()), qPrintable(where(0) + u"no WebSocket"_s));
    m_ws->sendText(R"({"op":"session.login","id":"login","d":{"token":")" + m_token.toUtf8() + R"("}})");
    m_sentKeys.insert(u"s:login"_s);
    QString why;
    QVERIFY2(waitFor([&] { return !collect(&why) || m_replies.contains(u"s:login"_s); }, kWaitMs),
             qPrintable(where(0) + u"no answer to session.login"_s));
    QVERIFY2(why.isEmpty(), qPrintable(where(0) + why));
    QCOMPARE(outcomeOf(m_replies.value(u"s:login"_s).value(0)), u"ok"_s);

    qint64 frames = 0;
    qint64 nullExpected = 0; //!< re:null answers owed so far, over all batches
    QStringList sentMessages;
    QHash<QByteArray, int> perCategory;
    QHash<QByteArray, int> answeredNull; //!< frames with an id that were answered re:null
    for (int batch = 1; batch <= kBatches; ++batch) {
        QList<Case> cases;
        cases.reserve(kFramesPerBatch);
        for (int i = 0; i < kFramesPerBatch; ++i) {
            Case c = gen.next();
            if (!c.key.isEmpty())
                m_sentKeys.insert(c.key);
            m_ws->sendFrame(c.binary ? 0x2 : 0x1, c.frame);
            ++perCategory[c.category];
            cases.append(std::move(c));
        }
        frames += cases.size();

        // Pipelined: everything is in flight; now wait until every frame is accounted for.
        qint64 nullsOwed = 0, idOwed = 0, eitherOwed = 0;
        for (const Case &c : cases)
            (c.re == Re::Null ? nullsOwed : c.re == Re::Id ? idOwed : eitherOwed) += 1;
        qsizetype lastLook = -1;
        const auto accounted = [&] {
            if (lastLook == m_read) // nothing new arrived since the last look
                return false;
            lastLook = m_read;
            qint64 ids = 0, either = 0;
            for (const Case &c : cases) {
                if (c.re == Re::Null || !m_replies.contains(c.key))
                    continue;
                (c.re == Re::Id ? ids : either) += 1;
            }
            return ids == idOwed && m_nullReplies.size() + either >= nullExpected + nullsOwed + eitherOwed;
        };
        const bool done = waitFor([&] { return !collect(&why) || m_ws->isDisconnected() || accounted(); }, kWaitMs);
        QVERIFY2(why.isEmpty(), qPrintable(where(batch) + why));
        QVERIFY2(!m_ws->isDisconnected(),
                 qPrintable(where(batch) + u"the server closed the connection (close code %1)"_s.arg(m_ws->closeCode())));
        if (!done) {
            for (const Case &c : cases) {
                QVERIFY2(c.re == Re::Null || c.re == Re::IdOrNull || m_replies.contains(c.key),
                         qPrintable(where(batch) + u"no reply to [%1] %2"_s.arg(QLatin1String(c.category), show(c.frame))));
            }
            QFAIL(qPrintable(where(batch) + u"re:null replies missing: %1 of at least %2"_s
                                 .arg(m_nullReplies.size()).arg(nullExpected + nullsOwed)));
        }

        // Each frame: exactly one answer, the documented one.
        for (const Case &c : cases) {
            const QString what = u"[%1] %2"_s.arg(QLatin1String(c.category), show(c.frame));
            if (c.re == Re::Null) {
                ++nullExpected;
                continue;
            }
            const QList<QJsonObject> got = m_replies.value(c.key);
            if (got.isEmpty()) { // only Re::IdOrNull gets here: its answer is one of the re:null ones
                ++nullExpected;
                ++answeredNull[c.category];
                continue;
            }
            QVERIFY2(got.size() == 1, qPrintable(where(batch) + u"%1 replies to "_s.arg(got.size()) + what));
            const QString out = outcomeOf(got.first());
            QVERIFY2(c.answers.contains(out),
                     qPrintable(where(batch) + u"answered %1 (%2), documented %3: "_s.arg(
                                    out, QString::fromUtf8(QJsonDocument(got.first()).toJson(QJsonDocument::Compact).left(300)),
                                    c.answers.join(u'/')) + what));
            if (c.isSend)
                sentMessages.append(got.first().value(u"d"_s).toObject().value(u"id"_s).toString());
        }
        QVERIFY2(m_nullReplies.size() == nullExpected,
                 qPrintable(where(batch) + u"%1 re:null replies, %2 owed"_s.arg(m_nullReplies.size()).arg(nullExpected)));
        for (const QJsonObject &r : std::as_const(m_nullReplies))
            QVERIFY2(outcomeOf(r) == u"bad_request",
                     qPrintable(where(batch) + u"a re:null reply that is not bad_request: "_s
                                + QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));

        // A ping after the batch still answers (and no late reply to the batch came before it).
        const QString pingKey = u"s:ping-%1"_s.arg(batch);
        m_sentKeys.insert(pingKey);
        m_ws->sendText(R"({"op":"ping","id":"ping-)" + QByteArray::number(batch) + R"("})");
        QVERIFY2(waitFor([&] { return !collect(&why) || m_replies.contains(pingKey); }, kWaitMs),
                 qPrintable(where(batch) + u"no answer to the ping after the batch"_s));
        QVERIFY2(why.isEmpty(), qPrintable(where(batch) + why));
        QVERIFY2(outcomeOf(m_replies.value(pingKey).value(0)) == u"ok", qPrintable(where(batch) + u"ping refused"_s));
        QVERIFY2(m_nullReplies.size() == nullExpected,
                 qPrintable(where(batch) + u"late re:null replies: %1, %2 owed"_s.arg(m_nullReplies.size()).arg(nullExpected)));
        for (const Case &c : cases) {
            QVERIFY2(c.key.isEmpty() || m_replies.value(c.key).size() <= 1,
                     qPrintable(where(batch) + u"a late second reply to "_s + show(c.frame)));
        }
        // Frames of this batch are done: forget them, so that memory stays flat.
        for (const Case &c : cases)
            m_replies.remove(c.key);

        // Invalid UTF-8: close 1007 (the good frame before it is still answered), then reconnect.
        {
            RawWebSocket bad;
            QVERIFY2(bad.open(m_fx.url()), qPrintable(where(batch) + u"no WebSocket for the UTF-8 case"_s));
            const QByteArray frame = gen.invalidUtf8();
            bad.sendText(R"({"op":"ping","id":"before"})");
            bad.sendText(frame);
            // The close frame is the answer; the TCP close after it waits on a close reply that
            // RawWebSocket never sends, so it is not waited for.
            QVERIFY2(waitFor([&] { return bad.closeCode() != -1 || bad.isDisconnected(); }, kWaitMs),
                     qPrintable(where(batch) + u"still open after invalid UTF-8 "_s + show(frame)));
            QVERIFY2(bad.closeCode() == 1007,
                     qPrintable(where(batch) + u"close code %1 for invalid UTF-8 "_s.arg(bad.closeCode()) + show(frame)));
            QVERIFY2(!bad.textFrames().isEmpty() && bad.textFrames().last().contains(R"("re":"before","ok":true)"),
                     qPrintable(where(batch) + u"the ping before invalid UTF-8 was not answered"_s));
            frames += 2;
        }
        // Over-size (slow, so every tenth batch): close 1009, then reconnect.
        if (batch % 10 == 0) {
            RawWebSocket big;
            QVERIFY2(big.open(m_fx.url()), qPrintable(where(batch) + u"no WebSocket for the over-size case"_s));
            const QByteArray frame = gen.oversize();
            big.sendText(frame);
            QVERIFY2(waitFor([&] { return big.closeCode() != -1 || big.isDisconnected(); }, kWaitMs),
                     qPrintable(where(batch) + u"still open after an over-size frame"_s));
            QVERIFY2(big.closeCode() == int(kith::limits::kCloseTooBig),
                     qPrintable(where(batch) + u"close code %1 for %2 bytes"_s.arg(big.closeCode()).arg(frame.size())));
            ++frames;
        }
        // Nothing lost: a fresh client signs in, sends and reads its message back.
        QVERIFY2(freshClientSendsAndReads(batch, &why), qPrintable(where(batch) + why));
    }
    QVERIFY2(frames >= 100000, qPrintable(where(kBatches) + u"only %1 frames"_s.arg(frames)));

    // Every message acknowledged to the fuzz connection is in history.
    auto reader = m_fx.connect();
    QVERIFY(reader->loginWithToken(m_token).ok);
    QSet<QString> inHistory;
    QString before;
    for (;;) {
        QJsonObject d{{u"channel_id"_s, m_g.channelId}, {u"limit"_s, 100}};
        if (!before.isEmpty())
            d.insert(u"before"_s, before);
        const Reply h = reader->request(u"message.history"_s, d);
        QVERIFY2(h.ok, qPrintable(where(kBatches) + h.describe()));
        const QStringList ids = messageIds(h);
        if (ids.isEmpty())
            break;
        for (const QString &id : ids)
            inHistory.insert(id);
        before = ids.last();
    }
    for (const QString &id : std::as_const(sentMessages))
        QVERIFY2(inHistory.contains(id), qPrintable(where(kBatches) + u"acknowledged message %1 not in history"_s.arg(id)));
    QVERIFY2(!sentMessages.isEmpty(), qPrintable(where(kBatches) + u"no valid message.send was generated"_s));

    QStringList summary;
    for (auto it = perCategory.cbegin(); it != perCategory.cend(); ++it)
        summary << u"%1: %2%3"_s.arg(QLatin1String(it.key())).arg(it.value())
                       .arg(answeredNull.contains(it.key()) ? u" (%1 re:null)"_s.arg(answeredNull.value(it.key())) : QString());
    summary.sort();
    qInfo("fuzz seed %u: %lld frames, %lld messages acknowledged and in history; %s", m_seed, frames,
          qint64(sentMessages.size()), qPrintable(summary.join(u", "_s)));
}

QTEST_GUILESS_MAIN(tst_Fuzz)
#include "tst_fuzz.moc"

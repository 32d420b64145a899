// Validation of what users type: usernames, passwords, display/guild/channel names, topics,
// message content and nonces. Each rule is a table row; the reason must say what is wrong.
#include "shared/Limits.h"
#include "shared/Validation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith;

class tst_Validation : public QObject
{
    Q_OBJECT
private slots:
    void username_data();
    void username();
    void password_data();
    void password();
    void displayName_data();
    void displayName();
    void guildAndChannelNames_data();
    void guildAndChannelNames();
    void topic_data();
    void topic();
    void guildDescription_data();
    void guildDescription();
    void messageContent_data();
    void messageContent();
    void nonce_data();
    void nonce();
    void normalizedName_data();
    void normalizedName();
    void customStatus_data();
    void customStatus();
};

void tst_Validation::username_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("two chars") << u"ab"_s << true;
    QTest::newRow("32 chars") << QString(32, u'a') << true;
    QTest::newRow("all allowed") << u"Az09_."_s << true;
    QTest::newRow("dots and underscores only") << u"._"_s << true;
    QTest::newRow("mixed case kept") << u"Alice.Smith_2"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("one char") << u"a"_s << false;
    QTest::newRow("33 chars") << QString(33, u'a') << false;
    QTest::newRow("space") << u"al ice"_s << false;
    QTest::newRow("leading space") << u" alice"_s << false;
    QTest::newRow("dash") << u"al-ice"_s << false;
    QTest::newRow("at") << u"alice@home"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("quote") << u"a'b"_s << false;
    QTest::newRow("accented") << u"alicé"_s << false;
    QTest::newRow("cyrillic a lookalike") << u"\u0430lice"_s << false;
    QTest::newRow("fullwidth A") << u"\uFF21bc"_s << false;
    QTest::newRow("emoji") << u"ab\U0001F600"_s << false;
    QTest::newRow("nul") << u"ab\u0000c"_s << false;
    QTest::newRow("newline") << u"ab\ncd"_s << false;
    QTest::newRow("zero width space") << u"ab\u200Bcd"_s << false;
}

void tst_Validation::username()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QString reason = validate::username(name);
    QVERIFY2(reason.isEmpty() == valid, qPrintable(u"'%1': '%2'"_s.arg(name, reason)));
    if (!valid)
        QVERIFY(reason.contains(u"username"_s));
}

void tst_Validation::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("valid");
    QTest::newRow("8 chars") << QString(limits::kPasswordMin, u'p') << true;
    QTest::newRow("128 chars") << QString(limits::kPasswordMax, u'p') << true;
    QTest::newRow("spaces allowed") << u"correct horse battery"_s << true;
    QTest::newRow("unicode allowed") << u"пароль-секрет"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("7 chars") << QString(7, u'p') << false;
    QTest::newRow("129 chars") << QString(129, u'p') << false;
}

void tst_Validation::password()
{
    QFETCH(QString, password);
    QFETCH(bool, valid);
    const QString reason = validate::password(password);
    QCOMPARE(reason.isEmpty(), valid);
    if (!valid)
        QVERIFY(reason.contains(u"password"_s));
}

void tst_Validation::displayName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one char") << u"A"_s << true;
    QTest::newRow("32 chars") << QString(limits::kDisplayNameMax, u'x') << true;
    QTest::newRow("spaces and unicode") << u"Zoë the Great 🎉"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("33 chars") << QString(limits::kDisplayNameMax + 1, u'x') << false;
    QTest::newRow("blank") << u"   "_s << false;
    QTest::newRow("tab only") << u"\t"_s << false;
    QTest::newRow("newline") << u"Zoe\nAdmin"_s << false;
    QTest::newRow("escape char") << u"Zoe\u001B[31m"_s << false;
    QTest::newRow("nul") << u"Zoe\u0000"_s << false;
    // Names that render as nothing are blank (issue 15).
    QTest::newRow("zero width space") << u"\u200B"_s << false;
    QTest::newRow("zero width spaces and blanks") << u"\u200B \u200B\u00A0"_s << false;
    QTest::newRow("soft hyphens") << u"\u00AD\u00AD"_s << false;
    QTest::newRow("byte-order marks") << u"\uFEFF\uFEFF"_s << false;
    QTest::newRow("word joiner and ZWNJ") << u"\u2060\u200C\u200D"_s << false;
    QTest::newRow("hangul filler") << u"\u3164"_s << false;
    QTest::newRow("variation selector") << u"\uFE0F"_s << false;
    QTest::newRow("tag characters") << u"\U000E0041\U000E0042"_s << false;
    QTest::newRow("ideographic space") << u"\u3000"_s << false;
    QTest::newRow("lone high surrogate") << u"Zo\xD800" "e"_s << false;
    QTest::newRow("lone low surrogate") << u"\xDC00"_s << false;
    QTest::newRow("visible beside a ZWSP") << u"\u200BZ"_s << true;
    QTest::newRow("astral letter") << u"\U0001D400"_s << true;
}

void tst_Validation::displayName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(validate::displayName(name).isEmpty(), valid);
}

void tst_Validation::guildAndChannelNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one char") << u"x"_s << true;
    QTest::newRow("100 chars") << QString(100, u'x') << true;
    QTest::newRow("unicode") << u"Café ☕ crew"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("101 chars") << QString(101, u'x') << false;
    QTest::newRow("blank") << u"  \t "_s << false;
    QTest::newRow("control") << u"ab\u0007"_s << false;
    QTest::newRow("newline") << u"a\nb"_s << false;
    QTest::newRow("only format characters") << u"\u200B\u00AD\uFEFF\u2063"_s << false;
    QTest::newRow("only bidi controls") << u"\u202E\u2066"_s << false;
    QTest::newRow("unpaired surrogate") << u"x\xD800y"_s << false;
}

void tst_Validation::guildAndChannelNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(validate::guildName(name).isEmpty(), valid);
    QCOMPARE(validate::channelName(name).isEmpty(), valid);
}

void tst_Validation::topic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty clears") << QString() << true;
    QTest::newRow("1024 chars") << QString(limits::kTopicMax, u't') << true;
    QTest::newRow("newlines and tabs") << u"line one\nline\ttwo"_s << true;
    QTest::newRow("1025 chars") << QString(limits::kTopicMax + 1, u't') << false;
    QTest::newRow("bell") << u"ding\u0007"_s << false;
    QTest::newRow("escape") << u"\u001B[2J"_s << false;
}

void tst_Validation::topic()
{
    QFETCH(QString, topic);
    QFETCH(bool, valid);
    QCOMPARE(validate::topic(topic).isEmpty(), valid);
}

void tst_Validation::guildDescription_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("300 chars") << QString(limits::kGuildDescriptionMax, u'd') << true;
    QTest::newRow("301 chars") << QString(limits::kGuildDescriptionMax + 1, u'd') << false;
    QTest::newRow("newline") << u"line one\nline two"_s << true;
    QTest::newRow("tab") << u"a\tb"_s << false;
    QTest::newRow("carriage return") << u"a\rb"_s << false;
    QTest::newRow("bell") << u"ding\u0007"_s << false;
    QTest::newRow("lone surrogate") << (u"a"_s + QChar(0xD800)) << false;
}

void tst_Validation::guildDescription()
{
    QFETCH(QString, description);
    QFETCH(bool, valid);
    QCOMPARE(validate::guildDescription(description).isEmpty(), valid);
}

void tst_Validation::messageContent_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one char") << u"x"_s << true;
    QTest::newRow("surrounded by spaces") << u"  hi  "_s << true;
    QTest::newRow("multi-line") << u"a\n\nb"_s << true;
    QTest::newRow("at the limit") << QString(limits::kMessageLength, u'm') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("spaces") << u"    "_s << false;
    QTest::newRow("newlines and tabs") << u"\n\t\n"_s << false;
    QTest::newRow("surrogate pair") << u"wave \U0001F44B"_s << true;
    QTest::newRow("lone high surrogate") << u"x\xD800y"_s << false;
    QTest::newRow("lone low surrogate at the end") << u"x\xDC00"_s << false;
    QTest::newRow("U+FFFF") << u"x\uFFFF"_s << false;
    QTest::newRow("U+FFFE") << u"\uFFFEx"_s << false;
    QTest::newRow("U+FFFD") << u"x\uFFFD"_s << true;
}

void tst_Validation::messageContent()
{
    QFETCH(QString, content);
    QFETCH(bool, valid);
    QCOMPARE(validate::messageContent(content).isEmpty(), valid);
}

void tst_Validation::nonce_data()
{
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one char") << u"n"_s << true;
    QTest::newRow("64 chars") << QString(limits::kNonceLength, u'n') << true;
    QTest::newRow("uuid") << u"7f9c2a1e-4b3d-4e8a-9c1f-2d3e4f5a6b7c"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("65 chars") << QString(limits::kNonceLength + 1, u'n') << false;
    QTest::newRow("unpaired surrogate") << u"n\xDBFF"_s << false;
}

void tst_Validation::nonce()
{
    QFETCH(QString, nonce);
    QFETCH(bool, valid);
    QCOMPARE(validate::nonce(nonce).isEmpty(), valid);
}

void tst_Validation::normalizedName_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("already") << u"general"_s << u"general"_s;
    QTest::newRow("trim") << u"  general  "_s << u"general"_s;
    QTest::newRow("inner runs") << u"off   topic"_s << u"off topic"_s;
    QTest::newRow("tabs") << u"\toff\t\ttopic\n"_s << u"off topic"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("RTL override removed") << u"\u202Egnp.exe"_s << u"gnp.exe"_s;
    QTest::newRow("every embedding and override") << u"a\u202Ab\u202Bc\u202Cd\u202De\u202E"_s << u"abcde"_s;
    QTest::newRow("isolates removed") << u"\u2066x\u2067y\u2068z\u2069"_s << u"xyz"_s;
    QTest::newRow("removal then trim") << u" \u202E a \u202C b "_s << u"a b"_s;
    QTest::newRow("marks kept") << u"a\u200Fb"_s << u"a\u200Fb"_s;
}

void tst_Validation::normalizedName()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(validate::normalizedName(in), out);
}

void tst_Validation::customStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("at the limit") << QString(limits::kCustomStatusMax, u's') << true;
    QTest::newRow("tab and newline") << u"busy\tuntil\nfive"_s << true;
    QTest::newRow("emoji") << u"\U0001F3AE gaming"_s << true;
    QTest::newRow("too long") << QString(limits::kCustomStatusMax + 1, u's') << false;
    QTest::newRow("nul") << u"a\u0000b"_s << false;
    QTest::newRow("bell") << u"ding\u0007"_s << false;
    QTest::newRow("escape") << u"\u001B[31mred"_s << false;
    QTest::newRow("carriage return") << u"a\rb"_s << false;
    QTest::newRow("delete") << u"a\u007Fb"_s << false;
    QTest::newRow("unpaired surrogate") << u"a\xD800"_s << false;
}

void tst_Validation::customStatus()
{
    QFETCH(QString, status);
    QFETCH(bool, valid);
    const QString reason = validate::customStatus(status);
    QVERIFY2(reason.isEmpty() == valid, qPrintable(reason));
    if (!valid)
        QVERIFY(reason.contains(u"custom_status"_s));
}

QTEST_GUILESS_MAIN(tst_Validation)
#include "tst_validation.moc"

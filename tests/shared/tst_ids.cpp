// Snowflake ids: time-ordered, unique, and parsed strictly from their decimal strings.
#include "shared/Snowflake.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace kith;

class tst_Ids : public QObject
{
    Q_OBJECT
private slots:
    void strictlyIncreasing();
    void uniqueAcross100k();
    void twoNodesNeverCollide();
    void carriesTimeAndNode();
    void nodeIsMasked();
    void timestampCursor();
    void stringRoundTrip();
    void parse_data();
    void parse();
};

void tst_Ids::strictlyIncreasing()
{
    SnowflakeGenerator g(1);
    Id prev = g.next();
    for (int i = 0; i < 20000; ++i) {
        const Id id = g.next();
        QVERIFY2(id > prev, qPrintable(u"id %1 not above %2 at %3"_s.arg(id).arg(prev).arg(i)));
        prev = id;
    }
}

void tst_Ids::uniqueAcross100k()
{
    // 100k ids in a tight loop forces many ids per millisecond and overflows the 4096
    // sequence numbers of a millisecond: ids must stay unique and ordered anyway.
    SnowflakeGenerator g(7);
    QSet<Id> seen;
    seen.reserve(100000);
    Id prev = 0;
    for (int i = 0; i < 100000; ++i) {
        const Id id = g.next();
        QVERIFY(id > prev);
        seen.insert(id);
        prev = id;
    }
    QCOMPARE(seen.size(), 100000);
    // Ordering by id is ordering by time: string order must not be used, numeric order is.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(snowflake::timestampMs(prev) <= now + 1000);
}

void tst_Ids::twoNodesNeverCollide()
{
    SnowflakeGenerator a(1), b(2);
    QSet<Id> seen;
    for (int i = 0; i < 10000; ++i) {
        seen.insert(a.next());
        seen.insert(b.next());
    }
    QCOMPARE(seen.size(), 20000);
}

void tst_Ids::carriesTimeAndNode()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    SnowflakeGenerator g(513);
    const Id id = g.next();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(snowflake::node(id), 513);
    QCOMPARE(g.node(), 513);
    QVERIFY(snowflake::timestampMs(id) >= before);
    QVERIFY(snowflake::timestampMs(id) <= after);
    QCOMPARE(snowflake::timestamp(id).toMSecsSinceEpoch(), snowflake::timestampMs(id));
    QCOMPARE(snowflake::timestamp(id).offsetFromUtc(), 0);
}

void tst_Ids::nodeIsMasked()
{
    SnowflakeGenerator g(snowflake::kMaxNode + 5);
    QVERIFY(g.node() >= 0);
    QVERIFY(g.node() <= snowflake::kMaxNode);
    QCOMPARE(snowflake::node(g.next()), g.node());
}

void tst_Ids::timestampCursor()
{
    // fromTimestampMs is the smallest id of that ms: every id made at or after it is >= it.
    SnowflakeGenerator g(3);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Id cursor = snowflake::fromTimestampMs(now);
    QCOMPARE(snowflake::timestampMs(cursor), now);
    QVERIFY(g.next() >= cursor);
    QVERIFY(snowflake::fromTimestampMs(now + 1) > cursor);
    // Before the epoch clamps to the epoch instead of wrapping around.
    QCOMPARE(snowflake::fromTimestampMs(0), Id(0));
    QCOMPARE(snowflake::timestampMs(snowflake::fromTimestampMs(snowflake::kEpochMs)),
             snowflake::kEpochMs);
}

void tst_Ids::stringRoundTrip()
{
    SnowflakeGenerator g(9);
    for (int i = 0; i < 1000; ++i) {
        const Id id = g.next();
        Id back = 0;
        QVERIFY(snowflake::parse(snowflake::toString(id), &back));
        QCOMPARE(back, id);
    }
    const Id max = std::numeric_limits<Id>::max();
    Id back = 0;
    QVERIFY(snowflake::parse(snowflake::toString(max), &back));
    QCOMPARE(back, max);
}

void tst_Ids::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("value");
    QTest::newRow("one") << u"1"_s << true << quint64(1);
    QTest::newRow("typical") << u"1234567890123456789"_s << true << quint64(1234567890123456789ULL);
    QTest::newRow("max u64") << u"18446744073709551615"_s << true
                             << quint64(18446744073709551615ULL);
    QTest::newRow("leading zero") << u"007"_s << true << quint64(7);
    QTest::newRow("empty") << QString() << false << quint64(0);
    QTest::newRow("zero") << u"0"_s << false << quint64(0);
    QTest::newRow("zeros") << u"0000"_s << false << quint64(0);
    QTest::newRow("overflow by one") << u"18446744073709551616"_s << false << quint64(0);
    QTest::newRow("21 digits") << u"100000000000000000000"_s << false << quint64(0);
    QTest::newRow("minus") << u"-1"_s << false << quint64(0);
    QTest::newRow("plus") << u"+1"_s << false << quint64(0);
    QTest::newRow("space before") << u" 12"_s << false << quint64(0);
    QTest::newRow("space after") << u"12 "_s << false << quint64(0);
    QTest::newRow("hex") << u"0x1f"_s << false << quint64(0);
    QTest::newRow("letters") << u"12a"_s << false << quint64(0);
    QTest::newRow("decimal point") << u"1.0"_s << false << quint64(0);
    QTest::newRow("exponent") << u"1e5"_s << false << quint64(0);
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << false << quint64(0);
    QTest::newRow("fullwidth digits") << u"\uFF11\uFF12"_s << false << quint64(0);
}

void tst_Ids::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, value);
    Id out = 4242;
    QCOMPARE(snowflake::parse(text, &out), valid);
    if (valid)
        QCOMPARE(out, value);
    else
        QCOMPARE(out, Id(4242)); // a failed parse leaves the output alone
}

QTEST_GUILESS_MAIN(tst_Ids)
#include "tst_ids.moc"

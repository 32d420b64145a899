// message.history paging at the edges: before/after/around, limits 1 and 100, pages that hold
// exactly `limit`, the ends of the channel, and the limits that are refused.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
constexpr int kCount = 250;
}

class tst_History : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void newestFirstDefault50();
    void limits_data();
    void limits();
    void refusedLimits_data();
    void refusedLimits();
    void before_data();
    void before();
    void after_data();
    void after();
    void around_data();
    void around();
    void walkBackThroughEverything();
    void walkForwardThroughEverything();
    void emptyChannel();
    void refusedCursors();

private:
    Reply history(const QJsonObject &extra);
    //! Ids [from, to) of m_ids (oldest first), returned newest first as pages are.
    QStringList expected(int from, int to) const;

    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_a;
    GuildRef m_g;
    QStringList m_ids; // oldest first
};

void tst_History::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
    m_a = m_fx.newUser(u"historian"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    // Pipeline the sends: much faster than one round trip each.
    QList<qint64> reqs;
    for (int i = 0; i < kCount; ++i)
        reqs << m_a->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                              {u"content"_s, u"m%1"_s.arg(i)},
                                              {u"nonce"_s, u"h%1"_s.arg(i)}});
    QList<quint64> ids;
    for (qint64 id : reqs) {
        const Reply r = m_a->waitReply(QJsonValue(id));
        QVERIFY2(r.ok, qPrintable(r.describe()));
        ids << r.d.value(u"id"_s).toString().toULongLong();
    }
    std::sort(ids.begin(), ids.end());
    QCOMPARE(QSet<quint64>(ids.begin(), ids.end()).size(), kCount);
    for (quint64 id : ids)
        m_ids << QString::number(id);
}

void tst_History::cleanupTestCase()
{
    m_a.reset();
}

Reply tst_History::history(const QJsonObject &extra)
{
    QJsonObject d = extra;
    d.insert(u"channel_id"_s, m_g.channelId);
    return m_a->request(u"message.history"_s, d);
}

QStringList tst_History::expected(int from, int to) const
{
    QStringList out;
    for (int i = std::min<int>(to, m_ids.size()) - 1; i >= std::max(0, from); --i)
        out << m_ids[i];
    return out;
}

void tst_History::newestFirstDefault50()
{
    const Reply r = history({});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), expected(kCount - kith::limits::kHistoryDefault, kCount));
    const QJsonObject newest = r.d.value(u"messages"_s).toArray()[0].toObject();
    QCOMPARE(newest.value(u"content"_s).toString(), u"m%1"_s.arg(kCount - 1));
    QCOMPARE(newest.value(u"author"_s).toObject().value(u"id"_s).toString(), m_a->userId());
}

void tst_History::limits_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("99") << 99;
    QTest::newRow("100") << 100;
}

void tst_History::limits()
{
    QFETCH(int, limit);
    const Reply r = history({{u"limit"_s, limit}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), expected(kCount - limit, kCount));
}

void tst_History::refusedLimits_data()
{
    QTest::addColumn<QJsonValue>("limit");
    QTest::newRow("0") << QJsonValue(0);
    QTest::newRow("101") << QJsonValue(101);
    QTest::newRow("-1") << QJsonValue(-1);
    QTest::newRow("huge") << QJsonValue(1e12);
    QTest::newRow("fraction") << QJsonValue(2.5);
    QTest::newRow("string") << QJsonValue(u"10"_s);
    QTest::newRow("bool") << QJsonValue(true);
}

void tst_History::refusedLimits()
{
    QFETCH(QJsonValue, limit);
    QCOMPARE(outcome(history({{u"limit"_s, limit}})), u"bad_request"_s);
    QVERIFY(m_a->isConnected());
}

void tst_History::before_data()
{
    QTest::addColumn<int>("cursor"); // index into m_ids
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("from");   // expected page: m_ids[from, cursor)
    QTest::newRow("exactly limit available") << 100 << 100 << 0;
    QTest::newRow("one more than limit") << 101 << 100 << 1;
    QTest::newRow("fewer than limit") << 50 << 100 << 0;
    QTest::newRow("limit 1") << 200 << 1 << 199;
    QTest::newRow("second oldest") << 1 << 10 << 0;
    QTest::newRow("oldest: nothing before") << 0 << 10 << 0;
    QTest::newRow("newest") << kCount - 1 << 100 << kCount - 101;
}

void tst_History::before()
{
    QFETCH(int, cursor);
    QFETCH(int, limit);
    QFETCH(int, from);
    const Reply r = history({{u"before"_s, m_ids[cursor]}, {u"limit"_s, limit}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), expected(from, cursor));
}

void tst_History::after_data()
{
    QTest::addColumn<int>("cursor");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("to"); // expected page: m_ids(cursor, to)
    QTest::newRow("exactly limit available") << kCount - 101 << 100 << kCount;
    QTest::newRow("more than limit: the oldest ones after the cursor") << 0 << 100 << 101;
    QTest::newRow("fewer than limit") << kCount - 11 << 100 << kCount;
    QTest::newRow("limit 1") << 10 << 1 << 12;
    QTest::newRow("newest: nothing after") << kCount - 1 << 10 << kCount;
    QTest::newRow("second newest") << kCount - 2 << 10 << kCount;
}

void tst_History::after()
{
    QFETCH(int, cursor);
    QFETCH(int, limit);
    QFETCH(int, to);
    const Reply r = history({{u"after"_s, m_ids[cursor]}, {u"limit"_s, limit}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), expected(cursor + 1, to));
}

void tst_History::around_data()
{
    QTest::addColumn<int>("cursor");
    QTest::addColumn<int>("limit");
    QTest::newRow("middle, 10") << 120 << 10;
    QTest::newRow("middle, 11") << 120 << 11;
    QTest::newRow("middle, 100") << 125 << 100;
    QTest::newRow("middle, 1") << 77 << 1;
    QTest::newRow("oldest") << 0 << 10;
    QTest::newRow("second oldest") << 1 << 10;
    QTest::newRow("newest") << kCount - 1 << 10;
    QTest::newRow("newest, 100") << kCount - 1 << 100;
}

void tst_History::around()
{
    QFETCH(int, cursor);
    QFETCH(int, limit);
    const Reply r = history({{u"around"_s, m_ids[cursor]}, {u"limit"_s, limit}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QStringList got = messageIds(r);
    QVERIFY2(got.contains(m_ids[cursor]), "around must include the cursor message");
    // A contiguous run, newest first, of exactly `limit` (the channel has enough on the
    // two sides together), with about half on each side where there is room.
    QCOMPARE(got.size(), limit);
    const int newestIdx = int(m_ids.indexOf(got.first()));
    const int oldestIdx = int(m_ids.indexOf(got.last()));
    QCOMPARE(got, expected(oldestIdx, newestIdx + 1));
    const int newer = newestIdx - cursor;
    const int older = cursor - oldestIdx;
    if (cursor >= limit && kCount - 1 - cursor >= limit)
        QVERIFY2(qAbs(newer - older) <= 1,
                 qPrintable(u"%1 newer, %2 older"_s.arg(newer).arg(older)));
}

void tst_History::walkBackThroughEverything()
{
    QStringList all;
    QString cursor;
    int pages = 0;
    for (;;) {
        QJsonObject d{{u"limit"_s, 100}};
        if (!cursor.isEmpty())
            d.insert(u"before"_s, cursor);
        const Reply r = history(d);
        QVERIFY2(r.ok, qPrintable(r.describe()));
        const QStringList page = messageIds(r);
        if (page.isEmpty())
            break;
        QVERIFY(++pages <= 3);
        all += page;
        cursor = page.last();
    }
    QCOMPARE(pages, 3); // 100 + 100 + 50
    QCOMPARE(all, expected(0, kCount));
}

void tst_History::walkForwardThroughEverything()
{
    // From the oldest message forwards, the way a client catches up after being away.
    QStringList all{m_ids.first()};
    QString cursor = m_ids.first();
    for (int guard = 0; guard < 10; ++guard) {
        const Reply r = history({{u"after"_s, cursor}, {u"limit"_s, 100}});
        QVERIFY2(r.ok, qPrintable(r.describe()));
        QStringList page = messageIds(r);
        if (page.isEmpty())
            break;
        std::reverse(page.begin(), page.end());
        all += page;
        cursor = page.last();
    }
    QCOMPARE(all, m_ids);
}

void tst_History::emptyChannel()
{
    const Reply ch = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId},
                                                       {u"name"_s, u"quiet"_s}});
    QVERIFY(ch.ok);
    const Reply r = m_a->request(u"message.history"_s, {{u"channel_id"_s, ch.d.value(u"id"_s)}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(r.d.value(u"messages"_s).isArray());
    QCOMPARE(r.d.value(u"messages"_s).toArray().size(), 0);
    // Another channel's cursor finds nothing here, and leaks nothing from there.
    const Reply cross = m_a->request(u"message.history"_s, {{u"channel_id"_s, ch.d.value(u"id"_s)},
                                                           {u"around"_s, m_ids[5]}});
    QVERIFY(cross.ok || cross.code == u"not_found");
    QCOMPARE(cross.d.value(u"messages"_s).toArray().size(), 0);
}

void tst_History::refusedCursors()
{
    QCOMPARE(outcome(history({{u"before"_s, 123}})), u"bad_request"_s);
    QCOMPARE(outcome(history({{u"after"_s, u"-5"_s}})), u"bad_request"_s);
    QCOMPARE(outcome(history({{u"around"_s, u"abc"_s}})), u"bad_request"_s);
    // One cursor at a time.
    QCOMPARE(outcome(history({{u"before"_s, m_ids[10]}, {u"after"_s, m_ids[5]}})),
             u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"message.history"_s, {})), u"bad_request"_s);
    QCOMPARE(outcome(m_a->request(u"message.history"_s, {{u"channel_id"_s, u"1"_s}})),
             u"not_found"_s);
}

QTEST_GUILESS_MAIN(tst_History)
#include "tst_history.moc"

// Messages between real users: send and fan-out, nonce dedup, edit and delete with who may,
// and the content/nonce limits. Every event reaches every session that may see it, no other.
#include "common/Scenario.h"
#include "common/ServerFixture.h"
#include "shared/Limits.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Messages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendFansOutToEverySession();
    void concurrentSendersSeeOneOrder();
    void sendRefusesBadInput_data();
    void sendRefusesBadInput();
    void contentAtTheLimit();
    void contentRoundTripsExactly_data();
    void contentRoundTripsExactly();
    void nonceResendGivesSameMessage();
    void nonceIsPerAuthor();
    void burstIsAnsweredSendBySend();
    void burstIntoDeletedChannel();
    void sendTheDatabaseRefusesIsUnavailable();
    void authorEdits();
    void othersCannotEdit();
    void editRefusesBadInput();
    void authorDeletes();
    void deleteRights();

private:
    //! Proves no earlier event is still on its way to c: waits for a later one it causes.
    void flush(TestClient &c);
    int countWithNonce(TestClient &c, const QString &event, const QString &nonce);
    struct Send {
        QString channelId, content, nonce;
    };
    //! Sends all of `sends` from c while the server cannot write, so they reach the store
    //! together; `meanwhile` then runs on the held connection (e.g. deletes a channel).
    QList<Reply> sendHeld(TestClient &c, const QList<Send> &sends, const QString &meanwhile = {});

    ServerFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_a2, m_b, m_c;
    GuildRef m_g;
};

void tst_Messages::initTestCase()
{
    m_fx.config.requestsPerSecond = 100000;
    m_fx.config.requestBurst = 100000;
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a (with a second device a2) owns the guild, b is a member, c is an outsider.
void tst_Messages::init()
{
    QString aName;
    m_a = m_fx.newUser(u"ann"_s, &aName);
    m_a2 = m_fx.connect();
    QVERIFY(m_a2->login(aName, ServerFixture::password()).ok);
    m_b = m_fx.newUser(u"ben"_s);
    m_c = m_fx.newUser(u"cat"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    QVERIFY(m_a2->waitEvent(u"member.joined"_s));
}

void tst_Messages::cleanup()
{
    for (auto *c : {m_a.get(), m_a2.get(), m_b.get(), m_c.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_a.reset();
    m_a2.reset();
    m_b.reset();
    m_c.reset();
}

void tst_Messages::flush(TestClient &c)
{
    const QString nonce = newNonce();
    QVERIFY(c.request(u"guild.create"_s, {{u"name"_s, nonce.left(20)}}).ok);
    QVERIFY(c.waitEventWhere(u"guild.created"_s, [&](const Event &e) {
        return e.d.value(u"name"_s).toString() == nonce.left(20);
    }));
}

int tst_Messages::countWithNonce(TestClient &c, const QString &event, const QString &nonce)
{
    int n = 0;
    for (const Event &e : c.eventsNamed(event))
        n += e.d.value(u"nonce"_s).toString() == nonce;
    return n;
}

void tst_Messages::sendFansOutToEverySession()
{
    const QString nonce = newNonce();
    const Reply r = sendMessage(*m_b, m_g.channelId, u"hello **world** 👋"_s, nonce);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QJsonObject m = r.d;
    QVERIFY(!m.value(u"id"_s).toString().isEmpty());
    QCOMPARE(m.value(u"channel_id"_s).toString(), m_g.channelId);
    QCOMPARE(m.value(u"guild_id"_s).toString(), m_g.guildId);
    QCOMPARE(m.value(u"author"_s).toObject().value(u"id"_s).toString(), m_b->userId());
    QCOMPARE(m.value(u"author"_s).toObject().value(u"username"_s),
             m_b->user().value(u"username"_s));
    QCOMPARE(m.value(u"content"_s).toString(), u"hello **world** 👋"_s);
    QCOMPARE(m.value(u"nonce"_s).toString(), nonce);
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    QVERIFY2(iso.match(m.value(u"created_at"_s).toString()).hasMatch(),
             qPrintable(m.value(u"created_at"_s).toString()));
    QVERIFY(m.value(u"edited_at"_s).isNull());
    // The other user, both of a's devices and the sender's own session: the same message.
    for (TestClient *c : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = c->waitEvent(u"message.created"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, m);
    }
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY(h.ok);
    QCOMPARE(h.d.value(u"messages"_s).toArray().size(), 1);
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject(), m);
    flush(*m_c);
    QCOMPARE(m_c->countEvents(u"message.created"_s), 0);
}

void tst_Messages::concurrentSendersSeeOneOrder()
{
    // Two users pipelining at once: everyone sees every message exactly once, in one order
    // that matches history, so two screens never disagree about what was said when.
    const int each = 100;
    QList<qint64> fromA, fromB;
    for (int i = 0; i < each; ++i) {
        fromA << m_a->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                               {u"content"_s, u"a%1"_s.arg(i)},
                                               {u"nonce"_s, u"a%1"_s.arg(i)}});
        fromB << m_b->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                               {u"content"_s, u"b%1"_s.arg(i)},
                                               {u"nonce"_s, u"b%1"_s.arg(i)}});
    }
    for (qint64 id : std::as_const(fromA))
        QVERIFY(m_a->waitReply(QJsonValue(id)).ok);
    for (qint64 id : std::as_const(fromB))
        QVERIFY(m_b->waitReply(QJsonValue(id)).ok);
    auto order = [](TestClient &c) {
        QStringList ids;
        for (const Event &e : c.eventsNamed(u"message.created"_s))
            ids << e.d.value(u"id"_s).toString();
        return ids;
    };
    for (TestClient *c : {m_a.get(), m_a2.get(), m_b.get()})
        QTRY_COMPARE(c->countEvents(u"message.created"_s), 2 * each);
    const QStringList seen = order(*m_a);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 2 * each);
    QCOMPARE(order(*m_a2), seen);
    QCOMPARE(order(*m_b), seen);
    // History, oldest first, is the order everyone saw.
    QStringList history;
    QString cursor;
    for (int page = 0; page < 3; ++page) {
        QJsonObject d{{u"channel_id"_s, m_g.channelId}, {u"limit"_s, 100}};
        if (!cursor.isEmpty())
            d.insert(u"before"_s, cursor);
        const QStringList ids = messageIds(m_a->request(u"message.history"_s, d));
        if (ids.isEmpty())
            break;
        history = QStringList(ids.rbegin(), ids.rend()) + history;
        cursor = ids.last();
    }
    QCOMPARE(history, seen);
}

void tst_Messages::sendRefusesBadInput_data()
{
    QTest::addColumn<QJsonObject>("d"); // "$ch" stands for the real channel id
    QTest::addColumn<QString>("code");
    const QString ch = u"$ch"_s;
    QTest::newRow("content over limit")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, QString(kith::limits::kMessageLength + 1, u'x')},
                       {u"nonce"_s, u"n1"_s}}
        << u"too_large"_s;
    QTest::newRow("empty content")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u""_s}, {u"nonce"_s, u"n2"_s}}
        << u"bad_request"_s;
    QTest::newRow("blank content")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u" \n\t "_s}, {u"nonce"_s, u"n3"_s}}
        << u"bad_request"_s;
    QTest::newRow("content not a string")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, 42}, {u"nonce"_s, u"n4"_s}}
        << u"bad_request"_s;
    QTest::newRow("missing content")
        << QJsonObject{{u"channel_id"_s, ch}, {u"nonce"_s, u"n5"_s}} << u"bad_request"_s;
    QTest::newRow("missing nonce")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u"hi"_s}} << u"bad_request"_s;
    QTest::newRow("empty nonce")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u"hi"_s}, {u"nonce"_s, u""_s}}
        << u"bad_request"_s;
    QTest::newRow("nonce 65 chars")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u"hi"_s},
                       {u"nonce"_s, QString(kith::limits::kNonceLength + 1, u'n')}}
        << u"bad_request"_s;
    QTest::newRow("nonce a number")
        << QJsonObject{{u"channel_id"_s, ch}, {u"content"_s, u"hi"_s}, {u"nonce"_s, 7}}
        << u"bad_request"_s;
    QTest::newRow("missing channel")
        << QJsonObject{{u"content"_s, u"hi"_s}, {u"nonce"_s, u"n6"_s}} << u"bad_request"_s;
    QTest::newRow("channel id as number")
        << QJsonObject{{u"channel_id"_s, 12345}, {u"content"_s, u"hi"_s}, {u"nonce"_s, u"n7"_s}}
        << u"bad_request"_s;
    QTest::newRow("channel id not decimal")
        << QJsonObject{{u"channel_id"_s, u"abc"_s}, {u"content"_s, u"hi"_s}, {u"nonce"_s, u"n8"_s}}
        << u"bad_request"_s;
    QTest::newRow("channel id unknown")
        << QJsonObject{{u"channel_id"_s, u"987654321"_s}, {u"content"_s, u"hi"_s},
                       {u"nonce"_s, u"n9"_s}}
        << u"not_found"_s;
}

void tst_Messages::sendRefusesBadInput()
{
    QFETCH(QJsonObject, d);
    QFETCH(QString, code);
    if (d.value(u"channel_id"_s).toString() == u"$ch")
        d.insert(u"channel_id"_s, m_g.channelId);
    const Reply r = m_b->request(u"message.send"_s, d);
    QCOMPARE(outcome(r), code);
    QVERIFY(m_b->isConnected());
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray().size(), 0); // nothing stored
    flush(*m_a);
    QCOMPARE(m_a->countEvents(u"message.created"_s), 0);
}

void tst_Messages::contentAtTheLimit()
{
    // 4000 UTF-16 units of non-ASCII text: the limit counts characters, not UTF-8 bytes.
    const QString content(kith::limits::kMessageLength, u'é');
    const Reply r = sendMessage(*m_b, m_g.channelId, content);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"content"_s).toString(), content);
    const auto ev = m_a->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"content"_s).toString().size(), kith::limits::kMessageLength);
}

void tst_Messages::contentRoundTripsExactly_data()
{
    QTest::addColumn<QString>("content");
    QTest::newRow("sql-looking") << u"'); DROP TABLE messages; --"_s;
    QTest::newRow("quotes and backslashes") << u"\"quoted\" \\ back\\slash \\u0041"_s;
    QTest::newRow("json-looking") << u"{\"op\":\"ping\",\"id\":1}"_s;
    QTest::newRow("emoji and rtl") << u"👩‍👩‍👧 مرحبا שלום"_s;
    QTest::newRow("markdown and newlines") << u"# title\n\n* a\n* b\n\n```\ncode\n```"_s;
    QTest::newRow("surrounding spaces kept") << u"  indented  "_s;
    QTest::newRow("embedded nul") << u"before\u0000after"_s;
}

void tst_Messages::contentRoundTripsExactly()
{
    QFETCH(QString, content);
    const Reply r = sendMessage(*m_b, m_g.channelId, content);
    if (!r.ok) {
        // Refusing odd input is fine; storing something else than was sent is not.
        QCOMPARE(r.code, u"bad_request"_s);
        return;
    }
    QCOMPARE(r.d.value(u"content"_s).toString(), content);
    const auto ev = m_a->waitEvent(u"message.created"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"content"_s).toString(), content);
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject().value(u"content"_s).toString(),
             content);
    // Fetched by itself (around the id) it is the same again.
    const Reply again = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId},
                                                           {u"around"_s, r.d.value(u"id"_s)},
                                                           {u"limit"_s, 1}});
    QCOMPARE(again.d.value(u"messages"_s).toArray()[0].toObject().value(u"content"_s).toString(),
             content);
}

void tst_Messages::nonceResendGivesSameMessage()
{
    const QString nonce = newNonce();
    const Reply first = sendMessage(*m_b, m_g.channelId, u"only once"_s, nonce);
    QVERIFY2(first.ok, qPrintable(first.describe()));
    // A client that lost the reply resends; even with different text the stored one wins.
    const Reply again = sendMessage(*m_b, m_g.channelId, u"only once"_s, nonce);
    const Reply third = sendMessage(*m_b, m_g.channelId, u"changed my mind"_s, nonce);
    QVERIFY2(again.ok, qPrintable(again.describe()));
    QVERIFY2(third.ok, qPrintable(third.describe()));
    QCOMPARE(again.d, first.d);
    QCOMPARE(third.d, first.d);
    flush(*m_a);
    flush(*m_b);
    QCOMPARE(countWithNonce(*m_a, u"message.created"_s, nonce), 1);
    QCOMPARE(countWithNonce(*m_b, u"message.created"_s, nonce), 1);
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(messageIds(h), QStringList{first.d.value(u"id"_s).toString()});
}

void tst_Messages::nonceIsPerAuthor()
{
    const QString nonce = newNonce();
    const Reply fromB = sendMessage(*m_b, m_g.channelId, u"mine"_s, nonce);
    const Reply fromA = sendMessage(*m_a, m_g.channelId, u"also mine"_s, nonce);
    QVERIFY(fromB.ok);
    QVERIFY(fromA.ok);
    QVERIFY(fromA.d.value(u"id"_s) != fromB.d.value(u"id"_s));
    QCOMPARE(fromA.d.value(u"content"_s).toString(), u"also mine"_s);
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray().size(), 2);
}

QList<Reply> tst_Messages::sendHeld(TestClient &c, const QList<Send> &sends, const QString &meanwhile)
{
    QList<qint64> ids;
    const bool held = m_fx.withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        // A write lock on a second connection: the writer waits, the sends queue behind it.
        const bool pg = TestDatabase::postgres();
        if (!q.exec(pg ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s)
            || (pg && !q.exec(u"LOCK TABLE messages IN EXCLUSIVE MODE"_s)))
            return false;
        for (const Send &s : sends)
            ids << c.send(u"message.send"_s, {{u"channel_id"_s, s.channelId},
                                                {u"content"_s, s.content},
                                                {u"nonce"_s, s.nonce}});
        // Requests are handled in order: once ping is answered, every send is in the queue.
        if (!c.request(u"ping"_s).ok || (!meanwhile.isEmpty() && !q.exec(meanwhile)))
            return false;
        return q.exec(u"COMMIT"_s);
    });
    QList<Reply> out;
    for (qint64 id : std::as_const(ids))
        out << c.waitReply(QJsonValue(id));
    if (!held)
        out.clear();
    return out;
}

void tst_Messages::burstIsAnsweredSendBySend()
{
    // Sends that arrive together are stored together, yet each is answered as if alone: a
    // resend (within the burst or of an earlier message) gets the stored one and no event.
    const QString earlier = newNonce();
    const Reply before = sendMessage(*m_b, m_g.channelId, u"before the burst"_s, earlier);
    QVERIFY2(before.ok, qPrintable(before.describe()));
    QList<Send> sends;
    for (int i = 0; i < 12; ++i)
        sends.append({m_g.channelId, u"burst %1"_s.arg(i), newNonce()});
    sends.insert(6, {m_g.channelId, u"resent within"_s, sends[2].nonce});
    sends.insert(8, {m_g.channelId, u"resent later"_s, earlier});
    sends.insert(10, {m_g.channelId, u"hi @%1"_s.arg(m_a->user().value(u"username"_s).toString()), newNonce()});
    const QList<Reply> replies = sendHeld(*m_b, sends);
    QCOMPARE(replies.size(), sends.size());
    for (const Reply &r : replies)
        QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(replies[6].d, replies[2].d);
    QCOMPARE(replies[8].d, before.d);
    QStringList fresh{before.d.value(u"id"_s).toString()};
    for (int i = 0; i < sends.size(); ++i) {
        if (i == 6 || i == 8)
            continue;
        QCOMPARE(replies[i].d.value(u"content"_s).toString(), sends[i].content);
        fresh << replies[i].d.value(u"id"_s).toString();
    }
    flush(*m_a);
    for (int i = 0; i < sends.size(); ++i)
        QCOMPARE(countWithNonce(*m_a, u"message.created"_s, sends[i].nonce), 1);
    QCOMPARE(m_a->countEvents(u"message.created"_s), fresh.size());
    const QStringList history = messageIds(m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}));
    QCOMPARE(QStringList(history.rbegin(), history.rend()), fresh);
}

void tst_Messages::burstIntoDeletedChannel()
{
    // A channel deleted after the sends were let in (another node, say): that send alone is
    // not_found; the others around it are stored and announced.
    const Reply ch = m_a->request(u"channel.create"_s, {{u"guild_id"_s, m_g.guildId}, {u"name"_s, u"doomed"_s}});
    QVERIFY2(ch.ok, qPrintable(ch.describe()));
    const QString doomed = ch.d.value(u"id"_s).toString();
    QList<Send> sends;
    for (int i = 0; i < 8; ++i)
        sends.append({m_g.channelId, u"burst %1"_s.arg(i), newNonce()});
    sends.insert(4, {doomed, u"into the void"_s, newNonce()});
    const QList<Reply> replies = sendHeld(*m_b, sends, u"DELETE FROM channels WHERE id = %1"_s.arg(doomed));
    QCOMPARE(replies.size(), sends.size());
    QStringList stored;
    for (int i = 0; i < sends.size(); ++i) {
        if (i == 4) {
            QCOMPARE(replies[i].code, u"not_found"_s);
            continue;
        }
        QVERIFY2(replies[i].ok, qPrintable(replies[i].describe()));
        QCOMPARE(replies[i].d.value(u"content"_s).toString(), sends[i].content);
        stored << replies[i].d.value(u"id"_s).toString();
    }
    flush(*m_a);
    QCOMPARE(m_a->countEvents(u"message.created"_s), stored.size());
    QCOMPARE(countWithNonce(*m_a, u"message.created"_s, sends[4].nonce), 0);
    const QStringList history = messageIds(m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}}));
    QCOMPARE(QStringList(history.rbegin(), history.rend()), stored);
}

void tst_Messages::sendTheDatabaseRefusesIsUnavailable()
{
    // A write the database refuses for a reason other than a vanished channel is a storage
    // failure the client may retry (unavailable), alone and inside a burst; never not_found.
    const QString refused = u"refused by the database"_s;
    const bool pg = TestDatabase::postgres();
    const auto alter = [&](bool add) {
        return m_fx.withDb([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (pg)
                return q.exec(add ? u"ALTER TABLE messages ADD CONSTRAINT test_refuse CHECK (content <> '%1')"_s.arg(refused)
                                  : u"ALTER TABLE messages DROP CONSTRAINT test_refuse"_s);
            return q.exec(add ? u"CREATE TRIGGER test_refuse BEFORE INSERT ON messages WHEN NEW.content = '%1' "
                                 "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s.arg(refused)
                              : u"DROP TRIGGER test_refuse"_s);
        });
    };
    QVERIFY(alter(true));
    const Reply alone = sendMessage(*m_b, m_g.channelId, refused, newNonce());
    QCOMPARE(alone.code, u"unavailable"_s);
    QList<Send> sends;
    for (int i = 0; i < 5; ++i)
        sends.append({m_g.channelId, u"burst %1"_s.arg(i), newNonce()});
    sends.insert(2, {m_g.channelId, refused, newNonce()});
    const QList<Reply> replies = sendHeld(*m_b, sends);
    QVERIFY(alter(false));
    QCOMPARE(replies.size(), sends.size());
    for (int i = 0; i < sends.size(); ++i) {
        if (i == 2)
            QCOMPARE(replies[i].code, u"unavailable"_s);
        else
            QVERIFY2(replies[i].ok, qPrintable(replies[i].describe()));
    }
    // The resend the client's outbox makes goes through once the database takes it.
    const Reply again = sendMessage(*m_b, m_g.channelId, refused, sends[2].nonce);
    QVERIFY2(again.ok, qPrintable(again.describe()));
}

void tst_Messages::authorEdits()
{
    const Reply sent = sendMessage(*m_b, m_g.channelId, u"teh typo"_s);
    QVERIFY(sent.ok);
    const QString id = sent.d.value(u"id"_s).toString();
    const Reply e = m_b->request(u"message.edit"_s, {{u"message_id"_s, id}, {u"content"_s, u"the typo"_s}});
    QVERIFY2(e.ok, qPrintable(e.describe()));
    QCOMPARE(e.d.value(u"id"_s).toString(), id);
    QCOMPARE(e.d.value(u"content"_s).toString(), u"the typo"_s);
    QVERIFY(e.d.value(u"edited_at"_s).toString().endsWith(u'Z'));
    QVERIFY(e.d.value(u"edited_at"_s).toString() >= e.d.value(u"created_at"_s).toString());
    QCOMPARE(e.d.value(u"created_at"_s), sent.d.value(u"created_at"_s));
    QCOMPARE(e.d.value(u"nonce"_s), sent.d.value(u"nonce"_s));
    for (TestClient *c : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = c->waitEvent(u"message.updated"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d, e.d); // the whole new message
    }
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject(), e.d);
    flush(*m_c);
    QCOMPARE(m_c->countEvents(u"message.updated"_s), 0);
}

void tst_Messages::othersCannotEdit()
{
    const Reply sent = sendMessage(*m_b, m_g.channelId, u"my words"_s);
    QVERIFY(sent.ok);
    const QJsonObject edit{{u"message_id"_s, sent.d.value(u"id"_s)}, {u"content"_s, u"yours now"_s}};
    // The guild owner sees it but may not put words in b's mouth.
    QCOMPARE(outcome(m_a->request(u"message.edit"_s, edit)), u"forbidden"_s);
    QCOMPARE(outcome(m_c->request(u"message.edit"_s, edit)), u"not_found"_s);
    const Reply h = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject().value(u"content"_s).toString(),
             u"my words"_s);
    flush(*m_b);
    QCOMPARE(m_b->countEvents(u"message.updated"_s), 0);
}

void tst_Messages::editRefusesBadInput()
{
    const Reply sent = sendMessage(*m_b, m_g.channelId, u"original"_s);
    QVERIFY(sent.ok);
    const QJsonValue id = sent.d.value(u"id"_s);
    auto edit = [&](const QJsonObject &d) { return outcome(m_b->request(u"message.edit"_s, d)); };
    QCOMPARE(edit({{u"message_id"_s, id}, {u"content"_s, QString(kith::limits::kMessageLength + 1, u'x')}}),
             u"too_large"_s);
    QCOMPARE(edit({{u"message_id"_s, id}, {u"content"_s, u"   "_s}}), u"bad_request"_s);
    QCOMPARE(edit({{u"message_id"_s, id}}), u"bad_request"_s);
    QCOMPARE(edit({{u"content"_s, u"x"_s}}), u"bad_request"_s);
    QCOMPARE(edit({{u"message_id"_s, 5}, {u"content"_s, u"x"_s}}), u"bad_request"_s);
    QCOMPARE(edit({{u"message_id"_s, u"987654321"_s}, {u"content"_s, u"x"_s}}), u"not_found"_s);
    const Reply h = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(h.d.value(u"messages"_s).toArray()[0].toObject().value(u"content"_s).toString(),
             u"original"_s);
}

void tst_Messages::authorDeletes()
{
    const Reply keep = sendMessage(*m_b, m_g.channelId, u"keep"_s);
    const Reply sent = sendMessage(*m_b, m_g.channelId, u"oops"_s);
    QVERIFY(keep.ok && sent.ok);
    const QString id = sent.d.value(u"id"_s).toString();
    const Reply d = m_b->request(u"message.delete"_s, {{u"message_id"_s, id}});
    QVERIFY2(d.ok, qPrintable(d.describe()));
    QCOMPARE(d.d.value(u"id"_s).toString(), id);
    QCOMPARE(d.d.value(u"channel_id"_s).toString(), m_g.channelId);
    QCOMPARE(d.d.value(u"guild_id"_s).toString(), m_g.guildId);
    for (TestClient *c : {m_a.get(), m_a2.get(), m_b.get()}) {
        const auto ev = c->waitEvent(u"message.deleted"_s);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"id"_s).toString(), id);
        QCOMPARE(ev->d.value(u"channel_id"_s).toString(), m_g.channelId);
        QCOMPARE(ev->d.value(u"guild_id"_s).toString(), m_g.guildId);
    }
    const Reply h = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(messageIds(h), QStringList{keep.d.value(u"id"_s).toString()});
    QCOMPARE(outcome(m_b->request(u"message.delete"_s, {{u"message_id"_s, id}})), u"not_found"_s);
    QCOMPARE(outcome(m_b->request(u"message.edit"_s, {{u"message_id"_s, id},
                                                      {u"content"_s, u"back?"_s}})),
             u"not_found"_s);
    flush(*m_c);
    QCOMPARE(m_c->countEvents(u"message.deleted"_s), 0);
}

void tst_Messages::deleteRights()
{
    auto d = m_fx.newUser(u"dan"_s);
    QVERIFY(joinGuild(*m_a, *d, m_g));
    const Reply ofA = sendMessage(*m_a, m_g.channelId, u"owner's"_s);
    const Reply ofB1 = sendMessage(*m_b, m_g.channelId, u"b one"_s);
    const Reply ofB2 = sendMessage(*m_b, m_g.channelId, u"b two"_s);
    QVERIFY(ofA.ok && ofB1.ok && ofB2.ok);
    auto del = [](TestClient &c, const Reply &m) {
        return outcome(c.request(u"message.delete"_s, {{u"message_id"_s, m.d.value(u"id"_s)}}));
    };
    // A plain member may not delete others' messages; an outsider does not even see them.
    QCOMPARE(del(*d, ofB1), u"forbidden"_s);
    QCOMPARE(del(*m_b, ofA), u"forbidden"_s);
    QCOMPARE(del(*m_c, ofB1), u"not_found"_s);
    // The owner may; so may an admin.
    QCOMPARE(del(*m_a, ofB1), u"ok"_s);
    QVERIFY(m_a->request(u"member.set_role"_s, {{u"guild_id"_s, m_g.guildId},
                                                {u"user_id"_s, d->userId()},
                                                {u"role"_s, u"admin"_s}}).ok);
    QCOMPARE(del(*d, ofB2), u"ok"_s);
    const Reply h = m_b->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(messageIds(h), QStringList{ofA.d.value(u"id"_s).toString()});
    QVERIFY(m_b->waitEventWhere(u"message.deleted"_s, [&](const Event &e) {
        return e.d.value(u"id"_s) == ofB2.d.value(u"id"_s);
    }));
}

QTEST_GUILESS_MAIN(tst_Messages)
#include "tst_messages.moc"

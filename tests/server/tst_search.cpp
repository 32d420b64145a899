// message.search (issue 12) against a real server, on SQLite (FTS5) and PostgreSQL (tsvector +
// GIN): prefixes, case, accents, phrases, every word, the filters, paging and total, what each
// caller may see, edits and deletes reaching the index, blank and injection-looking queries, the
// message objects, and a schema-7 database migrated with its messages indexed.
#include "SocialFixture.h"
#include "common/Scenario.h"
#include "shared/Limits.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace kith::test;

class tst_Search : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesSearch();
    void prefixCaseAndAccents();
    void everyWordAndPhrases();
    void newestFirstPagesAndTotal();
    void channelAndGuildFilters();
    void authorFilter();
    void hasFilters();
    void onlyWhatICanSee();
    void leftGuildAndDeletedChannel();
    void editReindexesDeleteRemoves();
    void acknowledgedIsFoundAtOnce();
    void burstIsIndexedInTheBackground();
    void malformedRequests_data();
    void malformedRequests();
    void badRequestBeforeNotFound();
    void blankQueryWithFilter();
    void injectionLookingInput_data();
    void injectionLookingInput();
    void sameObjectsAsHistory();
    void schema7IsMigratedAndIndexed();

private:
    Reply search(TestClient &c, QJsonObject d);
    //! Sends and returns the stored message's id (empty on failure, with a warning).
    QString send(TestClient &c, const QString &content, const QString &channelId = {});
    //! An upload of `body` by c; the attachment id, empty on failure.
    QString upload(TestClient &c, const QByteArray &body, const QString &filename);
    QString createChannel(TestClient &owner, const QString &guildId, const QString &name);

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_b, m_c;
    GuildRef m_g;
};

namespace {

QStringList contents(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &v : r.d.value(u"messages"_s).toArray())
        out.append(v.toObject().value(u"content"_s).toString());
    return out;
}

int total(const Reply &r)
{
    return r.d.value(u"total"_s).toInt(-1);
}

QByteArray pngBytes(int w, int h)
{
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(Qt::green);
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return out;
}

} // namespace

void tst_Search::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// Fresh people for every test, so that what they can search holds only this test's messages:
// a owns the guild, b is a member, c is an outsider.
void tst_Search::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
}

void tst_Search::cleanup()
{
    for (auto *c : {m_a.get(), m_b.get(), m_c.get()}) {
        if (!c)
            continue;
        QVERIFY2(c->seqProblems().isEmpty(), qPrintable(c->seqProblems().join(u'\n')));
        QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    }
    m_a.reset();
    m_b.reset();
    m_c.reset();
}

Reply tst_Search::search(TestClient &c, QJsonObject d)
{
    return c.request(u"message.search"_s, d);
}

QString tst_Search::send(TestClient &c, const QString &content, const QString &channelId)
{
    const Reply r = sendMessage(c, channelId.isEmpty() ? m_g.channelId : channelId, content);
    if (!r.ok)
        qWarning("send failed: %s", qPrintable(r.describe()));
    return r.d.value(u"id"_s).toString();
}

QString tst_Search::createChannel(TestClient &owner, const QString &guildId, const QString &name)
{
    const Reply r = owner.request(u"channel.create"_s, {{u"guild_id"_s, guildId}, {u"name"_s, name}});
    if (!r.ok)
        qWarning("channel.create failed: %s", qPrintable(r.describe()));
    return r.d.value(u"id"_s).toString();
}

QString tst_Search::upload(TestClient &c, const QByteArray &body, const QString &filename)
{
    // A plain HTTP/1.1 POST on the WebSocket's port (PROTOCOL.md 16.1); the server runs on this
    // thread, so wait by running the event loop.
    QTcpSocket s;
    QByteArray all;
    QObject::connect(&s, &QIODevice::readyRead, &s, [&] { all += s.readAll(); });
    s.connectToHost(QHostAddress::LocalHost, m_fx.server().url().port());
    s.write("POST /api/v1/attachments?filename=" + QUrl::toPercentEncoding(filename)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + c.token().toLatin1()
            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    (void)QTest::qWaitFor([&] { return s.state() == QAbstractSocket::UnconnectedState; }, 30000);
    all += s.readAll();
    const QJsonObject reply = QJsonDocument::fromJson(all.mid(all.indexOf("\r\n\r\n") + 4)).object();
    if (!reply.contains(u"id"_s))
        qWarning("upload failed: %s", all.constData());
    return reply.value(u"id"_s).toString();
}

void tst_Search::helloAnnouncesSearch()
{
    auto c = m_fx.server().connect();
    QVERIFY(c->hello().value(u"features"_s).toArray().contains(u"search"_s));
}

void tst_Search::prefixCaseAndAccents()
{
    send(*m_a, u"The Kitten sleeps"_s);
    send(*m_a, u"CAFÉ crème au lait"_s);
    send(*m_a, u"une élève naïve"_s);
    send(*m_a, u"nothing to see"_s);
    auto found = [&](const QString &q) {
        const Reply r = search(*m_b, {{u"query"_s, q}});
        if (!r.ok)
            qWarning("%s: %s", qPrintable(q), qPrintable(r.describe()));
        return contents(r);
    };
    QCOMPARE(found(u"kit"_s), QStringList{u"The Kitten sleeps"_s}); // a prefix
    QCOMPARE(found(u"KITTEN"_s), QStringList{u"The Kitten sleeps"_s}); // case
    QCOMPARE(found(u"itten"_s), QStringList{}); // prefixes, not infixes
    QCOMPARE(found(u"cafe"_s), QStringList{u"CAFÉ crème au lait"_s}); // accents, either way
    QCOMPARE(found(u"Café"_s), QStringList{u"CAFÉ crème au lait"_s});
    QCOMPARE(found(u"CRÈME"_s), QStringList{u"CAFÉ crème au lait"_s});
    QCOMPARE(found(u"eleve naive"_s), QStringList{u"une élève naïve"_s});
    QCOMPARE(found(u"ÉLÈV"_s), QStringList{u"une élève naïve"_s});
}

void tst_Search::everyWordAndPhrases()
{
    send(*m_a, u"the quick brown fox"_s);
    send(*m_a, u"brown and quick dogs"_s);
    send(*m_a, u"a quick red fox"_s);
    auto found = [&](const QString &q) { return contents(search(*m_a, {{u"query"_s, q}})); };
    // Every word must match, anywhere, newest first.
    QCOMPARE(found(u"quick fox"_s), (QStringList{u"a quick red fox"_s, u"the quick brown fox"_s}));
    QCOMPARE(found(u"fox quick"_s), (QStringList{u"a quick red fox"_s, u"the quick brown fox"_s}));
    QCOMPARE(found(u"quick fox cat"_s), QStringList{});
    // A quoted phrase: its words side by side, in order (each still a prefix).
    QCOMPARE(found(u"\"quick brown\""_s), QStringList{u"the quick brown fox"_s});
    QCOMPARE(found(u"\"brown quick\""_s), QStringList{});
    QCOMPARE(found(u"\"qui bro\""_s), QStringList{u"the quick brown fox"_s});
    QCOMPARE(found(u"\"quick red\" fox"_s), QStringList{u"a quick red fox"_s});
    QCOMPARE(found(u"\"quick fox\""_s), QStringList{});
    // A quote left open runs to the end.
    QCOMPARE(found(u"dogs \"brown and"_s), QStringList{u"brown and quick dogs"_s});
}

void tst_Search::newestFirstPagesAndTotal()
{
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.prepend(send(*m_a, u"page item %1"_s.arg(i)));
    send(*m_a, u"something else"_s);
    Reply r = search(*m_b, {{u"query"_s, u"item"_s}, {u"limit"_s, 3}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), ids.mid(0, 3));
    QCOMPARE(total(r), 7);
    r = search(*m_b, {{u"query"_s, u"item"_s}, {u"limit"_s, 3}, {u"before"_s, ids[2]}});
    QCOMPARE(messageIds(r), ids.mid(3, 3));
    QCOMPARE(total(r), 7); // every match, not what is left
    r = search(*m_b, {{u"query"_s, u"item"_s}, {u"limit"_s, 3}, {u"before"_s, ids[5]}});
    QCOMPARE(messageIds(r), ids.mid(6));
    r = search(*m_b, {{u"query"_s, u"item"_s}, {u"limit"_s, 3}, {u"before"_s, ids[6]}});
    QVERIFY(r.ok);
    QCOMPARE(messageIds(r), QStringList{});
    // Default 25 (all 7 here), and the largest page.
    r = search(*m_b, {{u"query"_s, u"item"_s}});
    QCOMPARE(messageIds(r), ids);
    QCOMPARE(total(r), 7);
    r = search(*m_b, {{u"query"_s, u"item"_s}, {u"limit"_s, kith::limits::kSearchPage}});
    QCOMPARE(messageIds(r), ids);
    // Nothing found is an empty page, not an error.
    r = search(*m_b, {{u"query"_s, u"zebra"_s}});
    QVERIFY(r.ok);
    QCOMPARE(r.d.value(u"messages"_s).toArray().size(), 0);
    QCOMPARE(total(r), 0);
}

void tst_Search::channelAndGuildFilters()
{
    const QString random = createChannel(*m_a, m_g.guildId, u"random"_s);
    QVERIFY(!random.isEmpty());
    const GuildRef other = createGuild(*m_a, u"Other"_s);
    QVERIFY(other.valid());
    send(*m_a, u"apple in general"_s);
    send(*m_a, u"apple in random"_s, random);
    send(*m_a, u"apple elsewhere"_s, other.channelId);
    auto found = [&](QJsonObject d) {
        d.insert(u"query"_s, u"apple"_s);
        const Reply r = search(*m_a, d);
        if (!r.ok)
            qWarning("%s", qPrintable(r.describe()));
        return contents(r);
    };
    QCOMPARE(found({}), (QStringList{u"apple elsewhere"_s, u"apple in random"_s, u"apple in general"_s}));
    QCOMPARE(found({{u"guild_id"_s, m_g.guildId}}),
             (QStringList{u"apple in random"_s, u"apple in general"_s}));
    QCOMPARE(found({{u"guild_id"_s, other.guildId}}), QStringList{u"apple elsewhere"_s});
    QCOMPARE(found({{u"channel_id"_s, random}}), QStringList{u"apple in random"_s});
    QCOMPARE(found({{u"guild_id"_s, m_g.guildId}, {u"channel_id"_s, m_g.channelId}}),
             QStringList{u"apple in general"_s});
    // A channel of another guild than the one named.
    const Reply r =
        search(*m_a, {{u"query"_s, u"apple"_s}, {u"guild_id"_s, other.guildId}, {u"channel_id"_s, random}});
    QCOMPARE(outcome(r), u"not_found"_s);
    // b is not in `other`: without a filter, only what b can read.
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"apple"_s}})),
             (QStringList{u"apple in random"_s, u"apple in general"_s}));
}

void tst_Search::authorFilter()
{
    send(*m_a, u"report from ann"_s);
    send(*m_b, u"report from ben"_s);
    send(*m_a, u"another report"_s);
    const QString a = m_a->userId(), b = m_b->userId();
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"report"_s}, {u"author_id"_s, a}})),
             (QStringList{u"another report"_s, u"report from ann"_s}));
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"report"_s}, {u"author_id"_s, b}})),
             QStringList{u"report from ben"_s});
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"ann"_s}, {u"author_id"_s, b}})), QStringList{});
    // Alone, with no words: everything by that author, newest first.
    const Reply all = search(*m_b, {{u"query"_s, u""_s}, {u"author_id"_s, a}});
    QCOMPARE(contents(all), (QStringList{u"another report"_s, u"report from ann"_s}));
    QCOMPARE(total(all), 2);
    // The author's messages in channels the caller cannot read stay out.
    QCOMPARE(contents(search(*m_c, {{u"query"_s, u""_s}, {u"author_id"_s, a}})), QStringList{});
    QCOMPARE(outcome(search(*m_b, {{u"query"_s, u"x"_s}, {u"author_id"_s, u"123456789"_s}})), u"not_found"_s);
}

void tst_Search::hasFilters()
{
    const QString file = upload(*m_a, "meeting notes", u"notes.txt"_s);
    const QString image = upload(*m_a, pngBytes(8, 8), u"photo.png"_s);
    QVERIFY(!file.isEmpty() && !image.isEmpty());
    for (const auto &[content, ids] : {std::pair{u"notes attached"_s, QStringList{file}},
                                       std::pair{u"photo attached"_s, QStringList{image}}}) {
        const Reply r =
            m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                             {u"content"_s, content},
                                             {u"nonce"_s, newNonce()},
                                             {u"attachment_ids"_s, QJsonArray::fromStringList(ids)}});
        QVERIFY2(r.ok, qPrintable(r.describe()));
    }
    send(*m_a, u"attached: see https://example.org/page"_s);
    send(*m_a, u"plain attached words"_s);
    send(*m_a, u"HTTP://LOUD.EXAMPLE shouting"_s);
    auto found = [&](const QString &q, const QString &has) {
        const Reply r = search(*m_b, {{u"query"_s, q}, {u"has"_s, has}});
        if (!r.ok)
            qWarning("%s", qPrintable(r.describe()));
        return contents(r);
    };
    QCOMPARE(found(u"attached"_s, u"attachment"_s), (QStringList{u"photo attached"_s, u"notes attached"_s}));
    QCOMPARE(found(u"attached"_s, u"image"_s), QStringList{u"photo attached"_s});
    QCOMPARE(found(u"attached"_s, u"link"_s), QStringList{u"attached: see https://example.org/page"_s});
    QCOMPARE(found(u""_s, u"link"_s),
             (QStringList{u"HTTP://LOUD.EXAMPLE shouting"_s, u"attached: see https://example.org/page"_s}));
    QCOMPARE(found(u""_s, u"image"_s), QStringList{u"photo attached"_s});
    // The results carry their attachments, as history does.
    const Reply r = search(*m_b, {{u"query"_s, u"photo"_s}});
    const QJsonArray files =
        r.d.value(u"messages"_s).toArray().first().toObject().value(u"attachments"_s).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().toObject().value(u"id"_s).toString(), image);
    QCOMPARE(files.first().toObject().value(u"content_type"_s).toString(), u"image/png"_s);
}

void tst_Search::onlyWhatICanSee()
{
    send(*m_a, u"secret plans in the guild"_s);
    const QJsonObject dm = SocialFixture::openDm(*m_a, m_b->userId());
    QVERIFY(!dm.isEmpty());
    const QString dmId = dm.value(u"id"_s).toString();
    send(*m_b, u"secret plans in a dm"_s, dmId);
    const QJsonObject cDm = SocialFixture::openDm(*m_c, m_a->userId());
    QVERIFY(!cDm.isEmpty());
    send(*m_c, u"secret plans from cat"_s, cDm.value(u"id"_s).toString());

    // Without filters: every guild and DM of the caller, nothing else.
    QCOMPARE(
        contents(search(*m_a, {{u"query"_s, u"secret"_s}})),
        (QStringList{u"secret plans from cat"_s, u"secret plans in a dm"_s, u"secret plans in the guild"_s}));
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"secret"_s}})),
             (QStringList{u"secret plans in a dm"_s, u"secret plans in the guild"_s}));
    QCOMPARE(contents(search(*m_c, {{u"query"_s, u"secret"_s}})), QStringList{u"secret plans from cat"_s});
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"plans"_s}, {u"channel_id"_s, dmId}})),
             QStringList{u"secret plans in a dm"_s});
    // Naming what I cannot see is not_found, as if it did not exist (PROTOCOL.md 5.2).
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"secret"_s}, {u"guild_id"_s, m_g.guildId}})),
             u"not_found"_s);
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"secret"_s}, {u"channel_id"_s, m_g.channelId}})),
             u"not_found"_s);
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"secret"_s}, {u"channel_id"_s, dmId}})), u"not_found"_s);
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"secret"_s}, {u"guild_id"_s, u"42"_s}})), u"not_found"_s);
    // A guild id is not a channel id, nor a DM a guild.
    QCOMPARE(outcome(search(*m_b, {{u"query"_s, u"secret"_s}, {u"guild_id"_s, dmId}})), u"not_found"_s);
}

void tst_Search::leftGuildAndDeletedChannel()
{
    const QString random = createChannel(*m_a, m_g.guildId, u"random"_s);
    send(*m_a, u"walrus in general"_s);
    send(*m_a, u"walrus in random"_s, random);
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"walrus"_s}})).size(), 2);
    // A deleted channel takes its messages out of the index.
    QVERIFY(m_a->request(u"channel.delete"_s, {{u"channel_id"_s, random}}).ok);
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"walrus"_s}})), QStringList{u"walrus in general"_s});
    QCOMPARE(contents(search(*m_a, {{u"query"_s, u"walrus"_s}})), QStringList{u"walrus in general"_s});
    // A guild I left is not searched, and naming it is not_found.
    QVERIFY(m_b->request(u"guild.leave"_s, {{u"guild_id"_s, m_g.guildId}}).ok);
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"walrus"_s}})), QStringList{});
    QCOMPARE(outcome(search(*m_b, {{u"query"_s, u"walrus"_s}, {u"guild_id"_s, m_g.guildId}})),
             u"not_found"_s);
    QCOMPARE(outcome(search(*m_b, {{u"query"_s, u"walrus"_s}, {u"channel_id"_s, m_g.channelId}})),
             u"not_found"_s);
    QCOMPARE(contents(search(*m_a, {{u"query"_s, u"walrus"_s}})), QStringList{u"walrus in general"_s});
}

void tst_Search::editReindexesDeleteRemoves()
{
    const QString id = send(*m_a, u"original wording here"_s);
    send(*m_a, u"original other"_s);
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"wording"_s}})), QStringList{u"original wording here"_s});
    const Reply edited =
        m_a->request(u"message.edit"_s, {{u"message_id"_s, id}, {u"content"_s, u"replaced phrasing here"_s}});
    QVERIFY2(edited.ok, qPrintable(edited.describe()));
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"wording"_s}})), QStringList{});
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"original"_s}})), QStringList{u"original other"_s});
    const Reply r = search(*m_b, {{u"query"_s, u"phrasing"_s}});
    QCOMPARE(contents(r), QStringList{u"replaced phrasing here"_s});
    QVERIFY(!r.d.value(u"messages"_s).toArray().first().toObject().value(u"edited_at"_s).isNull());
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"\"replaced phrasing\""_s}})),
             QStringList{u"replaced phrasing here"_s});
    QVERIFY(m_a->request(u"message.delete"_s, {{u"message_id"_s, id}}).ok);
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"phrasing"_s}})), QStringList{});
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"here"_s}})), QStringList{});
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"original"_s}})), QStringList{u"original other"_s});
    if (TestDatabase::postgres())
        return; // the index is an expression over the row: nothing of its own to drift
    // SQLite: FTS5 compares its index with the messages table, row by row (rank 1: the content too).
    QVERIFY(m_fx.server().withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(u"INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"_s))
            return true;
        qWarning("integrity-check: %s", qPrintable(q.lastError().text()));
        return false;
    }));
}

// Indexing waits for the writer to be idle (SQLite), but a search never misses a message whose
// send was acknowledged: it brings the index up to the newest message first.
void tst_Search::acknowledgedIsFoundAtOnce()
{
    for (int i = 0; i < 20; ++i) {
        const QString word = u"instant%1x"_s.arg(i);
        const QString id = send(*m_a, word + u" arrived"_s);
        QVERIFY(!id.isEmpty());
        const Reply r = search(*m_b, {{u"query"_s, word}});
        QVERIFY2(r.ok, qPrintable(r.describe()));
        QCOMPARE(messageIds(r), QStringList{id});
    }
    // Sends still in flight beside the search: each acknowledged before it is found by it.
    QList<qint64> pending;
    for (int i = 0; i < 50; ++i)
        pending.append(m_a->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                     {u"content"_s, u"pipelined %1"_s.arg(i)},
                                                     {u"nonce"_s, newNonce()}}));
    for (qint64 re : std::as_const(pending))
        QVERIFY(m_a->waitReply(re).ok);
    QCOMPARE(total(search(*m_b, {{u"query"_s, u"pipelined"_s}})), 50);
}

// A burst leaves the index behind; once the writer is idle it catches up by itself, no search
// needed, and FTS5 finds its index equal to the messages.
void tst_Search::burstIsIndexedInTheBackground()
{
    const int n = 1200; // more than one idle chunk
    QList<qint64> pending;
    for (int i = 0; i < n; ++i) {
        pending.append(m_a->send(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                     {u"content"_s, u"burst number %1"_s.arg(i)},
                                                     {u"nonce"_s, newNonce()}}));
        if (pending.size() == 64) // a window, as a busy client keeps
            QVERIFY(m_a->waitReply(pending.takeFirst()).ok);
    }
    for (qint64 re : std::as_const(pending))
        QVERIFY(m_a->waitReply(re).ok);
    if (!TestDatabase::postgres()) {
        // The mark reaches the newest message without any search asking.
        auto caughtUp = [this] {
            return m_fx.server().withDb([](QSqlDatabase &db) {
                QSqlQuery q(db);
                return q.exec(
                           u"SELECT (SELECT message_id FROM search_mark) = (SELECT MAX(id) FROM messages)"_s)
                       && q.next() && q.value(0).toInt() == 1;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 30000);
        QVERIFY(m_fx.server().withDb([](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (q.exec(u"INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"_s))
                return true;
            qWarning("integrity-check: %s", qPrintable(q.lastError().text()));
            return false;
        }));
    }
    const Reply r = search(*m_b, {{u"query"_s, u"burst"_s}, {u"limit"_s, 1}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(total(r), n);
    QCOMPARE(contents(r), QStringList{u"burst number %1"_s.arg(n - 1)});
}

void tst_Search::malformedRequests_data()
{
    QTest::addColumn<QJsonObject>("d");
    const QString g = u"1"_s; // well-formed ids; their checks come later
    QTest::newRow("no query") << QJsonObject{{u"channel_id"_s, g}};
    QTest::newRow("query not a string") << QJsonObject{{u"query"_s, 5}};
    QTest::newRow("blank query, no filter") << QJsonObject{{u"query"_s, u""_s}};
    QTest::newRow("white space, no filter") << QJsonObject{{u"query"_s, u"  \t "_s}};
    QTest::newRow("query too long") << QJsonObject{
        {u"query"_s, QString(kith::limits::kSearchQueryLength + 1, u'a')}};
    QTest::newRow("limit 0") << QJsonObject{{u"query"_s, u"a"_s}, {u"limit"_s, 0}};
    QTest::newRow("limit 51") << QJsonObject{{u"query"_s, u"a"_s},
                                             {u"limit"_s, kith::limits::kSearchPage + 1}};
    QTest::newRow("limit a string") << QJsonObject{{u"query"_s, u"a"_s}, {u"limit"_s, u"5"_s}};
    QTest::newRow("has unknown") << QJsonObject{{u"query"_s, u"a"_s}, {u"has"_s, u"video"_s}};
    QTest::newRow("has not a string") << QJsonObject{{u"query"_s, u"a"_s}, {u"has"_s, true}};
    QTest::newRow("guild_id a number") << QJsonObject{{u"query"_s, u"a"_s}, {u"guild_id"_s, 5}};
    QTest::newRow("channel_id not an id") << QJsonObject{{u"query"_s, u"a"_s}, {u"channel_id"_s, u"x"_s}};
    QTest::newRow("author_id not an id") << QJsonObject{{u"query"_s, u"a"_s}, {u"author_id"_s, u"-1"_s}};
    QTest::newRow("before not an id") << QJsonObject{{u"query"_s, u"a"_s}, {u"before"_s, u"1.5"_s}};
}

void tst_Search::malformedRequests()
{
    QFETCH(QJsonObject, d);
    const Reply r = search(*m_a, d);
    QCOMPARE(outcome(r), u"bad_request"_s);
    QVERIFY(!r.message.isEmpty());
    QVERIFY(search(*m_a, {{u"query"_s, u"still"_s}}).ok); // the server stays up
}

void tst_Search::badRequestBeforeNotFound()
{
    // An unknown guild and a bad limit: the malformed field is what is reported.
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"a"_s}, {u"guild_id"_s, m_g.guildId}, {u"limit"_s, 0}})),
             u"bad_request"_s);
    QCOMPARE(
        outcome(search(*m_c, {{u"query"_s, u"a"_s}, {u"channel_id"_s, m_g.channelId}, {u"has"_s, u"gif"_s}})),
        u"bad_request"_s);
    QCOMPARE(outcome(search(*m_c, {{u"query"_s, u"a"_s}, {u"channel_id"_s, m_g.channelId}})), u"not_found"_s);
    // Not signed in.
    auto anon = m_fx.server().connect();
    QCOMPARE(outcome(anon->request(u"message.search"_s, {{u"query"_s, u"a"_s}})), u"unauthorized"_s);
}

void tst_Search::blankQueryWithFilter()
{
    const QString first = send(*m_a, u"one"_s);
    const QString second = send(*m_b, u"two"_s);
    const Reply r = search(*m_a, {{u"query"_s, u" "_s}, {u"channel_id"_s, m_g.channelId}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(messageIds(r), (QStringList{second, first}));
    QCOMPARE(total(r), 2);
    QCOMPARE(messageIds(search(*m_a, {{u"query"_s, u""_s}, {u"guild_id"_s, m_g.guildId}, {u"limit"_s, 1}})),
             QStringList{second});
}

void tst_Search::injectionLookingInput_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const QString both = u"apples or bananas"_s;
    const QString star = u"a*b NEAR(x y) col:umn"_s;
    QTest::newRow("OR is a word") << u"apples OR bananas"_s << QStringList{both};
    QTest::newRow("a OR b*") << u"a OR b*"_s << QStringList{both};
    QTest::newRow("NOT is a word") << u"apples NOT bananas"_s << QStringList{};
    QTest::newRow("lone quote") << u"\""_s << QStringList{};
    QTest::newRow("quotes") << u"\"\"\"\""_s << QStringList{};
    QTest::newRow("star") << u"*"_s << QStringList{};
    QTest::newRow("NEAR") << u"NEAR(x y)"_s << QStringList{star};
    QTest::newRow("column filter") << u"col:umn"_s << QStringList{star};
    QTest::newRow("content column") << u"content:apples"_s << QStringList{};
    QTest::newRow("caret and minus") << u"^apples -bananas"_s << QStringList{both};
    QTest::newRow("tsquery operators") << u"apples & !bananas | x <-> y"_s << QStringList{};
    QTest::newRow("tsquery quote") << u"apples' & 'bananas"_s << QStringList{both};
    QTest::newRow("backslash") << u"apples\\ \\'bananas"_s << QStringList{both};
    QTest::newRow("SQL") << u"'); DROP TABLE messages; --"_s << QStringList{};
    QTest::newRow("parentheses") << u"((apples)"_s << QStringList{u"apples only"_s, both};
}

void tst_Search::injectionLookingInput()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    send(*m_a, u"apples or bananas"_s);
    send(*m_a, u"a*b NEAR(x y) col:umn"_s);
    send(*m_a, u"apples only"_s);
    const Reply r = search(*m_b, {{u"query"_s, query}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(contents(r), expected);
    // Nothing was harmed.
    QCOMPARE(contents(search(*m_b, {{u"query"_s, u"apples"_s}})),
             (QStringList{u"apples only"_s, u"apples or bananas"_s}));
}

void tst_Search::sameObjectsAsHistory()
{
    const QString target = send(*m_a, u"target of a reply"_s);
    const Reply reply = m_b->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                         {u"content"_s, u"reply with zeppelin"_s},
                                                         {u"nonce"_s, newNonce()},
                                                         {u"reply_to_id"_s, target}});
    QVERIFY(reply.ok);
    const QString id = reply.d.value(u"id"_s).toString();
    QVERIFY(m_a->request(u"reaction.add"_s,
                         {{u"channel_id"_s, m_g.channelId}, {u"message_id"_s, id}, {u"emoji"_s, u"🎈"_s}})
                .ok);
    for (TestClient *c : {m_a.get(), m_b.get()}) {
        const Reply h = c->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
        QJsonObject inHistory;
        for (const QJsonValue &v : h.d.value(u"messages"_s).toArray())
            if (v.toObject().value(u"id"_s).toString() == id)
                inHistory = v.toObject();
        QVERIFY(!inHistory.isEmpty());
        const Reply s = search(*c, {{u"query"_s, u"zeppelin"_s}});
        QCOMPARE(s.d.value(u"messages"_s).toArray().size(), 1);
        QCOMPARE(s.d.value(u"messages"_s).toArray().first().toObject(), inHistory); // `me` per reader too
    }
    // A blocked author's messages come marked, as in history.
    QVERIFY(m_a->request(u"user.block"_s, {{u"user_id"_s, m_b->userId()}}).ok);
    const QJsonObject m =
        search(*m_a, {{u"query"_s, u"zeppelin"_s}}).d.value(u"messages"_s).toArray().first().toObject();
    QCOMPARE(m.value(u"author_blocked"_s), QJsonValue(true));
}

void tst_Search::schema7IsMigratedAndIndexed()
{
    send(*m_a, u"written before the index existed"_s);
    const QString replyTarget = send(*m_b, u"an older message"_s);
    const Reply r = m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                     {u"content"_s, u"a reply from schema seven"_s},
                                                     {u"nonce"_s, newNonce()},
                                                     {u"reply_to_id"_s, replyTarget}});
    QVERIFY(r.ok);
    const Reply historyBefore = m_a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QVERIFY(historyBefore.ok);
    const QString token = m_a->token();
    cleanup();

    // Make the database what a schema-7 server left: no index, none of the later migrations
    // (009's roles), version 7.
    ServerFixture &server = m_fx.server();
    server.stop();
    const bool pg = TestDatabase::postgres();
    QVERIFY(server.withDb([pg](QSqlDatabase &db) {
        const QStringList later{u"DROP TABLE channel_overwrites"_s, u"DROP TABLE member_roles"_s,
                                u"DROP TABLE roles"_s};
        const QStringList steps =
            pg ? QStringList{u"DROP INDEX messages_search"_s, u"DROP TEXT SEARCH CONFIGURATION kith_search"_s,
                             u"DROP EXTENSION unaccent"_s}
               : QStringList{u"DROP TRIGGER messages_fts_delete"_s, u"DROP TRIGGER messages_fts_update"_s,
                             u"DROP TABLE messages_fts"_s, u"DROP TABLE search_mark"_s};
        QSqlQuery q(db);
        for (const QString &step : later + steps + QStringList{u"UPDATE schema_version SET version = 7"_s})
            if (!q.exec(step)) {
                qWarning("%s: %s", qPrintable(step), qPrintable(q.lastError().text()));
                return false;
            }
        return true;
    }));
    QString err;
    QVERIFY2(server.start(&err), qPrintable(err));
    QVERIFY(server.withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(u"SELECT version FROM schema_version"_s) && q.next() && q.value(0).toInt() >= 9;
    }));
    auto a = server.connect();
    QVERIFY(a->loginWithToken(token).ok);
    // The messages written before are found, and history reads as it did.
    QCOMPARE(contents(search(*a, {{u"query"_s, u"before index"_s}})),
             QStringList{u"written before the index existed"_s});
    const Reply found = search(*a, {{u"query"_s, u"seven"_s}});
    QCOMPARE(contents(found), QStringList{u"a reply from schema seven"_s});
    QCOMPARE(found.d.value(u"messages"_s).toArray().first().toObject().value(u"reply_to_id"_s).toString(),
             replyTarget);
    const Reply historyAfter = a->request(u"message.history"_s, {{u"channel_id"_s, m_g.channelId}});
    QCOMPARE(historyAfter.d, historyBefore.d);
    // And new messages are indexed from now on.
    QVERIFY(sendMessage(*a, m_g.channelId, u"after the migration"_s).ok);
    QCOMPARE(contents(search(*a, {{u"query"_s, u"migration"_s}})), QStringList{u"after the migration"_s});
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"

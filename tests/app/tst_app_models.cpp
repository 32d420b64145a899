// The app's state layer without a server: message model rows, grouping and day separators,
// history pages, pending sends, replies and reactions; the outbox on disk; the quick switcher's ranking; the composer keys.
#include "net/Connection.h"
#include "net/Outbox.h"
#include "state/MessageListModel.h"
#include "ui/Composer.h"
#include "ui/QuickSwitcher.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kith;
using namespace kith::app;
using M = MessageListModel;

namespace {
Message msg(qint64 ms, Id author, const QString &text, Id channel = 7)
{
    static int seq = 0;
    Message m;
    m.id = (Id(ms - snowflake::kEpochMs) << 22) | Id(++seq & 0xfff);
    m.channelId = channel;
    m.author.id = author;
    m.author.username = QStringLiteral("user%1").arg(author);
    m.content = text;
    return m;
}
const qint64 kDay = 24 * 3600 * 1000;
const qint64 kBase = QDateTime(QDate(2026, 11, 20), QTime(12, 0)).toMSecsSinceEpoch();
} // namespace

class tst_app_models : public QObject
{
    Q_OBJECT
private slots:
    void groupingAndDays();
    void olderPagesPrepend();
    void pendingRowsAndConfirmation();
    void outboxPersists();
    void repliesAndReactions();
    void outboxJournal();
    void outboxWriteFailureIsReported();
    void switcherRanking_data();
    void switcherRanking();
    void composerKeys();
    void composerReply();
};

void tst_app_models::groupingAndDays()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    User me{1, QStringLiteral("me"), QString()};
    model.setMe(me);
    // newest first, as the host sends pages
    const QList<Message> page{
        msg(kBase + kDay, 2, QStringLiteral("next day")),
        msg(kBase + 20 * 60000, 1, QStringLiteral("later")),
        msg(kBase + 60000, 1, QStringLiteral("again")),
        msg(kBase, 1, QStringLiteral("first")),
    };
    model.reset(7, page, true);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("first"));
    QCOMPARE(model.index(0).data(M::DayStartRole).toBool(), true); // start of history
    QCOMPARE(model.index(1).data(M::GroupedRole).toBool(), true);  // same author, 1 min later
    QCOMPARE(model.index(2).data(M::GroupedRole).toBool(), false); // 19 minutes later
    QCOMPARE(model.index(3).data(M::DayStartRole).toBool(), true);
    QCOMPARE(model.index(3).data(M::MineRole).toBool(), false);
    QCOMPARE(model.lastMine(), page.at(1).id);

    // An edit changes the cache key, so the delegate re-measures it.
    const quint64 key = model.index(1).data(M::CacheKeyRole).toULongLong();
    Message edited = page.at(2);
    edited.content = QStringLiteral("again, edited");
    edited.editedAtMs = kBase + 2 * kDay;
    model.upsert(edited);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("again, edited"));
    QVERIFY(model.index(1).data(M::CacheKeyRole).toULongLong() != key);

    model.remove(page.at(3).id); // "first" goes; "again" now leads the group
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(M::GroupedRole).toBool(), false);
    QCOMPARE(model.index(0).data(M::DayStartRole).toBool(), true);
}

void tst_app_models::olderPagesPrepend()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMe(User{1, QStringLiteral("me"), QString()});
    QList<Message> all;
    for (int i = 0; i < 120; ++i)
        all.prepend(msg(kBase + i * 1000, 1 + i % 2, QString::number(i)));
    model.reset(7, all.mid(0, 50), false);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.index(0).data(M::DayStartRole).toBool(), false); // more history above
    QSignalSpy older(&model, &M::olderRequested);
    QVERIFY(model.canFetchOlder());
    model.fetchOlder();
    model.fetchOlder(); // a second ask while one is on its way is ignored
    QCOMPARE(older.size(), 1);
    QCOMPARE(older.at(0).at(1).value<Id>(), all.at(49).id);
    model.prependOlder(all.mid(50, 70), true);
    QCOMPARE(model.rowCount(), 120);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("0"));
    QVERIFY(model.reachedStart());
    QVERIFY(!model.canFetchOlder());
    // A live message for another channel is not ours.
    model.upsert(msg(kBase + 500000, 2, QStringLiteral("elsewhere"), 8));
    QCOMPARE(model.rowCount(), 120);
    // Duplicates (a replayed event) change nothing.
    model.upsert(all.first());
    QCOMPARE(model.rowCount(), 120);
}

void tst_app_models::pendingRowsAndConfirmation()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMe(User{1, QStringLiteral("me"), QStringLiteral("Me")});
    model.reset(7, {msg(kBase, 2, QStringLiteral("hi"))}, true);
    OutboxEntry a{QStringLiteral("n-a"), 7, QStringLiteral("pending one"), kBase + 1000, OutboxEntry::Status::Pending, {}};
    OutboxEntry b{QStringLiteral("n-b"), 7, QStringLiteral("failed one"), kBase + 2000,
                  OutboxEntry::Status::Failed, QStringLiteral("too large")};
    OutboxEntry other{QStringLiteral("n-c"), 9, QStringLiteral("other channel"), kBase, OutboxEntry::Status::Pending, {}};
    model.setPending({a, b, other});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1).data(M::StatusRole).toInt(), int(M::Status::Pending));
    QCOMPARE(model.index(1).data(M::AuthorNameRole).toString(), QStringLiteral("Me"));
    QCOMPARE(model.index(2).data(M::StatusRole).toInt(), int(M::Status::Failed));
    // The confirmed message replaces its pending twin at once, before the outbox catches up.
    Message sent = msg(kBase + 1500, 1, QStringLiteral("pending one"));
    sent.nonce = QStringLiteral("n-a");
    model.upsert(sent);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1).data(M::StatusRole).toInt(), int(M::Status::Sent));
    QCOMPARE(model.index(2).data(M::NonceRole).toString(), QStringLiteral("n-b"));
    model.setPending({a, b}); // outbox not yet updated: n-a must not come back
    QCOMPARE(model.rowCount(), 3);
}

void tst_app_models::outboxPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox/x.json"));
    Connection offline;
    QString nonce;
    {
        Outbox box(&offline, path);
        QSignalSpy changed(&box, &Outbox::changed);
        nonce = box.enqueue(42, QStringLiteral("typed while offline"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(box.entries(42).size(), 1);
        QCOMPARE(box.entries(43).size(), 0);
        QVERIFY(box.flush()); // written on the outbox's own thread
        QVERIFY(QFile::exists(path));
    }
    Outbox again(&offline, path);
    QCOMPARE(again.entries().size(), 1);
    QCOMPARE(again.entries().first().nonce, nonce);
    QCOMPARE(again.entries().first().content, QStringLiteral("typed while offline"));
    QCOMPARE(again.entries().first().status, OutboxEntry::Status::Pending);
    again.discard(nonce);
    QVERIFY(again.isEmpty());
    QVERIFY(again.flush()); // another reader of the file sees it once written
    Outbox third(&offline, path);
    QVERIFY(third.isEmpty());
}

void tst_app_models::repliesAndReactions()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMe(User{1, QStringLiteral("me"), QString()});
    Message orig = msg(kBase, 2, QStringLiteral("original"));
    orig.author.displayName = QStringLiteral("Bea");
    Message reply = msg(kBase + 60000, 1, QStringLiteral("re"));
    reply.replyToId = orig.id;
    reply.replyTo = MessageRef{orig.id, orig.author, orig.content};
    model.reset(7, {reply, orig}, true);
    QCOMPARE(model.index(0).data(M::ReplyToIdRole).toULongLong(), quint64(0));
    QCOMPARE(model.index(1).data(M::ReplyToIdRole).toULongLong(), quint64(orig.id));
    QCOMPARE(model.index(1).data(M::ReplyAuthorRole).toString(), QStringLiteral("Bea"));
    QCOMPARE(model.index(1).data(M::ReplyTextRole).toString(), QStringLiteral("original"));
    QCOMPARE(model.index(0).data(M::ReactionsRole).toList().size(), 0);

    // reaction.added from someone else, then mine (and my other device's echo counts once).
    const quint64 key = model.index(0).data(M::CacheKeyRole).toULongLong();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyReaction(orig.id, QStringLiteral("👍"), true, false);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.index(0).data(M::CacheKeyRole).toULongLong() != key);
    model.applyReaction(orig.id, QStringLiteral(":tada:"), true, true);
    model.applyReaction(orig.id, QStringLiteral("👍"), true, true);
    model.applyReaction(orig.id, QStringLiteral("👍"), true, true);
    const auto chips = [&] {
        QStringList out;
        for (const QVariant &v : model.index(0).data(M::ReactionsRole).toList()) {
            const QVariantMap m = v.toMap();
            out << QStringLiteral("%1 %2%3").arg(m.value(QStringLiteral("emoji")).toString())
                                          .arg(m.value(QStringLiteral("count")).toInt())
                                          .arg(m.value(QStringLiteral("me")).toBool() ? QStringLiteral(" me") : QString());
        }
        return out;
    };
    QCOMPARE(chips(), (QStringList{QStringLiteral("👍 2 me"), QStringLiteral(":tada: 1 me")}));
    QVERIFY(model.hasMyReaction(orig.id, QStringLiteral("👍")));
    model.applyReaction(orig.id, QStringLiteral("👍"), false, true);
    QVERIFY(!model.hasMyReaction(orig.id, QStringLiteral("👍")));
    model.applyReaction(orig.id, QStringLiteral(":tada:"), false, true);
    QCOMPARE(chips(), QStringList{QStringLiteral("👍 1")});
    model.applyReaction(orig.id, QStringLiteral("👍"), false, false);
    QCOMPARE(chips(), QStringList{});

    // The replied-to message goes: the reply keeps its id but quotes nothing.
    model.remove(orig.id);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(M::ReplyToIdRole).toULongLong(), quint64(orig.id));
    QCOMPARE(model.index(0).data(M::ReplyTextRole).toString(), QString());

    // A reply typed offline keeps its target in the outbox file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox/r.json"));
    Connection offline;
    {
        Outbox box(&offline, path);
        box.enqueue(42, QStringLiteral("answer"), 777);
        QCOMPARE(box.entries(42).first().replyToId, Id(777));
        QVERIFY(box.flush());
    }
    Outbox again(&offline, path);
    QCOMPARE(again.entries().size(), 1);
    QCOMPARE(again.entries().first().replyToId, Id(777));
}

void tst_app_models::outboxJournal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outbox/j.json"));
    Connection offline;
    QString kept, gone;
    {
        Outbox box(&offline, path);
        kept = box.enqueue(1, QStringLiteral("first"));
        gone = box.enqueue(1, QStringLiteral("second"));
        box.enqueue(2, QStringLiteral("third"));
        box.discard(gone);
        QVERIFY(box.flush());
    }
    // One line per change, appended: never the whole queue rewritten for one message.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    f.close();
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.last().contains("\"done\""));
    // A crash in the middle of a line: that line is skipped, the rest stands.
    QVERIFY(f.open(QIODevice::Append));
    f.write("{\"op\":\"add\",\"nonce\":\"torn");
    f.close();
    {
        Outbox again(&offline, path);
        QCOMPARE(again.entries().size(), 2);
        QCOMPARE(again.entries().first().nonce, kept);
        QCOMPARE(again.entries().last().content, QStringLiteral("third"));
        QVERIFY(again.flush());
    }
    // Opening compacts it to what is left.
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().trimmed().split('\n').size(), 2);
    f.close();

    // An outbox written by an older version (one JSON array) is read and carried over.
    const QString old = dir.filePath(QStringLiteral("outbox/old.json"));
    QFile o(old);
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write("[{\"nonce\":\"n-old\",\"channel_id\":\"7\",\"content\":\"from before\",\"created_ms\":1,"
            "\"failed\":true,\"error\":\"too large\"}]");
    o.close();
    {
        Outbox carried(&offline, old);
        QCOMPARE(carried.entries().size(), 1);
        QCOMPARE(carried.entries().first().status, OutboxEntry::Status::Failed);
        QCOMPARE(carried.entries().first().error, QStringLiteral("too large"));
        carried.retry(QStringLiteral("n-old"));
        QVERIFY(carried.flush());
    }
    Outbox reread(&offline, old);
    QCOMPARE(reread.entries().size(), 1);
    QCOMPARE(reread.entries().first().status, OutboxEntry::Status::Pending);
}

void tst_app_models::outboxWriteFailureIsReported()
{
    QTemporaryDir dir;
    // The folder the outbox should live in is a file: nothing can be written (also as root).
    QFile blocker(dir.filePath(QStringLiteral("outbox")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Connection offline;
    Outbox box(&offline, dir.filePath(QStringLiteral("outbox/x.json")));
    QSignalSpy failed(&box, &Outbox::writeFailed);
    box.enqueue(5, QStringLiteral("still kept in memory"));
    QVERIFY(!box.flush());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(box.entries().size(), 1); // and still sent once online
}

void tst_app_models::switcherRanking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    QTest::newRow("prefix beats inside") << "gen" << "general" << "engineering";
    QTest::newRow("word start") << "dev" << "random-dev" << "deleted-vault";
    QTest::newRow("contiguous") << "ran" << "random" << "r-a-n";
    QTest::newRow("case-insensitive") << "GEN" << "general" << "nothing";
}

void tst_app_models::switcherRanking()
{
    QFETCH(QString, query);
    QFETCH(QString, better);
    QFETCH(QString, worse);
    QVERIFY(QuickSwitcher::score(query, better) > QuickSwitcher::score(query, worse));
    QVERIFY(QuickSwitcher::score(QStringLiteral("xyz"), better) < 0);
}

void tst_app_models::composerKeys()
{
    Composer c;
    c.show();
    QSignalSpy send(&c, &Composer::sendRequested);
    QSignalSpy editLast(&c, &Composer::editLastRequested);
    QSignalSpy edit(&c, &Composer::editSubmitted);
    QTest::keyClick(&c, Qt::Key_Up);
    QCOMPARE(editLast.size(), 1); // Up in an empty composer edits my last message
    QTest::keyClicks(&c, QStringLiteral("line one"));
    QTest::keyClick(&c, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(&c, QStringLiteral("line two"));
    QTest::keyClick(&c, Qt::Key_Up); // not empty: moves the cursor, nothing else
    QCOMPARE(editLast.size(), 1);
    QTest::keyClick(&c, Qt::Key_Return);
    QCOMPARE(send.size(), 1);
    QCOMPARE(send.at(0).at(0).toString(), QStringLiteral("line one\nline two"));
    QVERIFY(c.toPlainText().isEmpty());

    QTest::keyClicks(&c, QStringLiteral("draft"));
    c.beginEdit(5, QStringLiteral("old text"));
    QCOMPARE(c.toPlainText(), QStringLiteral("old text"));
    QTest::keyClick(&c, Qt::Key_Escape);
    QCOMPARE(c.editing(), Id(0));
    QCOMPARE(c.toPlainText(), QStringLiteral("draft")); // the draft comes back
    c.beginEdit(5, QStringLiteral("old text"));
    QTest::keyClicks(&c, QStringLiteral(" new"));
    QTest::keyClick(&c, Qt::Key_Enter);
    QCOMPARE(edit.size(), 1);
    QCOMPARE(edit.at(0).at(1).toString(), QStringLiteral("old text new"));
    QCOMPARE(send.size(), 1);
}

void tst_app_models::composerReply()
{
    Composer c;
    c.show();
    QSignalSpy send(&c, &Composer::sendRequested);
    QSignalSpy reply(&c, &Composer::replySubmitted);
    QSignalSpy changed(&c, &Composer::replyChanged);
    c.beginReply(9, QStringLiteral("Bea"));
    QCOMPARE(c.replyingTo(), Id(9));
    QCOMPARE(c.replyingToName(), QStringLiteral("Bea"));
    QCOMPARE(changed.size(), 1);
    // Escape cancels the reply and keeps the text.
    QTest::keyClicks(&c, QStringLiteral("typed"));
    QTest::keyClick(&c, Qt::Key_Escape);
    QCOMPARE(c.replyingTo(), Id(0));
    QCOMPARE(c.toPlainText(), QStringLiteral("typed"));
    QCOMPARE(changed.size(), 2);
    // Replying again and sending: one replySubmitted, no plain send, and the reply is over.
    c.beginReply(9, QStringLiteral("Bea"));
    QTest::keyClick(&c, Qt::Key_Return);
    QCOMPARE(reply.size(), 1);
    QCOMPARE(reply.at(0).at(0).value<Id>(), Id(9));
    QCOMPARE(reply.at(0).at(1).toString(), QStringLiteral("typed"));
    QCOMPARE(send.size(), 0);
    QCOMPARE(c.replyingTo(), Id(0));
    QTest::keyClicks(&c, QStringLiteral("plain"));
    QTest::keyClick(&c, Qt::Key_Return);
    QCOMPARE(send.size(), 1);
    QCOMPARE(reply.size(), 1);
}

QTEST_MAIN(tst_app_models)
#include "tst_app_models.moc"

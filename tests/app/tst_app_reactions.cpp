// Replies and reactions as the message view draws them, against the app's real embedded server
// and a second, raw client: the quoted line and its jump (loading history back), reaction chips
// and their clicks, the hover bar, and the emoji picker (search, keys, recent first, composer).
#include "AppFixture.h"
#include "TestClient.h"
#include "ui/EmojiPicker.h"
#include "ui/MessageDelegate.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QToolTip>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;
using M = MessageListModel;

class tst_app_reactions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pickerIsNotBuiltAtStart();
    void replyQuoteIsDrawn();
    void quoteClickLoadsAndJumps();
    void deletedOriginalQuotesNothing();
    void chipsShowCountsAndToggle();
    void hoverBarRepliesAndReacts();
    void pickerFiltersAndKeys();
    void recentComeFirstAndPersist();
    void pickerInsertsIntoComposer();
    void cleanupTestCase();

private:
    Id sendAsFriend(const QString &content, Id replyTo = 0);
    QModelIndex rowOf(Id id) const { return f.messages()->index(f.messages()->rowOf(id)); }
    //! Shows `id` in the view (it is loaded) and returns its row.
    QModelIndex showRow(Id id);

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    Id m_friendId = 0;
    Id m_general = 0;
    Id m_original = 0; //!< the friend's message my reply quotes, more than a page back
    Id m_reply = 0;
    int m_nonce = 0;
};

Id tst_app_reactions::sendAsFriend(const QString &content, Id replyTo)
{
    QJsonObject d{{u"channel_id"_s, QString::number(m_general)}, {u"content"_s, content},
                  {u"nonce"_s, u"n-%1"_s.arg(++m_nonce)}};
    if (replyTo)
        d.insert(u"reply_to_id"_s, QString::number(replyTo));
    const TestClient::Result r = m_friend->call(u"message.send"_s, d);
    return r.ok ? r.d.value(u"id"_s).toString().toULongLong() : 0;
}

QModelIndex tst_app_reactions::showRow(Id id)
{
    const QModelIndex ix = rowOf(id);
    f.view()->scrollTo(ix, QAbstractItemView::PositionAtCenter);
    return ix;
}

void tst_app_reactions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_friendId = f.startWithGuest(m_dir.path(), m_friend, u"friend"_s, u"Friend"_s);
    QVERIFY(m_friendId);
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    f.app->window()->resize(1000, 700);
    f.app->window()->show();
}

void tst_app_reactions::pickerIsNotBuiltAtStart()
{
    // Start-up is measured: the picker and its table come on first use only.
    QVERIFY(!f.app->window()->chat()->emojiPicker());
    QVERIFY(!f.app->window()->findChild<EmojiPicker *>());
    QVERIFY(!f.app->window()->chat()->emojiButton()->accessibleName().isEmpty());
}

void tst_app_reactions::replyQuoteIsDrawn()
{
    m_original = sendAsFriend(u"the original message\nwith a second line"_s);
    QVERIFY(m_original);
    // More than a page after it, so that a fresh channel view does not hold it.
    for (int i = 0; i < 70; ++i)
        QVERIFY(sendAsFriend(u"filler %1"_s.arg(i)));
    QTRY_COMPARE(f.count(u"filler 69"_s), 1);
    f.state()->sendMessage(u"my answer"_s, m_original);
    QTRY_COMPARE(f.count(u"my answer"_s, int(M::Status::Sent)), 1);
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"my answer"_s));
    m_reply = ix.data(M::IdRole).toULongLong();
    QCOMPARE(ix.data(M::ReplyAuthorIdRole).toULongLong(), quint64(m_friendId));
    QTRY_VERIFY(f.view()->isAtBottom());

    // The quoted line: above the author, the friend's name in their colour.
    const QRect rect = f.view()->visualRect(ix);
    const QRect quote = f.view()->messageDelegate()->quoteRect(rect, ix);
    QVERIFY(!quote.isEmpty());
    QVERIFY(quote.top() >= rect.top() && quote.bottom() < rect.top() + rect.height() / 2 + 10);
    const QImage shot = f.view()->viewport()->grab().toImage();
    const QColor name = f.app->theme()->nameColor(m_friendId);
    int named = 0;
    for (int y = quote.top(); y <= quote.bottom(); ++y)
        for (int x = quote.left(); x <= quote.right() && x < shot.width(); ++x) {
            const QColor c(shot.pixel(x, y));
            named += qAbs(c.red() - name.red()) + qAbs(c.green() - name.green()) + qAbs(c.blue() - name.blue()) < 40;
        }
    QVERIFY2(named >= 10, qPrintable(u"%1 pixels in the name's colour"_s.arg(named)));
    // No quote on a message that is no reply.
    const QModelIndex plain = f.messages()->index(f.rowOfText(u"filler 69"_s));
    QVERIFY(f.view()->messageDelegate()->quoteRect(f.view()->visualRect(plain), plain).isEmpty());
}

void tst_app_reactions::quoteClickLoadsAndJumps()
{
    // Open another channel and come back: only the newest page is loaded, without the original.
    f.state()->createChannel(u"random"_s, QString());
    QTRY_VERIFY(f.state()->currentChannel() != m_general && f.state()->currentChannel() != 0);
    QSignalSpy loaded(f.state(), &ClientState::historyLoaded);
    f.state()->selectChannel(m_general);
    QTRY_VERIFY(loaded.size() >= 1);
    QTRY_VERIFY(f.messages()->rowOf(m_reply) >= 0);
    QCOMPARE(f.messages()->rowOf(m_original), -1);
    QTRY_VERIFY(f.view()->isAtBottom());

    const QModelIndex ix = rowOf(m_reply);
    const QRect quote = f.view()->messageDelegate()->quoteRect(f.view()->visualRect(ix), ix);
    QVERIFY(!quote.isEmpty());
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, quote.center());
    // Older pages load until the original is there; it is shown and highlighted.
    QTRY_VERIFY_WITH_TIMEOUT(f.messages()->rowOf(m_original) >= 0, 15000);
    QTRY_COMPARE(f.view()->highlighted(), m_original);
    QCOMPARE(f.view()->jumpPending(), Id(0));
    const QRect target = f.view()->visualRect(rowOf(m_original));
    QVERIFY(f.view()->viewport()->rect().intersects(target));
    QVERIFY(!f.view()->isAtBottom());
    // The highlight passes.
    QTRY_COMPARE_WITH_TIMEOUT(f.view()->highlighted(), Id(0), 10000);
    // Once loaded, a click jumps at once, with no page asked for.
    f.view()->scrollToBottomNow();
    QTRY_VERIFY(f.view()->isAtBottom());
    const int rows = f.messages()->rowCount();
    const QModelIndex again = rowOf(m_reply);
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {},
                      f.view()->messageDelegate()->quoteRect(f.view()->visualRect(again), again).center());
    QCOMPARE(f.view()->highlighted(), m_original);
    QCOMPARE(f.messages()->rowCount(), rows);
    QVERIFY(f.view()->viewport()->rect().intersects(f.view()->visualRect(rowOf(m_original))));
    QTRY_COMPARE_WITH_TIMEOUT(f.view()->highlighted(), Id(0), 10000);
    f.view()->scrollToBottomNow();
}

void tst_app_reactions::deletedOriginalQuotesNothing()
{
    const Id doomed = sendAsFriend(u"soon gone"_s);
    QVERIFY(doomed);
    QTRY_VERIFY(f.messages()->rowOf(doomed) >= 0);
    f.state()->sendMessage(u"answer to the gone one"_s, doomed);
    QTRY_COMPARE(f.count(u"answer to the gone one"_s, int(M::Status::Sent)), 1);
    QVERIFY(m_friend->call(u"message.delete"_s, {{u"channel_id"_s, QString::number(m_general)},
                                                 {u"message_id"_s, QString::number(doomed)}}).ok);
    QTRY_COMPARE(f.messages()->rowOf(doomed), -1);
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"answer to the gone one"_s));
    QTRY_VERIFY(ix.data(M::ReplyAuthorRole).toString().isEmpty());
    f.view()->scrollToBottomNow();
    QTRY_VERIFY(f.view()->isAtBottom());
    const QRect quote = f.view()->messageDelegate()->quoteRect(f.view()->visualRect(ix), ix);
    QVERIFY(!quote.isEmpty()); // "Original message was deleted", still a line of its own
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, quote.center());
    QCOMPARE(f.view()->jumpPending(), Id(0));
    QCOMPARE(f.view()->highlighted(), Id(0));
}

void tst_app_reactions::chipsShowCountsAndToggle()
{
    f.view()->scrollToBottomNow();
    QTRY_VERIFY(f.view()->isAtBottom());
    // The friend reacts to my reply: one chip, not mine, and a "+" after it.
    QVERIFY(m_friend->call(u"reaction.add"_s, {{u"channel_id"_s, QString::number(m_general)},
                                               {u"message_id"_s, QString::number(m_reply)},
                                               {u"emoji"_s, u"👍"_s}}).ok);
    auto chips = [this] {
        const QModelIndex ix = rowOf(m_reply);
        return f.view()->messageDelegate()->chips(f.view()->visualRect(ix), ix);
    };
    QTRY_COMPARE(chips().size(), 2);
    QCOMPARE(chips().at(0).emoji, u"👍"_s);
    QCOMPARE(chips().at(0).count, 1);
    QVERIFY(!chips().at(0).me);
    QVERIFY(chips().at(1).emoji.isEmpty());
    QCOMPARE(MessageView::reactionTip(u"👍"_s, 1, false), u"1 person reacted with 👍"_s);

    // A click adds mine, through the host: the friend sees it, the chip counts 2 and is mine.
    showRow(m_reply);
    const int added = m_friend->countEvents(u"reaction.added"_s);
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, chips().at(0).rect.center());
    QTRY_COMPARE(m_friend->countEvents(u"reaction.added"_s), added + 1);
    QJsonObject event;
    for (const QJsonObject &e : std::as_const(m_friend->events))
        if (e.value(u"ev"_s).toString() == u"reaction.added")
            event = e.value(u"d"_s).toObject();
    QCOMPARE(event.value(u"user_id"_s).toString(), QString::number(f.state()->me().id));
    QCOMPARE(event.value(u"emoji"_s).toString(), u"👍"_s);
    QTRY_COMPARE(chips().at(0).count, 2);
    QVERIFY(chips().at(0).me);
    QCOMPARE(MessageView::reactionTip(u"👍"_s, 2, true), u"You and 1 other reacted with 👍"_s);
    QCOMPARE(MessageView::reactionTip(u"👍"_s, 4, true), u"You and 3 others reacted with 👍"_s);
    QCOMPARE(MessageView::reactionNamesTip(u"👍"_s, {u"You"_s, u"A"_s, u"B"_s, u"C"_s}, 5),
             u"You, A, B and 2 others reacted with 👍"_s);
    QCOMPARE(MessageView::reactionNamesTip(u"👍"_s, {u"A"_s, u"B"_s, u"C"_s}, 3), u"A, B and C reacted with 👍"_s);
    // Hovering the chip: the counts at once, then who, as reaction.users tells.
    {
        const QPoint at = chips().at(0).rect.center();
        QHelpEvent help(QEvent::ToolTip, at, f.view()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(f.view()->viewport(), &help);
        QCOMPARE(QToolTip::text(), u"You and 1 other reacted with 👍"_s);
        QTRY_COMPARE(QToolTip::text(), u"You and Friend reacted with 👍"_s);
        QToolTip::hideText();
    }
    // The chip is drawn with the accent: its outline is in the accent colour.
    const QImage shot = f.view()->viewport()->grab().toImage();
    const QRect chip = chips().at(0).rect;
    QCOMPARE(QColor(shot.pixel(chip.center().x(), chip.top())).name(),
             f.app->theme()->color(u"accent"_s).name());

    // Again: mine goes, the friend sees it go, the count is 1 again.
    const int removed = m_friend->countEvents(u"reaction.removed"_s);
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, chips().at(0).rect.center());
    QTRY_COMPARE(m_friend->countEvents(u"reaction.removed"_s), removed + 1);
    QTRY_COMPARE(chips().at(0).count, 1);
    QVERIFY(!chips().at(0).me);

    // "+" opens the picker for this message; picking reacts with it.
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, chips().at(1).rect.center());
    EmojiPicker *picker = f.app->window()->chat()->emojiPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    QTest::keyClicks(picker->searchField(), u"tada"_s);
    QCOMPARE(picker->shown().value(0), u"🎉"_s);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QTRY_COMPARE(chips().size(), 3);
    QCOMPARE(chips().at(1).emoji, u"🎉"_s);
    QVERIFY(chips().at(1).me);
}

void tst_app_reactions::hoverBarRepliesAndReacts()
{
    const QModelIndex ix = showRow(m_reply);
    const QRect rect = f.view()->visualRect(ix);
    QTest::mouseMove(f.view()->viewport(), QPoint(rect.center().x(), rect.bottom() - 2));
    QTRY_VERIFY(!f.view()->hoverBar().isEmpty());
    QVERIFY(f.view()->hoverBar().right() <= f.view()->viewport()->width());
    // Reply on the bar starts a reply to this message.
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, f.view()->replyButton().center());
    QCOMPARE(f.composer()->replyingTo(), m_reply);
    QTest::keyClick(f.composer(), Qt::Key_Escape);
    QCOMPARE(f.composer()->replyingTo(), Id(0));
    // React on the bar opens the picker for it.
    QTest::mouseMove(f.view()->viewport(), QPoint(rect.center().x(), rect.bottom() - 2));
    QTRY_VERIFY(!f.view()->reactButton().isEmpty());
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, f.view()->reactButton().center());
    EmojiPicker *picker = f.app->window()->chat()->emojiPicker();
    QTRY_VERIFY(picker->isVisible());
    QTest::keyClicks(picker->searchField(), u"fire"_s);
    QCOMPARE(picker->shown().value(0), u"🔥"_s);
    QTest::keyClick(picker->searchField(), Qt::Key_Enter);
    QTRY_VERIFY(f.state()->messages()->hasMyReaction(m_reply, u"🔥"_s));
}

void tst_app_reactions::pickerFiltersAndKeys()
{
    ChatPane *chat = f.app->window()->chat();
    chat->openEmojiPicker(0, chat->mapToGlobal(QPoint(100, 400)));
    EmojiPicker *picker = chat->emojiPicker();
    QTRY_VERIFY(picker->isVisible());
    QVERIFY(picker->searchField()->text().isEmpty());
    const int all = picker->grid()->count();
    QVERIFY2(all >= 300, qPrintable(QString::number(all)));
    // Every cell is named for screen readers, and the search is too.
    for (int i = 0; i < picker->grid()->count(); ++i)
        QVERIFY(!picker->grid()->item(i)->data(Qt::AccessibleTextRole).toString().isEmpty());
    QVERIFY(!picker->searchField()->accessibleName().isEmpty());

    // By name, by prefix, every word: "thumbs" finds up and down; "thumbs up" only up.
    QTest::keyClicks(picker->searchField(), u"thumbs"_s);
    QVERIFY(picker->shown().contains(u"👍"_s));
    QVERIFY(picker->shown().contains(u"👎"_s));
    QVERIFY(picker->grid()->count() < all);
    QTest::keyClicks(picker->searchField(), u" up"_s);
    QCOMPARE(picker->shown(), QStringList{u"👍"_s});
    // Whole words of the name first: "heart" puts the red heart before heart-shaped eyes.
    picker->searchField()->clear();
    QTest::keyClicks(picker->searchField(), u"heart"_s);
    QVERIFY(picker->shown().indexOf(u"❤️"_s) >= 0);
    QVERIFY(picker->shown().indexOf(u"❤️"_s) < picker->shown().indexOf(u"😍"_s));
    QVERIFY(EmojiPicker::matches(u"Hea"_s, u"red heart love"_s));
    QVERIFY(!EmojiPicker::matches(u"eart"_s, u"red heart"_s));
    picker->searchField()->clear();
    QCOMPARE(picker->grid()->count(), all);

    // Arrows move through the grid, a row is kColumns wide; Escape closes.
    QCOMPARE(picker->grid()->currentRow(), 0);
    QTest::keyClick(picker->searchField(), Qt::Key_Right);
    QCOMPARE(picker->grid()->currentRow(), 1);
    QTest::keyClick(picker->searchField(), Qt::Key_Down);
    QCOMPARE(picker->grid()->currentRow(), 1 + EmojiPicker::kColumns);
    QTest::keyClick(picker->searchField(), Qt::Key_Up);
    QTest::keyClick(picker->searchField(), Qt::Key_Left);
    QTest::keyClick(picker->searchField(), Qt::Key_Left); // stops at the first
    QCOMPARE(picker->grid()->currentRow(), 0);
    QTest::keyClick(picker->searchField(), Qt::Key_Escape);
    QVERIFY(!picker->isVisible());
}

void tst_app_reactions::recentComeFirstAndPersist()
{
    ChatPane *chat = f.app->window()->chat();
    EmojiPicker *picker = chat->emojiPicker();
    // Picked so far, most recent first: 🔥 then 🎉.
    QCOMPARE(picker->recent().mid(0, 2), (QStringList{u"🔥"_s, u"🎉"_s}));
    chat->openEmojiPicker(0, chat->mapToGlobal(QPoint(100, 400)));
    QTRY_VERIFY(picker->isVisible());
    QCOMPARE(picker->shown().mid(0, 2), (QStringList{u"🔥"_s, u"🎉"_s}));
    // A recent one that matches the search comes before the table's order.
    QTest::keyClicks(picker->searchField(), u"p"_s);
    QCOMPARE(picker->shown().value(0), u"🎉"_s); // "party popper"
    QTest::keyClick(picker->searchField(), Qt::Key_Escape);
    // Kept in the app's settings, for the next start.
    QSettings settings(AppController::settingsPath(m_dir.path()), QSettings::IniFormat);
    QCOMPARE(settings.value(u"emoji/recent"_s).toStringList().mid(0, 2), (QStringList{u"🔥"_s, u"🎉"_s}));
}

void tst_app_reactions::pickerInsertsIntoComposer()
{
    ChatPane *chat = f.app->window()->chat();
    f.composer()->setPlainText(u"ab"_s);
    QTextCursor c = f.composer()->textCursor();
    c.setPosition(1);
    f.composer()->setTextCursor(c);
    QTest::mouseClick(chat->emojiButton(), Qt::LeftButton);
    EmojiPicker *picker = chat->emojiPicker();
    QTRY_VERIFY(picker->isVisible());
    QTest::keyClicks(picker->searchField(), u"grinning face"_s);
    QCOMPARE(picker->shown().value(0), u"😀"_s);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    QCOMPARE(f.composer()->toPlainText(), u"a😀b"_s);
    QCOMPARE(picker->recent().value(0), u"😀"_s);
    // Sent as it reads.
    QTest::keyClick(f.composer(), Qt::Key_Return);
    QTRY_COMPARE(f.count(u"a😀b"_s, int(M::Status::Sent)), 1);
    QTRY_COMPARE(m_friend->countEvents(u"message.created"_s, u"a😀b"_s), 1);
}

void tst_app_reactions::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_reactions)
#include "tst_app_reactions.moc"

// The search panel against the app's real embedded server and a second, raw client: Ctrl+F,
// results with the words highlighted, from:/in:/has: filters and their completions, paging,
// a click that opens an old message in another channel, and the narrow window's overlay.
#include "AppFixture.h"
#include "TestClient.h"
#include "Screenshots.h"
#include "state/SearchModel.h"
#include "ui/SearchField.h"
#include "ui/SearchPanel.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QListView>
#include <QTemporaryDir>
#include <QToolButton>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_search : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parsesFilters();
    void panelIsNotBuiltAtStart();
    void ctrlFFocusesTheField();
    void findsAndHighlights();
    void completesFilters();
    void filtersNarrowTheResults();
    void unknownNamesSayWhy();
    void pagesAsItScrolls();
    void clickOpensAnOldMessageElsewhere();
    void narrowWindowShowsResultsOverTheChat();
    void closeBringsMembersBack();
    void cleanupTestCase();

private:
    Id sendAsFriend(Id channel, const QString &content);
    SearchPanel *search(const QString &text);

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    Id m_friendId = 0;
    Id m_general = 0;
    Id m_random = 0;
    Id m_needle = 0;
    int m_nonce = 0;
};

Id tst_app_search::sendAsFriend(Id channel, const QString &content)
{
    const TestClient::Result r = m_friend->call(u"message.send"_s,
        {{u"channel_id"_s, QString::number(channel)}, {u"content"_s, content}, {u"nonce"_s, u"s-%1"_s.arg(++m_nonce)}});
    return r.ok ? r.d.value(u"id"_s).toString().toULongLong() : 0;
}

SearchPanel *tst_app_search::search(const QString &text)
{
    SearchField *field = f.app->window()->chat()->searchField();
    field->setText(text);
    field->setFocus();
    field->completer()->popup()->hide(); // Enter would take its choice
    QTest::keyClick(field, Qt::Key_Return);
    SearchPanel *panel = f.app->window()->searchPanel();
    if (panel) // the reply, or a problem said at once
        (void)QTest::qWaitFor([panel] { return !panel->model()->isLoading(); }, 10000);
    return panel;
}

void tst_app_search::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_friendId = f.startWithGuest(m_dir.path(), m_friend, u"marta"_s, u"Marta"_s);
    QVERIFY(m_friendId);
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    QTRY_COMPARE(f.state()->members()->rowCount(), 2);
    f.app->window()->resize(1200, 760);
    f.app->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));

    QVERIFY(sendAsFriend(m_general, u"the kitten is asleep on the keyboard"_s));
    QVERIFY(sendAsFriend(m_general, u"a dog barks at the Café door"_s));
    QVERIFY(sendAsFriend(m_general, u"release notes: https://example.org/r/12"_s));
    f.state()->sendMessage(u"Kittens everywhere, send help"_s);
    QTRY_COMPARE(f.count(u"Kittens everywhere, send help"_s, int(MessageListModel::Status::Sent)), 1);
}

void tst_app_search::parsesFilters()
{
    const SearchText t = SearchText::parse(u"kit from:@marta in:#general has:image \"in:quoted words\""_s);
    QCOMPARE(t.words, u"kit \"in:quoted words\""_s);
    QCOMPARE(t.from, u"marta"_s);
    QCOMPARE(t.in, u"general"_s);
    QCOMPARE(t.has, u"image"_s);
    QVERIFY(SearchText::parse(u"   "_s).isBlank());
    QVERIFY(!SearchText::parse(u"has:link"_s).isBlank());
    // Highlights: whole words that start with a searched word, case and accents ignored.
    const QStringList terms = SearchModel::termsOf(u"CAFE kit"_s);
    QCOMPARE(terms, (QStringList{u"cafe"_s, u"kit"_s}));
    const QString text = u"a café for kittens, not a skit"_s;
    const auto m = SearchModel::matches(text, terms);
    QCOMPARE(m.size(), 2);
    QCOMPARE(text.mid(m.at(0).first, m.at(0).second), u"café"_s);
    QCOMPARE(text.mid(m.at(1).first, m.at(1).second), u"kittens"_s);
}

void tst_app_search::panelIsNotBuiltAtStart()
{
    // Start-up is measured: the panel and its model come with the first search.
    QVERIFY(!f.app->window()->searchPanel());
    QVERIFY(f.app->window()->chat()->searchField()->isVisible());
}

void tst_app_search::ctrlFFocusesTheField()
{
    MainWindow *w = f.app->window();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    f.composer()->setFocus();
    QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(w->chat()->searchField()->hasFocus());
    // An empty box offers the filters.
    QTRY_VERIFY(w->chat()->searchField()->completer()->popup()->isVisible());
    QTest::keyClick(w->chat()->searchField()->completer()->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!w->chat()->searchField()->completer()->popup()->isVisible());
    QVERIFY(w->chat()->searchField()->hasFocus());
}

void tst_app_search::findsAndHighlights()
{
    SearchPanel *panel = search(u"kit"_s);
    QVERIFY(panel);
    QTRY_VERIFY(f.app->window()->isSearchShown());
    QCOMPARE(panel->model()->total(), 2);
    QCOMPARE(panel->model()->rowCount(), 2);
    // Newest first: mine, then Marta's.
    QCOMPARE(panel->model()->at(0).content, u"Kittens everywhere, send help"_s);
    QCOMPARE(panel->model()->at(1).author.id, m_friendId);
    QVERIFY(panel->statusText().startsWith(u"2 result"_s)); // "2 results" (C locale: "2 result(s)")
    // The member list gives its place to the results.
    QVERIFY(!f.app->window()->memberList()->isVisible());
    // The match is drawn on the highlight tint: look for it in the first result's card.
    const QRect rect = panel->list()->visualRect(panel->model()->index(0));
    QVERIFY(rect.height() > 40);
    const QImage shot = panel->list()->viewport()->grab().toImage();
    QColor tint = f.app->theme()->color(u"warning"_s);
    int tinted = 0;
    for (int y = rect.top(); y <= rect.bottom() && y < shot.height(); ++y)
        for (int x = rect.left(); x <= rect.right() && x < shot.width(); ++x) {
            const QColor c(shot.pixel(x, y));
            // A 28% tint moves the background towards the warning colour's hue: red above blue.
            tinted += c.red() - c.blue() > 25 && qAbs(c.red() - tint.red()) < 160;
        }
    QVERIFY2(tinted >= 30, qPrintable(u"%1 tinted pixels"_s.arg(tinted)));
    // Accents and case: "cafe" finds "Café".
    panel = search(u"cafe"_s);
    QCOMPARE(panel->model()->rowCount(), 1);
    QVERIFY(panel->model()->at(0).content.contains(u"Café"_s));
}

void tst_app_search::completesFilters()
{
    SearchField *field = f.app->window()->chat()->searchField();
    QCOMPARE(field->completionsFor(u"fr"_s), QStringList{u"from:"_s});
    QVERIFY(field->completionsFor(u"from:"_s).contains(u"from:marta"_s));
    QCOMPARE(field->completionsFor(u"from:ma"_s), QStringList{u"from:marta"_s});
    QCOMPARE(field->completionsFor(u"in:gen"_s), QStringList{u"in:general"_s});
    QCOMPARE(field->completionsFor(u"has:im"_s), QStringList{u"has:image"_s});
    QVERIFY(field->completionsFor(u"kit"_s).isEmpty());

    // By keyboard: type, the popup offers, Enter takes the first choice.
    field->clear();
    field->setFocus();
    QTest::keyClicks(field, u"kit from:m"_s);
    QTRY_VERIFY(field->completer()->popup()->isVisible());
    QTest::keyClick(field->completer()->popup(), Qt::Key_Return);
    QTRY_COMPARE(field->text(), u"kit from:marta "_s);
}

void tst_app_search::filtersNarrowTheResults()
{
    SearchPanel *panel = search(u"kit from:marta"_s);
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->at(0).author.id, m_friendId);
    panel = search(u"has:link"_s);
    QCOMPARE(panel->model()->rowCount(), 1);
    QVERIFY(panel->model()->at(0).content.startsWith(u"release notes"_s));
    panel = search(u"kit in:general from:Marta"_s); // a display name works too
    QCOMPARE(panel->model()->rowCount(), 1);
    panel = search(u"zebra"_s);
    QCOMPARE(panel->model()->total(), 0);
    QVERIFY(panel->statusText().contains(u"No results"_s));
}

void tst_app_search::unknownNamesSayWhy()
{
    SearchPanel *panel = search(u"kit from:nobody"_s);
    QVERIFY(panel->statusText().contains(u"nobody"_s));
    QCOMPARE(panel->model()->rowCount(), 0);
    panel = search(u"kit in:nowhere"_s);
    QVERIFY(panel->statusText().contains(u"#nowhere"_s));
    panel = search(u"has:video"_s);
    QVERIFY(panel->statusText().contains(u"has:image"_s));
}

void tst_app_search::pagesAsItScrolls()
{
    for (int i = 0; i < 40; ++i)
        QVERIFY(sendAsFriend(m_general, u"pager line %1"_s.arg(i)));
    SearchPanel *panel = search(u"pager"_s);
    QCOMPARE(panel->model()->total(), 40);
    QCOMPARE(panel->model()->rowCount(), SearchModel::kPageSize);
    panel->list()->scrollToBottom(); // the view asks for more at its end
    QTRY_COMPARE(panel->model()->rowCount(), 40);
    QCOMPARE(panel->model()->at(39).content, u"pager line 0"_s);
}

void tst_app_search::clickOpensAnOldMessageElsewhere()
{
    // A needle in #random, more than a page back; the app stays on #general meanwhile.
    f.state()->createChannel(u"random"_s, QString());
    QTRY_VERIFY(f.state()->currentChannel() != m_general && f.state()->currentChannel() != 0);
    m_random = f.state()->currentChannel();
    f.state()->selectChannel(m_general);
    m_needle = sendAsFriend(m_random, u"the needle in the haystack"_s);
    QVERIFY(m_needle);
    for (int i = 0; i < 70; ++i)
        QVERIFY(sendAsFriend(m_random, u"hay %1"_s.arg(i)));
    QVERIFY(f.roundTrip());

    SearchPanel *panel = search(u"needle"_s);
    QCOMPARE(panel->model()->rowCount(), 1);
    const QRect rect = panel->list()->visualRect(panel->model()->index(0));
    QTest::mouseClick(panel->list()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(f.state()->currentChannel(), m_random);
    // Older pages load until it is there, then it is scrolled to and highlighted.
    QTRY_COMPARE_WITH_TIMEOUT(f.view()->highlighted(), m_needle, 15000);
    const QModelIndex ix = f.messages()->index(f.messages()->rowOf(m_needle));
    QVERIFY(f.view()->viewport()->rect().intersects(f.view()->visualRect(ix)));
    // A wide window keeps the results beside it.
    QVERIFY(f.app->window()->isSearchShown());
    QVERIFY(saveScreenshot(f.app->window(), u"search-panel.png"_s));
}

void tst_app_search::narrowWindowShowsResultsOverTheChat()
{
    MainWindow *w = f.app->window();
    w->resize(800, 700);
    QTRY_VERIFY(!w->membersDocked());
    SearchPanel *panel = search(u"kit"_s);
    QTRY_VERIFY(w->isSearchShown());
    // Over the chat, from the right edge, below the header.
    QTRY_COMPARE(panel->geometry().right(), panel->parentWidget()->width() - 1);
    QVERIFY(panel->geometry().top() > 0);
    QVERIFY(saveScreenshot(w, u"search-panel-narrow.png"_s));
    const QRect rect = panel->list()->visualRect(panel->model()->index(1));
    QTest::mouseClick(panel->list()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(f.state()->currentChannel(), m_general);
    QTRY_VERIFY(!w->isSearchShown()); // out of the way of the message it opened
    QTRY_VERIFY(f.view()->highlighted() != 0);
    w->resize(1200, 760);
    QTRY_VERIFY(w->membersDocked());
}

void tst_app_search::closeBringsMembersBack()
{
    SearchPanel *panel = search(u"kit"_s);
    QTRY_VERIFY(f.app->window()->isSearchShown());
    QVERIFY(!f.app->window()->memberList()->isVisible());
    panel->findChild<QToolButton *>(u"SearchClose"_s)->click();
    QTRY_VERIFY(!f.app->window()->isSearchShown());
    QVERIFY(f.app->window()->memberList()->isVisible());
    QVERIFY(f.app->window()->chat()->searchField()->text().isEmpty());
    // Clearing the box closes it too.
    search(u"kit"_s);
    QTRY_VERIFY(f.app->window()->isSearchShown());
    f.app->window()->chat()->searchField()->clear();
    QTRY_VERIFY(!f.app->window()->isSearchShown());
}

void tst_app_search::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_search)
#include "tst_app_search.moc"

// My account from the app: renaming myself in Settings reaches a friend's client and shows in
// my own footer and member list; someone else's rename shows in the member list and on their
// messages; changing the password of an account on another host keeps this app signed in with
// the new token, also across a dropped connection; and an account in no server is shown how in.
#include "AppFixture.h"
#include "TestClient.h"
#include "session/HostSet.h"
#include "state/MemberListModel.h"
#include "ui/GuildDialog.h"
#include "ui/Theme.h"
#include "ui/ChatPane.h"
#include "ui/SettingsDialog.h"
#include "ui/UserFooter.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QTreeWidget>
#include <QToolButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QDateTime>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace kith;
using namespace kith::app;

class tst_app_account : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void renameMyselfInSettings();
    void othersRenameShows();
    void changePasswordOnAnotherHost();
    void themeAppliesInPlace();
    void settingsAreAPageInSections();
    void textSizeAppliesAtOnce();
    void compactDensityAppliesAtOnce();
    void restartWritesNothing();
    void cleanupTestCase();

private:
    QString memberName(Id userId) const;

    QTemporaryDir m_data;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    Id m_friendId = 0;
};

QString tst_app_account::memberName(Id userId) const
{
    for (const Member &m : f.state()->members()->members())
        if (m.user.id == userId)
            return m.user.displayName;
    return {};
}

void tst_app_account::initTestCase()
{
    QVERIFY(f.start(m_data.path(), true));
    m_friendId = f.guest(m_friend, u"dana"_s, u"Dana"_s, f.createInvite());
    QVERIFY(m_friendId);
    QTRY_VERIFY(!memberName(m_friendId).isEmpty());
}

void tst_app_account::renameMyselfInSettings()
{
    bool done = false;
    QString status;
    // The dialog is modal: drive it from inside its own event loop, as a user would.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *name = dialog->findChild<QLineEdit *>(u"DisplayNameEdit"_s);
        name->setText(u"Captain Kith"_s);
        dialog->findChild<QPushButton *>(u"SaveName"_s)->click();
        auto *label = dialog->findChild<QLabel *>(u"NameStatus"_s);
        (void)QTest::qWaitFor([&] { return label->isVisible(); }, 10000);
        status = label->text();
        // The app's own account has no password to change here.
        done = !dialog->findChild<QPushButton *>(u"ChangePassword"_s)->isVisibleTo(dialog);
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY2(done, "the settings dialog did not show, or offered a password change for the local account");
    QVERIFY2(status.contains(u"Captain Kith"_s), qPrintable(status));
    // My friend's client hears it; my footer and the member list show it.
    QTRY_VERIFY(m_friend->hasEvent(u"user.updated"_s));
    QTRY_COMPARE(memberName(f.state()->me().id), u"Captain Kith"_s);
    auto *footer = f.app->window()->findChild<UserFooter *>();
    QVERIFY(footer);
    auto footerShows = [footer](const QString &text) {
        for (QLabel *l : footer->findChildren<QLabel *>())
            if (l->text() == text)
                return true;
        return false;
    };
    QTRY_VERIFY(footerShows(u"Captain Kith"_s));
}

void tst_app_account::othersRenameShows()
{
    const QString channel = QString::number(f.state()->currentChannel());
    QVERIFY(m_friend->call(u"message.send"_s, {{u"channel_id"_s, channel}, {u"content"_s, u"hi from Dana"_s},
                                               {u"nonce"_s, u"acc-1"_s}}).ok);
    QTRY_COMPARE(f.count(u"hi from Dana"_s), 1);
    QVERIFY(m_friend->call(u"user.update"_s, {{u"display_name"_s, u"Dana Scully"_s}}).ok);
    QTRY_COMPARE(memberName(m_friendId), u"Dana Scully"_s);
    const int row = f.rowOfText(u"hi from Dana"_s);
    QTRY_COMPARE(f.messages()->index(row).data(MessageListModel::AuthorNameRole).toString(), u"Dana Scully"_s);
}

void tst_app_account::changePasswordOnAnotherHost()
{
    // A second server where I have an account with a password.
    QTemporaryDir otherData;
    EmbeddedServer other;
    QSignalSpy started(&other, &EmbeddedServer::started);
    other.start(otherData.path());
    QTRY_COMPARE(started.size(), 1);
    Credentials c;
    c.mode = Credentials::Mode::Register;
    c.username = u"remo"_s;
    c.password = u"first password"_s;
    f.app->joinHost(other.url(), c, {});
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 2);
    HostSession *host = f.app->hosts()->hosts().last();
    QTRY_VERIFY_WITH_TIMEOUT(host->connection()->isOnline(), 10000);
    const QString before = host->connection()->token();
    // A new account in no server: Home says so, with both ways in.
    QTRY_COMPARE(f.app->currentHost(), host);
    QWidget *noGuilds = nullptr;
    QTRY_VERIFY((noGuilds = f.app->window()->findChild<QWidget *>(u"NoGuilds"_s)) && noGuilds->isVisible());
    noGuilds->findChild<QPushButton *>(u"NoGuildsJoin"_s)->click();
    GuildDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<GuildDialog *>()));
    QVERIFY(dialog->isJoin());
    dialog->close();
    // A second device of mine there.
    TestClient device(other.url());
    QVERIFY(device.waitHello());
    QVERIFY(device.call(u"session.login"_s, {{u"username"_s, u"remo"_s}, {u"password"_s, u"first password"_s}}).ok);

    bool answered = false, ok = false;
    Error error;
    host->state()->changePassword(u"wrong"_s, u"second password"_s, this, [&](bool o, const Error &e) {
        answered = true;
        ok = o;
        error = e;
    });
    QTRY_VERIFY(answered);
    QVERIFY(!ok);
    QCOMPARE(error.code, ErrorCode::Unauthorized);

    answered = false;
    host->state()->changePassword(u"first password"_s, u"second password"_s, this, [&](bool o, const Error &) {
        answered = true;
        ok = o;
    });
    QTRY_VERIFY(answered);
    QVERIFY(ok);
    QVERIFY(host->connection()->token() != before);
    // As an int: 4002 is outside the values QWebSocketProtocol::CloseCode can hold (UB to load as one).
    QTRY_COMPARE(int(device.socket.closeCode()), 4002);
    // A dropped connection comes back with the new token.
    host->connection()->dropForTest();
    QTRY_VERIFY_WITH_TIMEOUT(!host->connection()->isOnline(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(host->connection()->isOnline(), 10000);
    f.app->leaveHost(host->id());
    other.stopAndWait();
}

void tst_app_account::themeAppliesInPlace()
{
    // Choosing a theme in the settings recolours the window behind them at once, a preview:
    // the same window, where it was, with its icons redrawn in the new colours.
    QWidget *window = f.app->window();
    window->resize(1100, 760);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QRect where = window->geometry();
    auto *send = window->findChild<QToolButton *>(u"SendButton"_s);
    QVERIFY(send);
    const auto iconImage = [send] { return send->icon().pixmap(20, 20).toImage(); };
    const QImage darkIcon = iconImage();
    const QColor darkWindow = qApp->palette().color(QPalette::Window);
    // Inline code is laid out with its background colour: it must take the new one too.
    f.state()->sendMessage(u"try `x = 1` first"_s);
    QTRY_COMPARE(f.count(u"try `x = 1` first"_s), 1);
    QWidget *messages = window->findChild<ChatPane *>()->view();
    const auto shows = [messages](const QColor &c) {
        const QImage shot = messages->grab().toImage();
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x)
                if (shot.pixelColor(x, y).rgb() == c.rgb())
                    return true;
        return false;
    };
    Theme dark;
    dark.load(u"dark"_s);
    const QColor darkCode = dark.color(u"codeBg"_s);
    QTRY_VERIFY(shows(darkCode));
    bool previewed = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *box = dialog->findChild<QComboBox *>(u"ThemeBox"_s);
        box->setCurrentIndex(box->findData(u"light"_s));
        previewed = f.app->window() == window && iconImage() != darkIcon
                    && qApp->palette().color(QPalette::Window) != darkWindow;
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY2(previewed, "the theme did not apply while the settings were open, or the window was replaced");
    QCOMPARE(static_cast<QWidget *>(f.app->window()), window);
    QCOMPARE(window->geometry(), where);
    QVERIFY(iconImage() != darkIcon);
    QVERIFY2(!shows(darkCode), "a message kept the dark theme's code background");
    f.app->setTheme(u"dark"_s);
    QCOMPARE(iconImage(), darkIcon);
}

void tst_app_account::settingsAreAPageInSections()
{
    QWidget *window = f.app->window();
    window->resize(1024, 768);
    QStringList sections;
    QStringList keys;
    QString dataShown;
    QSize size;
    bool logAsked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        size = dialog->size();
        sections = dialog->sections();
        dialog->showSection(int(sections.indexOf(u"Keyboard shortcuts"_s)));
        auto *list = dialog->findChild<QTreeWidget *>(u"ShortcutList"_s);
        for (int i = 0; list && i < list->topLevelItemCount(); ++i)
            keys << list->topLevelItem(i)->text(0) + u" = "_s + list->topLevelItem(i)->text(1);
        dialog->showSection(int(sections.indexOf(u"Advanced"_s)));
        dataShown = dialog->findChild<QLabel *>(u"DataFolder"_s)->text();
        connect(dialog, &SettingsDialog::connectionLogRequested, this, [&] { logAsked = true; });
        dialog->findChild<QPushButton *>(u"OpenConnectionLog"_s)->click();
        dialog->accept();
    });
    f.app->openSettings();
    QCOMPARE(sections, (QStringList{u"My account"_s, u"Appearance"_s, u"Notifications"_s, u"Language"_s,
                                    u"Keyboard shortcuts"_s, u"Advanced"_s}));
    QCOMPARE(size, window->size()); // a page over the whole window
    QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)
                           + u" = Find a channel, a conversation or a friend"_s),
             qPrintable(keys.join(u'\n')));
    QVERIFY2(keys.size() >= 10, qPrintable(keys.join(u'\n')));
    QCOMPARE(dataShown, QDir::toNativeSeparators(m_data.path()));
    QVERIFY(logAsked);
}

void tst_app_account::textSizeAppliesAtOnce()
{
    // Appearance → Text size: the messages and the window's own text grow at once, and the
    // choice is kept for the next start.
    f.state()->sendMessage(u"a line to measure"_s);
    QTRY_COMPARE(f.count(u"a line to measure"_s), 1);
    auto *view = qobject_cast<QAbstractItemView *>(f.app->window()->findChild<ChatPane *>()->view());
    QVERIFY(view);
    const auto lastRowHeight = [view] {
        return view->visualRect(view->model()->index(view->model()->rowCount() - 1, 0)).height();
    };
    const int before = lastRowHeight();
    const qreal pointSize = QApplication::font().pointSizeF();
    bool chosen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *box = dialog->findChild<QComboBox *>(u"TextScaleBox"_s);
        box->setCurrentIndex(box->findData(1.25));
        chosen = qFuzzyCompare(QApplication::font().pointSizeF(), pointSize * 1.25);
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY2(chosen, "the text size did not apply while the settings were open");
    QVERIFY(f.app->theme()->styleSheet().contains(u"17.5pt"_s)); // what dialogs get: headings are 14pt at 100%
    // The window's own parts, drawn without the sheet, follow too.
    const QLabel *channelName = f.app->window()->findChild<QLabel *>(u"ChatHeaderName"_s);
    QVERIFY(channelName);
    QCOMPARE(channelName->font().pointSizeF(), 11 * 1.25);
    const QLabel *myName = f.app->window()->findChild<QLabel *>(u"FooterName"_s); // semi-bold, body size
    QVERIFY(myName);
    QCOMPARE(myName->font().pointSizeF(), pointSize * 1.25);
    QTRY_VERIFY2(lastRowHeight() > before, qPrintable(u"%1 → %2"_s.arg(before).arg(lastRowHeight())));
    QCOMPARE(f.app->settings()->value(u"ui/textScale"_s).toDouble(), 1.25);
    f.app->setTextScale(1.0);
    QCOMPARE(QApplication::font().pointSizeF(), pointSize);
    QTRY_COMPARE(lastRowHeight(), before);
}

void tst_app_account::compactDensityAppliesAtOnce()
{
    // Appearance → Message display → Compact: no avatars and the name on the message's own
    // line, so the same messages take less height; kept for the next start; Cozy brings it back.
    f.state()->sendMessage(u"compact one"_s);
    f.state()->sendMessage(u"compact two"_s);
    QTRY_COMPARE(f.count(u"compact two"_s), 1);
    auto *view = qobject_cast<QAbstractItemView *>(f.app->window()->findChild<ChatPane *>()->view());
    QVERIFY(view);
    const auto lastRows = [view](int n) {
        int h = 0;
        for (int row = view->model()->rowCount() - n; row < view->model()->rowCount(); ++row)
            h += view->visualRect(view->model()->index(row, 0)).height();
        return h;
    };
    const int cozy = lastRows(12);
    bool chosen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *box = dialog->findChild<QComboBox *>(u"DensityBox"_s);
        QCOMPARE(box->currentData().toBool(), false);
        box->setCurrentIndex(box->findData(true));
        chosen = true;
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY2(chosen, "the settings dialog did not show");
    QTRY_VERIFY2(lastRows(12) < cozy, qPrintable(u"%1 → %2"_s.arg(cozy).arg(lastRows(12))));
    // A run of my messages: its first row is about one line high now, not an avatar's height.
    QVERIFY(lastRows(1) < QFontMetrics(QApplication::font()).height() * 2);
    QCOMPARE(f.app->settings()->value(u"ui/compact"_s).toBool(), true);
    f.app->setCompact(false);
    QTRY_COMPARE(lastRows(12), cozy);
    QCOMPARE(f.app->settings()->value(u"ui/compact"_s).toBool(), false);
}

void tst_app_account::restartWritesNothing()
{
    // Starting again with nothing changed rewrites neither the settings nor the local account's
    // key: each would be a locked, synced file write on the way to the first window.
    f.stop();
    const QString settings = AppController::settingsPath(m_data.path());
    const QString key = QDir(m_data.path()).filePath(u"local-account.key"_s);
    QVERIFY(QFileInfo::exists(settings));
    QVERIFY(QFileInfo::exists(key)); // no keychain in this test: the key lives in the file
    const QDateTime settingsBefore = QFileInfo(settings).lastModified();
    const QDateTime keyBefore = QFileInfo(key).lastModified();
    QVERIFY(f.start(m_data.path(), true));
    QVERIFY(f.roundTrip()); // signed in, history shown: everything a start does is done
    QCoreApplication::processEvents(); // QSettings writes on a posted event: let it come
    QCOMPARE(QFileInfo(settings).lastModified(), settingsBefore);
    QCOMPARE(QFileInfo(key).lastModified(), keyBefore);
}

void tst_app_account::cleanupTestCase()
{
    m_friend.reset();
    f.stop();
}

QTEST_MAIN(tst_app_account)
#include "tst_app_account.moc"

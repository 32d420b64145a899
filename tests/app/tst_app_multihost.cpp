// Several hosts at once, as a user meets them: the app on its own server joins a second host
// by invite link and stays signed in to both; the rail shows both hosts' guilds; unreads and
// notifications come from both; leaving one keeps the other; and after a restart both are back
// (tokens in a real Secret Service: this suite runs under run-with-keyring.sh).
#include "AppFixture.h"
#include "RecordingNotifier.h"
#include "session/HostSet.h"
#include "ui/EmojiPicker.h"
#include "ui/JoinHostDialog.h"
#include "ui/QuickSwitcher.h"
#include "ui/ServerRail.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace kith::app;

class tst_app_multihost : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void secondHostBesideTheFirst();
    void unreadsAndNotificationsFromBoth();
    void hostsComeBackAfterRestart();
    void aJoinWhileRestoringFindsTheSavedHost();
    void quickSwitcherSpansHosts();
    void recentEmojiOnEveryHost();
    void leavingOneKeepsTheOther();
    void cleanupTestCase();

private:
    HostSession *other() const;

    QTemporaryDir m_data, m_otherData;
    AppFixture f;
    EmbeddedServer m_other;         //!< the second host, as a friend's server would be
    std::unique_ptr<TestClient> m_bo; //!< its owner
    QString m_code;
    QString m_boGuild;
    RecordingNotifier *m_rec = nullptr;
};

HostSession *tst_app_multihost::other() const
{
    for (HostSession *h : f.app->hosts()->hosts())
        if (h != f.app->primaryHost())
            return h;
    return nullptr;
}

void tst_app_multihost::initTestCase()
{
    QSignalSpy started(&m_other, &EmbeddedServer::started);
    m_other.start(m_otherData.path());
    QTRY_COMPARE(started.size(), 1);
    m_bo = std::make_unique<TestClient>(m_other.url());
    QVERIFY(m_bo->waitHello());
    QVERIFY(m_bo->call(u"session.register"_s, {{u"username"_s, u"bo"_s}, {u"password"_s, u"bo-password"_s}}).ok);
    const TestClient::Result g = m_bo->call(u"guild.create"_s, {{u"name"_s, u"Bo's den"_s}});
    QVERIFY(g.ok);
    m_boGuild = g.d.value(u"id"_s).toString();
    const TestClient::Result inv = m_bo->call(u"invite.create"_s, {{u"guild_id"_s, m_boGuild}});
    QVERIFY(inv.ok);
    m_code = inv.d.value(u"code"_s).toString();
    QVERIFY(f.start(m_data.path(), true));
    m_rec = new RecordingNotifier;
    f.app->setNotifier(m_rec);
    f.app->setFocusProbe([] { return true; }); // looking at the window
}

void tst_app_multihost::secondHostBesideTheFirst()
{
    HostSession *primary = f.app->primaryHost();
    const QString link = u"kith://127.0.0.1:%1/invite/%2"_s.arg(m_other.port()).arg(m_code);
    f.app->openLink(link);
    JoinHostDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<JoinHostDialog *>()));
    QVERIFY(dialog->isVisible());
    // With an account there: a new one.
    auto *tabs = dialog->findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    const QList<QLineEdit *> fields = dialog->findChildren<QLineEdit *>();
    for (QLineEdit *e : fields) {
        if (e->accessibleName() == u"Username")
            e->setText(u"ann"_s);
        else if (e->accessibleName() == u"Password" && e->echoMode() == QLineEdit::Password && e->parentWidget() == tabs->widget(1))
            e->setText(u"ann-password"_s);
    }
    dialog->findChild<QCheckBox *>()->setChecked(true);
    QCOMPARE(dialog->credentials().username, u"ann"_s);
    QCOMPARE(dialog->credentials().mode, Credentials::Mode::Register);
    QCOMPARE(dialog->credentials().invite, m_code); // an invite-only server lets us sign up with it
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    QTRY_COMPARE(f.app->hosts()->hosts().size(), 2);
    QTRY_VERIFY(other() && f.app->currentHost() == other());
    QTRY_VERIFY(other()->state()->guilds()->rowOf(m_boGuild.toULongLong()) >= 0);
    QVERIFY(primary->connection()->isOnline()); // the first host was never signed out
    QVERIFY(other()->connection()->isOnline());
    QCOMPARE(other()->connection()->me().username, u"ann"_s);

    // The window shows the new host; the rail lists the first host's guilds under its name.
    QTRY_COMPARE(f.app->window()->rail()->otherHostLists().size(), 1);
    QListView *firstHostGuilds = f.app->window()->rail()->otherHostLists().at(0);
    QCOMPARE(firstHostGuilds->model(), primary->state()->guilds());
    QVERIFY(firstHostGuilds->model()->rowCount() >= 1);
    auto *header = f.app->window()->rail()->findChild<QToolButton *>(u"RailHost"_s);
    QVERIFY(header);
    QCOMPARE(header->property("hostId").toString(), primary->id());

    // Typing goes to the host on screen.
    f.app->showHost(other()->id(), m_boGuild.toULongLong());
    QTRY_VERIFY(f.state()->currentChannel() != 0);
    f.type(u"hello from the other host"_s);
    QTRY_COMPARE(m_bo->countEvents(u"message.created"_s, u"hello from the other host"_s), 1);
    // Each host keeps its outbox in its own folder.
    QVERIFY(other()->outbox()->path().startsWith(other()->folder()));
    QVERIFY(primary->outbox()->path().startsWith(primary->folder()));
    QVERIFY(other()->folder() != primary->folder());

    // Clicking the first host's guild in the rail brings it back, still signed in.
    QSignalSpy hostChanged(f.app->hosts(), &HostSet::currentChanged);
    const QModelIndex firstGuild = firstHostGuilds->model()->index(0, 0);
    emit firstHostGuilds->clicked(firstGuild);
    QTRY_COMPARE(f.app->currentHost(), primary);
    QCOMPARE(f.state(), primary->state());
    QTRY_COMPARE(f.app->window()->rail()->otherHostLists().size(), 1);
    QCOMPARE(f.app->window()->rail()->otherHostLists().at(0)->model(), other()->state()->guilds());
}

void tst_app_multihost::unreadsAndNotificationsFromBoth()
{
    // On the first host; a message on the other host mentions me.
    QCOMPARE(f.app->currentHost(), f.app->primaryHost());
    const QString channel = [&] {
        const QList<kith::Channel> cs = other()->state()->channelsOf(m_boGuild.toULongLong());
        return cs.isEmpty() ? QString() : QString::number(cs.first().id);
    }();
    QVERIFY(!channel.isEmpty());
    const int before = m_rec->shown.size();
    QVERIFY(m_bo->call(u"message.send"_s, {{u"channel_id"_s, channel}, {u"content"_s, u"@ann are you coming?"_s},
                                            {u"nonce"_s, u"n-1"_s}}).ok);
    QTRY_VERIFY(other()->state()->guildMentions(m_boGuild.toULongLong()) == 1);
    QTRY_COMPARE(m_rec->badge, f.app->hosts()->totalMentions());
    QVERIFY(m_rec->badge >= 1);
    // The window shows the other host: this message is not in view, so it notifies, naming the host.
    QTRY_COMPARE(m_rec->shown.size(), before + 1);
    QVERIFY2(m_rec->shown.last().title.contains(other()->name()), qPrintable(m_rec->shown.last().title));
    QCOMPARE(m_rec->shown.last().body, u"@ann are you coming?"_s);
    // The rail's guild icon of the other host carries the mention.
    QListView *list = f.app->window()->rail()->otherHostLists().at(0);
    const int row = other()->state()->guilds()->rowOf(m_boGuild.toULongLong());
    QTRY_COMPARE(list->model()->index(row, 0).data(GuildListModel::MentionsRole).toInt(), 1);
}

void tst_app_multihost::hostsComeBackAfterRestart()
{
    if (qEnvironmentVariableIntValue("KITH_NO_KEYCHAIN"))
        QSKIP("remote tokens live only in a keychain; run under run-with-keyring.sh");
    const QString otherId = other()->id();
    f.stop();
    QVERIFY(f.start(m_data.path(), true));
    m_rec = new RecordingNotifier;
    f.app->setNotifier(m_rec);
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 2);
    QVERIFY(f.app->hosts()->find(otherId));
    QTRY_VERIFY(other()->connection()->isOnline());
    QCOMPARE(other()->connection()->me().username, u"ann"_s);
    QTRY_VERIFY(other()->state()->guilds()->rowOf(m_boGuild.toULongLong()) >= 0);
    QTRY_COMPARE(f.app->window()->rail()->otherHostLists().size(), 1);
}

void tst_app_multihost::aJoinWhileRestoringFindsTheSavedHost()
{
    // The invite is opened in the first moment after start, while the keychain still reads the
    // saved host's token: the join waits for it and lands on the saved account, not a new one.
    if (qEnvironmentVariableIntValue("KITH_NO_KEYCHAIN"))
        QSKIP("remote tokens live only in a keychain; run under run-with-keyring.sh");
    const QString otherId = other()->id();
    f.stop();
    const QUrl url(u"ws://127.0.0.1:%1"_s.arg(m_other.port()));
    QVERIFY(f.start(m_data.path(), true, [&] {
        QCOMPARE(f.app->hosts()->hosts().size(), 1); // the saved one is not back yet
        Credentials c;
        c.mode = Credentials::Mode::Register;
        c.username = u"annagain"_s;
        c.password = u"annagain-password"_s;
        f.app->joinHost(url, c, m_code);
    }));
    m_rec = new RecordingNotifier;
    f.app->setNotifier(m_rec);
    QTRY_VERIFY(other() && other()->connection()->isOnline());
    QCOMPARE(other()->id(), otherId);
    QCOMPARE(other()->connection()->me().username, u"ann"_s);
    QVERIFY(f.roundTrip());
    QCOMPARE(f.app->hosts()->hosts().size(), 2);
}

void tst_app_multihost::quickSwitcherSpansHosts()
{
    f.app->showHost(f.app->primaryHost()->id());
    QTRY_COMPARE(f.app->currentHost(), f.app->primaryHost());
    f.app->window()->openQuickSwitcher();
    QuickSwitcher *sw = nullptr;
    QTRY_VERIFY((sw = f.app->window()->findChild<QuickSwitcher *>()));
    QTest::keyClicks(sw->field(), u"zzqx"_s);
    QCOMPARE(sw->list()->count(), 0);
    QVERIFY(sw->findChild<QLabel *>(u"SwitcherEmpty"_s)->isVisibleTo(sw));
    sw->field()->clear();
    QTest::keyClicks(sw->field(), u"Bo's den"_s);
    QVERIFY(sw->list()->count() >= 1);
    QVERIFY2(sw->list()->currentItem()->text().contains(other()->name()), qPrintable(sw->list()->currentItem()->text()));
    QTest::keyClick(sw->field(), Qt::Key_Return);
    QTRY_COMPARE(f.app->currentHost(), other());
    QTRY_COMPARE(f.state()->currentGuild(), m_boGuild.toULongLong());
}

void tst_app_multihost::recentEmojiOnEveryHost()
{
    // The emoji picked recently are this device's: whichever host's chat the window shows, they
    // come first, and a pick on one host is first on the other.
    auto openPicker = [&]() -> EmojiPicker * {
        ChatPane *chat = f.app->window()->chat();
        [&] { QTRY_VERIFY(chat->emojiButton()->isEnabled()); }();
        QTest::mouseClick(chat->emojiButton(), Qt::LeftButton);
        EmojiPicker *picker = chat->emojiPicker();
        [&] { QTRY_VERIFY(picker && picker->isVisible()); }();
        return picker;
    };
    auto pick = [&](const QString &search) {
        EmojiPicker *picker = openPicker();
        if (!picker)
            return;
        QTest::keyClicks(picker->searchField(), search);
        QTest::keyClick(picker->searchField(), Qt::Key_Return);
        f.composer()->clear();
    };
    QCOMPARE(f.app->currentHost(), other());
    pick(u"fire"_s);
    f.app->showHost(f.app->primaryHost()->id());
    QTRY_COMPARE(f.app->currentHost(), f.app->primaryHost());
    EmojiPicker *picker = openPicker();
    QVERIFY(picker);
    QCOMPARE(picker->shown().value(0), u"🔥"_s);
    QTest::keyClick(picker->searchField(), Qt::Key_Escape);
    pick(u"tada"_s);
    f.app->showHost(other()->id());
    QTRY_COMPARE(f.app->currentHost(), other());
    picker = openPicker();
    QVERIFY(picker);
    QCOMPARE(picker->shown().mid(0, 2), (QStringList{u"🎉"_s, u"🔥"_s}));
    QTest::keyClick(picker->searchField(), Qt::Key_Escape);
}

void tst_app_multihost::leavingOneKeepsTheOther()
{
    HostSession *primary = f.app->primaryHost();
    f.app->showHost(other()->id());
    QTRY_COMPARE(f.app->currentHost(), other());
    f.app->leaveHost(other()->id());
    QTRY_COMPARE(f.app->hosts()->hosts().size(), 1);
    QCOMPARE(f.app->currentHost(), primary);
    QVERIFY(primary->connection()->isOnline());
    QVERIFY(f.app->window()->rail()->otherHostLists().isEmpty());
    QSettings s(AppController::settingsPath(m_data.path()), QSettings::IniFormat);
    QCOMPARE(s.beginReadArray(u"hosts"_s), 0);
}

void tst_app_multihost::cleanupTestCase()
{
    f.stop();
    m_bo.reset();
    m_other.stopAndWait();
}

QTEST_MAIN(tst_app_multihost)
#include "tst_app_multihost.moc"

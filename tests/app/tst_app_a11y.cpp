// Every control a keyboard or screen-reader user reaches has a name: walks the accessibility
// tree (QAccessible, what screen readers read) of the main window and of each dialog, and fails
// on any visible interactive element without one, naming where it is.
#include "AppFixture.h"
#include "ui/ChannelDialog.h"
#include "ui/ConnectionLogDialog.h"
#include "ui/GroupDmDialog.h"
#include "ui/GuildDialog.h"
#include "ui/HostPartyDialog.h"
#include "ui/InviteDialog.h"
#include "ui/JoinHostDialog.h"
#include "ui/SettingsDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace kith;
using namespace kith::app;

namespace {
bool interactive(QAccessible::Role r)
{
    switch (r) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTab:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::Table:
        return true;
    default:
        return false;
    }
}

QString where(QAccessibleInterface *iface)
{
    QStringList path;
    for (QAccessibleInterface *i = iface; i; i = i->parent()) {
        const QObject *o = i->object();
        path.prepend(o ? QString::fromLatin1(o->metaObject()->className()) + (o->objectName().isEmpty() ? QString() : u"#"_s + o->objectName())
                       : u"?"_s);
        if (path.size() > 6)
            break;
    }
    return path.join(u" > "_s);
}

int g_seen = 0; // interactive elements looked at: a walk that finds none proves nothing

void walk(QAccessibleInterface *iface, QStringList *nameless, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 60)
        return;
    const QAccessible::State st = iface->state();
    if (st.invisible || st.offscreen)
        return;
    if (interactive(iface->role())) {
        ++g_seen;
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            *nameless << where(iface);
    }
    // Item views' rows are data, named by their text; the view itself is what needs a name.
    if (iface->role() == QAccessible::List || iface->role() == QAccessible::Tree || iface->role() == QAccessible::Table)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), nameless, depth + 1);
}

QStringList namelessIn(QWidget *w)
{
    QStringList out;
    walk(QAccessible::queryAccessibleInterface(w), &out);
    out.removeDuplicates();
    return out;
}
} // namespace

class tst_app_a11y : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mainWindow();
    void dialogs();
    void settingsDialog();
    void tabFollowsTheLayout();
    void cleanupTestCase();

private:
    void check(QWidget *w);

    QTemporaryDir m_data;
    AppFixture f;
};

void tst_app_a11y::initTestCase()
{
    QAccessible::setActive(true);
    QVERIFY(f.start(m_data.path(), true));
    f.app->window()->resize(1400, 900);
}

void tst_app_a11y::check(QWidget *w)
{
    if (qobject_cast<QDialog *>(w)) {
        // Every dialog says what it is in a heading, not only in a title bar.
        bool heading = false;
        for (QLabel *l : w->findChildren<QLabel *>())
            heading |= l->property("heading").toBool() && l->isVisibleTo(w) && !l->text().isEmpty();
        QVERIFY2(heading, w->metaObject()->className());
    }
    QVERIFY(QTest::qWaitForWindowExposed(w));
    g_seen = 0;
    const QStringList nameless = namelessIn(w);
    QVERIFY2(g_seen >= 3, qPrintable(u"only %1 controls found in %2"_s.arg(g_seen).arg(QString::fromLatin1(w->metaObject()->className()))));
    QVERIFY2(nameless.isEmpty(), qPrintable(u"controls without an accessible name:\n  "_s + nameless.join(u"\n  "_s)));
}

void tst_app_a11y::mainWindow()
{
    check(f.app->window());
    // Home too: the friends view and the DM list.
    f.state()->selectHome();
    QTRY_VERIFY(f.state()->isHome());
    check(f.app->window());
    f.state()->selectGuild(f.state()->guilds()->guilds().first().id);
}

void tst_app_a11y::dialogs()
{
    f.app->window()->openGuildDialog(true);
    GuildDialog *guild = nullptr;
    QTRY_VERIFY((guild = f.app->window()->findChild<GuildDialog *>()));
    check(guild);
    guild->setJoin(false);
    check(guild);
    guild->close();

    f.app->openHostPartyDialog();
    HostPartyDialog *party = nullptr;
    QTRY_VERIFY((party = f.app->window()->findChild<HostPartyDialog *>()));
    check(party);
    party->close();

    f.app->window()->openJoinHostDialog(QUrl(u"wss://127.0.0.1:7999"_s), u"abc"_s, {}, true, true, u"A party"_s);
    JoinHostDialog *join = nullptr;
    QTRY_VERIFY((join = f.app->window()->findChild<JoinHostDialog *>()));
    check(join);
    join->close();

    f.app->window()->openChannelDialog(0);
    QDialog *channel = nullptr;
    QTRY_VERIFY((channel = f.app->window()->findChild<ChannelDialog *>()));
    check(channel);
    channel->close();

    f.app->window()->openGroupDmDialog(User{});
    QDialog *group = nullptr;
    QTRY_VERIFY((group = f.app->window()->findChild<GroupDmDialog *>()));
    check(group);
    group->close();

    f.app->window()->showConnectionLog();
    ConnectionLogDialog *log = nullptr;
    QTRY_VERIFY((log = f.app->window()->findChild<ConnectionLogDialog *>()));
    check(log);
    log->close();

    f.state()->createInvite(f.state()->currentGuild());
    InviteDialog *invite = nullptr;
    QTRY_VERIFY((invite = f.app->window()->findChild<InviteDialog *>()));
    check(invite);
    invite->close();
}

void tst_app_a11y::settingsDialog()
{
    QStringList nameless{u"(not shown)"_s};
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (QTest::qWaitForWindowExposed(dialog))
            nameless = namelessIn(dialog);
        dialog->accept();
    });
    f.app->openSettings();
    QVERIFY2(nameless.isEmpty(), qPrintable(u"controls without an accessible name:\n  "_s + nameless.join(u"\n  "_s)));
}

void tst_app_a11y::tabFollowsTheLayout()
{
    // Tab from the first server walks the window as it reads: the server rail, the channel
    // sidebar (with my footer at its foot), the conversation and its composer, the member list;
    // each stop visible, named, and drawn with a focus mark.
    MainWindow *w = f.app->window();
    w->show();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    const auto region = [w](QWidget *x) -> QString {
        for (QWidget *p = x; p && p != w; p = p->parentWidget()) {
            const QString n = p->objectName();
            if (n == u"ServerRail" || n == u"ChannelSidebar" || n == u"ChatPane" || n == u"MemberList")
                return n;
        }
        return u"elsewhere"_s;
    };
    QWidget *first = w->findChild<QWidget *>(u"HomeButton"_s);
    QVERIFY(first);
    first->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), first);
    QStringList regions{region(first)};
    QStringList stops;
    QStringList unmarked;
    QWidget *before = first;
    QImage focused = first->grab().toImage();
    for (int i = 0; i < 80; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY(now);
        // The stop just left looks different now that the focus is gone: it had a mark.
        if (before->grab().toImage() == focused)
            unmarked << QString::fromLatin1(before->metaObject()->className()) + u" "_s + before->accessibleName();
        before = now;
        focused = now->grab().toImage();
        if (now == first)
            break;
        const QString name = now->accessibleName().isEmpty() ? now->objectName() : now->accessibleName();
        stops << region(now) + u": "_s + QString::fromLatin1(now->metaObject()->className()) + u" "_s + name;
        QVERIFY2(now->isVisible(), qPrintable(stops.last()));
        if (regions.last() != region(now))
            regions << region(now);
    }
    QVERIFY2(regions == (QStringList{u"ServerRail"_s, u"ChannelSidebar"_s, u"ChatPane"_s, u"MemberList"_s}),
             qPrintable(u"Tab went through:\n  "_s + stops.join(u"\n  "_s)));
    QVERIFY2(unmarked.isEmpty(), qPrintable(u"no focus mark on:\n  "_s + unmarked.join(u"\n  "_s)));
}

void tst_app_a11y::cleanupTestCase()
{
    f.stop();
}

QTEST_MAIN(tst_app_a11y)
#include "tst_app_a11y.moc"

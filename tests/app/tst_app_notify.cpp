// Native notifications on a real (private) D-Bus session bus: a stand-in notification daemon
// owns org.freedesktop.Notifications on its own connection, as a desktop's would. The real
// TrayNotifier must send each notification there, and a click (the "default" action) on one
// of ours must open its channel, while clicks on other applications' notifications are ignored.
#include "platform/TrayNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>

using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

namespace {
const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;

class Daemon : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        QString app, summary, body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replaces) Q_UNUSED(icon) Q_UNUSED(timeout)
        shown.append({app, summary, body, actions, hints});
        return uint(100 + shown.size());
    }
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s}; }
    void CloseNotification(uint id) { Q_UNUSED(id) }
};
} // namespace

class tst_app_notify : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sentToTheDesktopAndClicked();

private:
    void emitSignal(const QString &name, const QVariantList &args);
    bool roundTrip();
    QDBusConnection m_daemonBus{u"unset"_s};
    Daemon m_daemon;
};

void tst_app_notify::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no session bus: run under dbus-run-session");
    m_daemonBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"stand-in-daemon"_s);
    QVERIFY(m_daemonBus.isConnected());
    QVERIFY(m_daemonBus.registerObject(kPath, &m_daemon, QDBusConnection::ExportAllSlots));
    QVERIFY(m_daemonBus.registerService(kService));
    QTRY_VERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
}

void tst_app_notify::emitSignal(const QString &name, const QVariantList &args)
{
    QDBusMessage sig = QDBusMessage::createSignal(kPath, kService, name);
    sig.setArguments(args);
    QVERIFY(m_daemonBus.send(sig));
}

// A call to the daemon on the notifier's own connection (the session bus), answered. The daemon
// answered the notifier's Notify calls before this one, and the bus keeps one connection's
// messages in order: their replies, with the ids, have been handled by now.
bool tst_app_notify::roundTrip()
{
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, u"GetCapabilities"_s);
    QDBusPendingCallWatcher watcher(QDBusConnection::sessionBus().asyncCall(call));
    // Its finished signal, not isFinished(): it is queued behind the Notify replies' handling.
    QSignalSpy done(&watcher, &QDBusPendingCallWatcher::finished);
    return QTest::qWaitFor([&] { return !done.isEmpty(); }, 10000) && !watcher.isError();
}

void tst_app_notify::sentToTheDesktopAndClicked()
{
    QPixmap logo(32, 32);
    logo.fill(Qt::blue);
    TrayNotifier notifier{QIcon(logo)};
    QSignalSpy activated(&notifier, &Notifier::activated);
    notifier.notify(u"Pal"_s, u"are you there?"_s, 4242);
    QTRY_COMPARE(m_daemon.shown.size(), 1);
    QVERIFY(notifier.usesDesktopNotifications());
    const Daemon::Shown &n = m_daemon.shown.first();
    QCOMPARE(n.app, u"Kith"_s);
    QCOMPARE(n.summary, u"Pal"_s);
    QCOMPARE(n.body, u"are you there?"_s);
    QVERIFY(n.actions.contains(u"default"_s));
    QCOMPARE(n.hints.value(u"desktop-entry"_s).toString(), u"chat.kith.Kith"_s);
    notifier.notify(u"Carol in #general (Book club)"_s, u"@me look"_s, 777);
    QTRY_COMPARE(m_daemon.shown.size(), 2);
    QVERIFY(roundTrip()); // the replies with the ids arrive

    // A click on someone else's notification: nothing. On ours: its channel opens.
    emitSignal(u"ActionInvoked"_s, {uint(55), u"default"_s});
    emitSignal(u"ActionInvoked"_s, {uint(101), u"default"_s});
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toULongLong(), quint64(4242));
    // Closed ones are forgotten: a late click on them does nothing. The daemon's signals come
    // in the order it sent them, so once a later click on an open one has been handled, the
    // one on the closed notification has been too.
    emitSignal(u"NotificationClosed"_s, {uint(102), uint(2)});
    emitSignal(u"ActionInvoked"_s, {uint(102), u"default"_s});
    emitSignal(u"ActionInvoked"_s, {uint(101), u"default"_s});
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toULongLong(), quint64(4242));
}

QTEST_MAIN(tst_app_notify)
#include "tst_app_notify.moc"

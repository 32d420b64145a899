// The real notification pieces that the social suites replace with a recording Notifier: the
// sound plugin (found, loaded on first use, its chime decoded; playing with no audio device
// must not crash) and the unread badge drawn on the app icon.
#include "platform/SoundBackend.h"
#include "platform/SoundPlayer.h"
#include "platform/TrayNotifier.h"

#include <QApplication>
#include <QPixmap>
#include <QTest>

using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_sound : public QObject
{
    Q_OBJECT
private slots:
    void pluginLoadsAndDecodes();
    void missingPluginIsAnErrorNotACrash();
    void badgeOnTheAppIcon();
};

void tst_app_sound::pluginLoadsAndDecodes()
{
    SoundPlayer player({QStringLiteral(KITH_SOUND_PLUGIN_DIR)});
    SoundBackend *b = player.backend();
    QVERIFY2(b, qPrintable(player.error()));
    QVERIFY(player.playNotification(0.0));
    QTRY_VERIFY_WITH_TIMEOUT(b->isReady(), 10000);
    QVERIFY(player.playNotification(0.0)); // again, now decoded
    // What playing queued (with or without an audio device) runs before a call queued after
    // it: reaching that call shows it ran without a crash. (Without a device QSoundEffect
    // stays "playing", so there is no end of the sound to wait for.)
    bool reached = false;
    QMetaObject::invokeMethod(qApp, [&] { reached = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(reached);
}

void tst_app_sound::missingPluginIsAnErrorNotACrash()
{
    SoundPlayer player({u"/nonexistent/kith"_s});
    if (player.backend()) // an installed copy beside the test binary would be found
        QSKIP("a sound plugin is installed beside the test");
    QVERIFY(!player.playNotification());
    QVERIFY(player.error().contains(u"/nonexistent/kith"_s));
}

void tst_app_sound::badgeOnTheAppIcon()
{
    QPixmap plain(64, 64);
    plain.fill(QColor(0x58, 0x65, 0xF2));
    const QIcon base(plain);
    auto corner = [](const QIcon &icon) { return icon.pixmap(64, 64).toImage().pixelColor(56, 12); };
    QCOMPARE(corner(TrayNotifier::withBadge(base, 0)), QColor(0x58, 0x65, 0xF2));
    const QColor badge = corner(TrayNotifier::withBadge(base, 3));
    QVERIFY2(badge.red() > 200 && badge.blue() < 120, qPrintable(badge.name()));
    QVERIFY(!TrayNotifier::withBadge(base, 250).isNull()); // "99+" still fits

    // The notifier puts the count on the windows' icon, and takes it off again.
    TrayNotifier n(base);
    n.setUnreadCount(4);
    n.showIcons(); // as the app does once its start has settled: the count of that moment
    QVERIFY(corner(QApplication::windowIcon()).red() > 200);
    n.setUnreadCount(0);
    QCOMPARE(corner(QApplication::windowIcon()), QColor(0x58, 0x65, 0xF2));
    n.setUnreadCount(4);
    QVERIFY(corner(QApplication::windowIcon()).red() > 200);
    n.setUnreadCount(0);
    QCOMPARE(corner(QApplication::windowIcon()), QColor(0x58, 0x65, 0xF2));
}

QTEST_MAIN(tst_app_sound)
#include "tst_app_sound.moc"

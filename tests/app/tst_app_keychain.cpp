// platform/Keychain against a real Secret Service (run by run-with-keyring.sh, with
// KITH_EXPECT_KEYCHAIN=1), and with none reachable (KITH_EXPECT_KEYCHAIN=0): then it says so
// once, keeps secrets for this run only, and writes nothing to disk.
#include "platform/Keychain.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace kith::app;

class tst_app_keychain : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void jobsOutliveTheirKeychain();

private:
    static std::optional<QString> readSync(Keychain &k, const QString &key);
};

std::optional<QString> tst_app_keychain::readSync(Keychain &k, const QString &key)
{
    bool done = false;
    std::optional<QString> out;
    k.read(key, &k, [&](std::optional<QString> v) {
        out = v;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
    return out;
}

void tst_app_keychain::roundTrip()
{
    const bool expect = qEnvironmentVariableIntValue("KITH_EXPECT_KEYCHAIN") == 1;
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    if (!expect)
        QSKIP("macOS and Windows always have a keychain: the memory-only path cannot be reached there");
#endif
    const QString service = QStringLiteral("kith-test-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString secret = QStringLiteral("token-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString key = QStringLiteral("remote/ws://127.0.0.1:7420/alice");

    // Without a keychain, HOME is a fresh folder: afterwards it must hold no trace of the secret.
    QTemporaryDir home;
    if (!expect) {
        qputenv("HOME", home.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toLocal8Bit());
    }
    Keychain k(service);
    QSignalSpy unavailable(&k, &Keychain::unavailable);
    bool done = false, persisted = false;
    k.write(key, secret, &k, [&](bool p) {
        persisted = p;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(persisted, expect);
    QCOMPARE(readSync(k, key), std::optional<QString>(secret));

    // A second write after a failure does not complain again: "say so once".
    done = false;
    k.write(key + QStringLiteral("2"), secret, &k, [&](bool) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(unavailable.size(), expect ? 0 : 1);
    QCOMPARE(k.isAvailable(), expect);

    // A fresh instance (a new run of the app) finds it only in a real keychain.
    Keychain next(service);
    const std::optional<QString> again = readSync(next, key);
    if (expect) {
        QCOMPARE(again, std::optional<QString>(secret));
        next.remove(key);
        next.remove(key + QStringLiteral("2"));
        QTRY_VERIFY_WITH_TIMEOUT(!readSync(next, key).has_value(), 30000);
    } else {
        QVERIFY(!again.has_value());
        // And nothing was written to a file in the home folder instead.
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }
}

// The app's Keychain goes away (quit, a restart in a test) while its jobs still run: the write
// still lands, and no callback reaches the freed Keychain or its context.
void tst_app_keychain::jobsOutliveTheirKeychain()
{
    const bool expect = qEnvironmentVariableIntValue("KITH_EXPECT_KEYCHAIN") == 1;
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    if (!expect)
        QSKIP("macOS and Windows always have a keychain: the memory-only path cannot be reached there");
#endif
    const QString service = QStringLiteral("kith-test-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString secret = QStringLiteral("token-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString key = QStringLiteral("remote/ws://127.0.0.1:7420/bo");
    bool called = false;
    {
        auto *gone = new Keychain(service);
        gone->write(key, secret, gone, [&](bool) { called = true; });
        gone->read(key, gone, [&](std::optional<QString>) { called = true; });
        delete gone;
    }
    // Jobs run one after another: once a later read is back, the orphaned ones have finished.
    Keychain next(service);
    const std::optional<QString> again = readSync(next, key);
    QVERIFY(!called);
    if (expect) {
        QCOMPARE(again, std::optional<QString>(secret));
        next.remove(key);
        QTRY_VERIFY_WITH_TIMEOUT(!readSync(next, key).has_value(), 30000);
    } else {
        QVERIFY(!again.has_value());
    }
}

QTEST_MAIN(tst_app_keychain)
#include "tst_app_keychain.moc"

// The kith binary as a user starts it (--local, offscreen): SIGTERM, as a logout or `kill`
// sends it, quits like closing the window — exit code 0, the embedded server stopped cleanly
// (SQLite's write-ahead log folded back and removed) — and the next start signs in again.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_AppProcess : public QObject
{
    Q_OBJECT
private slots:
    void sigtermStopsCleanly();

private:
    static bool waitFor(QProcess &p, QByteArray *out, const QByteArray &needle, int timeoutMs);
};

bool tst_AppProcess::waitFor(QProcess &p, QByteArray *out, const QByteArray &needle, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!out->contains(needle) && t.elapsed() < timeoutMs && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        *out += p.readAllStandardOutput();
    }
    return out->contains(needle);
}

void tst_AppProcess::sigtermStopsCleanly()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGTERM is a Unix signal");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"KITH_NO_KEYCHAIN"_s, u"1"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"kith.*.info=true"_s);
    const QString data = dir.filePath(u"data"_s);
    const QString wal = data + u"/server/kith.db-wal"_s;

    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(KITH_APP_BINARY), {u"--local"_s, u"--data"_s, data, u"--measure"_s});
    QVERIFY(app.waitForStarted());
    QByteArray out;
    QVERIFY2(waitFor(app, &out, "usable at", 30000), out.constData());
    QVERIFY2(QFile::exists(wal), "the running server keeps a write-ahead log");
    app.terminate(); // SIGTERM
    QVERIFY(app.waitForFinished(20000));
    const QByteArray err = app.readAllStandardError();
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QVERIFY2(err.contains("kith.server: stopped"), err.constData());
    QVERIFY2(!QFile::exists(wal), "the database was not closed cleanly");

    // The next start opens straight into the same account.
    QProcess again;
    again.setProcessEnvironment(env);
    again.start(QStringLiteral(KITH_APP_BINARY), {u"--local"_s, u"--data"_s, data, u"--quit-when-usable"_s});
    QVERIFY(again.waitForFinished(30000));
    QCOMPARE(again.exitCode(), 0);
    const QByteArray log = again.readAllStandardError();
    QVERIFY2(log.contains("started for \"owner\""), log.constData());
}

QTEST_GUILESS_MAIN(tst_AppProcess)
#include "tst_app_process.moc"

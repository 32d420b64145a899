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
    void secondStartHandsOver();

private:
    static bool waitFor(QProcess &p, QByteArray *out, const QByteArray &needle, int timeoutMs);
    //! The app as the tests run it: offscreen, no keychain, its info log on.
    static QProcessEnvironment appEnv();
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

QProcessEnvironment tst_AppProcess::appEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"KITH_NO_KEYCHAIN"_s, u"1"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"kith.*.info=true"_s);
    return env;
}

void tst_AppProcess::sigtermStopsCleanly()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGTERM is a Unix signal");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QProcessEnvironment env = appEnv();
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
    QCOMPARE(again.exitStatus(), QProcess::NormalExit);
    QCOMPARE(again.exitCode(), 0);
    const QByteArray log = again.readAllStandardError();
    QVERIFY2(log.contains("started for \"owner\""), log.constData());
}

void tst_AppProcess::secondStartHandsOver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QProcessEnvironment env = appEnv();
    const QString data = dir.filePath(u"data"_s);

    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(KITH_APP_BINARY), {u"--local"_s, u"--data"_s, data, u"--measure"_s});
    QVERIFY(app.waitForStarted());
    QByteArray out;
    QVERIFY2(waitFor(app, &out, "usable at", 30000), out.constData());

    // The same folder again, with a link: the running app takes it; this one leaves at once.
    const QByteArray link = "kith://127.0.0.1:7420/invite/Zx7Kq2mPwa";
    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(KITH_APP_BINARY), {u"--local"_s, u"--data"_s, data, QString::fromLatin1(link)});
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    const QByteArray secondLog = second.readAllStandardError();
    QVERIFY2(!secondLog.contains("kith.server"), secondLog.constData()); // never opened the database

    QByteArray log;
    QElapsedTimer t;
    t.start();
    while (!log.contains("opening invite link") && t.elapsed() < 10000) {
        app.waitForReadyRead(200);
        log += app.readAllStandardError();
    }
    QVERIFY2(log.contains("another start handed over"), log.constData());
    QVERIFY2(log.contains(link), log.constData());
    QVERIFY2(log.contains("opening invite link"), log.constData());

    // Its embedded server holds its own folder too: kith-server cannot open it alongside.
    QProcess server;
    server.start(QStringLiteral(KITH_SERVER_BINARY), {u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, data + u"/server"_s});
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QVERIFY(server.exitCode() != 0);
    const QByteArray serverErr = server.readAllStandardError();
    QVERIFY2(serverErr.contains("is in use by process " + QByteArray::number(app.processId())), serverErr.constData());

    app.terminate();
    QVERIFY(app.waitForFinished(20000));
    QCOMPARE(app.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_AppProcess)
#include "tst_app_process.moc"

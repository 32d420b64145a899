// The app's own server (EmbeddedServer) as a user meets it: it keeps the port people were
// given, says so when another program took it and takes it back once free; a folder that
// another server holds, or a database it cannot open, is reported as such and can be retried;
// stopping never waits on the window's thread. And a second `kith` start hands over its link.
#include "AppFixture.h"
#include "platform/SingleInstance.h"
#include "server/Server.h"
#include "ui/GuildDialog.h"
#include "ui/JoinHostDialog.h"

#include <QJsonObject>
#include <QJsonDocument>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using kith::app::AppController;
using kith::app::EmbeddedServer;

class tst_app_host : public QObject
{
    Q_OBJECT
private slots:
    void takenPortIsTakenBack();
    void folderInUseIsReportedAndRetried();
    void unreadableDatabaseIsReportedAsSuch();
    void stopDoesNotWaitOnTheCaller();
    void laterStartBringsItsLink();
    void keychainNoticeOncePerFolder();
};

void tst_app_host::takenPortIsTakenBack()
{
    QTemporaryDir dir;
    // Another program sits on the port this app's server used last time.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const quint16 port = squatter.serverPort();
    {
        QSettings s(AppController::settingsPath(dir.path()), QSettings::IniFormat);
        s.setValue(u"local/port"_s, port);
    }
    AppFixture f;
    QVERIFY(f.start(dir.path(), true));
    EmbeddedServer *server = f.app->server();
    QVERIFY(server->port() != port);
    QCOMPARE(server->reclaimingPort(), port);
    const QString info = f.app->window()->chat()->infoText();
    QVERIFY2(info.contains(QString::number(port)) && info.contains(QString::number(server->port())), qPrintable(info));

    squatter.close();
    QTRY_VERIFY_WITH_TIMEOUT(f.app->window()->chat()->infoText().contains(u"again"_s), 15000);
    QCOMPARE(server->reclaimingPort(), quint16(0));
    // The address people were given works again, beside the one in use meanwhile.
    TestClient other(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)));
    QVERIFY(other.waitHello());
    QCOMPARE(f.app->connection()->state(), kith::app::Connection::State::Online);
    f.stop();
    QSettings s(AppController::settingsPath(dir.path()), QSettings::IniFormat);
    QCOMPARE(s.value(u"local/port"_s).toUInt(), uint(port));
}

void tst_app_host::folderInUseIsReportedAndRetried()
{
    QTemporaryDir dir;
    EmbeddedServer first;
    QSignalSpy firstStarted(&first, &EmbeddedServer::started);
    first.start(dir.path());
    QTRY_COMPARE(firstStarted.size(), 1);

    EmbeddedServer second;
    QSignalSpy failed(&second, &EmbeddedServer::failed);
    QSignalSpy started(&second, &EmbeddedServer::started);
    second.start(dir.path());
    QTRY_COMPARE(failed.size(), 1);
    const QString why = failed.at(0).at(0).toString();
    QVERIFY2(why.contains(u"is in use by process %1"_s.arg(QCoreApplication::applicationPid())), qPrintable(why));
    QVERIFY(!second.isStarting() && !second.isRunning());

    QSignalSpy stopped(&first, &EmbeddedServer::stopped);
    first.stop();
    QTRY_COMPARE(stopped.size(), 1);
    second.start(dir.path()); // a retry after a failure starts for real
    QTRY_COMPARE(started.size(), 1);
    TestClient c(second.url());
    QVERIFY(c.waitHello());
}

void tst_app_host::unreadableDatabaseIsReportedAsSuch()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"kith.db"_s);
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x')); // not an SQLite file
    }
    EmbeddedServer server;
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    QSignalSpy started(&server, &EmbeddedServer::started);
    server.start(dir.path(), 0);
    QTRY_COMPARE(failed.size(), 1);
    const QString why = failed.at(0).at(0).toString();
    QVERIFY2(!why.contains(u"port"_s) && !why.contains(u"listen"_s), qPrintable(why));
    QVERIFY2(why.contains(u"database"_s, Qt::CaseInsensitive), qPrintable(why));

    QVERIFY(QFile::remove(db));
    server.start(dir.path(), 0);
    QTRY_COMPARE(started.size(), 1);
}

void tst_app_host::stopDoesNotWaitOnTheCaller()
{
    QTemporaryDir dir;
    EmbeddedServer server;
    QSignalSpy started(&server, &EmbeddedServer::started);
    server.start(dir.path());
    QTRY_COMPARE(started.size(), 1);
    TestClient c(server.url());
    QVERIFY(c.waitHello());
    QSignalSpy stopped(&server, &EmbeddedServer::stopped);
    server.stop();
    // The call returns at once; the server stops in its thread and says so afterwards.
    QCOMPARE(stopped.size(), 0);
    QVERIFY(server.isStopping());
    QTRY_COMPARE(stopped.size(), 1);
    QVERIFY(!server.isRunning() && !server.isStopping());
    QTRY_VERIFY(c.socket.state() == QAbstractSocket::UnconnectedState);

    // Start asked for while stopping runs once the stop is done.
    server.start(dir.path());
    server.stop();
    server.start(dir.path());
    QTRY_COMPARE(started.size(), 2);
    QVERIFY(server.isRunning());
}

void tst_app_host::laterStartBringsItsLink()
{
    QTemporaryDir dir;
    AppFixture f;
    QVERIFY(f.start(dir.path(), true));
    f.app->window()->showMinimized();
    const quint16 port = f.app->server()->port();
    f.app->handleArguments({u"--data"_s, dir.path(), u"kith://127.0.0.1:%1/invite/Zx7Kq2mPwa"_s.arg(port)});
    QVERIFY(!(f.app->window()->windowState() & Qt::WindowMinimized));
    kith::app::GuildDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.app->window()->findChild<kith::app::GuildDialog *>()));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->isJoin());
    QCOMPARE(dialog->code(), u"Zx7Kq2mPwa"_s);
    dialog->close();

    // A link to a host the app is not on: the dialog that joins it, beside this one.
    f.app->handleArguments({u"kith://127.0.0.1:1/invite/Other12345"_s});
    kith::app::JoinHostDialog *join = nullptr;
    QTRY_VERIFY((join = f.app->window()->findChild<kith::app::JoinHostDialog *>()));
    QCOMPARE(join->server(), QUrl(u"ws://127.0.0.1:1"_s));
    QCOMPARE(join->code(), u"Other12345"_s);
    QVERIFY(join->windowTitle().contains(u"127.0.0.1:1"_s));
    join->close();
}

void tst_app_host::keychainNoticeOncePerFolder()
{
    // KITH_NO_KEYCHAIN: the local key goes to a file, and the user is told so, once.
    QTemporaryDir dir;
    AppFixture f;
    QVERIFY(f.start(dir.path(), true));
    QTRY_VERIFY(f.app->window()->chat()->infoText().contains(u"keychain"_s));
    const QStringList lines = f.app->window()->chat()->infoText().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(!lines[0].contains(dir.path()), qPrintable(lines[0])); // no path in the sentence
    QVERIFY2(lines[1].contains(QDir::toNativeSeparators(dir.path())), qPrintable(lines[1]));
    f.stop();

    QVERIFY(f.start(dir.path(), true));
    QTRY_VERIFY(QFile::exists(dir.filePath(u"local-account.key"_s)));
    QVERIFY2(!f.app->window()->chat()->infoText().contains(u"keychain"_s), qPrintable(f.app->window()->chat()->infoText()));
    // The file opens this account by its token alone; no password is ever written to disk.
    QFile key(dir.filePath(u"local-account.key"_s));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(key.readAll()).object();
    QVERIFY(!saved.value(u"token"_s).toString().isEmpty());
    QCOMPARE(saved.keys(), QStringList{u"token"_s});
    QVERIFY(!(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    key.close();
    f.stop();
    // And the next start signs in with it.
    QVERIFY(f.start(dir.path(), true));
    QTRY_VERIFY(f.app->connection()->isOnline());
    f.stop();
}

QTEST_MAIN(tst_app_host)
#include "tst_app_host.moc"

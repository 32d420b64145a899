// The session layer on its own, without a window: the banner's notices, the saved hosts' race
// with a join at start, and the local owner's key without a keychain (KITH_NO_KEYCHAIN=1).

#include "platform/Keychain.h"
#include "session/LocalSecret.h"
#include "session/Notices.h"
#include "session/SavedHosts.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kith::app;
using namespace Qt::StringLiterals;

class tst_app_session : public QObject
{
    Q_OBJECT
private slots:
    void noticesAreWrittenAgainWhenReplayed();
    void aJoinWaitsForTheSavedHostsToken();
    void theLocalKeyGoesToAFileWithoutAKeychain();
    void theLocalKeyIsReadAhead();
};

void tst_app_session::noticesAreWrittenAgainWhenReplayed()
{
    Notices notices;
    QSignalSpy shown(&notices, &Notices::shown);
    QString language = u"en"_s;
    notices.show(u"port"_s, [&language] { return u"port text in "_s + language; });
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).at(1).toString(), u"port text in en"_s);
    // A language switch: the same notice, written now.
    language = u"fr"_s;
    notices.replay();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(1).at(0).toString(), u"port"_s);
    QCOMPARE(shown.at(1).at(1).toString(), u"port text in fr"_s);
    // An empty text clears the topic: it is said (cleared) once and never again.
    notices.show(u"port"_s, [] { return QString(); });
    QCOMPARE(shown.size(), 3);
    QVERIFY(shown.at(2).at(1).toString().isEmpty());
    notices.replay();
    QCOMPARE(shown.size(), 3);
}

void tst_app_session::aJoinWaitsForTheSavedHostsToken()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const QUrl withToken(u"ws://127.0.0.1:1"_s), gone(u"ws://127.0.0.1:2"_s), unknown(u"ws://127.0.0.1:3"_s);
    settings.beginWriteArray(u"hosts"_s);
    settings.setArrayIndex(0);
    settings.setValue(u"url"_s, withToken.toString());
    settings.setValue(u"username"_s, u"bo"_s);
    settings.setArrayIndex(1);
    settings.setValue(u"url"_s, gone.toString());
    settings.setValue(u"username"_s, u"cy"_s);
    settings.endArray();
    Keychain keychain(u"KithTest"_s);
    keychain.write(SavedHosts::tokenKey(withToken, u"bo"_s), u"token-bo"_s);

    SavedHosts saved(&settings, &keychain);
    QStringList order;
    saved.restore([&order](const SavedHosts::Entry &e, const QString &token) {
        order.append(u"found %1 %2"_s.arg(e.username, token));
    });
    // Asked for while the keychain still reads: they wait, and run once the host is back
    // (or known to be gone, with no token).
    QVERIFY(saved.whenRestored(withToken, [&order] { order.append(u"join 1"_s); }));
    QVERIFY(saved.whenRestored(gone, [&order] { order.append(u"join 2"_s); }));
    QVERIFY(!saved.whenRestored(unknown, [] { QFAIL("a host never saved has nothing to wait for"); }));
    QVERIFY(order.isEmpty());
    QTRY_COMPARE(order, (QStringList{u"found bo token-bo"_s, u"join 1"_s, u"join 2"_s}));
    // Once restored, nothing waits any more.
    QVERIFY(!saved.whenRestored(withToken, [] {}));
}

void tst_app_session::theLocalKeyGoesToAFileWithoutAKeychain()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Keychain keychain(u"KithTest"_s);
    QVERIFY(!keychain.isAvailable());
    Notices notices;
    QSignalSpy shown(&notices, &Notices::shown);
    LocalSecret secret(&keychain, &settings, &notices, dir.path());
    secret.save(u"Owner"_s, u"tok-1"_s, u"pw-1"_s);
    QTRY_VERIFY(QFile::exists(secret.keyFile()));
    QFile f(secret.keyFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(u"token"_s).toString(), u"tok-1"_s);
    QVERIFY(!o.contains(u"password"_s)); // never on disk
    QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QTRY_COMPARE(shown.size(), 1); // said once per data folder
    QCOMPARE(shown.at(0).at(0).toString(), u"keychain"_s);

    // This run's keychain still has both in memory; a later run finds the token in the file.
    Keychain later(u"KithTest"_s);
    LocalSecret again(&later, &settings, &notices, dir.path());
    QString token, password = u"unset"_s;
    bool done = false;
    again.read(u"owner"_s, [&](QString t, QString p) { token = t; password = p; done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(token, u"tok-1"_s);
    QVERIFY(password.isEmpty());
    again.save(u"owner"_s, u"tok-2"_s, QString());
    QTRY_VERIFY([&] {
        QFile g(again.keyFile());
        return g.open(QIODevice::ReadOnly) && g.readAll().contains("tok-2");
    }());
    QCOMPARE(shown.size(), 1); // not again
}

// The app asks for its own server's key while the window is built; the sign-in, once the
// server is up, gets that answer instead of waiting for the keychain then.
void tst_app_session::theLocalKeyIsReadAhead()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Notices notices;
    {
        Keychain keychain(u"KithTest"_s);
        LocalSecret first(&keychain, &settings, &notices, dir.path());
        first.save(u"owner"_s, u"tok-1"_s, QString());
        QTRY_VERIFY(QFile::exists(first.keyFile()));
    }
    Keychain keychain(u"KithTest"_s);
    LocalSecret secret(&keychain, &settings, &notices, dir.path());

    // Asked for before the answer is in: it comes when it does.
    secret.readAhead(u"owner"_s);
    QString token;
    secret.read(u"owner"_s, [&](QString t, QString) { token = t; });
    QVERIFY(token.isEmpty());
    QTRY_COMPARE(token, u"tok-1"_s);

    // Asked for after: at once. (Reads answer in order, so once the second is in, so is the first.)
    secret.readAhead(u"owner"_s);
    bool other = false;
    secret.read(u"someone-else"_s, [&](QString, QString) { other = true; });
    QTRY_VERIFY(other);
    token.clear();
    secret.read(u"owner"_s, [&](QString t, QString) { token = t; });
    QCOMPARE(token, u"tok-1"_s);

    // A key saved meanwhile wins over what was read ahead.
    secret.readAhead(u"owner"_s);
    secret.save(u"owner"_s, u"tok-2"_s, QString());
    QTRY_VERIFY([&] {
        QFile f(secret.keyFile());
        return f.open(QIODevice::ReadOnly) && f.readAll().contains("tok-2");
    }());
    token.clear();
    secret.read(u"owner"_s, [&](QString t, QString) { token = t; });
    QTRY_COMPARE(token, u"tok-2"_s);
}

QTEST_GUILESS_MAIN(tst_app_session)
#include "tst_app_session.moc"

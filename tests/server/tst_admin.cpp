// kith-server admin, the real binary, against a server that runs on the same data (SQLite: told
// over its control socket; PostgreSQL: over the bus): accounts made and changed, passwords reset,
// guilds listed and deleted, all seen by the running server at once.
#include "ServerProcess.h"
#include "common/Scenario.h"
#include "common/ServerFixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {
struct Run {
    int exitCode = -1;
    QString out, err;
};
} // namespace

class tst_Admin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createUserOnAClosedServer();
    void promoteShowsAtOnce();
    void resetPasswordSignsOutEverywhere();
    void guildsListedAndDeleted();
    void notFoundAndUsage();

private:
    //! Runs `kith-server admin ARGS --data/--db ...` while this thread's server keeps serving.
    Run admin(const QStringList &args, const QByteArray &input = {});

    std::unique_ptr<ServerFixture> m_fx;
};

void tst_Admin::initTestCase()
{
    QVERIFY(QFile::exists(ServerProcess::binary()));
}

void tst_Admin::init()
{
    m_fx = std::make_unique<ServerFixture>();
    m_fx->config.registration = u"closed"_s;
    QString err;
    QVERIFY2(m_fx->start(&err), qPrintable(err));
}

void tst_Admin::cleanup()
{
    m_fx.reset();
}

Run tst_Admin::admin(const QStringList &args, const QByteArray &input)
{
    QStringList all{u"admin"_s};
    all += args;
    if (TestDatabase::postgres())
        all << u"--db"_s << m_fx->database().url();
    else
        all << u"--data"_s << m_fx->dataDir();
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(ServerProcess::binary(), all);
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    Run r;
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

void tst_Admin::createUserOnAClosedServer()
{
    // Nobody may sign up here: accounts come from the admin.
    auto c = m_fx->connect();
    QCOMPARE(c->registerUser(u"alice"_s, ServerFixture::password()).code, u"forbidden"_s);

    const Run made = admin({u"create-user"_s, u"alice"_s, u"--display-name"_s, u"Alice A."_s});
    QCOMPARE(made.exitCode, 0);
    const QRegularExpressionMatch m = QRegularExpression(u"^created alice \\(id (\\d+)\\) with password (\\S+)\\n$"_s).match(made.out);
    QVERIFY2(m.hasMatch(), qPrintable(made.out + made.err));
    // The running server knows her at once: name and display name in her ready.
    auto alice = m_fx->connect();
    const Reply in = alice->login(u"alice"_s, m.captured(2));
    QVERIFY2(in.ok, qPrintable(in.describe()));
    QCOMPARE(alice->readyData().value(u"user"_s).toObject().value(u"username"_s).toString(), u"alice"_s);
    QCOMPARE(alice->readyData().value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"Alice A."_s);
    QCOMPARE(alice->userId(), m.captured(1));

    // A password given on standard input; a name taken is refused (2), a bad one too.
    const Run bob = admin({u"create-user"_s, u"bob"_s, u"--password-stdin"_s}, "bob's long password\n");
    QCOMPARE(bob.exitCode, 0);
    QCOMPARE(bob.out, u"created bob (id %1)\n"_s.arg(bob.out.section(u"(id "_s, 1).section(u')', 0, 0)));
    QVERIFY(m_fx->connect()->login(u"bob"_s, u"bob's long password"_s).ok);
    const Run again = admin({u"create-user"_s, u"Alice"_s});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(u"taken"_s), qPrintable(again.err));
    QCOMPARE(admin({u"create-user"_s, u"a"_s}).exitCode, 2);
    QCOMPARE(admin({u"create-user"_s, u"carol"_s, u"--password"_s, u"short"_s}).exitCode, 2);

    const Run list = admin({u"list-users"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count(u'\n'), 2);
    QVERIFY(list.out.contains(u"alice \"Alice A.\""_s));
}

void tst_Admin::promoteShowsAtOnce()
{
    QCOMPARE(admin({u"create-user"_s, u"alice"_s, u"--password"_s, ServerFixture::password()}).exitCode, 0);
    auto alice = m_fx->connect();
    QVERIFY(alice->login(u"alice"_s, ServerFixture::password()).ok);
    QVERIFY(!alice->readyData().value(u"user"_s).toObject().contains(u"server_admin"_s));

    const Run up = admin({u"promote"_s, u"alice"_s});
    QCOMPARE(up.exitCode, 0);
    QCOMPARE(up.out, u"alice is a server admin\n"_s);
    QVERIFY(alice->waitEventWhere(u"user.updated"_s, [](const Event &e) {
        return e.d.value(u"user"_s).toObject().value(u"server_admin"_s).toBool();
    }));
    auto later = m_fx->connect();
    QVERIFY(later->login(u"alice"_s, ServerFixture::password()).ok);
    QCOMPARE(later->readyData().value(u"user"_s).toObject().value(u"server_admin"_s).toBool(), true);
    QVERIFY(admin({u"list-users"_s}).out.contains(u"alice \"alice\" admin"_s));

    QCOMPARE(admin({u"demote"_s, u"alice"_s}).out, u"alice is not a server admin\n"_s);
    QVERIFY(alice->waitEventWhere(u"user.updated"_s, [](const Event &e) {
        return !e.d.value(u"user"_s).toObject().contains(u"server_admin"_s);
    }));
}

void tst_Admin::resetPasswordSignsOutEverywhere()
{
    QCOMPARE(admin({u"create-user"_s, u"alice"_s, u"--password"_s, ServerFixture::password()}).exitCode, 0);
    auto alice = m_fx->connect();
    QVERIFY(alice->login(u"alice"_s, ServerFixture::password()).ok);
    const QString oldToken = alice->token();

    const Run reset = admin({u"reset-password"_s, u"alice"_s, u"--password"_s, u"a brand new password"_s});
    QCOMPARE(reset.exitCode, 0);
    QCOMPARE(reset.out, u"new password for alice (signed out everywhere)\n"_s);
    // Her open session ends at once, as a logout would.
    QVERIFY(alice->waitDisconnected());
    QCOMPARE(alice->closeCode(), 4002);
    QCOMPARE(m_fx->connect()->login(u"alice"_s, ServerFixture::password()).code, u"unauthorized"_s);
    QCOMPARE(m_fx->connect()->loginWithToken(oldToken).code, u"unauthorized"_s);
    QVERIFY(m_fx->connect()->login(u"alice"_s, u"a brand new password"_s).ok);
}

void tst_Admin::guildsListedAndDeleted()
{
    // An open server this time, so the members make their own accounts and guild.
    m_fx = std::make_unique<ServerFixture>();
    QString err;
    QVERIFY2(m_fx->start(&err), qPrintable(err));
    auto owner = m_fx->newUser(u"owner"_s);
    auto member = m_fx->newUser(u"member"_s);
    const GuildRef g = createGuild(*owner, u"Doomed"_s);
    QVERIFY(joinGuild(*owner, *member, g));
    createGuild(*owner, u"Kept"_s);

    const Run list = admin({u"list-guilds"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count(u'\n'), 2);
    QVERIFY2(list.out.contains(u"%1 \"Doomed\" owner %2 members 2 channels 1"_s.arg(g.guildId, owner->user().value(u"username"_s).toString())),
             qPrintable(list.out));

    const Run del = admin({u"delete-guild"_s, g.guildId});
    QCOMPARE(del.exitCode, 0);
    QCOMPARE(del.out, u"deleted guild %1 \"Doomed\"\n"_s.arg(g.guildId));
    // Its online members hear it at once, and the server no longer knows it.
    QVERIFY(member->waitEventWhere(u"guild.deleted"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == g.guildId; }));
    QVERIFY(owner->waitEventWhere(u"guild.deleted"_s, [&](const Event &e) { return e.d.value(u"id"_s).toString() == g.guildId; }));
    QCOMPARE(sendMessage(*member, g.channelId, u"anyone?"_s).code, u"not_found"_s);
    QCOMPARE(admin({u"list-guilds"_s}).out.count(u'\n'), 1);
    QCOMPARE(admin({u"delete-guild"_s, g.guildId}).exitCode, 1);
}

void tst_Admin::notFoundAndUsage()
{
    const Run missing = admin({u"reset-password"_s, u"nobody"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"no user nobody"_s), qPrintable(missing.err));
    QCOMPARE(admin({u"promote"_s, u"nobody"_s}).exitCode, 1);
    QCOMPARE(admin({u"delete-guild"_s, u"12345"_s}).exitCode, 1);
    QCOMPARE(admin({u"frobnicate"_s}).exitCode, 2);
    QCOMPARE(admin({u"promote"_s}).exitCode, 2);
    const Run help = admin({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"create-user"_s) && help.out.contains(u"delete-guild"_s));
    // No database there: refused, nothing made.
    const auto r = ServerProcess::run({u"admin"_s, u"list-users"_s, u"--data"_s, m_fx->dataDir() + u"/nothing-here"_s});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_Admin)
#include "tst_admin.moc"

// The real kith-server binary gives its memory back: many signed-in sessions open, all of them
// drop, and once their resume window has passed the server's resident memory is back within
// 50% of what it was before they opened (not stuck at the peak, as freed heap is by default).
#include "ServerProcess.h"
#include "common/TestClient.h"
#include "common/Scenario.h"
#include "platform/SystemResources.h"
#include "shared/Limits.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace kith::test;
using kith::server::SystemResources;

namespace {

constexpr int kAccounts = 10;
constexpr int kSessions = 2000;

} // namespace

class tst_Memory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void memoryComesBackAfterSessionsExpire();

private:
    QTemporaryDir m_tmp;
};

void tst_Memory::initTestCase()
{
#if !defined(Q_OS_LINUX)
    QSKIP("reads the server's resident memory from /proc (Linux)");
#endif
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator quarantines freed memory: resident size says nothing here");
#endif
    QVERIFY(QFile::exists(ServerProcess::binary()));
    QVERIFY(m_tmp.isValid());
    // Every client below is a socket of this process.
    if (SystemResources::setOpenFileLimit(kSessions + 512) < kSessions + 256)
        QSKIP("the open-file limit of this process cannot be raised to hold the clients");
}

void tst_Memory::memoryComesBackAfterSessionsExpire()
{
    // All clients come from 127.0.0.1, which counts like any address.
    const QString ini = m_tmp.filePath(u"kith.ini"_s);
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("[limits]\nconnections_per_address=100000\nrequests_per_second=100000\nrequest_burst=100000\n"
            "hashes_per_address=100000\n");
    f.close();
    ServerProcess server;
    QString why;
    QVERIFY2(server.start(m_tmp.filePath(u"data"_s), {u"--config"_s, ini}, &why), qPrintable(why));
    const qint64 pid = server.process().processId();

    std::vector<std::unique_ptr<TestClient>> accounts;
    for (int i = 0; i < kAccounts; ++i) {
        accounts.push_back(std::make_unique<TestClient>());
        QVERIFY(accounts.back()->connectTo(server.url()));
        const Reply r = accounts.back()->registerUser(u"memory%1"_s.arg(i), u"correct horse %1"_s.arg(i));
        QVERIFY2(r.ok, qPrintable(r.describe()));
    }
    const GuildRef guild = createGuild(*accounts.front(), u"Memory"_s);
    QVERIFY(guild.valid());
    for (int i = 1; i < kAccounts; ++i)
        QVERIFY(joinGuild(*accounts.front(), *accounts.at(i), guild));
    QVERIFY(sendMessage(*accounts.front(), guild.channelId, u"hello"_s).ok);
    QStringList tokens;
    for (const auto &a : accounts)
        tokens << a->token();
    accounts.clear();

    const qint64 before = SystemResources::residentKbOf(pid);
    QVERIFY(before > 0);
    std::vector<std::unique_ptr<TestClient>> sessions;
    sessions.reserve(kSessions);
    for (int i = 0; i < kSessions; ++i) {
        sessions.push_back(std::make_unique<TestClient>());
        QVERIFY2(sessions.back()->connectTo(server.url(), 30000), qPrintable(u"session %1 did not connect"_s.arg(i)));
        const Reply r = sessions.back()->loginWithToken(tokens.at(i % kAccounts));
        QVERIFY2(r.ok, qPrintable(u"session %1: "_s.arg(i) + r.describe()));
    }
    const qint64 open = SystemResources::residentKbOf(pid);
    // Every connection drops; the sessions stay resumable for the resume window, then expire.
    sessions.clear();
    const qint64 bound = before + before / 2;
    QTRY_VERIFY2_WITH_TIMEOUT(SystemResources::residentKbOf(pid) <= bound,
                              qPrintable(u"kith-server's RSS: %1 KB before %2 sessions, %3 KB with them, "
                                         "%4 KB now (bound %5 KB)"_s
                                             .arg(before).arg(kSessions).arg(open).arg(SystemResources::residentKbOf(pid)).arg(bound)),
                              kith::limits::kResumeWindowMs + 120 * 1000);
    qInfo("kith-server RSS: %lld KB before %d sessions, %lld KB with them, %lld KB after they expired",
          before, kSessions, open, SystemResources::residentKbOf(pid));
}

QTEST_GUILESS_MAIN(tst_Memory)
#include "tst_memory.moc"

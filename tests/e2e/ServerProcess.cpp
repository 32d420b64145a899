#include "ServerProcess.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace kith::test {

QString ServerProcess::binary()
{
    return QStringLiteral(KITH_SERVER_BINARY);
}

void ServerProcess::drain()
{
    m_out += QString::fromLocal8Bit(m_proc.readAllStandardOutput());
    m_out += QString::fromLocal8Bit(m_proc.readAllStandardError());
}

bool ServerProcess::start(const QString &dataDir, const QStringList &extra, QString *why)
{
    m_out.clear();
    m_url = {};
    QObject::connect(&m_proc, &QProcess::readyReadStandardOutput, &m_proc, [this] { drain(); });
    QObject::connect(&m_proc, &QProcess::readyReadStandardError, &m_proc, [this] { drain(); });
    m_proc.setProgram(binary());
    m_proc.setArguments(QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, dataDir} + extra);
    m_proc.start();
    static const QRegularExpression re(u"listening on (wss?://127\\.0\\.0\\.1:(\\d+))"_s);
    QRegularExpressionMatch m;
    (void)QTest::qWaitFor([&] {
        m = re.match(m_out);
        return m.hasMatch() || m_proc.state() == QProcess::NotRunning;
    }, 30000);
    if (!m.hasMatch() || m.captured(2).toInt() == 0) {
        if (why)
            *why = u"no 'listening on' line; output: "_s + m_out;
        return false;
    }
    m_url = QUrl(m.captured(1));
    return true;
}

bool ServerProcess::waitFinished(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_proc.state() == QProcess::NotRunning; }, timeoutMs);
}

ServerProcess::Run ServerProcess::run(const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

ServerProcess::~ServerProcess()
{
    if (m_proc.state() != QProcess::NotRunning) {
        m_proc.kill();
        m_proc.waitForFinished(10000);
    }
}

} // namespace kith::test

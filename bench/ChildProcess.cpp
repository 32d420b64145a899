#include "ChildProcess.h"

#include "ClientPool.h"
#include "platform/SystemResources.h"

#include <QFile>
#include <QRegularExpression>

namespace kith::bench {

ChildProcess::ChildProcess(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, &ChildProcess::drain);
}

ChildProcess::~ChildProcess()
{
    stop(10000);
}

bool ChildProcess::start(const QString &program, const QStringList &args, QString *error,
                         int timeoutMs)
{
    m_url.clear();
    m_tail.clear();
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("%1: cannot start %2: %3")
                     .arg(m_name, program, m_process.errorString());
        return false;
    }
    const bool up = ClientPool::waitUntil(
        [this] { return m_url.isValid() || m_process.state() == QProcess::NotRunning; },
        timeoutMs);
    if (up && m_url.isValid())
        return true;
    *error = QStringLiteral("%1 did not print its listening line (%2); output:\n%3")
                 .arg(m_name,
                      m_process.state() == QProcess::NotRunning
                          ? QStringLiteral("exited with %1").arg(m_process.exitCode())
                          : QStringLiteral("timeout"),
                      outputTail());
    stop(5000);
    return false;
}

int ChildProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_tail.append(QStringLiteral("[bench] %1 ignored SIGTERM for %2 ms: killed")
                          .arg(m_name)
                          .arg(timeoutMs));
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    drain();
    return m_process.exitCode();
}

bool ChildProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

qint64 ChildProcess::pid() const
{
    return m_process.processId();
}

qint64 ChildProcess::rssKb() const
{
    return kith::server::SystemResources::residentKbOf(pid());
}

QString ChildProcess::outputTail() const
{
    return m_tail.join(u'\n');
}

void ChildProcess::drain()
{
    static const QRegularExpression listening(QStringLiteral(R"(listening on (ws://\S+))"));
    m_partial += m_process.readAll();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(nl)).trimmed();
        m_partial.remove(0, nl + 1);
        if (!m_url.isValid()) {
            const auto m = listening.match(line);
            if (m.hasMatch())
                m_url = QUrl(m.captured(1));
        }
        m_tail.append(line);
        if (m_tail.size() > 40)
            m_tail.removeFirst();
    }
}

} // namespace kith::bench

#pragma once
//! The real kith-server binary run through QProcess, as a self-hoster would start it.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace kith::test {

class ServerProcess
{
public:
    static QString binary();

    //! Starts `kith-server --listen 127.0.0.1:0 --data dir extra...` and waits for the
    //! `listening on ws://...` line; false (with the output in *why) if it never comes.
    bool start(const QString &dataDir, const QStringList &extra = {}, QString *why = nullptr);
    QUrl url() const { return m_url; }
    //! The environment of the next start() (default: the test's own).
    void setEnvironment(const QProcessEnvironment &env) { m_proc.setProcessEnvironment(env); }
    QProcess &process() { return m_proc; }
    //! Waits for the process to end; false on timeout.
    bool waitFinished(int timeoutMs = 30000);
    QString output() const { return m_out; } //!< stdout and stderr so far

    //! Runs the binary with args to completion (for --help and friends).
    struct Run {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out, err;
        //! It left by itself with an error code: a refusal, not a crash.
        bool refused() const { return status == QProcess::NormalExit && exitCode != 0; }
    };
    static Run run(const QStringList &args, int timeoutMs = 30000,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    ~ServerProcess();

private:
    void drain();
    QProcess m_proc;
    QString m_out;
    QUrl m_url;
};

} // namespace kith::test

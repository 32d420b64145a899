#pragma once
//! kith-server or kith-relay started by the bench: waits for its "listening on ws://..." line,
//! keeps its output drained (a full pipe would stall it) and reads its memory and CPU from /proc.

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace kith::bench {

class ChildProcess : public QObject
{
    Q_OBJECT
public:
    explicit ChildProcess(QString name, QObject *parent = nullptr);
    ~ChildProcess() override; //!< stops it

    //! Starts program and waits up to timeoutMs for the listening line.
    bool start(const QString &program, const QStringList &args, QString *error,
               int timeoutMs = 30000);
    //! SIGTERM, then SIGKILL if it has not exited within timeoutMs. Returns its exit code.
    int stop(int timeoutMs = 30000);
    bool isRunning() const;

    QUrl url() const { return m_url; }
    qint64 pid() const;
    QString name() const { return m_name; }
    qint64 rssKb() const;      //!< VmRSS from /proc/<pid>/status
    QString outputTail() const; //!< last lines it printed, for error messages

private:
    void drain();

    QString m_name;
    QProcess m_process;
    QUrl m_url;
    QByteArray m_partial;
    QStringList m_tail;
};

} // namespace kith::bench

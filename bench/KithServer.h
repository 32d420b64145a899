#pragma once
//! A kith-server child with its own data folder and a bench config that lifts the rate limits;
//! it can be stopped and started again on the same data (history fills its database offline).

#include "BenchOptions.h"
#include "ChildProcess.h"

#include <QTemporaryDir>
#include <memory>

namespace kith::bench {

class KithServer
{
public:
    explicit KithServer(const BenchOptions &options);
    ~KithServer();

    bool start(QString *error);
    int stop();
    ChildProcess &process() { return *m_process; }
    QUrl url() const { return m_process->url(); }
    QString dataDir() const { return m_dir.path(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("kith.db")); }

private:
    const BenchOptions &m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<ChildProcess> m_process;
};

//! kith-relay as a child.
bool startRelay(const BenchOptions &options, ChildProcess *relay, QString *error);

} // namespace kith::bench

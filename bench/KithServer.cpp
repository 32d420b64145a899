#include "KithServer.h"

#include <QFile>
#include <cstdio>

namespace kith::bench {

KithServer::KithServer(const BenchOptions &options)
    : m_options(options)
    , m_dir(QDir::tempPath() + QStringLiteral("/kith-bench-XXXXXX"))
    , m_process(std::make_unique<ChildProcess>(QStringLiteral("kith-server")))
{
    m_dir.setAutoRemove(!options.keepData);
    if (options.keepData)
        std::fprintf(stderr, "[bench] server data kept in %s\n", qPrintable(m_dir.path()));
}

KithServer::~KithServer()
{
    stop();
}

bool KithServer::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot make a temporary folder");
        return false;
    }
    // The bench measures the server, not its flood protection.
    const QString ini = m_dir.filePath(QStringLiteral("bench.ini"));
    QFile f(ini);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(ini);
        return false;
    }
    // Every bench client connects from 127.0.0.1, which counts like any address, and signs up
    // at once: password hashes may queue as deep as the bench has clients.
    f.write("[limits]\nrequests_per_second=100000\nrequest_burst=100000\n"
            "connections_per_address=10000000\nqueued_bytes_total=1099511627776\n"
            "hash_queue=100000\nhashes_per_address=100000\n");
    f.write(m_options.syncFull ? "[storage]\nsynchronous=full\n" : "[storage]\nsynchronous=normal\n");
    f.close();
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data"),   m_dir.path(),
                     QStringLiteral("--config"), ini};
    if (!m_options.db.isEmpty())
        args << QStringLiteral("--db") << m_options.db;
    if (!m_options.serverLogLevel.isEmpty())
        args << QStringLiteral("--log-level") << m_options.serverLogLevel;
    return m_process->start(m_options.serverPath, args, error);
}

int KithServer::stop()
{
    return m_process->stop();
}

bool startRelay(const BenchOptions &options, ChildProcess *relay, QString *error)
{
    return relay->start(options.relayPath,
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, error);
}

} // namespace kith::bench

#include "TransferScenario.h"

#include "ClientPool.h"
#include "Cohort.h"
#include "KithServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

namespace kith::bench {

namespace {

struct Curl {
    bool ok = false;
    double seconds = 0;
    QByteArray body;
    QString error;
};

// One curl run; -w prints the total time after the body, which goes to a file.
Curl curl(const QStringList &args, const QString &bodyPath)
{
    Curl out;
    QProcess p;
    p.start(QStringLiteral("curl"),
            QStringList{QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("-o"), bodyPath,
                        QStringLiteral("-w"), QStringLiteral("%{time_total}")}
                + args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out.error = QStringLiteral("curl %1: %2")
                        .arg(args.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return out;
    }
    out.seconds = p.readAllStandardOutput().trimmed().toDouble();
    QFile f(bodyPath);
    if (bodyPath != QLatin1String("/dev/null") && f.open(QIODevice::ReadOnly))
        out.body = f.readAll();
    out.ok = out.seconds > 0;
    return out;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// python3 -m http.server on 127.0.0.1, port chosen by the system, serving dir.
bool startPython(QProcess *p, const QString &dir, int *port, QString *error)
{
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral("python3"),
             {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("0"),
              QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--directory"), dir});
    static const QRegularExpression re(QStringLiteral("port (\\d+)"));
    QByteArray seen;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && p->waitForReadyRead(int(deadline.remainingTime()))) {
        seen += p->readAll();
        if (const auto m = re.match(QString::fromUtf8(seen)); m.hasMatch()) {
            *port = m.captured(1).toInt();
            return true;
        }
    }
    *error = QStringLiteral("python3 -m http.server did not start: ") + QString::fromUtf8(seen);
    return false;
}

} // namespace

TransferScenario::TransferScenario(const BenchOptions &options)
    : m_options(options)
{ }

bool TransferScenario::run(Table *summary, QString *error)
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
        *error = QStringLiteral("transfer needs curl and python3");
        return false;
    }
    const qint64 bytes = qint64(m_options.transferMiB) * 1024 * 1024;
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/kith-bench-transfer-XXXXXX"));
    const QString file = dir.filePath(QStringLiteral("file.bin"));
    {
        // Random bytes: nothing on the way can make it smaller.
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(file);
            return false;
        }
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        for (qint64 left = bytes; left > 0; left -= chunk.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                                  chunk.size() / 4);
            f.write(chunk.constData(), qMin<qint64>(left, chunk.size()));
        }
    }

    KithServer server(m_options);
    if (!server.start(error))
        return false;
    ClientPool pool(1);
    Cohort cohort;
    if (!cohort.create(pool, server.url(), 1, Cohort::Guilds::Own, QStringLiteral("xfer"), error))
        return false;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.url().port());
    const QString auth = QStringLiteral("Authorization: Bearer ") + cohort.token(0);
    const int runs = qMax(1, m_options.transferRuns);

    QList<double> up, down, baseline;
    QString path;
    for (int i = 0; i < runs; ++i) {
        // Each upload is a new file to the server's count, stored once per content.
        const Curl c =
            curl({QStringLiteral("-H"), auth, QStringLiteral("-H"),
                  QStringLiteral("Content-Type: application/octet-stream"), QStringLiteral("--data-binary"),
                  QLatin1Char('@') + file, base + QStringLiteral("/api/v1/attachments?filename=file.bin")},
                 dir.filePath(QStringLiteral("reply.json")));
        if (!c.ok) {
            *error = c.error;
            return false;
        }
        up << c.seconds;
        const QJsonObject a = QJsonDocument::fromJson(c.body).object();
        path = QStringLiteral("/api/v1/attachments/%1/file.bin").arg(a.value(QLatin1String("id")).toString());
        if (a.value(QLatin1String("size")).toInteger() != bytes) {
            *error = QStringLiteral("upload reply: ") + QString::fromUtf8(c.body);
            return false;
        }
    }
    for (int i = 0; i < runs; ++i) {
        const Curl c = curl({QStringLiteral("-H"), auth, base + path}, QStringLiteral("/dev/null"));
        if (!c.ok) {
            *error = c.error;
            return false;
        }
        down << c.seconds;
    }
    server.stop();

    QProcess python;
    int port = 0;
    if (!startPython(&python, dir.path(), &port, error))
        return false;
    for (int i = 0; i < runs; ++i) {
        const Curl c =
            curl({QStringLiteral("http://127.0.0.1:%1/file.bin").arg(port)}, QStringLiteral("/dev/null"));
        if (!c.ok) {
            *error = c.error;
            break;
        }
        baseline << c.seconds;
    }
    python.terminate();
    python.waitForFinished(5000);
    if (baseline.size() != runs)
        return false;

    const double mib = double(bytes) / (1024 * 1024);
    const double bs = median(baseline);
    const QString figure = QStringLiteral("MiB/s, median of %1 curl runs").arg(runs);
    const auto row = [&](const QString &label, double seconds) {
        summary->addRow({label.arg(m_options.transferMiB), figure, num(mib / seconds, 1), num(mib / bs, 1),
                         num(100.0 * bs / seconds, 1) + u'%'});
    };
    row(QStringLiteral("transfer: upload %1 MiB (POST)"), median(up));
    row(QStringLiteral("transfer: download %1 MiB (GET)"), median(down));
    std::fprintf(stderr,
                 "[bench] transfer: baseline is curl GET of the same file from python3 -m http.server "
                 "on 127.0.0.1 (it takes no uploads)\n");
    return true;
}

} // namespace kith::bench

#include "TestDatabase.h"

#include "store/DatabaseUrl.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace kith::test {

namespace {

QAtomicInteger<int> g_connections = 0;

bool withConnection(const server::DatabaseUrl &u, const std::function<bool(QSqlDatabase &)> &f)
{
    const QString name = u"kith-test-db-%1"_s.arg(g_connections.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u.driverName(), name);
        u.applyTo(db);
        if (db.open())
            ok = f(db);
        else
            qWarning("TestDatabase: cannot open %s: %s", qPrintable(u.display()), qPrintable(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

std::optional<server::DatabaseUrl> adminUrl()
{
    QString error;
    const QString text = TestDatabase::postgresAdminUrl();
    auto u = server::DatabaseUrl::parse(text, {}, &error);
    if (!u)
        qWarning("TestDatabase: %s", qPrintable(error));
    return u;
}

} // namespace

QString TestDatabase::postgresAdminUrl()
{
    static const QString url = [] {
        const QString direct = qEnvironmentVariable("KITH_TEST_PG");
        if (!direct.isEmpty())
            return direct;
        const QString file = qEnvironmentVariable("KITH_TEST_PG_FILE");
        if (file.isEmpty())
            return QString();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("KITH_TEST_PG_FILE=%s cannot be read: is the test PostgreSQL running (tests/pg/postgres.sh)?",
                   qPrintable(file));
        return QString::fromUtf8(f.readAll()).trimmed();
    }();
    return url;
}

TestDatabase::TestDatabase()
{
    if (postgres())
        m_url = make();
}

TestDatabase::~TestDatabase()
{
    const auto admin = adminUrl();
    if (!admin || m_made.isEmpty())
        return;
    withConnection(*admin, [this](QSqlDatabase &db) {
        for (const QString &name : std::as_const(m_made)) {
            QSqlQuery q(db);
            // FORCE: a server a test left running (or killed) must not keep its database.
            if (!q.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)))
                qWarning("TestDatabase: cannot drop %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
        }
        return true;
    });
}

QString TestDatabase::make()
{
    const auto admin = adminUrl();
    if (!admin)
        return {};
    const QString name = u"kith_t_%1_%2"_s.arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate64() % 1000000000000ull);
    const bool ok = withConnection(*admin, [&name](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(u"CREATE DATABASE %1"_s.arg(name)))
            return true;
        qWarning("TestDatabase: cannot create %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
        return false;
    });
    if (!ok)
        return {};
    m_made.append(name);
    QUrl url(postgresAdminUrl());
    url.setPath(u"/"_s + name);
    return url.toString();
}

QString TestDatabase::another()
{
    return make();
}

bool TestDatabase::with(const QString &dataDir, const std::function<bool(QSqlDatabase &)> &f) const
{
    QString error;
    const auto u = server::DatabaseUrl::parse(m_url, dataDir, &error);
    if (!u) {
        qWarning("TestDatabase: %s", qPrintable(error));
        return false;
    }
    return withConnection(*u, f);
}

} // namespace kith::test

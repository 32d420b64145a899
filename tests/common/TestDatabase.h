#pragma once
//! The database a test's server uses: SQLite in its data folder, or, when the suite runs
//! against PostgreSQL (KITH_TEST_PG = an admin URL, or KITH_TEST_PG_FILE = a file holding one,
//! as tests/pg/postgres.sh writes it), a fresh PostgreSQL database dropped again afterwards.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>

namespace kith::test {

class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    //! The suite's PostgreSQL admin URL; empty when the suite runs on SQLite.
    static QString postgresAdminUrl();
    static bool postgres() { return !postgresAdminUrl().isEmpty(); }
    //! "sqlite" or "postgres", for messages.
    static QString kind() { return postgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }

    //! For ServerConfig::databaseUrl: the PostgreSQL database made for this test, else empty.
    QString url() const { return m_url; }
    //! Runs `f` on a private connection to the server's data (the SQLite file in `dataDir`, or
    //! this PostgreSQL database), closed again afterwards. False if it cannot connect or f fails.
    bool with(const QString &dataDir, const std::function<bool(QSqlDatabase &)> &f) const;
    //! A fresh, empty PostgreSQL database's URL, dropped with this object (for migrate targets).
    QString another();

private:
    QString make();
    QStringList m_made;
    QString m_url;
};

} // namespace kith::test

#pragma once
//! The storage ceiling: the server's own schema and pragmas in a bare SQLite file, filled with
//! the same INSERT the server runs, timed without any server around it. Also fills a server's
//! database offline for the history scenario.

#include <QString>
#include <QStringList>
#include <functional>

namespace kith::bench {

class RawSqlite
{
public:
    //! Opens (creating) path with the server's pragmas (synchronous FULL or NORMAL); schema:
    //! apply kith's migrations.
    RawSqlite(const QString &path, bool applySchema, bool syncFull);
    ~RawSqlite();
    bool isOpen() const { return m_open; }
    QString lastError() const { return m_error; }

    //! A user, a guild and a channel for messages to reference (foreign keys are on).
    bool addChannel(qint64 userId, qint64 guildId, qint64 channelId);
    //! Inserts rows messages into channel by author, in transactions of batch rows (0: one).
    //! Ids are snowflakes starting at firstMs, one per ms. Returns seconds taken, -1 on error.
    double insertMessages(qint64 channelId, qint64 authorId, qint64 rows, int batch,
                          qint64 firstMs, int contentChars, const QString &noncePrefix,
                          QList<qint64> *idsOut = nullptr,
                          const std::function<QString(qint64)> &content = {});
    //! The migration statements kith-server applies (compiled in from server/store/migrations).
    static QStringList schemaStatements();

private:
    bool exec(const QString &sql);

    QString m_name;
    bool m_open = false;
    QString m_error;
};

} // namespace kith::bench

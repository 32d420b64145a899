#include "StatsReport.h"

#include "Cli.h"
#include "core/Stats.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

namespace kith::server::tools {

namespace {
constexpr int kTop = 10;

//! "  1. NAME (id ID)  COUNT UNIT" lines, or "  (none)".
void list(const QString &title, const QList<IdCount> &rows, const QHash<Id, QString> &names,
          const QString &unit, bool quote)
{
    say(title);
    if (rows.isEmpty())
        say(QStringLiteral("  (none)"));
    int rank = 0;
    for (const IdCount &r : rows) {
        const QString name = names.value(r.id, QStringLiteral("(gone)"));
        say(QStringLiteral("  %1. %2 (id %3)  %4 %5")
                .arg(++rank)
                .arg(quote ? QLatin1Char('"') + name + QLatin1Char('"') : name)
                .arg(r.id)
                .arg(r.count)
                .arg(unit));
    }
}
} // namespace

int printStats(WriteQueue &queue, int days, const QHash<Id, QString> &users, const QHash<Id, QString> &guilds)
{
    const int last = Stats::today();
    const int first = last - days + 1;
    auto r = queue.runSync<ServerStats>([first](Store &s) { return s.serverStats(first, kTop); });
    if (!r)
        return fail(kFailed, r.error().message);
    const ServerStats &st = r.value();
    qint64 total = 0;
    for (const DayCount &d : st.messagesPerDay)
        total += d.count;
    say(QStringLiteral("Statistics of the last %1 days, %2 to %3 (UTC)")
            .arg(days)
            .arg(Stats::dayText(first), Stats::dayText(last)));
    say(QStringLiteral("Messages in guilds: %1").arg(total));
    say(QStringLiteral("Messages per day:"));
    if (st.messagesPerDay.isEmpty())
        say(QStringLiteral("  (none)"));
    for (const DayCount &d : st.messagesPerDay)
        say(QStringLiteral("  %1  %2").arg(Stats::dayText(d.day)).arg(d.count));
    list(QStringLiteral("Busiest guilds:"), st.busiestGuilds, guilds, QStringLiteral("messages"), true);
    list(QStringLiteral("Top senders:"), st.topSenders, users, QStringLiteral("messages"), false);
    list(QStringLiteral("Most connecting users:"), st.mostConnected, users, QStringLiteral("sessions"),
         false);
    return kOk;
}

} // namespace kith::server::tools

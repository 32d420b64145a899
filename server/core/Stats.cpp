#include "Stats.h"

#include "core/Access.h"
#include "core/Directory.h"
#include "core/Presence.h"
#include "shared/JsonFields.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>

namespace kith::server {

namespace {
constexpr qint64 kDayMs = 86400000;
constexpr int kFlushMs = 60000;

QJsonArray dayCounts(const QList<DayCount> &counts, QLatin1String key)
{
    QJsonArray out;
    for (const DayCount &d : counts)
        out.append(QJsonObject{{QLatin1String("day"), Stats::dayText(d.day)}, {key, d.count}});
    return out;
}
} // namespace

Stats::Stats(ServiceContext &ctx, Presence &presence, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_presence(presence)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
}

int Stats::dayOf(qint64 unixMs)
{
    return int(unixMs / kDayMs);
}

int Stats::today()
{
    return dayOf(QDateTime::currentMSecsSinceEpoch());
}

QString Stats::dayText(int day)
{
    return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate);
}

int Stats::onlineNow(Id guildId) const
{
    int online = 0;
    for (Id m : m_ctx.directory.memberIds(guildId))
        online += m_presence.publicView(m).status != PresenceStatus::Offline;
    return online;
}

void Stats::raise(Id guildId, int online, int day)
{
    Peak &p = m_peaks[guildId];
    if (p.day != day) {
        if (p.dirty)
            m_ended.append({guildId, p.day, p.peak});
        p = {day, online, true};
    } else if (online > p.peak) {
        p.peak = online;
        p.dirty = true;
    } else {
        return;
    }
    if (!m_flushTimer.isActive()) // at most one write a minute, whatever the churn
        m_flushTimer.start();
}

void Stats::onlineChanged(Id userId, bool online)
{
    if (!online) {
        // The guilds they were counted in, not those they are in now: joins and leaves while
        // online never leave a count behind.
        for (Id g : m_countedIn.take(userId)) {
            auto it = m_online.find(g);
            if (it != m_online.end() && (it->remove(userId), it->isEmpty()))
                m_online.erase(it);
        }
        return;
    }
    const int day = today();
    QList<Id> &in = m_countedIn[userId];
    for (Id g : m_ctx.directory.guildsOf(userId)) {
        QSet<Id> &here = m_online[g];
        if (here.contains(userId))
            continue;
        here.insert(userId);
        in.append(g);
        raise(g, int(here.size()), day);
    }
}

void Stats::membershipChanged(Id guildId, Id userId, bool member)
{
    auto in = m_countedIn.find(userId);
    if (in == m_countedIn.end()) // offline: counted when they come online
        return;
    if (!member) {
        in->removeOne(guildId);
        auto it = m_online.find(guildId);
        if (it != m_online.end() && (it->remove(userId), it->isEmpty()))
            m_online.erase(it);
        return;
    }
    QSet<Id> &here = m_online[guildId];
    if (here.contains(userId))
        return;
    here.insert(userId);
    in->append(guildId);
    raise(guildId, int(here.size()), today());
}

void Stats::countMessage(Id guildId, Id channelId, Id authorId)
{
    if (!guildId)
        return; // DMs are not counted
    ++m_messages[{guildId, today(), channelId, authorId}];
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void Stats::flush(std::function<void()> then)
{
    m_flushTimer.stop();
    QList<MessageCount> counts;
    counts.reserve(m_messages.size());
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        counts.append({it.key().guildId, it.key().day, it.key().channelId, it.key().userId, it.value()});
    m_messages.clear();
    QList<PeakOnline> peaks = std::exchange(m_ended, {});
    for (auto it = m_peaks.begin(); it != m_peaks.end(); ++it) {
        if (it->dirty)
            peaks.append({it.key(), it->day, it->peak});
        it->dirty = false;
    }
    // Yesterday's peaks have been written: only today's are still needed in memory.
    const int day = today();
    m_peaks.removeIf([day](const auto &it) { return it.value().day != day; });
    if (peaks.isEmpty() && counts.isEmpty()) {
        if (then)
            then();
        return;
    }
    m_ctx.store.submit<Done>(
        [peaks, counts](Store &s) {
            if (auto r = s.recordPeaks(peaks); !r)
                return r;
            return s.addMessageCounts(counts);
        },
        [then = std::move(then)](Result<Done> &&) {
            if (then)
                then();
        });
}

void Stats::guild(const Call &call)
{
    JsonFields f(call.data());
    const Id guildId = f.id(QLatin1String("guild_id"));
    const int days = int(f.optInt(QLatin1String("days"), 1, kDaysMax).value_or(kDaysDefault));
    if (!f.ok())
        return call.fail(f.error());
    Error e;
    if (!access::memberWith(m_ctx.directory, guildId, call.userId(), Permission::ViewStats,
                            QStringLiteral("see the guild's statistics"), &e))
        return call.fail(e);
    const int last = today();
    const int first = last - days + 1;
    // This node's counts not written yet go first, so that the answer has every message it
    // stored; then the reader (counters need only the last commit, and never wait behind writes).
    flush([this, call, guildId, first, last] { answer(call, guildId, first, last); });
}

void Stats::answer(const Call &call, Id guildId, int first, int last)
{
    m_ctx.reader.submit<GuildStats>(
        [guildId, first](Store &s) { return s.guildStats(guildId, first, kTop); },
        [this, call, guildId, first, last](Result<GuildStats> &&r) {
            if (!r)
                return call.fail(r.error());
            const Directory &dir = m_ctx.directory;
            const GuildStats &st = r.value();
            // Every day of the period, oldest first, 0 where nothing was said.
            QHash<int, qint64> perDay;
            for (const DayCount &d : st.messagesPerDay)
                perDay.insert(d.day, d.count);
            QList<DayCount> allDays;
            for (int d = first; d <= last; ++d)
                allDays.append({d, perDay.value(d)});
            QJsonArray senders, channels, connected;
            for (const IdCount &c : st.topSenders)
                senders.append(QJsonObject{{QLatin1String("user"), dir.userOrPlaceholder(c.id).toJson()},
                                           {QLatin1String("count"), c.count}});
            // Channels that still exist and that the caller may see: ids of hidden ones stay hidden.
            for (const IdCount &c : st.channels) {
                const Channel *ch = dir.channel(c.id);
                if (!ch || ch->guildId != guildId || !dir.canView(call.userId(), *ch))
                    continue;
                channels.append(QJsonObject{{QLatin1String("channel_id"), idJson(c.id)},
                                            {QLatin1String("count"), c.count}});
                if (channels.size() == kTop)
                    break;
            }
            for (const IdCount &c : st.mostConnected)
                connected.append(QJsonObject{{QLatin1String("user"), dir.userOrPlaceholder(c.id).toJson()},
                                             {QLatin1String("connections"), c.count}});
            // Today's peak: what is stored, what is kept here and not written yet, and now.
            QList<DayCount> peaks = st.peakOnline;
            qint64 todays = onlineNow(guildId);
            if (auto it = m_peaks.constFind(guildId); it != m_peaks.cend() && it->day == last)
                todays = qMax(todays, qint64(it->peak));
            if (!peaks.isEmpty() && peaks.last().day == last)
                peaks.last().count = qMax(peaks.last().count, todays);
            else
                peaks.append({last, todays});
            call.ok({{QLatin1String("messages_per_day"), dayCounts(allDays, QLatin1String("count"))},
                     {QLatin1String("top_senders"), senders},
                     {QLatin1String("busiest_channels"), channels},
                     {QLatin1String("most_connected"), connected},
                     {QLatin1String("peak_online"), dayCounts(peaks, QLatin1String("count"))}});
        });
}

} // namespace kith::server

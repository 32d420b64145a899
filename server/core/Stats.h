#pragma once
//! stats.guild (issue 13): a guild's messages per day, top senders, busiest channels, most
//! connected members and peak online, read from daily counters (store/StatsTable), never from
//! message history. Also keeps each guild's peak online of the day, in memory from Presence,
//! and writes it at most once a minute (and when the server stops).

#include "core/Call.h"
#include "core/ServiceContext.h"
#include "store/Store.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace kith::server {

class Presence;

class Stats : public QObject
{
    Q_OBJECT
public:
    Stats(ServiceContext &ctx, Presence &presence, QObject *parent = nullptr);

    void guild(const Call &call);

    //! Presence: what others see of userId went from offline to not (online true) or back.
    void onlineChanged(Id userId, bool online);
    //! Directory: userId joined (member true) or left a guild; counted at once if online.
    void membershipChanged(Id guildId, Id userId, bool member);
    //! Messages: one stored (not a resend) in a guild channel. Counted here, written by flush().
    void countMessage(Id guildId, Id channelId, Id authorId);
    //! Queues the peaks and counts not written yet (the server calls it before its store stops);
    //! `then`, if given, runs once they are written.
    void flush(std::function<void()> then = {});

    //! Entries in each top list.
    static constexpr int kTop = 10;
    static constexpr int kDaysDefault = 30;
    static constexpr int kDaysMax = 90;
    //! Whole days since 1970-01-01 UTC, as the counters store them.
    static int dayOf(qint64 unixMs);
    static int today();
    static QString dayText(int day); //!< "YYYY-MM-DD"

private:
    struct Peak {
        int day = 0;
        int peak = 0;
        bool dirty = false;
    };
    //! Members of a guild online now: who Presence shows as not offline, on any node.
    int onlineNow(Id guildId) const;
    //! stats.guild's reply, read from the counters.
    void answer(const Call &call, Id guildId, int first, int last);
    void raise(Id guildId, int online, int day);

    ServiceContext &m_ctx;
    Presence &m_presence;
    QHash<Id, QSet<Id>> m_online; //!< guild -> its members counted online
    QHash<Id, QList<Id>> m_countedIn; //!< user -> the guilds they are counted online in
    QHash<Id, Peak> m_peaks; //!< guild -> the peak of its current day
    QList<PeakOnline> m_ended; //!< peaks of days gone by, not written yet
    struct CountKey {
        Id guildId;
        int day;
        Id channelId;
        Id userId;
        bool operator==(const CountKey &) const = default;
        friend size_t qHash(const CountKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.guildId, k.day, k.channelId, k.userId);
        }
    };
    QHash<CountKey, int> m_messages; //!< messages counted since the last flush
    QTimer m_flushTimer;
};

} // namespace kith::server

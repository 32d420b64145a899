#pragma once
//! The accounts a scenario signs in as: registered once (Argon2id is slow by design), then
//! every bench session signs in with one of their tokens.

#include "ClientPool.h"

#include <QStringList>
#include <vector>
#include <QUrl>

namespace kith::bench {

class Cohort
{
public:
    enum class Guilds {
        Shared,  //!< one guild, everyone joined by invite: fan-out to every member
        Own,     //!< each user creates a guild of their own: no fan-out beyond the author
    };

    //! Registers users accounts on new clients of pool (left open and signed in, indexes
    //! [first(), first()+users)); returns false with *error on any failure.
    bool create(ClientPool &pool, const QUrl &url, int users, Guilds guilds,
                const QString &prefix, QString *error);

    //! Opens n new sessions on pool signed in with the cohort's tokens in turn (relay: just
    //! connected), at most concurrency connecting at once. Returns the first index, -1 on error.
    int openSessions(ClientPool &pool, const QUrl &url, int n, Target target, int concurrency,
                     QString *error) const;

    int first() const { return m_first; }
    int size() const { return int(m_tokens.size()); }
    const QString &token(int i) const { return m_tokens.at(size_t(i) % m_tokens.size()); }
    const QString &userId(int i) const { return m_userIds.at(size_t(i)); }
    QString guildId() const { return m_guildIds.empty() ? QString() : m_guildIds[0]; }
    //! The general channel of the shared guild, or of user i's own guild.
    QString channelId(int i = 0) const { return m_channelIds.at(size_t(i)); }

private:
    int m_first = 0;
    // Written by client threads at distinct indexes, so plain vectors (no implicit sharing).
    std::vector<QString> m_tokens, m_userIds, m_guildIds, m_channelIds;
};

} // namespace kith::bench

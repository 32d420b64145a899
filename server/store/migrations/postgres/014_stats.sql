-- Kith schema 14 (PostgreSQL: as sqlite/, 64-bit ids as BIGINT): statistics (issue 13).
-- Daily counters, so that a report reads a few rows per day instead of scanning history.
-- `day` is whole days since 1970-01-01 UTC.
-- Messages per guild, day, channel and author, added by the server once a minute (see sqlite/).
CREATE TABLE IF NOT EXISTS stats_messages (
    guild_id   BIGINT  NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    channel_id BIGINT  NOT NULL,  -- no reference: a deleted channel's messages still counted that day
    user_id    BIGINT  NOT NULL,
    messages   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day, channel_id, user_id)
);

-- Sessions started (sign-in, register, a resume that had to start afresh) per user and day;
-- per guild by joining the guild's members when asked.
CREATE TABLE IF NOT EXISTS stats_connections (
    user_id     BIGINT  NOT NULL,
    day         INTEGER NOT NULL,
    connections INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX IF NOT EXISTS stats_connections_day ON stats_connections(day);

-- The most members of a guild online at once on a day (kept in memory, written at most once
-- a minute and at shutdown; a write never lowers it).
CREATE TABLE IF NOT EXISTS stats_peak_online (
    guild_id BIGINT  NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day      INTEGER NOT NULL,
    peak     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day)
);

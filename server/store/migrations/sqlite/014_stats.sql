-- Kith schema 14: statistics (issue 13, stats.guild and kith-server admin stats).
-- Daily counters, so that a report reads a few rows per day instead of scanning history.
-- `day` is whole days since 1970-01-01 UTC.
-- Messages per guild, day, channel and author. The server counts a node's stored messages in
-- memory and adds them here once a minute and when it stops (not per message: a row write per
-- message would cost the send path what the search index's triggers once did). A crash loses at
-- most that minute's counts, never a message.
CREATE TABLE IF NOT EXISTS stats_messages (
    guild_id   INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,  -- no reference: a deleted channel's messages still counted that day
    user_id    INTEGER NOT NULL,
    messages   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day, channel_id, user_id)
) WITHOUT ROWID; -- the key is the row: an upsert seeks one B-tree, not two

-- Sessions started (sign-in, register, a resume that had to start afresh) per user and day;
-- per guild by joining the guild's members when asked.
CREATE TABLE IF NOT EXISTS stats_connections (
    user_id     INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    connections INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX IF NOT EXISTS stats_connections_day ON stats_connections(day);

-- The most members of a guild online at once on a day (kept in memory, written at most once
-- a minute and at shutdown; a write never lowers it).
CREATE TABLE IF NOT EXISTS stats_peak_online (
    guild_id INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day      INTEGER NOT NULL,
    peak     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day)
);

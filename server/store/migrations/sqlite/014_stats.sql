-- Kith schema 14: statistics (issue 13, stats.guild and kith-server admin stats).
-- Daily counters, so that a report reads a few rows per day instead of scanning history.
-- `day` is whole days since 1970-01-01 UTC (a message's day comes from its snowflake id).
-- Messages per guild, day, channel and author. Counted by the trigger below, inside the
-- message's own INSERT: no statement more on the send path, a duplicate (author, nonce) that
-- the INSERT turns away is not counted, and a failing INSERT takes its count back with it.
CREATE TABLE IF NOT EXISTS stats_messages (
    guild_id   INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,  -- no reference: a deleted channel's messages still counted that day
    user_id    INTEGER NOT NULL,
    messages   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day, channel_id, user_id)
) WITHOUT ROWID; -- the key is the row: the per-message upsert seeks one B-tree, not two
-- Messages of DMs (channels without a guild) are not counted.
CREATE TRIGGER IF NOT EXISTS stats_messages_count AFTER INSERT ON messages BEGIN
    INSERT INTO stats_messages (guild_id, day, channel_id, user_id, messages)
    SELECT guild_id, ((new.id >> 22) + 1735689600000) / 86400000, new.channel_id, new.author_id, 1
    FROM channels WHERE id = new.channel_id AND guild_id IS NOT NULL
    ON CONFLICT (guild_id, day, channel_id, user_id) DO UPDATE SET messages = messages + 1;
END;

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

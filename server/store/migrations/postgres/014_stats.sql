-- Kith schema 14 (PostgreSQL: as sqlite/, 64-bit ids as BIGINT): statistics (issue 13).
-- Daily counters, so that a report reads a few rows per day instead of scanning history.
-- `day` is whole days since 1970-01-01 UTC (a message's day comes from its snowflake id).
-- Messages per guild, day, channel and author. Counted by the trigger below, inside the
-- message's own INSERT (the grouped multi-row INSERT too): no round trip more on the send path,
-- a duplicate (author, nonce) that the INSERT turns away is not counted, and a failing INSERT
-- takes its count back with it.
CREATE TABLE IF NOT EXISTS stats_messages (
    guild_id   BIGINT  NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    channel_id BIGINT  NOT NULL,  -- no reference: a deleted channel's messages still counted that day
    user_id    BIGINT  NOT NULL,
    messages   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, day, channel_id, user_id)
);
-- Messages of DMs (channels without a guild) are not counted. The body is a quoted string
-- rather than $$: the migration runner splits statements at semicolons outside literals.
CREATE OR REPLACE FUNCTION stats_count_message() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
    INSERT INTO stats_messages (guild_id, day, channel_id, user_id, messages)
    SELECT c.guild_id, ((NEW.id >> 22) + 1735689600000) / 86400000, NEW.channel_id, NEW.author_id, 1
    FROM channels c WHERE c.id = NEW.channel_id AND c.guild_id IS NOT NULL
    ON CONFLICT (guild_id, day, channel_id, user_id) DO UPDATE SET messages = stats_messages.messages + 1;
    RETURN NULL;
END';
DROP TRIGGER IF EXISTS stats_messages_count ON messages;
CREATE TRIGGER stats_messages_count AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION stats_count_message();

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

-- Kith schema 10: moderation (issue 13).
-- IF NOT EXISTS throughout: a database whose version was set back by hand keeps these tables.
-- Who may not come back to a guild (member.ban); a ban outlives the user's membership.
CREATE TABLE IF NOT EXISTS guild_bans (
    guild_id   INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    reason     TEXT,                -- null when none was given
    created_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
-- No index for delete_message_seconds: it walks messages_channel by id from a recent time, and
-- every message insert would pay for one.

-- member.timeout: a member silenced until `until` (ms since the epoch); leaving ends it.
CREATE TABLE IF NOT EXISTS member_timeouts (
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    until    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members(guild_id, user_id) ON DELETE CASCADE
);

-- A channel's slow mode (seconds between one member's messages); no row: off.
CREATE TABLE IF NOT EXISTS channel_slowmode (
    channel_id INTEGER PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
    seconds    INTEGER NOT NULL
);

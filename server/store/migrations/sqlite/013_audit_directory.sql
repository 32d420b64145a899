-- Kith schema 13: audit log and guild directory (issue 13).
-- IF NOT EXISTS throughout: a database whose version was set back by hand keeps these tables.
-- Who did what in a guild; created_at is the id's time. Kept 90 days (pruned at insert).
CREATE TABLE IF NOT EXISTS audit_log (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    action    TEXT    NOT NULL,
    actor_id  INTEGER NOT NULL,
    target_id INTEGER,           -- null when the op names no id
    reason    TEXT,              -- null when none was given
    changes   TEXT    NOT NULL   -- a JSON object
);
CREATE INDEX IF NOT EXISTS audit_log_guild ON audit_log(guild_id, id);

-- A guild's directory listing (guild.update discoverable / description); no row: not listed.
-- A table rather than new columns of guilds: IF NOT EXISTS keeps this step safe to run again.
CREATE TABLE IF NOT EXISTS guild_directory (
    guild_id     INTEGER PRIMARY KEY REFERENCES guilds(id) ON DELETE CASCADE,
    discoverable INTEGER NOT NULL DEFAULT 0,
    description  TEXT    NOT NULL DEFAULT ''
);

-- Kith schema 11 (PostgreSQL: as sqlite/, 64-bit ids as BIGINT): avatars and guild icons (issue 12).
-- The upload a user's avatar or a guild's icon was made from; its 256x256 PNG lives beside the
-- upload's content. New tables rather than new columns: IF NOT EXISTS keeps this step safe to run
-- again when a test (or a restore) winds schema_version back.
CREATE TABLE IF NOT EXISTS user_avatars (
    user_id       BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    attachment_id BIGINT  NOT NULL
);
CREATE INDEX IF NOT EXISTS user_avatars_attachment ON user_avatars(attachment_id);

CREATE TABLE IF NOT EXISTS guild_icons (
    guild_id      BIGINT PRIMARY KEY REFERENCES guilds(id) ON DELETE CASCADE,
    attachment_id BIGINT  NOT NULL
);
CREATE INDEX IF NOT EXISTS guild_icons_attachment ON guild_icons(attachment_id);

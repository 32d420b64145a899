-- Kith schema 1 (PostgreSQL: the tables of sqlite/, 64-bit ids as BIGINT): accounts, guilds, channels, invites, messages.
CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,  -- lower-cased: names are unique case-insensitively
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE tokens (
    hash         BYTEA   PRIMARY KEY,       -- SHA-256 of the token; the token itself is never stored
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE guilds (
    id        BIGINT PRIMARY KEY,
    name      TEXT    NOT NULL,
    owner_id  BIGINT NOT NULL REFERENCES users(id)
);

CREATE TABLE members (
    guild_id  BIGINT NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES users(id),
    role      INTEGER NOT NULL,             -- 0 member, 1 admin, 2 owner
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX members_user ON members(user_id);

-- guild_id is null for channels outside guilds (direct messages), kept open from the start so
-- that needs no table rebuild later.
CREATE TABLE channels (
    id        BIGINT PRIMARY KEY,
    type      TEXT    NOT NULL DEFAULT 'text',
    guild_id  BIGINT REFERENCES guilds(id) ON DELETE CASCADE,
    name      TEXT    NOT NULL,
    topic     TEXT    NOT NULL DEFAULT '',
    position  INTEGER NOT NULL
);
CREATE INDEX channels_guild ON channels(guild_id);

CREATE TABLE invites (
    code       TEXT    PRIMARY KEY,
    guild_id   BIGINT NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    inviter_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invites_guild ON invites(guild_id);

CREATE TABLE messages (
    id         BIGINT PRIMARY KEY,         -- snowflake: time-ordered
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    author_id  BIGINT NOT NULL REFERENCES users(id),
    content    TEXT    NOT NULL,
    nonce      TEXT,
    edited_at  BIGINT
);
-- History pages walk this index by id cursor, never by OFFSET.
CREATE INDEX messages_channel ON messages(channel_id, id);
CREATE UNIQUE INDEX messages_nonce ON messages(author_id, nonce) WHERE nonce IS NOT NULL;

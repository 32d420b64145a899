-- Kith schema 3 (PostgreSQL: the tables of sqlite/, 64-bit ids as BIGINT): guests of a LAN party, and small facts about the server itself.

-- Guests sign in with a token only: their password_hash is empty and never verifies.
ALTER TABLE users ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;

-- key/value facts, e.g. which guild is the party's.
CREATE TABLE server_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

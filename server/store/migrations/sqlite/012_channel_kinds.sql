-- Kith schema 12: channel kinds (issue 13). A category is a channels row of type 'category'; what
-- else a guild channel may be lives here, one row per channel that differs from the defaults
-- (no colour, no category, stored, normal). A table rather than columns: IF NOT EXISTS keeps this
-- step safe to run again when a test (or a restore) winds schema_version back.
CREATE TABLE IF NOT EXISTS channel_kinds (
    channel_id INTEGER PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
    color      TEXT,                               -- '#rrggbb', null for none
    parent_id  INTEGER REFERENCES channels(id) ON DELETE SET NULL, -- its category
    persistent INTEGER NOT NULL DEFAULT 1,         -- 0: messages are never stored
    mode       TEXT    NOT NULL DEFAULT 'normal'   -- 'normal' or 'roulette'
);
-- Deleting a channel looks here for the channels it was the category of.
CREATE INDEX IF NOT EXISTS channel_kinds_parent ON channel_kinds(parent_id);

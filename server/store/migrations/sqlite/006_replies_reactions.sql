-- Kith schema 6: replies and reactions (issue 12).
-- No foreign key on reply_to_id: a reply outlives its target, whose reply_to then reads null.
ALTER TABLE messages ADD COLUMN reply_to_id INTEGER;

-- One row per (message, emoji, user). id is a snowflake: the order reactions were added in.
-- channel_id lets a history page read its reactions by one range on (channel_id, message_id).
CREATE TABLE reactions (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    emoji      TEXT    NOT NULL
);
CREATE UNIQUE INDEX reactions_one ON reactions(message_id, emoji, user_id);
CREATE INDEX reactions_channel ON reactions(channel_id, message_id);

-- Kith schema 7: attachments (issue 12).
-- One row per upload; the bytes live in the attachments folder under their SHA-256, shared by
-- every row with the same content. message_id is NULL until a message.send claims the upload;
-- unclaimed rows older than an hour are swept. position keeps the order message.send gave.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    uploader_id  INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    filename     TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content_type TEXT    NOT NULL,
    width        INTEGER,
    height       INTEGER,
    thumb        INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    message_id   INTEGER REFERENCES messages(id) ON DELETE CASCADE,
    channel_id   INTEGER,
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_channel ON attachments(channel_id, message_id);
CREATE INDEX attachments_sha ON attachments(sha256);
CREATE INDEX attachments_unclaimed ON attachments(created_at) WHERE message_id IS NULL;

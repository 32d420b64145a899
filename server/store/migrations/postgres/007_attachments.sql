-- Kith schema 7 (PostgreSQL: as sqlite/, 64-bit ids as BIGINT): attachments (issue 12).
-- One row per upload; the bytes live in the attachments folder under their SHA-256, shared by
-- every row with the same content. message_id is NULL until a message.send claims the upload;
-- unclaimed rows older than an hour are swept. position keeps the order message.send gave.
CREATE TABLE attachments (
    id           BIGINT PRIMARY KEY,
    uploader_id  BIGINT  NOT NULL,
    sha256       TEXT    NOT NULL,
    filename     TEXT    NOT NULL,
    size         BIGINT  NOT NULL,
    content_type TEXT    NOT NULL,
    width        INTEGER,
    height       INTEGER,
    thumb        INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL,
    message_id   BIGINT  REFERENCES messages(id) ON DELETE CASCADE,
    channel_id   BIGINT ,
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_channel ON attachments(channel_id, message_id);
CREATE INDEX attachments_sha ON attachments(sha256);
CREATE INDEX attachments_unclaimed ON attachments(created_at) WHERE message_id IS NULL;

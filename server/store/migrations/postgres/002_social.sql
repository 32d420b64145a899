-- Kith schema 2 (PostgreSQL: the tables of sqlite/, 64-bit ids as BIGINT): friends and blocks, direct messages, read states, mentions, connection log.

-- One row per direction: what user_id sees of other_id.
-- type: 1 friend, 2 incoming request, 3 outgoing request, 4 blocked (user_id blocks other_id)
CREATE TABLE relationships (
    user_id   BIGINT NOT NULL REFERENCES users(id),
    other_id  BIGINT NOT NULL REFERENCES users(id),
    type      INTEGER NOT NULL,
    since     BIGINT NOT NULL,
    PRIMARY KEY (user_id, other_id)
);

ALTER TABLE channels ADD COLUMN owner_id BIGINT REFERENCES users(id);

CREATE TABLE dm_recipients (
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users(id),
    added_at   BIGINT NOT NULL,
    -- Insertion order breaks ties of added_at, as SQLite's implicit rowid does: same name,
    -- so the queries are the same on both.
    rowid      BIGSERIAL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX dm_recipients_user ON dm_recipients(user_id);

-- The one 1:1 DM of a pair (low id first); the primary key makes concurrent opens meet.
CREATE TABLE dm_pairs (
    low_id     BIGINT NOT NULL,
    high_id    BIGINT NOT NULL,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (low_id, high_id)
);

CREATE TABLE read_states (
    user_id      BIGINT NOT NULL REFERENCES users(id),
    channel_id   BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    last_read_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);

-- Who a message mentions; user_id 0 stands for @everyone (stored only when it was allowed).
CREATE TABLE mentions (
    message_id BIGINT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    author_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, channel_id, message_id)
);
CREATE INDEX mentions_message ON mentions(message_id);

-- For statistics: every connection and disconnection (a resume is a connection).
CREATE TABLE connection_log (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    session    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    at         BIGINT NOT NULL,
    address    TEXT    NOT NULL
);
CREATE INDEX connection_log_user ON connection_log(user_id, at);

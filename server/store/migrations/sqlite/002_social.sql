-- Kith schema 2: friends and blocks, direct messages, read states, mentions, connection log.

-- One row per direction: what user_id sees of other_id.
-- type: 1 friend, 2 incoming request, 3 outgoing request, 4 blocked (user_id blocks other_id)
CREATE TABLE relationships (
    user_id   INTEGER NOT NULL REFERENCES users(id),
    other_id  INTEGER NOT NULL REFERENCES users(id),
    type      INTEGER NOT NULL,
    since     INTEGER NOT NULL,
    PRIMARY KEY (user_id, other_id)
);

ALTER TABLE channels ADD COLUMN owner_id INTEGER REFERENCES users(id);

CREATE TABLE dm_recipients (
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX dm_recipients_user ON dm_recipients(user_id);

-- The one 1:1 DM of a pair (low id first); the primary key makes concurrent opens meet.
CREATE TABLE dm_pairs (
    low_id     INTEGER NOT NULL,
    high_id    INTEGER NOT NULL,
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (low_id, high_id)
);

CREATE TABLE read_states (
    user_id      INTEGER NOT NULL REFERENCES users(id),
    channel_id   INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    last_read_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);

-- Who a message mentions; user_id 0 stands for @everyone (stored only when it was allowed).
CREATE TABLE mentions (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    author_id  INTEGER NOT NULL,
    PRIMARY KEY (user_id, channel_id, message_id)
);
CREATE INDEX mentions_message ON mentions(message_id);

-- For statistics: every connection and disconnection (a resume is a connection).
CREATE TABLE connection_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL,
    session    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    address    TEXT    NOT NULL
);
CREATE INDEX connection_log_user ON connection_log(user_id, at);

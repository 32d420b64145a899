-- Kith schema 4 (PostgreSQL: the tables of sqlite/, 64-bit ids as BIGINT): node ids of servers
-- sharing this database.
CREATE TABLE nodes (
    id          INTEGER PRIMARY KEY,   -- 0-1023, part of every snowflake the node makes
    holder      TEXT    NOT NULL,      -- host, process id and start of the node holding it
    expires_at  BIGINT  NOT NULL,      -- ms since 1970 (the database's clock); renewed every 5 s
    started_at  BIGINT  NOT NULL
);

-- Bus messages too large for one NOTIFY (8000 bytes): the notification carries the row id.
CREATE TABLE bus_events (
    id       BIGSERIAL PRIMARY KEY,
    payload  TEXT   NOT NULL,
    at       BIGINT NOT NULL
);

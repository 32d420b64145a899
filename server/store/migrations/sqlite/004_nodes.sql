-- Kith schema 4: node ids of servers sharing one database (used on PostgreSQL; on SQLite one
-- server holds the data folder and the table stays empty).
CREATE TABLE nodes (
    id          INTEGER PRIMARY KEY,   -- 0-1023, part of every snowflake the node makes
    holder      TEXT    NOT NULL,      -- host, process id and start of the node holding it
    expires_at  INTEGER NOT NULL,      -- ms since 1970 (the database's clock); renewed every 5 s
    started_at  INTEGER NOT NULL
);

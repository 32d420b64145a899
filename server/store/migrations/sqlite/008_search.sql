-- Kith schema 8: full-text search of messages (issue 12, message.search).
-- An FTS5 index over messages.content. External content: the text is stored once, in messages;
-- the index holds only tokens and positions (positions: quoted phrases). unicode61 with
-- remove_diacritics 2 folds case and accents on both sides, text and query. columnsize=0: no
-- per-row sizes (results are ordered by id, never ranked by bm25), one B-tree write less per
-- message.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    content,
    content='messages',
    content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    columnsize=0
);
-- Indexing is off the acknowledgement path: a message's INSERT does no FTS5 work. The index holds
-- exactly the messages with an id up to this mark; the writer indexes the ones above it in chunks
-- between batches and moves the mark in the same transaction (store/SearchTable.cpp), and a
-- search first brings it up to the newest message. Starts at 0: the messages a schema-7 database
-- already holds are indexed by the server in the background, not by this migration.
-- Its own table, not server_meta: each database indexes its own messages, so `migrate` never
-- copies it (TableCopy::isRuntimeTable).
CREATE TABLE search_mark (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    message_id INTEGER NOT NULL
);
INSERT INTO search_mark (id, message_id) VALUES (1, 0);
-- Edits and deletes of indexed messages, whoever makes them (the server, deletes cascading from a
-- channel or guild, kith-server migrate --force). An external-content delete must name the text
-- that was indexed: the old row's. Rows above the mark are not in the index: nothing to do.
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
WHEN old.id <= (SELECT message_id FROM search_mark) BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages
WHEN old.id <= (SELECT message_id FROM search_mark) BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;

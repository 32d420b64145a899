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
-- The messages a schema-7 database already holds.
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
-- Triggers keep it in step with every writer alike: the server's inserts, edits and deletes,
-- deletes cascading from a channel or guild, kith-server migrate and restore. An external-content
-- delete must name the text that was indexed: the old row's.
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;

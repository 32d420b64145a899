-- Kith schema 8 (PostgreSQL): full-text search of messages (issue 12, message.search).
-- A GIN index over an expression: no column to fill, PostgreSQL keeps it in step with every
-- insert, edit and delete, and this CREATE INDEX indexes the messages already there.
-- kith_search is the `simple` configuration (no stemming, no stop words: every word is found by
-- its prefix) with unaccent in front for words with letters beyond ASCII, so case and accents
-- fold alike in text and query. unaccent ships with Debian's postgresql package and is a trusted
-- extension: the database's owner may create it (or an administrator creates it beforehand).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION kith_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION kith_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
-- Queries repeat this expression exactly (store/SearchTable.cpp), or the index is not used.
CREATE INDEX messages_search ON messages USING GIN (to_tsvector('kith_search'::regconfig, content));

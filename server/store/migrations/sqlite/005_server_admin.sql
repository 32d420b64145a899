-- Kith schema 5: server admins (kith-server admin promote/demote).
ALTER TABLE users ADD COLUMN server_admin INTEGER NOT NULL DEFAULT 0;

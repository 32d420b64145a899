-- Kith schema 9 (PostgreSQL: as sqlite/, 64-bit ids as BIGINT): roles and permissions (issue 13).
-- A guild's roles. @everyone has the guild's id as its id and position 0; the others 1..n.
-- permissions and the overwrites' allow/deny are the bits of shared/PermissionSet.h.
CREATE TABLE roles (
    id          BIGINT  PRIMARY KEY,
    guild_id    BIGINT  NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    color       TEXT,                       -- '#rrggbb' or null
    position    INTEGER NOT NULL,
    permissions BIGINT  NOT NULL,
    mentionable INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roles_guild ON roles(guild_id);

-- Who holds which role; leaving the guild or deleting the role takes the rows with it.
CREATE TABLE member_roles (
    guild_id BIGINT  NOT NULL,
    user_id  BIGINT  NOT NULL,
    role_id  BIGINT  NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    PRIMARY KEY (guild_id, user_id, role_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES members(guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX member_roles_role ON member_roles(role_id);

CREATE TABLE channel_overwrites (
    channel_id BIGINT  NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    role_id    BIGINT  NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    allow      BIGINT  NOT NULL,
    deny       BIGINT  NOT NULL,
    PRIMARY KEY (channel_id, role_id)
);
CREATE INDEX channel_overwrites_role ON channel_overwrites(role_id);

-- Every existing guild gets its @everyone: view_channel, send_messages, add_reactions, attach_files.
INSERT INTO roles (id, guild_id, name, color, position, permissions, mentionable)
    SELECT id, id, '@everyone', NULL, 0, 15, 0 FROM guilds;

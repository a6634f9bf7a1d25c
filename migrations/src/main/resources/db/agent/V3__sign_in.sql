-- Sign-in (issue 9): a user may sign in with a username and a bcrypt password hash and holds
-- security roles (admin, operator, reader, service; comma-separated); machines use API keys, of
-- which only the SHA-256 digest is stored.
ALTER TABLE users ADD COLUMN username varchar(64);
ALTER TABLE users ADD COLUMN password_hash varchar(80);
ALTER TABLE users ADD COLUMN roles varchar(100) NOT NULL DEFAULT 'reader';
CREATE UNIQUE INDEX users_username_uq ON users (username);

CREATE TABLE api_keys (
  id          uuid PRIMARY KEY,
  name        varchar(100) NOT NULL,
  key_hash    char(64)     NOT NULL,
  roles       varchar(100) NOT NULL,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL,
  updated_at  timestamptz  NOT NULL,
  revoked_at  timestamptz
);
CREATE UNIQUE INDEX api_keys_hash_uq ON api_keys (key_hash);
CREATE INDEX api_keys_created_idx ON api_keys (created_at);
CREATE INDEX api_keys_name_idx ON api_keys (lower(name));

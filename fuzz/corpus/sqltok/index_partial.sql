CREATE UNIQUE INDEX IF NOT EXISTS "idx users.email" ON users (lower(email) COLLATE NOCASE DESC) WHERE deleted_at IS NULL;

-- covers: a parent table referenced by two ON DELETE CASCADE FKs is rebuilt (email gets COLLATE NOCASE and a CHECK using instr(), plan type TEXT -> VARCHAR(16)); the children's rows must not be deleted by the rebuild
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE CHECK (instr(email, '@') > 1),
  plan VARCHAR(16)
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  token TEXT NOT NULL
);
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL,
  secret TEXT NOT NULL,
  FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE ON UPDATE CASCADE
);

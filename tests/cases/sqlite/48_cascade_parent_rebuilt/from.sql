CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  plan TEXT
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
INSERT INTO accounts VALUES (1, 'ada@x.org', 'pro'), (2, 'bob@x.org', NULL);
INSERT INTO sessions VALUES (1, 1, 'tok-a'), (2, 1, 'tok-b'), (3, 2, 'tok-c');
INSERT INTO api_keys VALUES (1, 1, 'sk-1'), (2, 2, 'sk-2');

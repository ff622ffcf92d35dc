CREATE TYPE plan AS ENUM ('free', 'pro', 'team');
CREATE TABLE account (id integer PRIMARY KEY, plan plan NOT NULL DEFAULT 'free');
INSERT INTO account VALUES (1, 'free'), (2, 'team');

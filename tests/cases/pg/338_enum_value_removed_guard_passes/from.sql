CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'mid', 'high', 'legacy');
CREATE TABLE app.task (
  id integer PRIMARY KEY,
  prio app.level NOT NULL DEFAULT 'mid',
  history app.level[],
  CONSTRAINT task_not_legacy CHECK (prio <> 'legacy')
);
CREATE TABLE app.alert (id integer PRIMARY KEY, lvl app.level);
INSERT INTO app.task VALUES (1, 'low', '{low,mid}'), (2, 'high', NULL), (3, 'mid', '{}');
INSERT INTO app.alert VALUES (1, 'high'), (2, NULL);

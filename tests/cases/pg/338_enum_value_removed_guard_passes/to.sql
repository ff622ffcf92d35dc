-- covers: an enum value no row holds removed from a type used by columns of two tables (scalar and array): the guard counts every column, finds nothing and lets the type be rebuilt; the CHECK that names the removed value goes
CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'mid', 'high');
CREATE TABLE app.task (
  id integer PRIMARY KEY,
  prio app.level NOT NULL DEFAULT 'mid',
  history app.level[]
);
CREATE TABLE app.alert (id integer PRIMARY KEY, lvl app.level);

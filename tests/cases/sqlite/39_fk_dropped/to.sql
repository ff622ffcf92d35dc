-- covers: foreign_key dropped from a kept table: a named FK with ON DELETE SET NULL, ON UPDATE RESTRICT, MATCH FULL, DEFERRABLE INITIALLY DEFERRED and an unnamed self-referencing FK; columns and rows are kept
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE players (
  id INTEGER PRIMARY KEY,
  team_id INTEGER,
  mentor_id INTEGER,
  name TEXT NOT NULL
);

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE players (
  id INTEGER PRIMARY KEY,
  team_id INTEGER,
  mentor_id INTEGER,
  name TEXT NOT NULL,
  CONSTRAINT fk_players_team FOREIGN KEY (team_id) REFERENCES teams(id)
    ON DELETE SET NULL ON UPDATE RESTRICT MATCH FULL DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (mentor_id) REFERENCES players(id) ON DELETE SET NULL
);
INSERT INTO teams VALUES (1, 'reds'), (2, 'blues');
INSERT INTO players VALUES (1, 1, NULL, 'ada'), (2, 1, 1, 'bob'), (3, NULL, 1, 'cy');

CREATE TABLE songs (
  id INTEGER PRIMARY KEY,
  artist TEXT NOT NULL,
  title TEXT NOT NULL,
  year INTEGER,
  plays INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX songs_artist_idx ON songs(artist);
CREATE INDEX songs_year_idx ON songs(year);
CREATE INDEX songs_title_idx ON songs(title);
CREATE INDEX songs_expr_idx ON songs(lower(title));
CREATE INDEX songs_plays_idx ON songs(plays DESC, year);
INSERT INTO songs VALUES (1, 'Nina Simone', 'Sinnerman', 1965, 10), (2, 'Can', 'Vitamin C', 1972, 3);

-- covers: index keys changed: column added to key list, ASC -> DESC, per-key COLLATE NOCASE added, expression lower(title) -> upper(title), key order swapped
CREATE TABLE songs (
  id INTEGER PRIMARY KEY,
  artist TEXT NOT NULL,
  title TEXT NOT NULL,
  year INTEGER,
  plays INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX songs_artist_idx ON songs(artist, title);
CREATE INDEX songs_year_idx ON songs(year DESC);
CREATE INDEX songs_title_idx ON songs(title COLLATE NOCASE);
CREATE INDEX songs_expr_idx ON songs(upper(title));
CREATE INDEX songs_plays_idx ON songs(year, plays DESC);

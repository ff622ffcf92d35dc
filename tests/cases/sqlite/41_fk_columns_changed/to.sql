-- covers: foreign_key columns changed on a named FK (fk_reviews_user: (created_by) -> (reviewed_by), same target); existing rows satisfy the new FK
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL
);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  created_by INTEGER,
  reviewed_by INTEGER,
  verdict TEXT,
  CONSTRAINT fk_reviews_user FOREIGN KEY (reviewed_by) REFERENCES users(id)
);

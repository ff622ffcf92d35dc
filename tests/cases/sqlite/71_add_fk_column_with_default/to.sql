-- covers: new NOT NULL column with a non-NULL DEFAULT and a REFERENCES clause (SQLite refuses this ADD COLUMN while foreign_keys=ON, so the table must be rebuilt); existing rows get the default 1 which exists in the parent
CREATE TABLE statuses (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE
);
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  status_id INTEGER NOT NULL DEFAULT 1 REFERENCES statuses(id) ON DELETE RESTRICT
);

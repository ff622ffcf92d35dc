-- covers: new tables with row level security enabled, one also FORCEd
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE note (id integer PRIMARY KEY, owner_name text NOT NULL, body text);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE TABLE secret (id integer PRIMARY KEY, v text);
ALTER TABLE secret ENABLE ROW LEVEL SECURITY;
ALTER TABLE secret FORCE ROW LEVEL SECURITY;

-- covers: an enum value renamed (--rename enum-value:public.mood.sad=unhappy; the same list with one value replaced in place is found without the hint too): ALTER TYPE ... RENAME VALUE, rows holding it (scalar and array) keep their meaning; the default, CHECK, partial index and view that spell the old label are rebuilt
CREATE TYPE mood AS ENUM ('happy', 'unhappy', 'ok');
CREATE TABLE diary (
  id integer PRIMARY KEY,
  today mood NOT NULL DEFAULT 'unhappy',
  week mood[] NOT NULL DEFAULT '{}',
  CONSTRAINT diary_not_sad_on_one CHECK (id <> 1 OR today <> 'unhappy')
);
CREATE INDEX diary_sad_days ON diary (id) WHERE today = 'unhappy';
CREATE VIEW sad_days AS SELECT id FROM diary WHERE today = 'unhappy';

-- covers: conversions needing USING: text -> integer, text -> date, text -> boolean, text -> jsonb, integer -> text, json -> jsonb, text -> uuid
CREATE TABLE raw (id integer PRIMARY KEY, n integer, d date, b boolean, j jsonb, i text, js jsonb, u uuid);

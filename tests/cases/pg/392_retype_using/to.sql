-- covers: --using (args) on retypes with no cast path, with rows: integer -> date and integer -> interval converted by the user's expressions (ALTER COLUMN ... TYPE ... USING (expr)), one of them schema-qualified; the index on the column rebuilt around it
CREATE TABLE readings (
    id integer PRIMARY KEY,
    day date,
    wait interval,
    sensor text NOT NULL
);
CREATE INDEX readings_day ON readings (day);

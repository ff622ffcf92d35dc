-- covers: timestamp typmods and time zones with rows: timestamp -> timestamptz, timestamp(6) -> timestamp(3) (values have ms precision), date -> timestamp
CREATE TABLE ev (id integer PRIMARY KEY, at timestamptz, precise timestamp(3), day timestamp);

-- covers: index added: plain index, UNIQUE index, partial UNIQUE index (WHERE deleted = 0), expression index on lower(name), per-key COLLATE NOCASE, DESC index, multi-key index mixing expression/collation/DESC, partial non-unique index
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  city TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created TEXT
);
CREATE INDEX customers_city_idx ON customers(city);
CREATE UNIQUE INDEX customers_name_uidx ON customers(name);
CREATE UNIQUE INDEX customers_live_email_uidx ON customers(email) WHERE deleted = 0;
CREATE INDEX customers_lower_name_idx ON customers(lower(name));
CREATE INDEX customers_city_nocase_idx ON customers(city COLLATE NOCASE);
CREATE INDEX customers_created_desc_idx ON customers(created DESC);
CREATE INDEX customers_mixed_idx ON customers(city COLLATE NOCASE ASC, lower(email) DESC, created);
CREATE INDEX customers_deleted_idx ON customers(created) WHERE deleted <> 0 AND created IS NOT NULL;

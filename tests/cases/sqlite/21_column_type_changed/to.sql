-- covers: column type changed (declared type text: VARCHAR(20) -> VARCHAR(64), INT -> BIGINT, REAL -> DOUBLE PRECISION, TEXT -> no declared type)
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  score BIGINT,
  ratio DOUBLE PRECISION,
  payload
);

CREATE TABLE "" ("" INT, [] TEXT, `` BLOB);

CREATE TABLE café ("naïve" TEXT, 名前 INT, [имя] TEXT COLLATE RTRIM);

INSERT INTO t VALUES (3, 'ok', -1);

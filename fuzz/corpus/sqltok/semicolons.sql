CREATE TABLE s (x);;
;

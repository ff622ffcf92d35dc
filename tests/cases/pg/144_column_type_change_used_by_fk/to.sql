-- covers: primary key column and the referencing foreign key column both change integer -> bigint, with rows
CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id integer PRIMARY KEY, author_id bigint NOT NULL REFERENCES author (id));

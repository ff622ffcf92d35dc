-- covers: array type changes with rows: text -> text[] (rows hold array literals), integer[] -> bigint[], varchar(10)[] -> text[], text[] -> text
CREATE TABLE arr (id integer PRIMARY KEY, tags text[], nums bigint[], codes text[], words text);

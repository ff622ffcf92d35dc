-- covers: parent with a child (both with rows) gains a column (inherited by the child), loses a column (dropped from the child too) and retypes a column
CREATE TABLE doc (id integer NOT NULL, title varchar(100), created date NOT NULL DEFAULT '2024-01-01');
CREATE TABLE memo (urgent boolean) INHERITS (doc);

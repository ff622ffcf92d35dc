-- covers: two new tables whose foreign keys reference each other (cycle), one FK deferrable
CREATE TABLE company (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE department (
    id integer PRIMARY KEY,
    company_id integer NOT NULL REFERENCES company (id),
    manager_id integer
);
CREATE TABLE employee (
    id integer PRIMARY KEY,
    department_id integer REFERENCES department (id) ON DELETE SET NULL
);
ALTER TABLE department ADD CONSTRAINT department_manager_fk FOREIGN KEY (manager_id)
    REFERENCES employee (id) DEFERRABLE INITIALLY DEFERRED;

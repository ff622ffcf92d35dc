-- covers: dropping functions still used in A by a column DEFAULT, a CHECK and a trigger: the dependents are removed first
CREATE TABLE voucher (id integer PRIMARY KEY, code text NOT NULL);

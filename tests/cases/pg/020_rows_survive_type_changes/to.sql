-- covers: rows that must survive several castable type changes: int->bigint, smallint->integer, varchar(20)->text, text->varchar(40), text->integer, text->date, text->boolean, integer->numeric(12,0)
CREATE TABLE legacy (
    id bigint PRIMARY KEY,
    small integer,
    label text,
    note varchar(40),
    qty_text integer,
    day_text date,
    flag_text boolean,
    amount numeric(12,0)
);

-- covers: cosmetic-only differences in view and trigger bodies: whitespace, keyword case, comments, optional identifier quoting (expect no diff)
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  qty INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE item_log (
  id INTEGER PRIMARY KEY,
  item_id INTEGER,
  note TEXT
);
create view in_stock as
  select "id" as "id",   "name" AS name   -- only items with stock
  from   "items"
  where  qty>0;
create trigger items_log after update of "qty" on "items"
begin
  /* audit trail */
  insert into "item_log"(item_id,note)
    values (new.id,'qty changed');
end;

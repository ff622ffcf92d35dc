-- covers: cosmetic-only table differences: `integer` vs `INTEGER` type case, inline vs table-level PRIMARY KEY, keyword case, optional quoting, whitespace (expect no diff)
create table "accounts"(
    "id"      integer,
    "code"    text not null,
    balance   real default 0,
    primary key ("id")
);
CREATE TABLE entries(account_id integer NOT NULL, seq integer NOT NULL, amount real NOT NULL,
  primary key(account_id,seq), foreign key(account_id) references "accounts"("id"));
create index "entries_amount_idx" on "entries" ("amount");

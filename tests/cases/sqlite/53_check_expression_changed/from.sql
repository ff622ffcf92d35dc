CREATE TABLE coupons (
  code TEXT PRIMARY KEY,
  pct INTEGER NOT NULL,
  kind TEXT NOT NULL,
  CONSTRAINT ck_coupons_pct CHECK (pct > 0 AND pct <= 50),
  CONSTRAINT ck_coupons_code CHECK (code = upper(code)),
  CONSTRAINT ck_coupons_kind CHECK (kind IN ('A', 'B'))
);
INSERT INTO coupons VALUES ('SPRING', 10, 'A'), ('VIP', 50, 'B');

-- covers: check expression changed on named CHECKs (range widened, function-based check changed from upper() to length(), IN list changed) with existing rows satisfying the new expressions
CREATE TABLE coupons (
  code TEXT PRIMARY KEY,
  pct INTEGER NOT NULL,
  kind TEXT NOT NULL,
  CONSTRAINT ck_coupons_pct CHECK (pct > 0 AND pct <= 100),
  CONSTRAINT ck_coupons_code CHECK (length(code) BETWEEN 3 AND 12),
  CONSTRAINT ck_coupons_kind CHECK (kind IN ('A', 'B', 'C'))
);

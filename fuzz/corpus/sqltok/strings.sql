CREATE TABLE s (note TEXT DEFAULT 'it''s -- not a comment /* nor this */', q TEXT DEFAULT "dq");

-- covers: an enum column with rows is converted to text and the enum type is dropped; a CHECK keeps the old labels
CREATE TABLE account (
    id integer PRIMARY KEY,
    plan text NOT NULL DEFAULT 'free' CONSTRAINT account_plan_check CHECK (plan IN ('free', 'pro', 'team', 'enterprise'))
);

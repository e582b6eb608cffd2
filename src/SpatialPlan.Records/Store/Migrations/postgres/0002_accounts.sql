-- SpatialPlan records store, migration 2 (PostgreSQL): the same as sqlite/0002 (account stamps, updated_at).
ALTER TABLE users ADD COLUMN stamp TEXT;
ALTER TABLE users ADD COLUMN updated_at TEXT;
CREATE INDEX users_role ON users(role);

-- SpatialPlan records store, migration 2 (SQLite): what sign-in accounts need beyond migration 1's users table.
-- stamp changes whenever an account's role, password or state changes: a sign-in cookie carries the stamp it was issued
-- with, and a cookie whose stamp is no longer the account's is refused (a demoted or disabled user is out at once).
-- users is not append-only (a password can change); every change to it is an audit entry (user.change).
ALTER TABLE users ADD COLUMN stamp TEXT;
ALTER TABLE users ADD COLUMN updated_at TEXT;
CREATE INDEX users_role ON users(role);

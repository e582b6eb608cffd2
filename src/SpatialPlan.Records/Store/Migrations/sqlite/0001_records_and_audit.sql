-- SpatialPlan records store, migration 1 (SQLite): users, records, their versions and events, the audit trail.
-- Times are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (they sort as text and are hashed as stored).
-- records, record_versions, record_events and audit_log are append-only: triggers refuse UPDATE and DELETE.

-- Who acted: the OS user (CLI), 'local' (the app on loopback), later accounts (issue 11 part 2 adds sign-in).
CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,            -- os | loopback | account
    role          TEXT,                     -- viewer | checker | admin (accounts)
    password_hash TEXT,                     -- ASP.NET Core Identity's hasher (accounts)
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
);

CREATE TABLE records (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE record_versions (
    record_id         INTEGER NOT NULL REFERENCES records(id),
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    user_name         TEXT NOT NULL,
    reason            TEXT NOT NULL,        -- save | footprint | recheck
    project_name      TEXT NOT NULL,
    builder           TEXT,
    project_code      TEXT,
    kind              TEXT NOT NULL,
    majors            TEXT NOT NULL,        -- JSON array of category ids
    width_m           REAL,
    radius_m          REAL,
    source_crs        TEXT NOT NULL,        -- the CRS the footprint was read in, e.g. EPSG:4545
    declared_epsg     INTEGER,              -- the CRS the planner declared, or NULL (detected)
    proximity_m       REAL,                 -- the proximity override, or NULL
    given             TEXT NOT NULL,        -- the settings as given (JSON), so a re-check resolves them the same way
    source_file_name  TEXT NOT NULL,
    source_file       BLOB NOT NULL,        -- the footprint file as submitted
    source_sha256     TEXT NOT NULL,
    footprint_geojson TEXT NOT NULL,        -- the footprint as checked (EPSG:4490 GeoJSON geometry)
    verdict           TEXT NOT NULL,
    verdict_zh        TEXT NOT NULL,
    data_version      TEXT,
    policy_version    TEXT NOT NULL,
    data_dates        TEXT NOT NULL,        -- JSON: dates of catalog, policy and layers
    report_json       TEXT NOT NULL,
    report_sha256     TEXT NOT NULL,
    report_pdf        BLOB NOT NULL,
    pdf_sha256        TEXT NOT NULL,
    audit_seq         INTEGER NOT NULL,     -- the audit entry written in the same transaction
    PRIMARY KEY (record_id, version)
);
CREATE INDEX record_versions_name ON record_versions(project_name);
CREATE INDEX record_versions_code ON record_versions(project_code);
CREATE INDEX record_versions_created ON record_versions(created_at);

CREATE TABLE record_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id    INTEGER NOT NULL REFERENCES records(id),
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    kind         TEXT NOT NULL,             -- withdrawn | rechecked (re-checked, nothing changed)
    version      INTEGER NOT NULL,          -- the version it concerns
    reason       TEXT,
    data_version TEXT,
    audit_seq    INTEGER NOT NULL
);
CREATE INDEX record_events_record ON record_events(record_id);

-- The audit trail: hash = SHA-256 over the canonical entry including prev_hash (AuditHash in the code).
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    action        TEXT NOT NULL,
    target        TEXT NOT NULL,
    inputs_sha256 TEXT NOT NULL,
    detail        TEXT NOT NULL,
    prev_hash     TEXT NOT NULL UNIQUE,
    hash          TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER records_append_only_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'append-only: records cannot be changed (台账只可追加)'); END;
CREATE TRIGGER records_append_only_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'append-only: records cannot be deleted (台账只可追加)'); END;
CREATE TRIGGER record_versions_append_only_update BEFORE UPDATE ON record_versions
BEGIN SELECT RAISE(ABORT, 'append-only: record_versions cannot be changed (台账只可追加)'); END;
CREATE TRIGGER record_versions_append_only_delete BEFORE DELETE ON record_versions
BEGIN SELECT RAISE(ABORT, 'append-only: record_versions cannot be deleted (台账只可追加)'); END;
CREATE TRIGGER record_events_append_only_update BEFORE UPDATE ON record_events
BEGIN SELECT RAISE(ABORT, 'append-only: record_events cannot be changed (台账只可追加)'); END;
CREATE TRIGGER record_events_append_only_delete BEFORE DELETE ON record_events
BEGIN SELECT RAISE(ABORT, 'append-only: record_events cannot be deleted (台账只可追加)'); END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log cannot be changed (留痕只可追加)'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log cannot be deleted (留痕只可追加)'); END;

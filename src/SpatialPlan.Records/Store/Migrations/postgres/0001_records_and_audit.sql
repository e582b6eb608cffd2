-- SpatialPlan records store, migration 1 (PostgreSQL): the same tables as sqlite/0001, in the schema the store's
-- search path names (spatialplan). Times are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ', hashed as stored.
-- records, record_versions, record_events and audit_log are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.

CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    role          TEXT,
    password_hash TEXT,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
);

CREATE TABLE records (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE record_versions (
    record_id         BIGINT NOT NULL REFERENCES records(id),
    version           BIGINT NOT NULL,
    created_at        TEXT NOT NULL,
    user_name         TEXT NOT NULL,
    reason            TEXT NOT NULL,
    project_name      TEXT NOT NULL,
    builder           TEXT,
    project_code      TEXT,
    kind              TEXT NOT NULL,
    majors            TEXT NOT NULL,
    width_m           DOUBLE PRECISION,
    radius_m          DOUBLE PRECISION,
    source_crs        TEXT NOT NULL,
    declared_epsg     BIGINT,
    proximity_m       DOUBLE PRECISION,
    given             TEXT NOT NULL,
    source_file_name  TEXT NOT NULL,
    source_file       BYTEA NOT NULL,
    source_sha256     TEXT NOT NULL,
    footprint_geojson TEXT NOT NULL,
    verdict           TEXT NOT NULL,
    verdict_zh        TEXT NOT NULL,
    data_version      TEXT,
    policy_version    TEXT NOT NULL,
    data_dates        TEXT NOT NULL,
    report_json       TEXT NOT NULL,
    report_sha256     TEXT NOT NULL,
    report_pdf        BYTEA NOT NULL,
    pdf_sha256        TEXT NOT NULL,
    audit_seq         BIGINT NOT NULL,
    PRIMARY KEY (record_id, version)
);
CREATE INDEX record_versions_name ON record_versions(project_name);
CREATE INDEX record_versions_code ON record_versions(project_code);
CREATE INDEX record_versions_created ON record_versions(created_at);

CREATE TABLE record_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id    BIGINT NOT NULL REFERENCES records(id),
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    version      BIGINT NOT NULL,
    reason       TEXT,
    data_version TEXT,
    audit_seq    BIGINT NOT NULL
);
CREATE INDEX record_events_record ON record_events(record_id);

CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
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

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: % cannot be changed or deleted (台账与留痕只可追加)', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON records FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER record_versions_no_truncate BEFORE TRUNCATE ON record_versions FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER record_events_append_only BEFORE UPDATE OR DELETE ON record_events FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER record_events_no_truncate BEFORE TRUNCATE ON record_events FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION append_only();

-- Readings and meter events, per customer (TENANT_ID). Plain JDBC, no JPA; the same script runs
-- on Derby and PostgreSQL. Timestamps are UTC wall-clock values (TIMESTAMP without zone), always
-- written and read through a UTC calendar. ITEM / LOG_ITEM hold the OBIS code packed into a
-- BIGINT (A<<40 | B<<32 | C<<24 | D<<16 | E<<8 | F). QUALITY: 0 good, 1 questionable, 2 bad.
-- The primary keys are the idempotency keys and the only indexes (every query starts with
-- tenant and meter), so an insert maintains a single B-tree.
CREATE TABLE ML_READING (
  TENANT_ID BIGINT NOT NULL,
  METER_ID BIGINT NOT NULL,
  ITEM BIGINT NOT NULL,
  READ_AT TIMESTAMP NOT NULL,
  READING_VALUE DECIMAL(31,6) NOT NULL,
  QUALITY SMALLINT NOT NULL,
  CONSTRAINT ML_READING_PK PRIMARY KEY (TENANT_ID, METER_ID, ITEM, READ_AT)
);
CREATE TABLE ML_METER_EVENT (
  TENANT_ID BIGINT NOT NULL,
  METER_ID BIGINT NOT NULL,
  LOG_ITEM BIGINT NOT NULL,
  OCCURRED_AT TIMESTAMP NOT NULL,
  EVENT_CODE INTEGER NOT NULL,
  EVENT_NAME VARCHAR(100),
  CONSTRAINT ML_METER_EVENT_PK PRIMARY KEY (TENANT_ID, METER_ID, LOG_ITEM, OCCURRED_AT, EVENT_CODE)
);

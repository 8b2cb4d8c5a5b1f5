-- Events of a customer across meters by time (Data Analysis → Event Recording: newest first, any
-- meter): an index on (TENANT_ID, OCCURRED_AT). Queries for one meter keep using the primary key.
CREATE INDEX ML_METER_EVENT_TIME ON ML_METER_EVENT (TENANT_ID, OCCURRED_AT);

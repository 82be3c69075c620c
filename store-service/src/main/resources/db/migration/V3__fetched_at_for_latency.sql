-- Version 3: when the raw document was fetched, so the relay can time the whole pipeline.
alter table transcript add column fetched_at timestamptz;
alter table outbox_event add column fetched_at timestamptz;

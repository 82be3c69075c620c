-- Version 7 (issue 17): several store-service replicas relay the one outbox. A relay claims all pending rows of a
-- document (topic and record key) together, under a transaction-scoped advisory lock on that key, and publishes them
-- in the order they were written. This index finds the pending rows of one key, in that order, and the pending keys.
create index outbox_event_pending_by_key_idx on outbox_event (topic, record_key, created_at, id)
    where sent_at is null and parked_at is null;

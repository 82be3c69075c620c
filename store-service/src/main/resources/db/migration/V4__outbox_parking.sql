-- Version 4: an outbox row that can never be published as it is (its record is larger than the statements-new
-- producer's max.request.size, or the broker refuses it as too large) is parked instead of retried for ever.
-- A row is pending (sent_at and parked_at null), sent (sent_at set) or parked (parked_at and park_reason set).
-- The relay and readiness look only at pending rows; parked rows stay findable through outbox_event_unsent_idx
-- (sent_at is null). An operator lists them with GET /api/outbox/parked and replays one by clearing parked_at
-- (docs/store-service.md).
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column park_reason text;

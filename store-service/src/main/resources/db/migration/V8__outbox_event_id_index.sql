-- Version 8 (issue 14): the SSE stream resumes after the statement named by Last-Event-ID, which it finds in the
-- outbox by its event id (StreamReplay: select min(id) ... where event_id = ?). Without an index that look-up read
-- the whole outbox, which keeps every row it ever published. With (event_id, id) it is one probe of this index; the rows
-- after it are then read along the primary key. StreamReplayIndexTest shows both plans with EXPLAIN.
create index outbox_event_event_id_idx on outbox_event (event_id, id);

-- notify-service's own schema (its own database or schema; nothing here is shared with store-service).

-- A subscription: a filter and a webhook target. The secret signs every delivery; it is shown once, at creation.
create table subscription (
    id text primary key,
    target_url text not null,
    secret text not null,
    speaker_id text,
    speaker_name text,
    query text,
    kind text,
    source text,
    description text,
    created_at timestamptz not null default now(),
    changed_at timestamptz not null default now(),
    deleted_at timestamptz,
    -- failing: the last delivery was dead-lettered; cleared by the next successful delivery
    failing boolean not null default false,
    failing_since timestamptz,
    last_failure text,
    -- the instance delivering to this subscription now, until when (per-subscription order across instances)
    lease_owner text,
    lease_until timestamptz
);
create index subscription_changed on subscription (changed_at);

-- Each statement.new that matched at least one subscription, once, as read from statements.new.
create table notified_statement (
    event_id text primary key,
    payload text not null,
    received_at timestamptz not null default now()
);

-- One delivery per (subscription, statement): the unique key makes a re-read of statements.new enqueue nothing twice.
create table delivery (
    id bigserial primary key,
    subscription_id text not null references subscription (id),
    event_id text not null references notified_statement (event_id),
    status text not null default 'pending' check (status in ('pending', 'delivered', 'dead', 'cancelled')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_status integer,
    last_error text,
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    unique (subscription_id, event_id)
);
-- the head of each subscription's queue: its oldest pending delivery
create index delivery_pending on delivery (subscription_id, id) where status = 'pending';
create index delivery_log on delivery (subscription_id, id desc);

-- Verbatim store-service schema, version 1.

create sequence transcript_seq start with 1 increment by 50;
create sequence speaker_seq start with 1 increment by 50;
create sequence statement_seq start with 1 increment by 50;
create sequence outbox_seq start with 1 increment by 50;

-- One row per document; a new revision (new content hash or parser version) updates it in place.
create table transcript (
    id              bigint primary key,
    document_id     varchar(64)  not null,
    source_url      text,
    content_hash    varchar(64)  not null,
    parser_version  varchar(40)  not null,
    kind            varchar(20)  not null,
    title           text,
    published_at    varchar(40),
    location        text,
    language        varchar(20),
    remarks         jsonb        not null default '[]',
    revision        integer      not null,
    first_stored_at timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint transcript_document_id_key unique (document_id)
);

-- One row per person (or unnamed voice such as "Question"); public_id is the stable id in events and the API.
create table speaker (
    id         bigint primary key,
    public_id  varchar(120) not null,
    name       text         not null,
    role       text,
    created_at timestamptz  not null,
    constraint speaker_public_id_key unique (public_id)
);

create table statement (
    id             bigint primary key,
    statement_id   varchar(64)  not null,
    transcript_id  bigint       not null references transcript (id) on delete cascade,
    speaker_id     bigint       not null references speaker (id),
    ordinal        integer      not null,
    speaker_label  text,
    speaker_role   text,
    annotation     text,
    text           text         not null,
    paragraphs     jsonb        not null,
    remarks        jsonb        not null,
    stored_at      timestamptz  not null,
    constraint statement_statement_id_key unique (statement_id)
);
create index statement_transcript_ordinal_idx on statement (transcript_id, ordinal);
create index statement_speaker_idx on statement (speaker_id, stored_at);

-- Transactional outbox: written in the same transaction as the statements, published by the relay.
create table outbox_event (
    id          bigint primary key,
    event_id    varchar(64)  not null,
    topic       varchar(249) not null,
    record_key  varchar(200) not null,
    event_type  varchar(60)  not null,
    speaker_id  varchar(120),
    payload     text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);
create index outbox_event_unsent_idx on outbox_event (id) where sent_at is null;

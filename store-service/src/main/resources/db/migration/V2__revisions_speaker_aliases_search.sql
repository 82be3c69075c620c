-- Version 2: transcript revisions and metadata, speakers across documents (aliases, roles), full-text search.

alter table transcript add column source text;
alter table transcript add column tags jsonb not null default '[]';
alter table transcript add column persons jsonb not null default '[]';
-- The publication date as a date, for range filters (published_at keeps the ISO text as received).
alter table transcript add column published_on date;
create index transcript_published_on_idx on transcript (published_on, id);
create index transcript_kind_idx on transcript (kind, id);
create index transcript_source_idx on transcript (source, id);

create sequence transcript_revision_seq start with 1 increment by 50;
create table transcript_revision (
    id                 bigint primary key,
    transcript_id      bigint       not null references transcript (id) on delete cascade,
    revision           integer      not null,
    content_hash       varchar(64)  not null,
    parser_version     varchar(40)  not null,
    statements_total   integer      not null,
    statements_added   integer      not null,
    statements_removed integer      not null,
    stored_at          timestamptz  not null,
    constraint transcript_revision_key unique (transcript_id, revision)
);

-- person: a named individual; voice: an unnamed voice ("Question", "Remark"), never merged into a person.
alter table speaker add column kind varchar(10) not null default 'person';
alter table speaker add column surname_key varchar(120);
alter table speaker add column given_initial varchar(1);
create index speaker_surname_idx on speaker (surname_key, given_initial);

create table speaker_alias (
    speaker_id    bigint       not null references speaker (id) on delete cascade,
    alias_key     varchar(200) not null,
    alias         text         not null,
    first_seen_at timestamptz  not null,
    primary key (alias_key, speaker_id)
);

create table speaker_role (
    speaker_id    bigint      not null references speaker (id) on delete cascade,
    role          text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (speaker_id, role)
);

-- Full-text search over statement text: a generated tsvector with a GIN index.
alter table statement add column search tsvector generated always as (to_tsvector('english', text)) stored;
create index statement_search_idx on statement using gin (search);
create index statement_id_desc_idx on statement (id desc);

-- Speakers stored by version 1 keep their name as an alias.
insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at)
select id, lower(name), name, created_at from speaker;

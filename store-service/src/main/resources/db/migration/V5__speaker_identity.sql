-- Version 5: speakers as people (issue 19). External ids, roles dated by the documents' dates, former ids of merged
-- speakers, and trigram similarity for "did you mean" suggestions.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it cannot be created the
-- migration goes on and the service computes suggestions in Java instead (SpeakerLookup).
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise notice 'pg_trgm not available, suggestions are computed by the service: %', sqlerrm;
end
$$;

-- Identifiers of a speaker elsewhere: scheme 'wikidata' (a QID such as Q7747) or 'kremlin' (the number in
-- kremlin.ru/catalog/persons/<id>). One id names one speaker.
create table speaker_external_id (
    speaker_id bigint      not null references speaker (id) on delete cascade,
    scheme     varchar(20) not null,
    value      varchar(60) not null,
    source     text,
    primary key (scheme, value)
);
create index speaker_external_id_speaker_idx on speaker_external_id (speaker_id);

-- The publication dates of the first and last documents that gave the speaker this role (null when no document
-- with a date did); first_seen_at and last_seen_at stay the storage times.
alter table speaker_role add column first_seen_on date;
alter table speaker_role add column last_seen_on date;

-- A public id that was merged into another speaker still finds that speaker (read by the API; the operator's merge
-- that will write it is not built yet).
create table speaker_redirect (
    public_id  varchar(120) primary key,
    speaker_id bigint       not null references speaker (id) on delete cascade,
    created_at timestamptz  not null
);

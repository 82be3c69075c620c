-- Version 6: an operator's corrections of speakers (issue 19). The corrections themselves change speaker, statement,
-- speaker_alias, speaker_role, speaker_external_id and speaker_redirect (V5); this table keeps, for each one, what
-- was done, by the eventId of its speakers.changed announcement (whose outbox row is written in the same
-- transaction), so that an operator can tell later why a statement's speaker changed.
create table speaker_correction (
    event_id   varchar(64)  primary key,
    change     varchar(10)  not null,
    speaker_id varchar(120) not null,
    payload    text         not null,
    created_at timestamptz  not null
);
create index speaker_correction_speaker_idx on speaker_correction (speaker_id, created_at);

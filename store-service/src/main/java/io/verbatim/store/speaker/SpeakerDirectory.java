package io.verbatim.store.speaker;

import io.verbatim.store.persistence.SpeakerEntity;
import io.verbatim.store.persistence.SpeakerExternalId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the speaker of a label to one speaker record per person across documents, and records the alias and
 * role it was seen with. Runs inside the caller's transaction. The rules, in order:
 * <ol>
 * <li>An unnamed voice ("Question", "Remark", …) is the voice record of that label, never a person.</li>
 * <li>A label that names only an office ("THE PRESIDENT", "The Prime Minister") in a document whose date and
 *     country are known is the person who held that office on that date ({@link OfficeHolders}); a named label
 *     whose office (its role or its title) was held on that date by a person of that name ("PRESIDENT BIDEN" in
 *     2021) is that holder. Holders are found by their Wikidata id first, then by name.</li>
 * <li>An office-only label whose date or office is unknown stays a speaker of its own (kind {@code office}), as
 *     before: never guessed.</li>
 * <li>A name whose key (titles, case, accents and punctuation aside) is an alias of exactly one person is that
 *     person: "President of Russia Vladimir Putin" (parsed as "Vladimir Putin") and "Vladimir Putin" are one.</li>
 * <li>A surname alone ("President Putin") is the one person with that surname, if there is exactly one.</li>
 * <li>An initial and a surname ("V.Putin") is the one person with that surname whose given name starts with that
 *     initial (or whose given name is unknown), if there is exactly one.</li>
 * <li>A full name ("Vladimir Putin") also joins the one person with that surname known so far only by surname or
 *     by a matching initial; that record then takes the fuller name.</li>
 * <li>Otherwise, or when more than one person fits, a new person is created: an ambiguous name is never guessed.</li>
 * </ol>
 * A label whose page links the speaker to a Kremlin person id (contract 1.5) is, before all these rules, the speaker
 * that already has that id; a speaker found by the rules takes the id, unless it has another one (a namesake: a new
 * person). So a speaker found by Kremlin id and by name stays one speaker.
 */
@ApplicationScoped
public class SpeakerDirectory {

    /** What a document tells about its labels: its publication date and the country of its source. */
    public record DocumentContext(LocalDate date, String jurisdiction) {

        public static final DocumentContext UNKNOWN = new DocumentContext(null, null);
    }

    /**
     * A resolved label: the speaker, and the office title to use as the statement's role when the label gave no
     * role but named an office that was resolved to its holder (else null).
     */
    public record Resolved(SpeakerEntity speaker, String officeRole) {
    }

    /** The {@code source} of a Kremlin person id read from a page's link by parse-service. */
    public static final String KREMLIN_PAGE = "page";

    private final EntityManager entityManager;
    private final OfficeHolders offices = OfficeHolders.shipped();

    public SpeakerDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** As {@link #resolve(String, String, Instant, DocumentContext)} for a document of unknown date and source. */
    public SpeakerEntity resolve(String name, String role, Instant now) {
        return resolve(name, role, now, DocumentContext.UNKNOWN).speaker();
    }

    /** As {@link #resolve(String, String, Instant, DocumentContext, String)} for a label without a Kremlin id. */
    public Resolved resolve(String name, String role, Instant now, DocumentContext context) {
        return resolve(name, role, now, context, null);
    }

    /**
     * Resolves one label of a document.
     *
     * @param kremlinId the Kremlin person id the page links under this speaker's name (from {@code transcript.parsed}
     *                  since contract 1.5), or null. The speaker that already has this id is the speaker, whatever
     *                  the name; otherwise the label is resolved by the rules above and the speaker gets the id,
     *                  unless the person found already has another Kremlin id: that is a namesake, a new person
     */
    public Resolved resolve(String name, String role, Instant now, DocumentContext context, String kremlinId) {
        SpeakerNames.ReadName read = SpeakerNames.read(name);
        boolean officeOnly = !read.voice() && (read.surnameKey() == null || offices.isOfficeForm(read.display()));
        Optional<OfficeHolders.Office> office = officeOf(read, officeOnly, role, context);
        Optional<OfficeHolders.Holder> holder = office.flatMap(o -> offices.holderOn(o, context.date()))
                .filter(h -> officeOnly || samePerson(read, SpeakerNames.read(h.name())));
        // only a person's own name carries a person id: never an unnamed voice or an office named alone
        String personId = officeOnly || read.voice() || kremlinId == null || kremlinId.isBlank() ? null
                : kremlinId.strip();
        Optional<SpeakerEntity> byKremlinId = personId == null ? Optional.empty()
                : byExternalId(SpeakerExternalId.KREMLIN, personId).filter(s -> SpeakerEntity.PERSON.equals(s.kind));
        SpeakerEntity speaker;
        if (byKremlinId.isPresent()) {
            SpeakerEntity known = byKremlinId.get();
            upgradeName(known, read);
            holder.map(OfficeHolders.Holder::qid)
                    .ifPresent(qid -> addExternalId(known, SpeakerExternalId.WIKIDATA, qid, "office-holders"));
            speaker = known;
        } else if (holder.isPresent()) {
            speaker = holderSpeaker(holder.get(), now);
        } else if (officeOnly) {
            speaker = officeLabel(read, now);
        } else {
            speaker = find(read).orElseGet(() -> create(read, now, SpeakerEntity.PERSON));
            upgradeName(speaker, read);
        }
        if (personId != null && byKremlinId.isEmpty()) {
            String known = externalIds(speaker).get(SpeakerExternalId.KREMLIN);
            if (known != null && !known.equals(personId)) {
                // the Kremlin knows the person this name found under another id: a namesake, never merged
                speaker = create(read, now, SpeakerEntity.PERSON);
            }
            addExternalId(speaker, SpeakerExternalId.KREMLIN, personId, KREMLIN_PAGE);
        }
        String officeRole = holder.isPresent() && (role == null || role.isBlank())
                ? office.get().title() : null;
        String roleSeen = role != null && !role.isBlank() ? role.strip() : officeRole;
        if (roleSeen != null) {
            recordRole(speaker, roleSeen, now, context.date());
        }
        if (!(officeOnly && holder.isPresent())) {
            // an office label resolved to its holder is not an alias of that person: "The President" names
            // several people over time, and the verbatim label stays on the statement
            entityManager.createNativeQuery("insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at) "
                            + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, speaker.id).setParameter(2, truncate(read.fullKey(), 200))
                    .setParameter(3, read.display()).setParameter(4, now).executeUpdate();
        }
        return new Resolved(speaker, officeRole);
    }

    /**
     * A new person record named {@code name} (an operator's split), with its name as alias; its public id is the
     * name's slug, numbered when that id or a former (merged) id is taken.
     */
    public SpeakerEntity createPerson(String name, Instant now) {
        SpeakerNames.ReadName read = SpeakerNames.read(name);
        SpeakerEntity speaker = create(read, now, SpeakerEntity.PERSON);
        addAlias(speaker, read, now);
        return speaker;
    }

    /** Records {@code name} as an alias of {@code speaker}, so that later documents with that name resolve to it. */
    public void addAlias(SpeakerEntity speaker, SpeakerNames.ReadName read, Instant now) {
        entityManager.createNativeQuery("insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speaker.id).setParameter(2, truncate(read.fullKey(), 200))
                .setParameter(3, read.display()).setParameter(4, now).executeUpdate();
    }

    /** Adds an external id to a speaker unless that id already names a speaker. */
    public void addExternalId(SpeakerEntity speaker, String scheme, String value, String source) {
        entityManager.createNativeQuery("insert into speaker_external_id (speaker_id, scheme, value, source) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speaker.id).setParameter(2, scheme).setParameter(3, value)
                .setParameter(4, source).executeUpdate();
    }

    /** A speaker's external ids by scheme ({@code wikidata} -> {@code Q7747}), for {@code statement.new}. */
    public java.util.Map<String, String> externalIds(SpeakerEntity speaker) {
        java.util.Map<String, String> ids = new java.util.TreeMap<>();
        for (Object result : entityManager.createNativeQuery("select scheme, value from speaker_external_id "
                        + "where speaker_id = ?1 order by scheme, value", Object[].class)
                .setParameter(1, speaker.id).getResultList()) {
            Object[] row = (Object[]) result;
            ids.putIfAbsent((String) row[0], (String) row[1]);
        }
        return ids;
    }

    /** The speaker an external id names, if any. */
    public Optional<SpeakerEntity> byExternalId(String scheme, String value) {
        List<SpeakerEntity> found = entityManager.createQuery("select s from SpeakerEntity s where s.id in (select "
                        + "e.speakerId from SpeakerExternalId e where e.scheme = :scheme and e.value = :value)",
                        SpeakerEntity.class)
                .setParameter("scheme", scheme).setParameter("value", value).getResultList();
        return found.stream().findFirst();
    }

    private Optional<OfficeHolders.Office> officeOf(SpeakerNames.ReadName read, boolean officeOnly, String role,
            DocumentContext context) {
        if (read.voice() || context == null || context.date() == null) {
            return Optional.empty();
        }
        if (officeOnly) {
            return offices.officeNamed(read.display(), context.jurisdiction());
        }
        Optional<OfficeHolders.Office> byRole = offices.officeNamed(role, context.jurisdiction());
        if (byRole.isPresent()) {
            return byRole;
        }
        // the titles in front of the name: "President Biden" names the office "president"
        String folded = SpeakerNames.fold(read.display());
        if (folded.endsWith(" " + read.fullKey())) {
            return offices.officeNamed(folded.substring(0, folded.length() - read.fullKey().length() - 1),
                    context.jurisdiction());
        }
        return Optional.empty();
    }

    /** Whether a name can be the holder's: same surname, and no given name or initial that differs. */
    static boolean samePerson(SpeakerNames.ReadName label, SpeakerNames.ReadName holder) {
        if (label.surnameKey() == null || !label.surnameKey().equals(holder.surnameKey())) {
            return false;
        }
        if (label.givenInitial() == null) {
            return true;
        }
        if (!label.givenInitial().equals(holder.givenInitial())) {
            return false;
        }
        return !label.givenNameKnown() || label.fullKey().equals(holder.fullKey())
                || holder.fullKey().startsWith(label.fullKey().substring(0, label.fullKey().indexOf(' ')) + " ");
    }

    private SpeakerEntity holderSpeaker(OfficeHolders.Holder holder, Instant now) {
        SpeakerNames.ReadName read = SpeakerNames.read(holder.name());
        Optional<SpeakerEntity> known = holder.qid() == null ? Optional.empty() : byExternalId("wikidata", holder.qid());
        SpeakerEntity speaker = known.or(() -> find(read)).orElseGet(() -> create(read, now, SpeakerEntity.PERSON));
        upgradeName(speaker, read);
        if (holder.qid() != null) {
            addExternalId(speaker, "wikidata", holder.qid(), "office-holders");
        }
        entityManager.createNativeQuery("insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speaker.id).setParameter(2, truncate(read.fullKey(), 200))
                .setParameter(3, read.display()).setParameter(4, now).executeUpdate();
        return speaker;
    }

    /** The speaker of an office label that could not be resolved: one record per label, found by its id. */
    private SpeakerEntity officeLabel(SpeakerNames.ReadName read, Instant now) {
        String publicId = SpeakerNames.slug(read.display());
        return SpeakerEntity.<SpeakerEntity>find("publicId", publicId).firstResultOptional()
                .or(() -> entityManager.createQuery("select s from SpeakerEntity s where s.id in (select r.speakerId "
                                + "from SpeakerRedirect r where r.publicId = :id)", SpeakerEntity.class)
                        .setParameter("id", publicId).getResultStream().findFirst()) // merged by an operator
                .orElseGet(() -> create(read, now, SpeakerEntity.OFFICE));
    }

    private void upgradeName(SpeakerEntity speaker, SpeakerNames.ReadName read) {
        if (speaker.kind.equals(SpeakerEntity.PERSON) && read.givenNameKnown()
                && !SpeakerNames.read(speaker.name).givenNameKnown()) {
            speaker.name = read.display();
            speaker.givenInitial = read.givenInitial();
        }
    }

    private void recordRole(SpeakerEntity speaker, String role, Instant now, LocalDate date) {
        Object latest = entityManager.createNativeQuery(
                        "select max(last_seen_on) from speaker_role where speaker_id = ?1")
                .setParameter(1, speaker.id).getSingleResult();
        LocalDate latestDate = latest == null ? null
                : latest instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) latest;
        if (date == null || latestDate == null || !date.isBefore(latestDate)) {
            speaker.role = role; // the role of the latest document; an older document does not take it back
        }
        entityManager.createNativeQuery("insert into speaker_role (speaker_id, role, first_seen_at, last_seen_at, "
                        + "first_seen_on, last_seen_on) values (?1, ?2, ?3, ?3, cast(?4 as date), cast(?4 as date)) on conflict (speaker_id, role) "
                        + "do update set last_seen_at = greatest(speaker_role.last_seen_at, excluded.last_seen_at), "
                        + "first_seen_on = least(speaker_role.first_seen_on, excluded.first_seen_on), "
                        + "last_seen_on = greatest(speaker_role.last_seen_on, excluded.last_seen_on)")
                .setParameter(1, speaker.id).setParameter(2, role).setParameter(3, now)
                .setParameter(4, date).executeUpdate();
    }

    private Optional<SpeakerEntity> find(SpeakerNames.ReadName read) {
        if (read.voice()) {
            return SpeakerEntity.find("publicId", SpeakerNames.slug(read.fullKey())).firstResultOptional();
        }
        List<SpeakerEntity> byAlias = entityManager.createQuery("select s from SpeakerEntity s where s.kind = :kind "
                        + "and s.id in (select a.speakerId from SpeakerAliasView a where a.aliasKey = :key)",
                        SpeakerEntity.class)
                .setParameter("kind", SpeakerEntity.PERSON).setParameter("key", truncate(read.fullKey(), 200))
                .getResultList();
        if (byAlias.size() == 1) {
            return Optional.of(byAlias.get(0));
        }
        if (!byAlias.isEmpty() || read.surnameKey() == null) {
            return Optional.empty();
        }
        List<SpeakerEntity> sameSurname = SpeakerEntity.list("kind = ?1 and surnameKey = ?2", SpeakerEntity.PERSON,
                read.surnameKey());
        List<SpeakerEntity> candidates = sameSurname.stream().filter(candidate -> SpeakerNames.fits(read,
                SpeakerNames.read(candidate.name))).toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private SpeakerEntity create(SpeakerNames.ReadName read, Instant now, String kind) {
        SpeakerEntity speaker = new SpeakerEntity();
        String base = SpeakerNames.slug(kind.equals(SpeakerEntity.OFFICE) ? read.display() : read.fullKey());
        String publicId = base;
        for (int n = 2; SpeakerEntity.count("publicId", publicId) > 0
                || entityManager.createNativeQuery("select 1 from speaker_redirect where public_id = ?1")
                        .setParameter(1, publicId).getResultList().size() > 0; n++) {
            publicId = base + "-" + n;
        }
        speaker.publicId = publicId;
        speaker.name = read.display();
        speaker.kind = read.voice() ? SpeakerEntity.VOICE : kind;
        speaker.surnameKey = read.surnameKey();
        speaker.givenInitial = read.givenInitial();
        speaker.createdAt = now;
        speaker.persist();
        entityManager.flush();
        return speaker;
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}

package io.verbatim.store.speaker;

import io.verbatim.store.persistence.SpeakerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the speaker of a label to one speaker record per person across documents, and records the alias and
 * role it was seen with. Runs inside the caller's transaction. The rules, in order:
 * <ol>
 * <li>An unnamed voice ("Question", "Remark", …) is the voice record of that label, never a person.</li>
 * <li>A name whose key (titles, case, accents and punctuation aside) is an alias of exactly one person is that
 *     person: "President of Russia Vladimir Putin" (parsed as "Vladimir Putin") and "Vladimir Putin" are one.</li>
 * <li>A surname alone ("President Putin") is the one person with that surname, if there is exactly one.</li>
 * <li>An initial and a surname ("V.Putin") is the one person with that surname whose given name starts with that
 *     initial (or whose given name is unknown), if there is exactly one.</li>
 * <li>A full name ("Vladimir Putin") also joins the one person with that surname known so far only by surname or
 *     by a matching initial; that record then takes the fuller name.</li>
 * <li>Otherwise, or when more than one person fits, a new person is created: an ambiguous name is never guessed.</li>
 * </ol>
 */
@ApplicationScoped
public class SpeakerDirectory {

    private final EntityManager entityManager;

    public SpeakerDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public SpeakerEntity resolve(String name, String role, Instant now) {
        SpeakerNames.ReadName read = SpeakerNames.read(name);
        SpeakerEntity speaker = find(read).orElseGet(() -> create(read, now));
        if (read.givenNameKnown() && !SpeakerNames.read(speaker.name).givenNameKnown()) {
            speaker.name = read.display();
            speaker.givenInitial = read.givenInitial();
        }
        if (role != null && !role.isBlank()) {
            speaker.role = role;
            entityManager.createNativeQuery("insert into speaker_role (speaker_id, role, first_seen_at, last_seen_at) "
                            + "values (?1, ?2, ?3, ?3) on conflict (speaker_id, role) "
                            + "do update set last_seen_at = greatest(speaker_role.last_seen_at, excluded.last_seen_at)")
                    .setParameter(1, speaker.id).setParameter(2, role.strip()).setParameter(3, now).executeUpdate();
        }
        entityManager.createNativeQuery("insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speaker.id).setParameter(2, truncate(read.fullKey(), 200))
                .setParameter(3, read.display()).setParameter(4, now).executeUpdate();
        return speaker;
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
        List<SpeakerEntity> candidates = sameSurname.stream().filter(candidate -> fits(read, candidate)).toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean fits(SpeakerNames.ReadName read, SpeakerEntity candidate) {
        if (read.givenInitial() == null) {
            return true; // a surname alone fits everyone with that surname; more than one means ambiguous
        }
        SpeakerNames.ReadName known = SpeakerNames.read(candidate.name);
        if (known.givenInitial() == null) {
            return true; // known so far by surname only
        }
        if (!known.givenInitial().equals(read.givenInitial())) {
            return false;
        }
        // same initial: an initial fits a full name and the other way round; two different full names do not
        return !(read.givenNameKnown() && known.givenNameKnown());
    }

    private SpeakerEntity create(SpeakerNames.ReadName read, Instant now) {
        SpeakerEntity speaker = new SpeakerEntity();
        String base = SpeakerNames.slug(read.voice() ? read.fullKey() : read.fullKey());
        String publicId = base;
        for (int n = 2; SpeakerEntity.count("publicId", publicId) > 0; n++) {
            publicId = base + "-" + n;
        }
        speaker.publicId = publicId;
        speaker.name = read.display();
        speaker.kind = read.voice() ? SpeakerEntity.VOICE : SpeakerEntity.PERSON;
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

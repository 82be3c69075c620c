package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Kremlin person id of each speaker, from the page's links to its persons catalogue
 * ({@code /catalog/persons/<id>}), only where the page leaves no doubt. A speaker's name matches a link's name by the
 * rules the parser uses to tell one person from another within a document ({@link SpeakerResolver#sameName}): the
 * same letters, the same surname with given names that agree ("Tayyip Erdogan" and "Recep Tayyip Erdogan"), or a
 * surname alone. The tag list writes the surname first ("Van der Bellen Alexander", "Mishustin Mikhail"): such a name
 * matches when it has the speaker's words in another order, or when its first word, put last, makes a name that
 * matches. A link that shows one word only ("Assad") is no evidence: it could be any person of that surname.
 *
 * <p>A speaker gets an id only when the names of exactly one linked person match theirs, and that person matches no
 * other speaker of the page: two persons who could be the speaker, or two speakers who could be the person, give
 * no id at all. A surname alone that other speakers of the page also have ("Mr Sokolov" beside Maxim and Alexei
 * Sokolov) gets none either. Never a guess.
 */
final class KremlinPersonIds {

    private KremlinPersonIds() {
    }

    /**
     * The id of each speaker name that one linked person, and only that one, matches; names without an id absent.
     * Each name is compared only with the links that the index lists under its keys (its letters, its surname and
     * the surname's one-letter-dropped forms), never with every link of the page.
     */
    static Map<String, String> of(Collection<String> speakerNames, List<PersonLink> links, ParseDeadline deadline) {
        if (speakerNames.isEmpty() || links.isEmpty()) {
            return new LinkedHashMap<>(); // nobody to give an id, or no id to give (most pages without labels)
        }
        Map<String, Set<PersonLink>> index = new HashMap<>();
        for (PersonLink link : links) {
            if (link.id() != null && link.name().split(" ").length >= 2) {
                for (String key : keysOfLink(link)) {
                    index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(link);
                }
            }
        }
        Map<String, Set<String>> surnames = new HashMap<>();
        for (String name : speakerNames) {
            String[] words = SpeakerResolver.withoutHonorific(name).split(" ");
            surnames.computeIfAbsent(words[words.length - 1].toLowerCase(Locale.ROOT), k -> new HashSet<>())
                    .add(words.length > 1 ? "full" : "bare");
        }
        Map<String, String> idOfName = new LinkedHashMap<>();
        Map<String, Set<String>> namesOfId = new HashMap<>();
        for (String name : new LinkedHashSet<>(speakerNames)) {
            deadline.check();
            if (sharedSurname(name, surnames)) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String key : keysOfSpeaker(name)) {
                for (PersonLink link : index.getOrDefault(key, Set.of())) {
                    if (!ids.contains(link.id()) && matches(name, link)) {
                        ids.add(link.id());
                    }
                }
            }
            ids.forEach(id -> namesOfId.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(name));
            if (ids.size() == 1) {
                idOfName.put(name, ids.iterator().next());
            }
        }
        idOfName.values().removeIf(id -> namesOfId.get(id).size() > 1);
        return idOfName;
    }

    /**
     * A surname alone that another speaker of the page also has ("Mr Sokolov" beside Maxim and Alexei Sokolov): the
     * page itself does not tell who that is, so it neither gets an id nor keeps the other speakers from theirs.
     */
    private static boolean sharedSurname(String name, Map<String, Set<String>> surnames) {
        String[] words = SpeakerResolver.withoutHonorific(name).split(" ");
        return words.length == 1 && surnames.get(words[0].toLowerCase(Locale.ROOT)).contains("full");
    }

    /** A link is listed under its letters and under each of its words as a surname, in either order of the name. */
    private static List<String> keysOfLink(PersonLink link) {
        List<String> keys = new ArrayList<>();
        keys.add("L" + SpeakerResolver.letters(link.name()));
        for (String word : link.name().split(" ")) {
            SpeakerResolver.surnameKeys(SpeakerResolver.letters(word), keys);
        }
        return keys;
    }

    /** A speaker is looked up by the letters of the name and by the surname (its last word). */
    private static List<String> keysOfSpeaker(String name) {
        String bare = SpeakerResolver.withoutHonorific(name);
        String[] words = bare.split(" ");
        List<String> keys = new ArrayList<>();
        keys.add("L" + SpeakerResolver.letters(bare));
        SpeakerResolver.surnameKeys(SpeakerResolver.letters(words[words.length - 1]), keys);
        return keys;
    }

    private static boolean matches(String speaker, PersonLink link) {
        if (!link.surnameFirst()) {
            return SpeakerResolver.sameName(speaker, link.name());
        }
        String[] words = link.name().split(" ");
        if (wordsOf(speaker).equals(wordsOf(link.name()))) {
            return true;
        }
        String surnameLast = String.join(" ", Arrays.asList(words).subList(1, words.length)) + " " + words[0];
        return SpeakerResolver.sameName(speaker, surnameLast);
    }

    /** The words of a name, in lower case and sorted: "Van der Bellen Alexander" and "Alexander Van der Bellen" agree. */
    private static List<String> wordsOf(String name) {
        return Arrays.stream(SpeakerResolver.withoutHonorific(name).toLowerCase(Locale.ROOT).split(" ")).sorted()
                .toList();
    }
}

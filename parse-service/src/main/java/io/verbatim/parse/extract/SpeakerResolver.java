package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps every label of one document to one speaker: "Vladimir Putin:" and "President of Russia Vladimir Putin:" are the
 * same person, named by the fullest form and given the role of the fullest label, whatever that label's form
 * (role-first, "Name, role", parliamentary). Two labels name the same person when their letters are the same (a
 * lost space: "NinaVale" and "Nina Vale"), or when they share the surname and one's given names are among the other's
 * ("Recep Tayyip Erdogan" and "Tayyip Erdogan"; a name of five letters or more may differ by one letter: "Nikolai" and
 * "Nikolay"); different given names are different persons, even with one surname.
 * A bare surname ("MS. PSAKI", "PRESIDENT LOPEZ") is the one person of the document with that surname, or, failing
 * that, is completed from the document title ("... by Press Secretary Jen Psaki ...", "... H.E. Maria Lopez, President
 * of the Republic of Chile, ..."): the given name (and initials) right before the surname (offices and honorifics are
 * not names), and as role the office after the name between commas (starting with an office word) or, failing that,
 * the capitalised words before the given name, when longer than the label's role.
 */
final class SpeakerResolver {

    private final List<Person> persons = new ArrayList<>();
    /**
     * The persons by the letters of their names, by their surnames and by their surnames with one letter dropped, so
     * that {@link #find} looks at the few persons a name can denote instead of every person of the document (with
     * thousands of distinct labels, comparing each with every other was quadratic). Entries are only added, never
     * removed: a candidate is always checked against the person's current name.
     */
    private final Map<String, List<Person>> index = new HashMap<>();
    private final Map<String, Person> officeHolders = new LinkedHashMap<>();
    private final Set<String> ambiguousOffices = new HashSet<>();

    /** One person of the document, as the labels name them so far. */
    private static final class Person {
        private String name;
        private String role;
        /** The letters of a shorter form that the title completed: "yoon" for "Yoon Suk Yeol". */
        private String completedFrom;

        Person(String name, String role) {
            this.name = name;
            this.role = role;
        }

        /**
         * Takes the fuller name (more words; with as many, fewer initials) and the longer role; true when the name
         * changed.
         */
        boolean absorb(String otherName, String otherRole) {
            int words = tokens(otherName).length - tokens(name).length;
            boolean renamed = words > 0 || words == 0 && initials(otherName) < initials(name);
            if (renamed) {
                name = otherName;
            }
            if (role == null || otherRole != null && otherRole.length() > role.length()) {
                role = otherRole;
            }
            return renamed;
        }
    }

    /** Class 49: the person a title says is interviewed ("Interview with Maria Ressa"), or null. */
    private final String interviewee;

    private static final java.util.regex.Pattern INTERVIEW_WITH = java.util.regex.Pattern.compile(
            "(?i)\\b(?:interview|conversation|q ?& ?a|talk|chat)(?:ing)? with ");

    private static final java.util.regex.Pattern POSSESSIVE_OR_PUNCTUATION = java.util.regex.Pattern.compile(
            "(?:['’]s)?[,:;.!?]*$");

    /**
     * Class 49: the person that a title of questions and answers names after "Interview with", "In conversation
     * with", "Q&A with" (a personal name of two to four capitalised words, up to the end of the title, a comma, colon
     * or dash, or a lower-case word): the "A:" of such a page is that person. Null when the title names no one so.
     */
    static String intervieweeOf(String title) {
        if (title == null) {
            return null;
        }
        String text = WhitespaceNormalizer.normalize(title);
        java.util.regex.Matcher with = INTERVIEW_WITH.matcher(text);
        if (!with.find() || POSSESSIVE_BEFORE.matcher(text.substring(0, with.start())).find()) {
            return null; // "Vladimir Putin's interview with Tucker Carlson": the one with is the interviewer
        }
        if (personBefore(text.substring(0, with.start()))) {
            return null; // "Senator Jane Roe interview with Tom Vale": the one named first is interviewed
        }
        List<String> run = new ArrayList<>();
        for (String word : text.substring(with.end()).split(" ")) {
            String bare = POSSESSIVE_OR_PUNCTUATION.matcher(word).replaceFirst("");
            if (bare.isEmpty() || TITLE_FUNCTION_WORDS.contains(bare.toLowerCase(Locale.ROOT)) || run.size() == 8) {
                break;
            }
            run.add(SpeakerLabelParser.isInitial(word) ? word : bare);
            if (!bare.equals(word) && !SpeakerLabelParser.isInitial(word) && !SpeakerLabelParser.isHonorific(word)) {
                break; // a comma, a colon or a possessive ends the name; "Dr." does not
            }
        }
        // the personal name that ends the run: "Mayor Eric Adams", "Microsoft CEO Satya Nadella", "Nobel laureate
        // Maria Ressa"; never a broadcaster ("Sky News", "Al Jazeera")
        return personalName(run);
    }

    /** The personal name that ends the run of words, or null when there is none or it names a broadcaster or paper. */
    private static String personalName(List<String> run) {
        String name = run.isEmpty() ? null : SpeakerLabelParser.trailingPersonName(run);
        if (name == null) {
            return null;
        }
        for (String word : name.split(" ")) {
            if (MEDIA_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return name;
    }

    /**
     * Whether the words just before "interview with" end with a personal name ("Senator Jane Roe interview with …"),
     * not a broadcaster's ("BBC interview with …") or a word such as "Exclusive".
     */
    private static boolean personBefore(String before) {
        String[] words = before.strip().split(" ");
        List<String> run = new ArrayList<>();
        for (int i = words.length - 1; i >= 0 && run.size() < 8; i--) {
            String word = words[i];
            if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0))
                    || ",:;!?|".indexOf(word.charAt(word.length() - 1)) >= 0) {
                break;
            }
            run.add(0, word);
        }
        return personalName(run) != null;
    }

    /** A possessive before "interview with": the possessor was interviewed, by the one named after "with". */
    private static final java.util.regex.Pattern POSSESSIVE_BEFORE = java.util.regex.Pattern.compile(
            "['’]s\\s*$");

    /** Words of the names of broadcasters and papers, which a title may put after "Interview with". */
    private static final Set<String> MEDIA_WORDS = Set.of(
            "news", "tv", "television", "channel", "radio", "times", "post", "journal", "magazine", "agency", "press",
            "today", "monde", "gazette", "herald", "network", "broadcasting", "jazeera", "daily", "tribune", "review",
            "media", "pravda", "izvestia", "kommersant", "reuters", "bloomberg", "cnn", "bbc", "nbc", "cbs", "abc",
            "spiegel", "zeit", "figaro", "guardian", "telegraph", "economist", "observer", "independent");

    /**
     * Class 60: the holders of a consort office ("FIRST LADY BIDEN"), by office and surname, kept apart from the
     * persons that other labels name: "PRESIDENT BIDEN" and "FIRST LADY BIDEN" are two people.
     */
    private final Map<String, Person> consorts = new HashMap<>();

    private static String consortKey(SpeakerLabel label) {
        String[] tokens = tokens(label.name());
        return label.role().toLowerCase(Locale.ROOT) + " " + letters(tokens[tokens.length - 1]);
    }

    /**
     * A consort known by a surname takes the given names that the title gives after the same office: "Remarks by
     * President Biden and First Lady Jill Biden" makes "FIRST LADY BIDEN" Jill Biden. The title is split once, over its
     * first {@link #MAX_TITLE_WORDS} words, and each consort looks only where a consort office stands in it.
     */
    private void completeConsortsFromTitle(String title) {
        if (title == null || consorts.isEmpty()) {
            return;
        }
        String[] words = WhitespaceNormalizer.normalize(title).split(" ", MAX_TITLE_WORDS + 1);
        int limit = Math.min(words.length, MAX_TITLE_WORDS);
        List<Integer> offices = new ArrayList<>(); // where the given names after a consort office would start
        for (int k = 2; k < limit; k++) {
            if (SpeakerLabelParser.isConsortOffice(words[k - 2] + " " + words[k - 1])) {
                offices.add(k);
            }
        }
        for (Person consort : consorts.values()) {
            if (consort.name.indexOf(' ') < 0) {
                completeConsort(consort, words, limit, offices);
            }
        }
    }

    private static void completeConsort(Person consort, String[] words, int limit, List<Integer> offices) {
        String surname = letters(consort.name);
        for (int start : offices) {
            if (!(words[start - 2] + " " + words[start - 1]).equalsIgnoreCase(consort.role)) {
                continue;
            }
            for (int end = start + 1; end < Math.min(limit, start + 4); end++) {
                if (!SpeakerLabelParser.isNameToken(bare(words[end - 1]))) {
                    break; // given names only between the office and the surname
                }
                if (letters(words[end]).equals(surname)) {
                    List<String> name = new ArrayList<>();
                    for (int k = start; k <= end; k++) {
                        name.add(bare(words[k]));
                    }
                    consort.name = String.join(" ", name);
                    return;
                }
            }
        }
    }

    /** Lower-case words after which a capitalised title word is a headline's, not a given name. */
    private static final Set<String> TITLE_CONNECTORS = Set.of("of", "the", "in", "at", "for", "on", "to");

    /** Misspelt label names (their letters) and the label they stand for. */
    private final Map<String, SpeakerLabel> misspelt = new HashMap<>();

    /** Names (their letters) written in a rarer romanisation, and the document's most frequent spelling. */
    private final Map<String, String> romanised = new HashMap<>();

    SpeakerResolver(List<SpeakerLabel> labelsAsWritten, String title, ParseDeadline deadline) {
        misspelt.putAll(misspellings(labelsAsWritten));
        initialsOfFullNames(labelsAsWritten).forEach(misspelt::putIfAbsent);
        romanised.putAll(romanisations(labelsAsWritten));
        List<SpeakerLabel> labels = labelsAsWritten.stream().map(this::spelt).toList();
        // full names first, so that a bare surname finds its person whatever the order of the labels
        for (boolean fullNames : new boolean[] {true, false}) {
            for (SpeakerLabel label : labels) {
                deadline.check();
                if (label.unnamed() || label.office() || isCaller(label)) {
                    continue;
                }
                if (SpeakerLabelParser.isConsortOffice(label.role())) {
                    if (!fullNames) {
                        consorts.computeIfAbsent(consortKey(label), key -> new Person(label.name(), label.role()))
                                .absorb(label.name(), label.role());
                    }
                    continue; // class 60: the First Lady is not the President, whatever the surname they share
                }
                String name = withoutHonorific(label.name());
                if ((tokens(name).length > 1) != fullNames) {
                    continue;
                }
                Person known = find(name);
                if (known == null) {
                    Person person = new Person(name, label.role());
                    persons.add(person);
                    index(person);
                } else if (known.absorb(name, label.role())) {
                    index(known);
                }
            }
        }
        completeFromTitle(title, deadline);
        completeConsortsFromTitle(title);
        interviewee = intervieweeOf(title);
        for (SpeakerLabel label : labels) {
            deadline.check();
            if (!label.unnamed() && !label.office() && !isCaller(label) && label.role() != null) {
                String office = label.role().toLowerCase(Locale.ROOT);
                Person holder = find(withoutHonorific(label.name()));
                Person previous = officeHolders.putIfAbsent(office, holder);
                if (previous != null && previous != holder) {
                    ambiguousOffices.add(office);
                }
            }
        }
    }

    /**
     * The speaker of one label. An office named alone ("The Prime Minister") is its holder when another label of the
     * document names exactly one holder of it ("The Prime Minister (Keir Starmer)"), and otherwise the speaker itself.
     */
    TranscriptParsed.Speaker resolve(SpeakerLabel labelAsWritten) {
        TranscriptParsed.Speaker speaker = resolveSpelt(spelt(labelAsWritten));
        // the verbatim label stays as the page wrote it
        return new TranscriptParsed.Speaker(speaker.name(), speaker.role(), labelAsWritten.verbatim());
    }

    /**
     * Class 48: labels that are a person's initials in capitals ("JD:" after "Jane Doe:", "AS:" after "Ali Smith:") and
     * the full-name label they stand for: the one label of two to four words, honorifics aside, whose words start with
     * those letters, on a page where some initials label at least two turns, and no common abbreviation ("PM:", "EU:").
     * Initials that fit no full name, or two, stay as they are. One lookup per label.
     */
    private static Map<String, SpeakerLabel> initialsOfFullNames(List<SpeakerLabel> labels) {
        Map<String, SpeakerLabel> byInitials = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (SpeakerLabel label : labels) {
            if (label.unnamed() || label.office()) {
                continue;
            }
            String initials = SpeakerLabelParser.initialsOf(tokens(withoutHonorific(label.name())));
            SpeakerLabel previous = initials == null ? null : byInitials.putIfAbsent(initials, label);
            if (previous != null && !letters(previous.name()).equals(letters(label.name()))) {
                ambiguous.add(initials);
            }
        }
        Map<String, Integer> uses = new HashMap<>();
        for (SpeakerLabel label : labels) {
            String written = WhitespaceNormalizer.normalize(label.verbatim());
            if (!label.unnamed() && SpeakerLabelParser.mayBeInitials(written)
                    && written.equalsIgnoreCase(label.name())) {
                uses.merge(letters(written), 1, Integer::sum);
            }
        }
        Map<String, SpeakerLabel> standIns = new HashMap<>();
        if (uses.values().stream().noneMatch(count -> count >= 2)) {
            return standIns; // no initials open two turns: the page does not label by initials
        }
        uses.forEach((key, count) -> {
            SpeakerLabel full = ambiguous.contains(key) ? null : byInitials.get(key);
            if (full != null) {
                standIns.put(key, full);
            }
        });
        return standIns;
    }

    /**
     * Labels whose name is another label's of the same document with two adjacent letters swapped ("THE PRESIDNET:"
     * once, "THE PRESIDENT:" 28 times): the rarer spelling is a typing error and stands for the more frequent one.
     * Only a swap of two adjacent letters, in names of six letters or more: two people whose names differ by one
     * such swap are far less likely than a typo, while a letter more or less ("Dunn", "Dunne") can be two people.
     * One lookup per letter of each distinct name: linear in the labels.
     */
    private static Map<String, SpeakerLabel> misspellings(List<SpeakerLabel> labels) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, SpeakerLabel> firstOfName = new HashMap<>();
        for (SpeakerLabel label : labels) {
            if (!label.unnamed()) {
                String key = letters(label.name());
                counts.merge(key, 1, Integer::sum);
                firstOfName.putIfAbsent(key, label);
            }
        }
        Map<String, SpeakerLabel> misspelt = new HashMap<>();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String key = entry.getKey();
            if (key.length() < 6) {
                continue;
            }
            char[] swapped = key.toCharArray();
            for (int i = 0; i + 1 < swapped.length; i++) {
                if (swapped[i] == swapped[i + 1]) {
                    continue;
                }
                char c = swapped[i];
                swapped[i] = swapped[i + 1];
                swapped[i + 1] = c;
                String other = new String(swapped);
                swapped[i + 1] = swapped[i];
                swapped[i] = c;
                if (counts.getOrDefault(other, 0) > entry.getValue()) {
                    misspelt.put(key, firstOfName.get(other));
                    break;
                }
            }
        }
        return misspelt;
    }

    /**
     * Labels whose name is another label's in another romanisation of the same Russian name ("Kirill Kleimyonov" 3
     * times, "Kirill Kleymenov" 50 times; "Sergei Dyomin" once, "Sergei Demin" twice; "Dmitry Schugorev",
     * "Dmitry Shchugorev"): every spelling of the name stands for the document's most frequent one (the first of
     * those as frequent). Names agree when each word does after {@link #romanisationKey}; names of fewer than five
     * letters or of one word ("MR. PRICE", "MS. PRYCE") are left alone. One key per distinct name: linear in the
     * labels.
     */
    private static Map<String, String> romanisations(List<SpeakerLabel> labels) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        for (SpeakerLabel label : labels) {
            if (label.unnamed() || label.office()) {
                continue;
            }
            String name = withoutHonorific(label.name());
            String key = letters(name);
            // full names only: a surname alone under a form of address ("MR. PRICE", "MS. PRYCE") may be two people
            if (key.length() < 5 || tokens(name).length < 2) {
                continue;
            }
            if (counts.merge(key, 1, Integer::sum) == 1) {
                nameOf.put(key, name);
                spellings.computeIfAbsent(romanisationKey(name), k -> new ArrayList<>()).add(key);
            }
        }
        Map<String, String> spelling = new HashMap<>();
        for (List<String> keys : spellings.values()) {
            if (keys.size() < 2) {
                continue;
            }
            String most = keys.get(0);
            for (String key : keys) {
                if (counts.get(key) > counts.get(most)) {
                    most = key;
                }
            }
            for (String key : keys) {
                if (!key.equals(most)) {
                    spelling.put(key, nameOf.get(most));
                }
            }
        }
        return spelling;
    }

    /**
     * A name with the usual differences between romanisations of Russian folded away, word by word: "ё" and "yo" as
     * "e" (Dyomin, Demin), a leading "ye" as "e" (Yevgeny, Evgeny), "shch" as "sch" (Shchugorev, Schugorev), "ks" as
     * "x" (Aleksei, Alexei), "y" as "i" and a doubled "i" as one (Kleymenov, Kleimenov; Yuriy, Yury, Yuri).
     */
    static String romanisationKey(String name) {
        StringBuilder key = new StringBuilder();
        for (String word : tokens(name)) {
            String folded = letters(word).replace('ё', 'e').replace("yo", "e").replace("shch", "sch")
                    .replace("ks", "x");
            if (folded.startsWith("ye")) {
                folded = folded.substring(1);
            }
            folded = folded.replace('y', 'i').replace("ii", "i");
            key.append(folded).append(' ');
        }
        return key.toString();
    }

    private SpeakerLabel spelt(SpeakerLabel label) {
        if (label.unnamed()) {
            return label;
        }
        SpeakerLabel spelt = misspelt.getOrDefault(letters(label.name()), label);
        String usual = romanised.get(letters(withoutHonorific(spelt.name())));
        return usual == null ? spelt
                : new SpeakerLabel(spelt.verbatim(), usual, spelt.role(), spelt.annotation(), false, spelt.office());
    }

    /**
     * A caller named by a given name and where they call from or what they do ("Dmitry, Moscow", "Natalya, teacher"):
     * one word before the label's comma. Callers who share a given name are different people ("Dmitry, Omsk"), and
     * neither is the "Dmitry Peskov" of another label: such a label is its own speaker, never merged.
     */
    private static boolean isCaller(SpeakerLabel label) {
        String head = label.name() + ", ";
        return label.role() != null && label.name().indexOf(' ') < 0
                && label.verbatim().regionMatches(true, 0, head, 0, head.length());
    }

    private TranscriptParsed.Speaker resolveSpelt(SpeakerLabel label) {
        if (label.unnamed() && interviewee != null && letters(label.verbatim()).equals("a")) {
            return new TranscriptParsed.Speaker(interviewee, null, label.verbatim());
        }
        if (label.unnamed()) {
            return new TranscriptParsed.Speaker(label.name(), null, label.verbatim());
        }
        if (isCaller(label)) {
            return new TranscriptParsed.Speaker(label.name(), label.role(), label.verbatim());
        }
        Person consort = SpeakerLabelParser.isConsortOffice(label.role()) ? consorts.get(consortKey(label)) : null;
        if (consort != null) {
            return new TranscriptParsed.Speaker(consort.name, consort.role, label.verbatim());
        }
        if (label.office()) {
            String office = label.name().toLowerCase(Locale.ROOT);
            Person holder = ambiguousOffices.contains(office) ? null : officeHolders.get(office);
            if (holder == null) {
                return new TranscriptParsed.Speaker(label.name(), null, label.verbatim());
            }
            return new TranscriptParsed.Speaker(holder.name, holder.role, label.verbatim());
        }
        Person person = find(withoutHonorific(label.name()));
        if (person == null) {
            return new TranscriptParsed.Speaker(label.name(), label.role(), label.verbatim());
        }
        // a surname alone keeps the label's spelling, without a form of address: "MS. CHANG:" is "Chang"
        String name = person.name.contains(" ") ? person.name : withoutHonorific(label.name());
        return new TranscriptParsed.Speaker(name, person.role, label.verbatim());
    }

    private void index(Person person) {
        List<String> keys = new ArrayList<>();
        keys.add("L" + letters(person.name));
        if (person.completedFrom != null) {
            keys.add("L" + person.completedFrom);
        }
        String[] tokens = tokens(person.name);
        surnameKeys(letters(tokens[tokens.length - 1]), keys);
        for (String key : keys) {
            List<Person> listed = index.computeIfAbsent(key, k -> new ArrayList<>());
            if (!listed.contains(person)) {
                listed.add(person);
            }
        }
    }

    /** The surname, and for one of five letters or more each form with one letter dropped (one edit apart). */
    static void surnameKeys(String surname, List<String> keys) {
        keys.add("S" + surname);
        if (surname.length() >= 5) {
            keys.add("D" + surname);
            for (int i = 0; i < surname.length(); i++) {
                keys.add("D" + surname.substring(0, i) + surname.substring(i + 1));
            }
        }
    }

    /** The persons listed under one key of the index. */
    private List<Person> listed(String key) {
        return index.getOrDefault(key, List.of());
    }

    /**
     * The person this name denotes, or null when none (or, for a bare surname, more than one) is known. Only the
     * persons the index lists under the name's letters, its surname and its surname's one-letter-dropped forms are
     * compared.
     */
    private Person find(String name) {
        String letters = letters(name);
        for (Person person : listed("L" + letters)) {
            if (letters(person.name).equals(letters) || letters.equals(person.completedFrom)) {
                return person;
            }
        }
        String[] tokens = tokens(name);
        String surname = letters(tokens[tokens.length - 1]);
        List<String> keys = new ArrayList<>();
        surnameKeys(surname, keys);
        Person found = null;
        for (String key : keys) {
            if (key.charAt(0) == 'D' && tokens.length == 1) {
                break; // a bare surname is never spelled alike: only the same surname counts
            }
            for (Person person : listed(key)) {
                String[] other = tokens(person.name);
                String otherSurname = letters(other[other.length - 1]);
                boolean sameSurname = surname.equals(otherSurname);
                boolean spelledAlike = !sameSurname && tokens.length > 1 && other.length > 1
                        && oneEditApart(surname, otherSurname) && givenNamesAgree(tokens, other);
                if (!sameSurname && !spelledAlike) {
                    continue;
                }
                if (tokens.length == 1 || other.length == 1 || givenNamesAgree(tokens, other)) {
                    if (found != null && found != person) {
                        return null;
                    }
                    found = person;
                }
            }
        }
        return found;
    }

    /**
     * Whether two names denote one person by the rules {@link #find} applies within a document: the same letters; a
     * surname alone and a name with that surname; or the same surname (a long one may differ by one letter) with
     * given names that agree. Forms of address in front ("Mr", "Sir") do not count. Used to match a speaker to the
     * persons a page links ({@link KremlinPersonIds}).
     */
    static boolean sameName(String a, String b) {
        String[] x = tokens(withoutHonorific(a));
        String[] y = tokens(withoutHonorific(b));
        if (letters(String.join("", x)).equals(letters(String.join("", y)))) {
            return true;
        }
        String surnameX = letters(x[x.length - 1]);
        String surnameY = letters(y[y.length - 1]);
        if (x.length == 1 || y.length == 1) {
            return surnameX.equals(surnameY);
        }
        return (surnameX.equals(surnameY) || oneEditApart(surnameX, surnameY)) && givenNamesAgree(x, y);
    }

    /** One's given names are among the other's, an initial standing for a name with that letter. */
    private static boolean givenNamesAgree(String[] a, String[] b) {
        String[] shorter = a.length <= b.length ? a : b;
        String[] longer = a.length <= b.length ? b : a;
        for (int i = 0; i < shorter.length - 1; i++) {
            boolean matched = false;
            for (int j = 0; j < longer.length - 1 && !matched; j++) {
                matched = sameGivenName(shorter[i], longer[j]);
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameGivenName(String a, String b) {
        if (SpeakerLabelParser.isInitial(a) || SpeakerLabelParser.isInitial(b)) {
            return Character.toLowerCase(a.charAt(0)) == Character.toLowerCase(b.charAt(0));
        }
        return oneEditApart(letters(a), letters(b));
    }

    /**
     * The same name in two spellings: equal, or, for names of five letters or more with the same first letter, one
     * letter changed, added or dropped ("Nikolai" and "Nikolay", "Kleymenov" and "Kleimenov").
     */
    private static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /**
     * A person known only by a surname takes the given names and the office that the title gives with it. The surname
     * may be several words ("López Obrador", "von der Leyen"), and the title may give two given names ("President
     * Andrés Manuel López Obrador") or continue the surname with a particle ("President Luiz Inácio Lula da Silva of
     * Brazil" completes "PRESIDENT LULA:").
     */
    private void completeFromTitle(String title, ParseDeadline deadline) {
        if (title == null || title.isBlank()) {
            return;
        }
        String[] words = WhitespaceNormalizer.normalize(title).split(" ");
        if (words.length > MAX_TITLE_WORDS) {
            // a headline, not a text: every person is looked for at every word, so a title of a hundred thousand words
            // and thousands of labels would be billions of comparisons (the hostile "thousands-of-labels-html" shape)
            words = Arrays.copyOf(words, MAX_TITLE_WORDS);
        }
        for (Person person : persons) {
            deadline.check();
            String[] own = tokens(person.name);
            if (own.length > 3) {
                continue; // a surname of up to three words: "López Obrador", "von der Leyen"
            }
            for (int i = 1; i + own.length <= words.length; i++) {
                if (!matchesAt(words, i, own)) {
                    continue;
                }
                int end = i + own.length - 1;
                // initials, then the given names: "Maria Lopez", "Kamala D. Harris", "Andrés Manuel López Obrador"
                int first = i;
                while (first > 0 && !words[first - 1].endsWith(",")
                        && SpeakerLabelParser.isInitial(bare(words[first - 1]))) {
                    first--;
                }
                int last = surnameParticlesAfter(words, end);
                int given = givenNamesBefore(words, first);
                if (given >= 2 && SpeakerLabelParser.isConsortOffice(words[given - 2] + " " + words[given - 1])) {
                    continue; // class 60: "… and First Lady Jill Biden" names the First Lady, not President Biden
                }
                if (given < first && given > 0 && TITLE_CONNECTORS.contains(words[given - 1])) {
                    given = first; // a headline's capitalised word after "of": "… Unveiling of Official Obama …"
                }
                if (own.length > 1 && given < first && !afterOffice(words, given)) {
                    // a full name is completed only after an office: "President Andrés Manuel López Obrador", never
                    // "Meeting with Prime Minister of Bavaria Horst Seehofer" into "Bavaria Horst Seehofer"
                    given = first;
                }
                if (given == first) {
                    // surname first: "President Yoon Suk Yeol of the Republic of Korea", "Premier Li Wen, …"; only for
                    // a surname of one word: "Emmanuel Macron Hold Talks" is a headline, not a name
                    if (last == end && own.length == 1) {
                        last = givenNamesAfter(words, end);
                    }
                    if (last == end) {
                        continue;
                    }
                } else {
                    first = given;
                }
                List<String> name = new ArrayList<>();
                for (int k = first; k <= last; k++) {
                    name.add(bare(words[k]));
                }
                String role = words[last].endsWith(",") ? apposition(words, last + 1) : null;
                if (role == null) {
                    role = officeBefore(words, first);
                }
                person.completedFrom = letters(person.name);
                person.name = String.join(" ", name);
                index(person);
                if (role != null && (person.role == null || role.length() > person.role.length())) {
                    person.role = role;
                }
                break;
            }
        }
    }

    /** Whether the title's words from {@code at} are the name's words (letters compared, punctuation aside). */
    private static boolean matchesAt(String[] words, int at, String[] name) {
        for (int k = 0; k < name.length; k++) {
            if (!letters(words[at + k]).equals(letters(name[k])) || letters(name[k]).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the given names before a surname start, {@code surname} being the first word after them (or {@code
     * surname} itself when there are none): both of two given names right after an office or a form of address
     * ("President Luiz Inácio Lula"), else only the last ("… for Strategic Communications John Kirby" gives "John",
     * "… of Bavaria Horst Seehofer" gives "Horst").
     */
    private static int givenNamesBefore(String[] words, int surname) {
        int start = surname;
        while (start > 0 && isGivenName(words[start - 1]) && !SpeakerLabelParser.isInitial(bare(words[start - 1]))) {
            start--;
        }
        int count = surname - start;
        if (count == 0) {
            return surname;
        }
        return count == 2 && afterOffice(words, start) ? start : surname - 1;
    }

    /** Whether the word before {@code at} is an office word or a form of address: "President", "H.E.", "Dr.". */
    private static boolean afterOffice(String[] words, int at) {
        if (at == 0 || words[at - 1].endsWith(",")) {
            return false;
        }
        String before = bare(words[at - 1]);
        return SpeakerLabelParser.isHonorific(before) || Character.isUpperCase(before.codePointAt(0))
                && SpeakerLabelParser.isOffice(before);
    }

    /**
     * The particles and name words that continue a surname in the title: "Lula" then "da Silva" before "of Brazil";
     * only when a boundary follows (the end of the title, a comma, a lower-case word), else {@code end}.
     */
    private static int surnameParticlesAfter(String[] words, int end) {
        int last = end;
        while (last + 2 < words.length && !words[last].endsWith(",")
                && SpeakerLabelParser.isNameParticle(words[last + 1])) {
            int next = last + 1;
            while (next < words.length && SpeakerLabelParser.isNameParticle(words[next])) {
                next++;
            }
            if (next >= words.length || !SpeakerLabelParser.isNameToken(bare(words[next]))) {
                break;
            }
            last = next;
        }
        boolean boundary = last + 1 == words.length || words[last].endsWith(",")
                || Character.isLowerCase(words[last + 1].codePointAt(0));
        return last > end && boundary ? last : end;
    }

    /** The words of a title that class 4 reads for names: a headline's, and more than any real one has. */
    private static final int MAX_TITLE_WORDS = 200;

    /** Words of a title that are never part of a name after the surname: "Biden Before Departure". */
    private static final Set<String> TITLE_FUNCTION_WORDS = Set.of(
            "and", "or", "of", "the", "at", "on", "in", "to", "for", "from", "with", "by", "before", "after", "during",
            "upon", "about", "ahead", "following", "via", "as", "a", "an");

    /**
     * Where a name that puts the surname first ends: one or two given names right after the surname, that reach the
     * end of the title, a comma or a lower-case word ("Yoon Suk Yeol of …"); {@code surname} itself when there are
     * none, so that title words ("Biden Before Departure", "Harris Travels to Ohio") never join a name.
     */
    private static int givenNamesAfter(String[] words, int surname) {
        if (words[surname].endsWith(",")) {
            return surname;
        }
        int last = surname;
        while (last + 1 < words.length && last - surname < 2) {
            String next = words[last + 1];
            String bare = bare(next);
            if (!SpeakerLabelParser.isNameToken(bare) || TITLE_FUNCTION_WORDS.contains(bare.toLowerCase(Locale.ROOT))) {
                break;
            }
            last++;
            if (next.endsWith(",")) {
                break;
            }
        }
        boolean boundary = last + 1 == words.length || words[last].endsWith(",")
                || Character.isLowerCase(words[last + 1].codePointAt(0));
        return boundary ? last : surname;
    }

    private static boolean isGivenName(String word) {
        String bare = bare(word);
        return !word.endsWith(",") && !SpeakerLabelParser.isHonorific(bare) && !SpeakerLabelParser.isOccupationWord(bare)
                && (SpeakerLabelParser.isNameToken(bare) || SpeakerLabelParser.isInitial(bare));
    }

    /**
     * "…, President of the Republic of Chile, …": the office between the commas after a name; it starts with an
     * office word, so that the next person of a list ("…, Detroit Mayor Mike Duggan, …") or a date is not taken.
     */
    private static String apposition(String[] words, int from) {
        if (from >= words.length || !SpeakerLabelParser.isOffice(bare(words[from]))) {
            return null;
        }
        List<String> office = new ArrayList<>();
        for (int k = from; k < words.length && office.size() < 14; k++) {
            office.add(bare(words[k]));
            if (words[k].endsWith(",")) {
                return String.join(" ", office);
            }
        }
        return null;
    }

    /** Lower-case words inside an office: "Coordinator for Strategic Communications", "Secretary of State". */
    private static final Set<String> OFFICE_CONNECTORS = Set.of("of", "for", "the", "on", "to");

    /**
     * "… by Press Secretary Jen Psaki", "… and NSC Coordinator for Strategic Communications John Kirby": the
     * capitalised words right before the given name, with "of", "for", "the", "on", "to" between them.
     */
    private static String officeBefore(String[] words, int first) {
        int start = first;
        while (start > 0 && !words[start - 1].endsWith(",") && !SpeakerLabelParser.isHonorific(bare(words[start - 1]))
                && (Character.isUpperCase(words[start - 1].codePointAt(0))
                        || OFFICE_CONNECTORS.contains(words[start - 1]))) {
            start--;
        }
        while (start < first && !Character.isUpperCase(words[start].codePointAt(0))) {
            start++; // an office starts with a capitalised word
        }
        return start < first ? String.join(" ", Arrays.asList(words).subList(start, first)) : null;
    }

    private static String bare(String word) {
        int end = word.length();
        while (end > 0 && ",;:".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    /**
     * The name without the forms of address before it: "Sir Edward Leigh" gives "Edward Leigh". A peer's title is the
     * name itself when no given name follows it (class 50): "Lord Callanan", "Baroness Smith of Basildon" stay whole.
     */
    static String withoutHonorific(String name) {
        String rest = name;
        int space = rest.indexOf(' ');
        if (space < 0 || !SpeakerLabelParser.isHonorific(rest.substring(0, space))
                || SpeakerLabelParser.isPeerName(name)) {
            return name; // nothing to take off (tried first: most names open with no form of address), or a peer
        }
        // the first word is looked at before the name is split into words: few names start with an honorific
        while (space >= 0 && SpeakerLabelParser.isHonorific(rest.substring(0, space))
                && rest.split(" ").length >= 2) {
            rest = rest.substring(space).strip();
            space = rest.indexOf(' ');
        }
        return rest;
    }

    /** The letters of a name in lower case, without spaces, hyphens or dots: "NinaVale" and "Nina Vale" agree. */
    static String letters(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static long initials(String name) {
        return Arrays.stream(tokens(name)).filter(SpeakerLabelParser::isInitial).count();
    }

    private static String[] tokens(String name) {
        return name.split(" ");
    }
}

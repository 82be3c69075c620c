package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps every label of one document to one speaker: "Vladimir Putin:" and "President of Russia Vladimir Putin:" are the
 * same person, named by the fullest form and given the role of the fullest label. A bare surname ("MS. PSAKI") is
 * completed from the other labels or, failing that, from the document title ("... by Press Secretary Jen Psaki ...").
 */
final class SpeakerResolver {

    private static final Pattern TITLE_WORD = Pattern.compile("[\\p{L}\\p{M}'’.\\-]+");

    private static final String AMBIGUOUS = "";

    private final Map<String, Person> personsBySurname = new LinkedHashMap<>();
    private final Map<String, String> officeHolders = new LinkedHashMap<>();

    private record Person(String name, String role) {
    }

    SpeakerResolver(List<SpeakerLabel> labels, String title) {
        for (SpeakerLabel label : labels) {
            if (label.unnamed() || label.office()) {
                continue;
            }
            String name = withoutHonorific(label.name());
            String key = surnameKey(name);
            Person known = personsBySurname.get(key);
            Person candidate = new Person(name, label.role());
            personsBySurname.put(key, known == null ? candidate : fuller(known, candidate));
        }
        completeFromTitle(title);
        for (SpeakerLabel label : labels) {
            if (!label.unnamed() && !label.office() && label.role() != null) {
                String office = label.role().toLowerCase(Locale.ROOT);
                String holder = surnameKey(withoutHonorific(label.name()));
                officeHolders.merge(office, holder, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
    }

    /**
     * The speaker of one label. An office named alone ("The Prime Minister") is its holder when another label of the
     * document names exactly one holder of it ("The Prime Minister (Keir Starmer)"), and otherwise the speaker itself.
     */
    TranscriptParsed.Speaker resolve(SpeakerLabel label) {
        if (label.unnamed()) {
            return new TranscriptParsed.Speaker(label.name(), null, label.verbatim());
        }
        if (label.office()) {
            String holder = officeHolders.get(label.name().toLowerCase(Locale.ROOT));
            Person person = holder == null || holder.equals(AMBIGUOUS) ? null : personsBySurname.get(holder);
            if (person == null) {
                return new TranscriptParsed.Speaker(label.name(), null, label.verbatim());
            }
            return new TranscriptParsed.Speaker(person.name(), person.role(), label.verbatim());
        }
        Person person = personsBySurname.get(surnameKey(withoutHonorific(label.name())));
        if (person == null) {
            return new TranscriptParsed.Speaker(label.name(), label.role(), label.verbatim());
        }
        String name = person.name().contains(" ") ? person.name() : label.name();
        return new TranscriptParsed.Speaker(name, person.role(), label.verbatim());
    }

    private static Person fuller(Person a, Person b) {
        String name = tokenCount(b.name()) > tokenCount(a.name()) ? b.name() : a.name();
        String role = a.role();
        if (role == null || (b.role() != null && b.role().length() > role.length())) {
            role = b.role();
        }
        return new Person(name, role);
    }

    /** A person known only by a surname takes the first name and the office that precede that surname in the title. */
    private void completeFromTitle(String title) {
        if (title == null || title.isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>();
        Matcher m = TITLE_WORD.matcher(WhitespaceNormalizer.normalize(title));
        while (m.find()) {
            words.add(m.group());
        }
        for (Map.Entry<String, Person> entry : personsBySurname.entrySet()) {
            Person person = entry.getValue();
            if (person.name().contains(" ")) {
                continue;
            }
            for (int i = 1; i < words.size(); i++) {
                String firstName = words.get(i - 1);
                if (!words.get(i).toLowerCase(Locale.ROOT).equals(entry.getKey())
                        || !Character.isUpperCase(firstName.codePointAt(0))) {
                    continue;
                }
                int roleStart = i - 1;
                while (roleStart > 0 && Character.isUpperCase(words.get(roleStart - 1).codePointAt(0))) {
                    roleStart--;
                }
                String role = roleStart < i - 1 ? String.join(" ", words.subList(roleStart, i - 1)) : person.role();
                entry.setValue(new Person(firstName + " " + words.get(i), role));
                break;
            }
        }
    }

    /** The name without the forms of address before it: "Sir Edward Leigh" gives "Edward Leigh". */
    static String withoutHonorific(String name) {
        String rest = name;
        String[] tokens = rest.split(" ");
        while (tokens.length >= 2 && SpeakerLabelParser.isHonorific(tokens[0])) {
            rest = rest.substring(tokens[0].length()).strip();
            tokens = rest.split(" ");
        }
        return rest;
    }

    private static String surnameKey(String name) {
        String[] tokens = name.split(" ");
        return tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
    }

    private static int tokenCount(String name) {
        return name.split(" ").length;
    }
}

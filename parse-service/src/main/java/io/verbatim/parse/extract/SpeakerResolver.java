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

    private final Map<String, Person> personsBySurname = new LinkedHashMap<>();

    private record Person(String name, String role) {
    }

    SpeakerResolver(List<SpeakerLabel> labels, String title) {
        for (SpeakerLabel label : labels) {
            if (label.unnamed()) {
                continue;
            }
            String name = withoutHonorific(label.name());
            String key = surnameKey(name);
            Person known = personsBySurname.get(key);
            Person candidate = new Person(name, label.role());
            personsBySurname.put(key, known == null ? candidate : fuller(known, candidate));
        }
        completeFromTitle(title);
    }

    TranscriptParsed.Speaker resolve(SpeakerLabel label) {
        if (label.unnamed()) {
            return new TranscriptParsed.Speaker(label.name(), null, label.verbatim());
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

    private static String withoutHonorific(String name) {
        String[] tokens = name.split(" ");
        if (tokens.length >= 2 && SpeakerLabelParser.isHonorific(tokens[0])) {
            return name.substring(tokens[0].length()).strip();
        }
        return name;
    }

    private static String surnameKey(String name) {
        String[] tokens = name.split(" ");
        return tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
    }

    private static int tokenCount(String name) {
        return name.split(" ").length;
    }
}

package io.verbatim.store.speaker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who held an office on a date, from the data shipped in {@code speakers/offices.csv} and
 * {@code speakers/office-holders.csv} (Wikidata, CC0; see {@code speakers/README.md}). Pure data, no database.
 */
public final class OfficeHolders {

    /** An office: its key, the country whose documents use its bare form, its title and Wikidata item. */
    public record Office(String key, String jurisdiction, String title, String qid, List<String> forms,
            List<String> bareForms) {
    }

    /** A term in office: {@code start} inclusive, {@code end} exclusive (null while in office). */
    public record Holder(String office, String name, String qid, LocalDate start, LocalDate end) {

        boolean heldOn(LocalDate date) {
            return !date.isBefore(start) && (end == null || date.isBefore(end));
        }
    }

    private static final OfficeHolders SHIPPED = load();

    private final Map<String, Office> offices;
    private final List<Holder> holders;

    OfficeHolders(Map<String, Office> offices, List<Holder> holders) {
        this.offices = offices;
        this.holders = holders;
    }

    /** The table shipped with the service. */
    public static OfficeHolders shipped() {
        return SHIPPED;
    }

    public List<Holder> holders() {
        return holders;
    }

    public Optional<Office> office(String key) {
        return Optional.ofNullable(offices.get(key));
    }

    /**
     * The office a label or a role names: a full form ("President of Russia") anywhere, a bare form ("President",
     * "The Prime Minister") only in a document of that office's jurisdiction. Case, accents, punctuation and a
     * leading "the" do not count.
     */
    public Optional<Office> officeNamed(String text, String jurisdiction) {
        if (text == null) {
            return Optional.empty();
        }
        String key = SpeakerNames.fold(text).replaceFirst("^the ", "");
        for (Office office : offices.values()) {
            if (office.forms().contains(key)) {
                return Optional.of(office);
            }
        }
        if (jurisdiction != null) {
            for (Office office : offices.values()) {
                if (office.jurisdiction().equals(jurisdiction) && office.bareForms().contains(key)) {
                    return Optional.of(office);
                }
            }
        }
        return Optional.empty();
    }

    /** Who held the office on that date, if the table knows. */
    public Optional<Holder> holderOn(Office office, LocalDate date) {
        if (office == null || date == null) {
            return Optional.empty();
        }
        return holders.stream().filter(h -> h.office().equals(office.key()) && h.heldOn(date)).findFirst();
    }

    /** Every office form, full and bare, folded: what a search for an office alone may say. */
    public boolean isOfficeForm(String text) {
        String key = SpeakerNames.fold(text).replaceFirst("^the ", "");
        return offices.values().stream().anyMatch(o -> o.forms().contains(key) || o.bareForms().contains(key));
    }

    /** The holders of every office that a text names in any jurisdiction ("president": both presidents). */
    public List<Holder> holdersOfAnyOfficeNamed(String text) {
        String key = SpeakerNames.fold(text).replaceFirst("^the ", "");
        return holders.stream().filter(h -> {
            Office o = offices.get(h.office());
            return o.forms().contains(key) || o.bareForms().contains(key);
        }).toList();
    }

    /**
     * The country whose offices a document's bare office labels name, from its URL's host or its source name:
     * {@code RU} (kremlin.ru), {@code US} (a White House site), {@code UK} (Hansard, parliament.uk), else null.
     */
    public static String jurisdictionOf(String sourceUrl, String source) {
        String host = "";
        if (sourceUrl != null) {
            try {
                String h = URI.create(sourceUrl.strip()).getHost();
                host = h == null ? "" : h.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                host = "";
            }
        }
        String name = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (host.equals("kremlin.ru") || host.endsWith(".kremlin.ru") || name.contains("kremlin")) {
            return "RU";
        }
        if (host.contains("whitehouse") || name.contains("white house")) {
            return "US";
        }
        if (host.equals("parliament.uk") || host.endsWith(".parliament.uk") || host.contains("hansard")
                || name.contains("hansard") || name.contains("house of commons") || name.contains("house of lords")) {
            return "UK";
        }
        return null;
    }

    private static OfficeHolders load() {
        Map<String, Office> offices = new LinkedHashMap<>();
        for (String[] row : rows("speakers/offices.csv")) {
            offices.put(row[0], new Office(row[0], row[1], row[2], blankToNull(row[3]), split(row[4]),
                    split(row[5])));
        }
        List<Holder> holders = new ArrayList<>();
        for (String[] row : rows("speakers/office-holders.csv")) {
            if (!offices.containsKey(row[0])) {
                throw new IllegalStateException("office-holders.csv names an unknown office: " + row[0]);
            }
            holders.add(new Holder(row[0], row[1], blankToNull(row[2]), LocalDate.parse(row[3]),
                    row[4].isBlank() ? null : LocalDate.parse(row[4])));
        }
        return new OfficeHolders(offices, List.copyOf(holders));
    }

    /** The data rows of a small CSV without quoted fields (the header is skipped). */
    private static List<String[]> rows(String resource) {
        InputStream in = OfficeHolders.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Arrays.copyOf(line.split(",", -1), 6));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String forms) {
        return forms == null || forms.isBlank() ? List.of() : List.of(forms.split("\\|"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

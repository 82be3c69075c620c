package io.verbatim.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.Sha256;
import io.verbatim.events.TranscriptParsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The gold documents of the corpus as parse-service would publish them, with their statements' full text: each gold
 * turn ({@code speaker}, {@code role}, {@code annotation}, {@code text_start}, {@code text_end}, {@code paragraphs})
 * is found in the document's own paragraphs ({@code <p>} of an HTML page, blank-line blocks of a text file) and cut
 * from its first words to its last. A turn that cannot be found that way keeps its two ends as its text, and is
 * marked as not whole.
 */
public final class CorpusTranscripts {

    /** A document as stored: its event, and for each statement whether its text is the whole turn. */
    public record GoldTranscript(String name, TranscriptParsed event, List<Boolean> whole) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private CorpusTranscripts() {
    }

    /** Every gold document; {@code salt} makes the document ids new to the database. */
    public static List<GoldTranscript> all(String salt) {
        List<GoldTranscript> all = new ArrayList<>();
        for (String gold : Corpus.list(Corpus.GOLD)) {
            if (gold.matches("\\d{2}-.+\\.json")) {
                all.add(of(gold.replace(".json", ""), salt));
            }
        }
        return all;
    }

    /** One gold document by its name ({@code 16-wh-psaki-gaggle}). */
    public static GoldTranscript of(String name, String salt) {
        try {
            JsonNode gold = EventJson.mapper().readTree(Corpus.text(Corpus.GOLD, name + ".json"));
            String file = Corpus.list(Corpus.DOCS).stream().filter(d -> d.startsWith(name + ".")).findFirst()
                    .orElseThrow();
            List<String> paragraphs = paragraphs(file, Corpus.text(Corpus.DOCS, file));
            List<TranscriptParsed.Statement> statements = new ArrayList<>();
            List<Boolean> whole = new ArrayList<>();
            int at = 0;
            for (JsonNode turn : gold.get("turns")) {
                String speaker = turn.get("speaker").asText();
                String role = turn.get("role").isNull() ? null : turn.get("role").asText();
                String start = clean(turn.get("text_start").asText());
                String end = clean(turn.get("text_end").asText());
                int count = Math.max(1, turn.get("paragraphs").asInt(1));
                List<String> text = cut(paragraphs, at, start, end, count);
                if (text != null) {
                    at = paragraphs.indexOf(paragraphs.stream().skip(at).filter(p -> p.contains(start)).findFirst()
                            .orElseThrow()) + text.size();
                }
                whole.add(text != null);
                statements.add(new TranscriptParsed.Statement(statements.size() + 1,
                        new TranscriptParsed.Speaker(speaker, role, role == null ? speaker : role + " " + speaker),
                        turn.get("annotation").isNull() ? null : turn.get("annotation").asText(),
                        text != null ? text : List.of(start + " … " + end), List.of()));
            }
            List<String> remarks = new ArrayList<>();
            gold.get("remarks").forEach(r -> remarks.add(r.isTextual() ? r.asText() : r.path("text").asText()));
            String source = gold.get("source").asText();
            String published = gold.get("published").isNull() ? null : gold.get("published").asText();
            String publisher = name.contains("kremlin") ? "Kremlin" : name.contains("-wh-") ? "The White House"
                    : name.contains("hansard") ? "House of Commons Hansard" : null;
            String documentId = Sha256.hex(name + salt);
            TranscriptParsed event = new TranscriptParsed(TranscriptParsed.eventIdFor(documentId, "h", "test"),
                    EventTypes.TRANSCRIPT_PARSED, documentId, SpeakerIdentityTest.sourceUrl(source), "h", "test",
                    TranscriptParsed.KIND_TRANSCRIPT, gold.get("title").asText(), published, null, "en",
                    statements, remarks, publisher, List.of(), List.of(), Instant.now());
            return new GoldTranscript(name, event, whole);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The turn's paragraphs from the one holding {@code start} (at or after {@code from}), or null. */
    static List<String> cut(List<String> paragraphs, int from, String start, String end, int count) {
        for (int p = from; p < paragraphs.size(); p++) {
            int s = paragraphs.get(p).indexOf(start);
            if (s < 0) {
                continue;
            }
            // the turn's last paragraph: the count-th, or the nearest one holding its last words
            for (int last = p + count - 1; last < Math.min(paragraphs.size(), p + count + 5); last++) {
                if (last < p) {
                    continue;
                }
                int e = paragraphs.get(last).lastIndexOf(end);
                if (e < 0 || (last == p && e + end.length() <= s)) {
                    continue;
                }
                List<String> text = new ArrayList<>();
                for (int k = p; k <= last; k++) {
                    String paragraph = paragraphs.get(k);
                    int a = k == p ? s : 0;
                    int b = k == last ? e + end.length() : paragraph.length();
                    text.add(paragraph.substring(a, b).strip());
                }
                return text;
            }
            return null;
        }
        return null;
    }

    static List<String> paragraphs(String file, String content) {
        List<String> paragraphs = new ArrayList<>();
        if (file.endsWith(".html")) {
            for (Element p : Jsoup.parse(content).select("p")) {
                add(paragraphs, p.text());
            }
        } else {
            String body = content;
            if (body.startsWith("---")) {
                int end = body.indexOf("\n---", 3);
                body = end > 0 ? body.substring(end + 4) : body;
            }
            for (String block : body.split("\\n\\s*\\n")) {
                add(paragraphs, block.replace("\\", ""));
            }
        }
        return paragraphs;
    }

    private static void add(List<String> paragraphs, String raw) {
        String text = clean(raw);
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
    }

    private static String clean(String raw) {
        return WHITESPACE.matcher(raw).replaceAll(" ").strip();
    }
}

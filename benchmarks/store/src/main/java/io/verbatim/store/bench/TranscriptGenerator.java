package io.verbatim.store.bench;

import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.StatementNew;
import io.verbatim.events.TranscriptParsed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Builds {@code transcript.parsed} events of real English text: the paragraphs of the parse-service corpus
 * documents, drawn at random (seeded) into statements of one to three paragraphs, spoken by a few speakers per
 * document. Every document has an id of its own, so every statement id (a hash over the document id, the speaker
 * and the text) is distinct.
 */
final class TranscriptGenerator {

    static final String PARSER_VERSION = "store-benchmark";

    /** A speaker label at the start of a paragraph ("Vladimir Putin:", "MS. PSAKI:", "Q:"), removed. */
    private static final Pattern LABEL = Pattern.compile(
            "^(?:Q|[\\p{Lu}][\\p{L}.’'\\- ]{1,50}(?:\\s*\\([^)]{1,40}\\))?)\\s*:\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Voice(String name, String role) {
    }

    private static final List<Voice> VOICES = List.of(
            new Voice("Vladimir Putin", "President of Russia"),
            new Voice("Marine Le Pen", "Leader of the National Front"),
            new Voice("Mikhail Mishustin", "Prime Minister"),
            new Voice("Jen Psaki", "Press Secretary"),
            new Voice("Dmitry Peskov", "Press Secretary of the President"),
            new Voice("Sergei Lavrov", "Foreign Minister"),
            new Voice("Emmanuel Macron", "President of France"),
            new Voice("Recep Tayyip Erdogan", "President of Turkey"),
            new Voice("Hassan Rouhani", "President of Iran"),
            new Voice("Andrei Vandenko", "TASS correspondent"),
            new Voice("Anna Keller", "Reporter"),
            new Voice("Tomás Ribeiro", "Minister of Economy"),
            new Voice("Grace Okafor", "Senator"),
            new Voice("Lars Henriksen", "Chair of the Committee"),
            new Voice("Mei Lin Zhou", "Correspondent"),
            new Voice("Oleg Sorokin", "Governor"),
            new Voice("Claire Dubois", "Ambassador"),
            new Voice("Rahul Mehta", "Finance Secretary"),
            new Voice("Question", null),
            new Voice("Moderator", null));

    private static final List<String> PLACES = List.of("The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region",
            "Aboard Air Force One", "The White House", "Sochi", "Paris", "Ankara", "Tehran", "Pyongyang");
    private static final List<String> EVENTS = List.of("Meeting with", "Talks with", "News conference with",
            "Interview with", "Press gaggle with", "Telephone conversation with", "Joint statement with");

    /** One generated statement, as the consumer will store it. */
    record GeneratedStatement(int ordinal, String speaker, String role, String label, String annotation,
            List<String> paragraphs, String text) {
    }

    /** One generated document: its event as JSON and its statements. */
    record GeneratedDocument(String documentId, String json, List<GeneratedStatement> statements) {
    }

    private final List<String> paragraphs;
    private final Random random;

    TranscriptGenerator(List<String> paragraphs, long seed) {
        if (paragraphs.size() < 20) {
            throw new IllegalArgumentException("only " + paragraphs.size() + " paragraphs in the corpus");
        }
        this.paragraphs = List.copyOf(paragraphs);
        this.random = new Random(seed);
    }

    /** The distinct paragraphs of every {@code .html} and {@code .txt} document of the corpus's {@code docs/}. */
    static List<String> paragraphsOfTheCorpus() {
        Set<String> found = new LinkedHashSet<>();
        for (String name : Corpus.list(Corpus.DOCS)) {
            String content = Corpus.text(Corpus.DOCS, name);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                Document document = Jsoup.parse(content);
                for (Element p : document.select("p")) {
                    add(found, p.text());
                }
            } else if (name.endsWith(".txt") || name.endsWith(".md")) {
                for (String block : withoutFrontMatter(content).split("\\n\\s*\\n")) {
                    add(found, block.replace("\\", ""));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static String withoutFrontMatter(String content) {
        if (content.startsWith("---")) {
            int end = content.indexOf("\n---", 3);
            if (end > 0) {
                return content.substring(end + 4);
            }
        }
        return content;
    }

    private static void add(Set<String> found, String raw) {
        String text = WHITESPACE.matcher(raw.replace('\u00A0', ' ')).replaceAll(" ").strip();
        text = LABEL.matcher(text).replaceFirst("").strip();
        // speech, not navigation, captions or copyright lines
        if (text.length() < 60 || text.split(" ").length < 10 || text.contains("http") || text.contains("©")) {
            return;
        }
        found.add(text);
    }

    int paragraphCount() {
        return paragraphs.size();
    }

    /** Document {@code number} of a run, with {@code statementCount} statements. */
    GeneratedDocument document(String prefix, int number, int statementCount) {
        String documentId = prefix + "-" + String.format("%06d", number);
        List<Voice> cast = new ArrayList<>();
        int castSize = 2 + random.nextInt(3);
        while (cast.size() < castSize) {
            Voice voice = VOICES.get(random.nextInt(VOICES.size()));
            if (!cast.contains(voice)) {
                cast.add(voice);
            }
        }
        List<TranscriptParsed.Statement> statements = new ArrayList<>(statementCount);
        List<GeneratedStatement> generated = new ArrayList<>(statementCount);
        for (int ordinal = 1; ordinal <= statementCount; ordinal++) {
            // mostly the first two voices alternating, as in an interview or a meeting
            Voice voice = random.nextInt(4) == 0 ? cast.get(random.nextInt(cast.size()))
                    : cast.get((ordinal - 1) % 2);
            int count = switch (random.nextInt(20)) {
                case 0, 1, 2 -> 3;
                case 3, 4, 5, 6, 7, 8, 9 -> 2;
                default -> 1;
            };
            List<String> speech = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                speech.add(paragraphs.get(random.nextInt(paragraphs.size())));
            }
            String label = voice.role() == null ? voice.name() : voice.name() + " (" + voice.role() + ")";
            String annotation = random.nextInt(40) == 0 ? "retranslated" : null;
            statements.add(new TranscriptParsed.Statement(ordinal,
                    new TranscriptParsed.Speaker(voice.name(), voice.role(), label), annotation, speech, List.of()));
            generated.add(new GeneratedStatement(ordinal, voice.name(), voice.role(), label, annotation, speech,
                    StatementNew.joinParagraphs(speech)));
        }
        Voice guest = cast.get(1);
        String title = EVENTS.get(random.nextInt(EVENTS.size())) + " " + guest.name();
        String publishedAt = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000)).toString();
        String contentHash = Sha256.ofParts(documentId, title, publishedAt, Integer.toString(statementCount));
        TranscriptParsed event = TranscriptParsed.builder()
                .documentId(documentId).sourceUrl("https://benchmark.invalid/" + documentId).contentHash(contentHash)
                .parserVersion(PARSER_VERSION).kind(TranscriptParsed.KIND_TRANSCRIPT).title(title)
                .publishedAt(publishedAt).location(PLACES.get(random.nextInt(PLACES.size()))).language("en")
                .statements(statements).source("Benchmark").tags(List.of("benchmark"))
                .persons(cast.stream().filter(v -> v.role() != null).map(Voice::name).toList())
                .fetchedAt(java.time.Instant.now())
                .build();
        return new GeneratedDocument(documentId, EventJson.write(event), generated);
    }
}

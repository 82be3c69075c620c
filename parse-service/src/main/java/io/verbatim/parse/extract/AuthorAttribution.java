package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the one voice of a page without speaker labels: a greeting, message, condolence, address or article that the
 * page publishes as written by a person it names. Such a page is an {@code address}; anything less certain stays a
 * readout, so that no turn is ever invented.
 *
 * <p>The author is the subject of the lead or the title ("Vladimir Putin sent a message of greetings …",
 * "President Vladimir Putin congratulated …") or the name after "by" ("Article by Vladimir Putin …"), split into
 * name and role by the label rules. The words are then either
 * <ul>
 *   <li>the quotation after a paragraph such as "The message reads, in part:", from its opening to its closing
 *       quotation mark (the marks themselves are not kept), or</li>
 *   <li>for a page titled as an address, article, statement, appeal or speech, every body paragraph, provided none
 *       of them names the author (a text that speaks of its author in the third person is a report).</li>
 * </ul>
 */
final class AuthorAttribution {

    private static final String WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]*|of|the|and)";
    private static final Pattern SUBJECT_VERB = Pattern.compile("^(" + WORD + "(?:\\s+" + WORD + "){0,9}?)\\s+"
            + "(?:has\\s+)?(?:sent|congratulated|expressed|extended|addressed|wrote|issued|conveyed|offered"
            + "|published|greeted)\\b");
    private static final Pattern BY_AUTHOR = Pattern.compile("(?i:^(?:presidential\\s+)?(?:article|address|statement"
            + "|message|greetings?|letter|appeal|speech|op-ed|remarks)\\s+by\\s+)(" + WORD + "(?:\\s+" + WORD
            + "){0,9})");
    private static final Pattern WHOLE_TEXT_TITLE = Pattern.compile(
            "(?i)^(?:presidential\\s+)?(?:address|article|statement|appeal|speech|op-ed)\\b.*");
    private static final Pattern MESSAGE_INTRO = Pattern.compile("(?i)^(?:the|his|her)\\s+(?:message|greetings?"
            + "|telegram|letter|address|article|statement|appeal)\\s+(?:reads|read|said|says|states|stated|notes"
            + "|noted)(?:,?\\s+in\\s+part)?\\s*:$");
    private static final Pattern OPENING_QUOTE = Pattern.compile("^[“\"«„]\\s*");
    /** Starts only where a run of white space starts, and never gives it back: linear on any text (issue 12). */
    private static final Pattern CLOSING_QUOTE = Pattern.compile("(?<!\\s)\\s*+[”\"»“]$");

    private final SpeakerLabelParser labels;

    AuthorAttribution(SpeakerLabelParser labels) {
        this.labels = labels;
    }

    /**
     * The author's words and the author, or empty when the page is not clearly a one-voice text. Without a lead, the
     * first paragraph serves as one.
     */
    Optional<Address> find(String title, String lead, List<SourceBlock> blocks) {
        if (blocks.stream().anyMatch(SourceBlock::hasLabel)) {
            return Optional.empty();
        }
        String leadOrOpening = lead != null ? lead
                : blocks.stream().filter(b -> !b.separator() && !b.narrative()).map(SourceBlock::text).findFirst()
                        .orElse(null);
        Optional<TranscriptParsed.Speaker> author = author(title, leadOrOpening);
        if (author.isEmpty()) {
            return Optional.empty();
        }
        List<SourceBlock> quoted = quotedMessage(blocks);
        if (!quoted.isEmpty()) {
            return Optional.of(new Address(author.get(), quoted));
        }
        if (title != null && WHOLE_TEXT_TITLE.matcher(title).matches() && !blocks.isEmpty()
                && blocks.stream().noneMatch(b -> namesAuthor(b.text(), author.get().name()))) {
            return Optional.of(new Address(author.get(), blocks));
        }
        return Optional.empty();
    }

    /** The author as the lead or the title names them. */
    Optional<TranscriptParsed.Speaker> author(String title, String lead) {
        for (String text : new String[] {title, lead}) {
            if (text == null) {
                continue;
            }
            String normalized = WhitespaceNormalizer.normalize(text);
            Matcher by = BY_AUTHOR.matcher(normalized);
            if (by.find()) {
                Optional<TranscriptParsed.Speaker> found = speaker(trimConnectors(by.group(1)));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (String text : new String[] {lead, title}) {
            if (text == null) {
                continue;
            }
            Matcher subject = SUBJECT_VERB.matcher(WhitespaceNormalizer.normalize(text));
            if (subject.find()) {
                Optional<TranscriptParsed.Speaker> found = speaker(subject.group(1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<TranscriptParsed.Speaker> speaker(String subject) {
        if (subject.isBlank() || !labels.looksLikeLabel(subject, true)) {
            return Optional.empty();
        }
        SpeakerLabel label = labels.parse(subject, List.of());
        if (label.unnamed() || !label.name().contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(new TranscriptParsed.Speaker(SpeakerResolver.withoutHonorific(label.name()), label.role(),
                null));
    }

    private static List<SourceBlock> quotedMessage(List<SourceBlock> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (!MESSAGE_INTRO.matcher(blocks.get(i).text()).matches()
                    || !OPENING_QUOTE.matcher(blocks.get(i + 1).text()).find()) {
                continue;
            }
            List<SourceBlock> quoted = new ArrayList<>();
            for (int j = i + 1; j < blocks.size(); j++) {
                SourceBlock block = blocks.get(j);
                if (block.separator()) {
                    return List.of();
                }
                String text = OPENING_QUOTE.matcher(block.text()).replaceFirst("");
                boolean closing = CLOSING_QUOTE.matcher(text).find();
                if (closing) {
                    text = CLOSING_QUOTE.matcher(text).replaceFirst("");
                }
                if (!text.isBlank()) {
                    quoted.add(block.narrative() ? block : SourceBlock.plain(text));
                }
                if (closing) {
                    return quoted;
                }
            }
            return List.of();
        }
        return List.of();
    }

    private static boolean namesAuthor(String paragraph, String author) {
        String lower = paragraph.toLowerCase(Locale.ROOT);
        String[] tokens = author.split(" ");
        String surname = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
        return lower.contains(author.toLowerCase(Locale.ROOT)) || lower.contains("mr " + surname)
                || lower.contains("mr. " + surname) || lower.startsWith("the president ");
    }

    private static String trimConnectors(String subject) {
        return subject.replaceAll("(?:\\s+(?:of|the|and))+$", "");
    }

    /** An unlabelled one-voice text: its author and the paragraphs that are the author's words. */
    record Address(TranscriptParsed.Speaker author, List<SourceBlock> blocks) {
    }
}

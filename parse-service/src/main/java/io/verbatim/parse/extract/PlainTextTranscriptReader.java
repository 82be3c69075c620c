package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads text/plain and text/markdown transcripts: paragraphs are blank-line separated blocks whose hard-wrapped lines
 * are joined with one space; a label at the start of a paragraph starts a turn. Markdown front matter gives the title
 * and date; a site footer ("EDITOR'S NOTE", "Recent Posts", "Translate »") ends the document.
 */
final class PlainTextTranscriptReader {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0]*\\n");
    private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>|~])");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern FOOTER_START = Pattern.compile(
            "(?i)^(?:editor[’']?s note\\b.*|recent posts|related posts|contact us|translate »|share this:?.*"
                    + "|leave a (?:reply|comment).*|start typing and press enter to search)$");

    private final SpeakerLabelParser labels;

    PlainTextTranscriptReader(SpeakerLabelParser labels) {
        this.labels = labels;
    }

    SourceDocument read(String text, boolean markdown) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\ufeff")) {
            normalized = normalized.substring(1);
        }
        FrontMatter frontMatter = FrontMatter.split(normalized);
        List<String> paragraphs = paragraphs(frontMatter.body(), markdown);

        String title = frontMatter.get("title");
        List<String> candidates = new ArrayList<>();
        for (String paragraph : paragraphs) {
            labels.findLeadingLabel(paragraph).ifPresent(found -> candidates.add(found.label()));
        }
        Set<String> surnames = surnamesOfFullLabels(candidates);

        List<SourceBlock> blocks = new ArrayList<>();
        boolean titleTaken = title != null && !title.isBlank();
        for (String raw : paragraphs) {
            String paragraph = WhitespaceNormalizer.normalize(raw);
            if (paragraph.isEmpty()) {
                continue;
            }
            if (FOOTER_START.matcher(paragraph).matches()) {
                break;
            }
            Optional<SpeakerLabelParser.LeadingLabel> label = labels.findLeadingLabel(raw)
                    .filter(found -> acceptable(found.label(), surnames));
            if (!titleTaken) {
                titleTaken = true;
                if (label.isEmpty() && paragraph.length() <= 200) {
                    title = MARKDOWN_HEADING.matcher(firstLine(raw)).replaceFirst("").strip();
                    continue;
                }
            }
            if (StageRemarks.isSeparator(paragraph)) {
                blocks.add(SourceBlock.sectionSeparator());
            } else if (label.isPresent()) {
                blocks.add(SourceBlock.labelled(label.get().label(),
                        WhitespaceNormalizer.normalize(label.get().rest()), paragraph));
            } else if (!StageRemarks.isFurniture(paragraph)) {
                blocks.add(SourceBlock.plain(paragraph));
            }
        }
        return new SourceDocument(title == null ? null : WhitespaceNormalizer.normalize(title),
                publishedAt(frontMatter), null, language(frontMatter), blocks);
    }

    private List<String> paragraphs(String body, boolean markdown) {
        List<String> result = new ArrayList<>();
        for (String block : BLANK_LINE.split(body)) {
            String joined = String.join(" ", block.split("\n"));
            if (markdown) {
                joined = MARKDOWN_EMPHASIS.matcher(joined).replaceAll("");
                joined = MARKDOWN_ESCAPE.matcher(joined).replaceAll("$1");
            }
            if (!joined.isBlank()) {
                result.add(joined);
            }
        }
        return result;
    }

    /** A one-word label ("Putin:") counts only when it is generic or the surname of a fuller label in the document. */
    private boolean acceptable(String label, Set<String> surnames) {
        String core = SpeakerLabelParser.stripAnnotation(label)[0];
        String[] tokens = core.split(" ");
        if (tokens.length > 1) {
            return true;
        }
        String word = tokens[0].toLowerCase(Locale.ROOT);
        return word.equals("q") || word.equals("question") || word.equals("remark") || word.equals("answer")
                || word.equals("response") || word.equals("reply") || word.equals("interpreter")
                || surnames.contains(word);
    }

    private static Set<String> surnamesOfFullLabels(List<String> candidates) {
        Set<String> surnames = new HashSet<>();
        for (String candidate : candidates) {
            String[] tokens = SpeakerLabelParser.stripAnnotation(candidate)[0].split(" ");
            if (tokens.length > 1) {
                surnames.add(tokens[tokens.length - 1].toLowerCase(Locale.ROOT));
            }
        }
        return surnames;
    }

    private static String publishedAt(FrontMatter frontMatter) {
        for (String key : List.of("published_time", "date", "published", "publishedAt")) {
            String value = frontMatter.get(key);
            if (value != null && ISO_DATE_TIME.matcher(value).matches()) {
                return value.replace(' ', 'T');
            }
        }
        return null;
    }

    private static String language(FrontMatter frontMatter) {
        String value = frontMatter.get("lang");
        if (value == null) {
            value = frontMatter.get("language");
        }
        return value == null || value.isBlank() ? "en" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String raw) {
        int newline = raw.indexOf('\n');
        return newline < 0 ? raw : raw.substring(0, newline);
    }
}

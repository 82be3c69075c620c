package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads text/plain and text/markdown transcripts: paragraphs are blank-line separated blocks whose hard-wrapped lines
 * are joined with one space; a label at the start of a paragraph starts a turn. Markdown front matter gives the title
 * and date; a site footer ("EDITOR'S NOTE", "Recent Posts", "Translate »") ends the document; a line such as
 * "Transcript originally published by X" names the source. Labels follow {@link SpeakerLabelParser}, parliamentary
 * ones ("Mr Keir Starmer (Holborn and St Pancras) (Lab):", "The Prime Minister (Keir Starmer):") included. A text
 * without labels may still be a one-voice message ({@link AuthorAttribution}).
 */
final class PlainTextTranscriptReader {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0]*\\n");
    /**
     * A transcriber's time code in brackets, Markdown-escaped or not: "[03:50]", "\\[01:02:04.22\\]". Furniture,
     * removed wherever it stands; a bracket that holds more than the code ("[unintelligible 01:13:42.20]") is a remark
     * and stays.
     */
    private static final Pattern BRACKETED_TIME_CODE = Pattern.compile(
            "\\\\?\\[\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d{1,3})?\\\\?\\]");
    /** A block that opens with a Markdown bold label: "**Jane Doe:**", "**Jane Doe**:". */
    private static final Pattern MARKDOWN_BOLD_LABEL = Pattern.compile("^\\*\\*[^*\\n:]{1,120}+(?::\\*\\*|\\*\\*:)");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    /**
     * A date line: "March 3, 2023", "Friday, March 3, 2023", "3 March 2023", "2023-03-03"; also after "Published",
     * "Posted on" or "Updated", in Markdown emphasis ("*March 3, 2022*"), and with the time after it ("March 12, 2024
     * 5:04 AM ET").
     */
    private static final Pattern DATE_LINE = Pattern.compile("(?i)^[*_]{0,2}(?:(?:published|posted|updated)(?:\\son)?:?\\s)?"
            + "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s)?"
            + "(?:" + MONTH + "\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})"
            + "|(\\d{1,2})(?:st|nd|rd|th)?\\s" + MONTH + "\\.?,?\\s(\\d{4})"
            + "|(\\d{4})-(\\d{2})-(\\d{2}))"
            + "(?:,?\\s(?:at\\s)?\\d{1,2}:\\d{2}\\s?(?:[ap]\\.?m\\.?)?(?:\\s[a-z]{2,4})?)?\\.?[*_]{0,2}$");
    /** A byline under a title: "By Sarah Lyall", "Interview by Jane Doe": a name of two to four words and no more. */
    private static final Pattern BYLINE = Pattern.compile("^(?:By|Interview by|Interviewed by)\\s\\p{Lu}[\\p{L}'’.\\-]+"
            + "(?:\\s(?:\\p{Lu}[\\p{L}'’.\\-]+|de|da|van|von|bin|al)){1,3}$");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private final SpeakerLabelParser labels;
    private final AuthorAttribution addresses;
    private final ParseLimits limits;

    PlainTextTranscriptReader(SpeakerLabelParser labels, ParseLimits limits) {
        this.labels = labels;
        this.limits = limits;
        this.addresses = new AuthorAttribution(labels);
    }

    SourceDocument read(String text, boolean markdown, ParseDeadline deadline) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\ufeff")) {
            normalized = normalized.substring(1);
        }
        FrontMatter frontMatter = FrontMatter.split(normalized);
        // Markdown submitted as text/plain (front matter, or blocks that open with "**Name:**") is read as Markdown.
        markdown = markdown || !frontMatter.isEmpty() || markdownBoldLabels(frontMatter.body(), deadline);
        List<String> blockLines = new ArrayList<>();
        List<String> paragraphs = paragraphs(frontMatter.body(), markdown, blockLines);

        String title = frontMatter.get("title");
        List<Optional<SpeakerLabelParser.LeadingLabel>> leadingLabels = new ArrayList<>(paragraphs.size());
        List<String> candidates = new ArrayList<>();
        for (String paragraph : paragraphs) {
            deadline.check();
            Optional<SpeakerLabelParser.LeadingLabel> found = labels.findLeadingLabel(paragraph);
            leadingLabels.add(found);
        }
        dropLabelsInOrdinaryCaseAmongCapitals(leadingLabels);
        if (splitAtInnerLabels(paragraphs, blockLines, leadingLabels, markdown, deadline)) {
            dropLabelsInOrdinaryCaseAmongCapitals(leadingLabels);
        }
        dropTimeStampedLabelsWhenNoneRecurs(leadingLabels);
        dropDotAnswersThatAreNone(blockLines, leadingLabels, markdown);
        dropLowerCaseRoleLabelsOnPagesWithFewLabels(leadingLabels);
        leadingLabels.forEach(found -> found.ifPresent(leading -> candidates.add(leading.label())));
        Set<String> pageWords = SpeakerLabelParser.oneWordLabelsOfPage(candidates);
        String source = null;

        List<SourceBlock> blocks = new ArrayList<>();
        boolean titleTaken = title != null && !title.isBlank();
        String published = publishedAt(frontMatter);
        // Without front matter, the text opens with its title and date lines, in one block or in two.
        boolean openingLines = !titleTaken;
        boolean spoken = false; // a labelled block has been read: a time line now is the closing one
        int lastLabelled = -1; // "END" closes the transcript only after its last label: before one, it is speech
        for (int i = 0; i < leadingLabels.size(); i++) {
            lastLabelled = leadingLabels.get(i).isPresent() ? i : lastLabelled;
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            deadline.check();
            String raw = paragraphs.get(i);
            String paragraph = WhitespaceNormalizer.normalize(raw);
            if (paragraph.isEmpty()) {
                continue;
            }
            if (openingLines) {
                openingLines = false; // only the blocks before the first other block can be title and date
                TitleAndDate opening = leadingLabels.get(i).isEmpty()
                        || !titleTaken && isHeadline(i, blockLines, leadingLabels) ? titleAndDate(blockLines.get(i)) : null;
                if (opening != null && (opening.title() == null || !titleTaken)) {
                    if (opening.title() != null) {
                        title = opening.title();
                        titleTaken = true;
                    }
                    if (published == null) {
                        published = opening.date();
                    }
                    openingLines = opening.date() == null;
                    continue;
                }
            }
            if (StageRemarks.isDocumentEnd(paragraph) || spoken && (StageRemarks.isTimeStamp(paragraph)
                    || StageRemarks.isEndMark(paragraph) && i > lastLabelled)) {
                // a site footer, or the closing time line ("11:59 A.M. EDT") or "END": what follows is furniture
                break;
            }
            if (source == null) {
                source = StageRemarks.attribution(paragraph).orElse(null);
            }
            Optional<SpeakerLabelParser.LeadingLabel> label = leadingLabels.get(i)
                    .filter(found -> SpeakerLabelParser.acceptableShortLabel(found.label(), pageWords));
            if (label.isEmpty() && leadingLabels.get(i).isPresent()
                    && WhitespaceNormalizer.isBlank(leadingLabels.get(i).get().rest())) {
                // "Break:" alone: a section marker shaped like a label that names no speaker is a remark
                blocks.add(SourceBlock.narrativeRemark(paragraph));
                continue;
            }
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
                spoken = true;
                blocks.add(SourceBlock.labelled(label.get().label(),
                        WhitespaceNormalizer.normalize(label.get().rest()), paragraph));
            } else if (!StageRemarks.isFurniture(paragraph) && !isMarkupOnly(paragraph)) {
                blocks.add(SourceBlock.plain(paragraph));
            }
        }
        String cleanTitle = title == null ? null : WhitespaceNormalizer.normalize(title);
        Optional<AuthorAttribution.Address> address = addresses.find(cleanTitle, null, blocks);
        return new SourceDocument(cleanTitle, published, null, language(frontMatter),
                address.map(AuthorAttribution.Address::blocks).orElse(blocks), source, tags(frontMatter), List.of(),
                address.map(AuthorAttribution.Address::author).orElse(null));
    }

    /**
     * Class 47: whether the opening block, which has the shape of a label ("Zadie Smith: ‘I write to find out what I
     * think’", "The Ezra Klein Show: Rebecca Solnit on hope"), is the headline of a text without front matter: one
     * line (or a line and a date line) that does not end like a sentence, and a date line or a byline comes next, or
     * what follows the colon is one quotation, or the last word of its "label" ends no other label of the text; and
     * other paragraphs open with labels. Only a label of two or more words in title case, without a comma, that is
     * no unnamed voice can be a headline: "MODERATOR: …", "ANDERSON COOPER, CNN ANCHOR: …", "Q: …" open a first turn.
     * A first turn ends like a sentence ("Jane Doe: Good morning."), so it stays a turn, and so does the one labelled
     * line of a text.
     */
    private static boolean isHeadline(int index, List<String> blockLines,
            List<Optional<SpeakerLabelParser.LeadingLabel>> leadingLabels) {
        SpeakerLabelParser.LeadingLabel leading = leadingLabels.get(index).orElseThrow();
        String label = WhitespaceNormalizer.normalize(leading.label());
        if (label.indexOf(' ') < 0 || label.indexOf(',') >= 0 || label.equals(label.toUpperCase(Locale.ROOT))
                || SpeakerLabelParser.isUnnamedVoice(label)) {
            // a headline names a person or a show in title case: "MODERATOR: Ladies and gentlemen, please welcome …",
            // "ANDERSON COOPER, CNN ANCHOR: …", "Host: …", "Q: …" open the transcript's first turn
            return false;
        }
        TitleAndDate opening = titleAndDate(blockLines.get(index));
        String rest = WhitespaceNormalizer.normalize(leading.rest());
        if (opening == null || opening.title() == null || rest.isEmpty() || endsLikeASentence(opening.title())
                || !anotherLabel(index, leadingLabels)) {
            return false; // a headline heads turns: a text whose only label is its first line is that one turn
        }
        if (opening.date() != null || isOneQuotation(rest)) {
            return true;
        }
        for (int next = index + 1; next < blockLines.size(); next++) {
            String line = WhitespaceNormalizer.normalize(blockLines.get(next));
            if (line.isEmpty()) {
                continue;
            }
            TitleAndDate following = leadingLabels.get(next).isEmpty() ? titleAndDate(blockLines.get(next)) : null;
            if (following != null && following.title() == null || BYLINE.matcher(line).matches()) {
                return true;
            }
            break;
        }
        // the label's last word (a surname) ending no other label: "The Ezra Klein Show" beside "Ezra Klein"
        String surname = label.substring(label.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        for (int other = 0; other < leadingLabels.size(); other++) {
            if (other != index && leadingLabels.get(other).filter(found -> lastWord(found.label()).equals(surname))
                    .isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static String lastWord(String label) {
        String clean = WhitespaceNormalizer.normalize(label);
        int comma = clean.indexOf(',');
        String name = comma > 0 ? clean.substring(0, comma) : clean;
        return name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether a paragraph other than {@code index} opens with a label. */
    private static boolean anotherLabel(int index, List<Optional<SpeakerLabelParser.LeadingLabel>> leadingLabels) {
        for (int other = 0; other < leadingLabels.size(); other++) {
            if (other != index && leadingLabels.get(other).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text ends with a sentence's punctuation, closing quotes and brackets aside. */
    private static boolean endsLikeASentence(String text) {
        int end = text.length();
        while (end > 0 && "’”\"')]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".?!…:;,".indexOf(text.charAt(end - 1)) >= 0;
    }

    /** Whether the text is one quotation: "‘I write to find out what I think’". */
    private static boolean isOneQuotation(String text) {
        return text.length() > 2 && "‘“\"'".indexOf(text.charAt(0)) >= 0 && "’”\"'".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** The title line (or null) and the date (ISO, or null) of an opening block. */
    private record TitleAndDate(String title, String date) {
    }

    /**
     * An opening block of one or two short lines: a title line and a date line ("Interview to Jane Doe" / "March 3,
     * 2023"), a title line alone, or a date line alone; null for anything else.
     */
    private static TitleAndDate titleAndDate(String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\n")) {
            String clean = WhitespaceNormalizer.normalize(MARKDOWN_HEADING.matcher(line.strip()).replaceFirst(""));
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        if (lines.isEmpty() || lines.size() > 2) {
            return null;
        }
        String title = null;
        String date = null;
        for (String line : lines) {
            String iso = line.length() <= 40 ? isoDate(line) : null;
            if (iso != null && date == null) {
                date = iso;
            } else if (title == null && date == null && line.length() <= 200) {
                title = line;
            } else {
                return null;
            }
        }
        return new TitleAndDate(title, date);
    }

    /** The ISO date of a date line, or null. */
    static String isoDate(String line) {
        java.util.regex.Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            java.time.LocalDate date;
            if (m.group(7) != null) {
                date = java.time.LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)),
                        Integer.parseInt(m.group(9)));
            } else if (m.group(1) != null) {
                date = java.time.LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)),
                        Integer.parseInt(m.group(2)));
            } else {
                date = java.time.LocalDate.of(Integer.parseInt(m.group(6)), month(m.group(5)),
                        Integer.parseInt(m.group(4)));
            }
            return date.toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    /** The paragraphs of the body; {@code blockLines} receives each one's block with its line breaks kept. */
    private List<String> paragraphs(String body, boolean markdown, List<String> blockLines) {
        List<String> result = new ArrayList<>();
        java.util.regex.Matcher blankLine = BLANK_LINE.matcher(body);
        int blockStart = 0;
        while (blockStart <= body.length()) {
            int blockEnd = blankLine.find() ? blankLine.start() : body.length();
            String block = body.substring(blockStart, blockEnd);
            blockStart = blockEnd == body.length() ? body.length() + 1 : blankLine.end();
            int end = block.length();
            while (end > 0 && block.charAt(end - 1) == '\n') {
                end--; // trailing line breaks are dropped, inner ones join the lines
            }
            String lines = withoutRepeatedCaptions(block.substring(0, end));
            String joined = joinedLines(lines, markdown);
            if (!joined.isBlank()) {
                result.add(joined);
                blockLines.add(lines);
                limits.checkParagraphs(result.size());
            }
        }
        return result;
    }

    /**
     * Class 59: a paragraph of HTML tags and nothing else, such as an image in Markdown ({@code <figure> <img src="…"
     * title="Anchor" /> </figure>}), is furniture.
     */
    static boolean isMarkupOnly(String paragraph) {
        if (!paragraph.startsWith("<") || !paragraph.endsWith(">")) {
            return false;
        }
        int i = 0;
        while (i < paragraph.length()) {
            char c = paragraph.charAt(i);
            if (c == '<') {
                int close = paragraph.indexOf('>', i);
                if (close < 0 || close == i + 1 || !Character.isLetter(paragraph.charAt(i + 1))
                        && paragraph.charAt(i + 1) != '/' && paragraph.charAt(i + 1) != '!') {
                    return false; // "< … >" is an omission mark, not a tag
                }
                i = close + 1;
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Class 55: a line written twice in a row ("Russian President Vladimir Putin." / "Russian President Vladimir
     * Putin.") is a photo's caption and its alternative text, which a republished page's text keeps inside the speech:
     * both lines go. Only lines of two to 30 words that open with a capital, hold no colon and no personal pronoun,
     * and have at least two more capitalised words count ("We will remember them." twice is a refrain); the block is
     * returned as it is when no line repeats.
     */
    static String withoutRepeatedCaptions(String block) {
        if (block.indexOf('\n') < 0 || !hasLineWrittenTwice(block)) {
            return block;
        }
        String[] lines = block.split("\n", -1);
        StringBuilder kept = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (i + 1 < lines.length && line.equals(lines[i + 1].strip()) && isCaptionLine(line)) {
                if (kept == null) {
                    kept = new StringBuilder();
                    for (int k = 0; k < i; k++) {
                        kept.append(lines[k]).append('\n');
                    }
                }
                i += 2;
                continue;
            }
            if (kept != null) {
                kept.append(lines[i]).append('\n');
            }
            i++;
        }
        if (kept == null) {
            return block;
        }
        int length = kept.length();
        while (length > 0 && kept.charAt(length - 1) == '\n') {
            length--;
        }
        return kept.substring(0, length);
    }

    /** Whether two lines in a row are the same, compared in place (most blocks have none: no copy is made). */
    private static boolean hasLineWrittenTwice(String block) {
        int start = 0;
        int end = block.indexOf('\n');
        while (end >= 0) {
            int nextEnd = block.indexOf('\n', end + 1);
            int nextLength = (nextEnd < 0 ? block.length() : nextEnd) - (end + 1);
            if (nextLength == end - start && nextLength > 0 && block.regionMatches(start, block, end + 1, nextLength)) {
                return true;
            }
            start = end + 1;
            end = nextEnd;
        }
        return false;
    }

    private static boolean isCaptionLine(String line) {
        if (line.isEmpty() || !Character.isUpperCase(line.codePointAt(0)) || line.indexOf(':') >= 0
                || StageRemarks.speaksInPerson(line)) {
            return false; // a label ("PRESIDENT ALVAREZ: Yes." twice is two turns), or speech ("We will remember them.")
        }
        String[] words = line.split("\\s+");
        int capitalised = 0;
        for (int i = 1; i < words.length; i++) {
            capitalised += !words[i].isEmpty() && Character.isUpperCase(words[i].codePointAt(0)) ? 1 : 0;
        }
        // a caption names someone or somewhere: capitalised words after the first ("Russian President Vladimir Putin.")
        return words.length >= 2 && words.length <= 30 && capitalised >= 2;
    }

    /** A block's lines joined with one space, without Markdown emphasis and bracketed time codes. */
    private static String joinedLines(String block, boolean markdown) {
        String joined = block.replace('\n', ' ');
        // Markdown emphasis goes; backslash escapes stay, as the text is compared as published ("\\[laughs\\]")
        if (markdown && (joined.indexOf('*') >= 0 || joined.indexOf('_') >= 0)) {
            joined = MARKDOWN_EMPHASIS.matcher(joined).replaceAll("");
        }
        if (joined.indexOf(':') >= 0 && joined.indexOf(']') >= 0) {
            joined = BRACKETED_TIME_CODE.matcher(joined).replaceAll("");
        }
        return joined;
    }

    /**
     * A label that the document uses to open its paragraphs, found at the start of a later line of a block
     * ("…creating every single day." / "PRESIDENT BIDEN:  And, by the way, …" with no blank line between them), starts
     * a paragraph and a turn there: the block is split before that line. Only labels that already open a paragraph
     * elsewhere in the document, or labels of two or more words that open at least two such later lines (an interview
     * typed one turn per line, with no blank lines at all), count, so a hard-wrapped sentence is never taken for one.
     * One-word line starts ("Note:", "Chorus:", "Monday:", "Student:") recur in lists, songs and timetables quoted
     * inside speech, and count only when they open a paragraph. Each line is read once. Returns whether a block was
     * split; the three lists are updated in place.
     */
    private boolean splitAtInnerLabels(List<String> paragraphs, List<String> blockLines,
            List<Optional<SpeakerLabelParser.LeadingLabel>> leadingLabels, boolean markdown, ParseDeadline deadline) {
        List<List<InnerLabel>> innerLabels = innerLineLabels(blockLines, deadline);
        Set<String> known = new HashSet<>();
        leadingLabels.forEach(found -> found.ifPresent(leading -> known.add(leading.label())));
        Map<String, Integer> innerCounts = new HashMap<>();
        innerLabels.forEach(inBlock -> inBlock.forEach(inner -> {
            if (WhitespaceNormalizer.normalize(inner.label()).indexOf(' ') > 0
                    && innerCounts.merge(inner.label(), 1, Integer::sum) == 2) {
                known.add(inner.label());
            }
        }));
        if (known.isEmpty()) {
            return false;
        }
        List<String> newParagraphs = new ArrayList<>();
        List<String> newBlockLines = new ArrayList<>();
        List<Optional<SpeakerLabelParser.LeadingLabel>> newLabels = new ArrayList<>();
        boolean split = false;
        for (int i = 0; i < blockLines.size(); i++) {
            deadline.check();
            String block = blockLines.get(i);
            int partStart = 0;
            for (InnerLabel inner : innerLabels.get(i)) {
                String before = known.contains(inner.label()) ? block.substring(partStart, inner.lineStart() - 1) : null;
                String joined = before == null ? null : joinedLines(before, markdown);
                if (joined != null && !joined.isBlank()) {
                    newParagraphs.add(joined);
                    newBlockLines.add(before);
                    newLabels.add(labels.findLeadingLabel(joined));
                    partStart = inner.lineStart();
                    split = true;
                }
            }
            if (partStart == 0) {
                newParagraphs.add(paragraphs.get(i));
                newBlockLines.add(block);
                newLabels.add(leadingLabels.get(i));
            } else {
                String rest = block.substring(partStart);
                String joined = joinedLines(rest, markdown);
                newParagraphs.add(joined);
                newBlockLines.add(rest);
                newLabels.add(labels.findLeadingLabel(joined));
            }
        }
        if (split) {
            paragraphs.clear();
            paragraphs.addAll(newParagraphs);
            blockLines.clear();
            blockLines.addAll(newBlockLines);
            leadingLabels.clear();
            leadingLabels.addAll(newLabels);
        }
        return split;
    }

    /** A label found at the start of a line that is not the first of its block, and where that line starts. */
    private record InnerLabel(int lineStart, String label) {
    }

    /** For each block, the labels that open its lines after the first, in order. */
    private List<List<InnerLabel>> innerLineLabels(List<String> blockLines, ParseDeadline deadline) {
        List<List<InnerLabel>> found = new ArrayList<>(blockLines.size());
        int labelledLines = 0;
        for (String block : blockLines) {
            List<InnerLabel> inBlock = new ArrayList<>();
            int lineStart = block.indexOf('\n') + 1;
            while (lineStart > 0 && lineStart < block.length()) {
                deadline.check(); // per line: one block may hold all of a hostile document's lines
                int lineEnd = block.indexOf('\n', lineStart);
                String line = block.substring(lineStart, lineEnd < 0 ? block.length() : lineEnd);
                int start = lineStart;
                Optional<SpeakerLabelParser.LeadingLabel> leading = labels.findLeadingLabel(line)
                        .filter(label -> !label.lowerCaseRole()); // class 56 opens paragraphs only
                if (leading.isPresent()) {
                    inBlock.add(new InnerLabel(start, leading.get().label()));
                    // each may become a paragraph: bounded before the split makes them
                    limits.checkParagraphsWithLabelledLines(blockLines.size() + ++labelledLines);
                }
                lineStart = lineEnd + 1;
            }
            found.add(inBlock.isEmpty() ? List.of() : inBlock);
        }
        return found;
    }

    /**
     * Names with a time stamp before the colon ("Michael Lee (00:04):") are labels only when one of them opens at least
     * two paragraphs: a transcription service stamps every turn, so its speakers recur, while a programme's lines
     * ("Opening Session (09:30): Welcome Address", "Panel Discussion (10:15): …") each name a different item once.
     */
    private static void dropTimeStampedLabelsWhenNoneRecurs(List<Optional<SpeakerLabelParser.LeadingLabel>> found) {
        Map<String, Integer> uses = new HashMap<>();
        for (Optional<SpeakerLabelParser.LeadingLabel> label : found) {
            if (label.isPresent() && label.get().timeStamped()) {
                uses.merge(label.get().label(), 1, Integer::sum);
            }
        }
        if (uses.values().stream().anyMatch(count -> count >= 2)) {
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).isPresent() && found.get(i).get().timeStamped()) {
                found.set(i, Optional.empty());
            }
        }
    }

    /**
     * Class 56: a role-first label whose role has lower-case words ("Plenary session moderator Sergei Brilyov:") counts
     * on a page that has at least three other labels; elsewhere such a line is more likely a sentence about someone.
     */
    private static void dropLowerCaseRoleLabelsOnPagesWithFewLabels(
            List<Optional<SpeakerLabelParser.LeadingLabel>> found) {
        long others = found.stream().filter(label -> label.isPresent() && !label.get().lowerCaseRole()).count();
        if (others >= 3) {
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).isPresent() && found.get(i).get().lowerCaseRole()) {
                found.set(i, Optional.empty());
            }
        }
    }

    /**
     * Class 49: "A." opens an answer only in plain text (in Markdown it is a list's letter or an initial), and not on a
     * page where a line opens with "B.", "B:" or "B)": there it is the first of lettered options, list items or
     * sections ("A. Sydney" / "B. Canberra", "A. Eligible costs" … "B. Ineligible costs"). "A:" is no answer when a
     * later line of its own block opens so ("A: Jupiter" / "B: Saturn" typed as one block).
     */
    private static void dropDotAnswersThatAreNone(List<String> blockLines,
            List<Optional<SpeakerLabelParser.LeadingLabel>> found, boolean markdown) {
        boolean lettered = blockLines.stream().anyMatch(PlainTextTranscriptReader::hasLineOpeningWithLetterB);
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).isPresent() && (found.get(i).get().label().equals(SpeakerLabelParser.A_DOT)
                    && (markdown || lettered)
                    || found.get(i).get().label().equals("A") && hasLineOpeningWithLetterB(blockLines.get(i)))) {
                found.set(i, Optional.empty());
            }
        }
    }

    /** Whether a line of the block opens with "B." "B:" or "B)": a page with lettered options, list items or sections. */
    private static boolean hasLineOpeningWithLetterB(String block) {
        int lineStart = 0;
        while (lineStart < block.length()) {
            int lineEnd = block.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? block.length() : lineEnd;
            int i = lineStart;
            while (i < lineEnd && (block.charAt(i) == ' ' || block.charAt(i) == '\t')) {
                i++;
            }
            if (i + 2 < lineEnd && block.charAt(i) == 'B' && ".:)".indexOf(block.charAt(i + 1)) >= 0
                    && Character.isWhitespace(block.charAt(i + 2))) {
                return true;
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }

    /**
     * A text that writes its speakers in capitals ("PRESIDENT LOPEZ:", "MS. PSAKI:", the White House convention: at
     * least three such labels, more than twice as many as labels in ordinary case) has no labels in ordinary case: "And
     * for President Lopez:" or "President Lopez:" opening a paragraph is a reporter addressing someone, not a label.
     * "Q" is in capitals either way.
     */
    private static void dropLabelsInOrdinaryCaseAmongCapitals(List<Optional<SpeakerLabelParser.LeadingLabel>> found) {
        int capitals = 0;
        int ordinary = 0;
        for (Optional<SpeakerLabelParser.LeadingLabel> label : found) {
            // initials that spell a function word ("TO:", "AS:"), and "A:" or "A." (an answer or a list item), say
            // nothing about the page's style of labels
            if (label.isPresent() && !SpeakerLabelParser.spellsFunctionWord(label.get().label())
                    && !label.get().label().equals("A")
                    && !label.get().label().equals(SpeakerLabelParser.A_DOT)) {
                if (inCapitals(label.get().label())) {
                    capitals++;
                } else {
                    ordinary++;
                }
            }
        }
        if (capitals < 3 || capitals <= 2 * ordinary) {
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).isPresent() && !inCapitals(found.get(i).get().label())) {
                found.set(i, Optional.empty());
            }
        }
    }

    /** Whether the letters of a label (its bracketed annotation aside) are all capitals. */
    private static boolean inCapitals(String label) {
        String core = SpeakerLabelParser.stripAnnotation(label)[0];
        for (int i = 0; i < core.length(); i++) {
            if (Character.isLowerCase(core.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether at least two blocks of the body open with a Markdown bold label ("**Jane Doe:**"). */
    private static boolean markdownBoldLabels(String body, ParseDeadline deadline) {
        // block by block without splitting the body first: a split of a hostile body held a copy of every block
        java.util.regex.Matcher blankLine = BLANK_LINE.matcher(body);
        java.util.regex.Matcher boldLabel = MARKDOWN_BOLD_LABEL.matcher(body);
        int found = 0;
        int blockStart = 0;
        while (blockStart <= body.length()) {
            deadline.check();
            int blockEnd = blankLine.find() ? blankLine.start() : body.length();
            int start = blockStart;
            while (start < blockEnd && Character.isWhitespace(body.charAt(start))) {
                start++;
            }
            if (body.startsWith("**", start) && start < blockEnd
                    && boldLabel.region(start, blockEnd).lookingAt() && ++found >= 2) {
                return true;
            }
            blockStart = blockEnd == body.length() ? body.length() + 1 : blankLine.end();
        }
        return false;
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

    /** Front matter tags or categories, written as a flow list ("[a, b]") or comma-separated. */
    private static List<String> tags(FrontMatter frontMatter) {
        // a set, not a list's contains: 100,000 distinct tags took 9 s compared with each other
        Set<String> tags = new java.util.LinkedHashSet<>();
        for (String key : List.of("tags", "categories", "category")) {
            String value = frontMatter.get(key);
            if (value == null) {
                continue;
            }
            for (String tag : value.replaceAll("^\\[|\\]$", "").split(",")) {
                String clean = WhitespaceNormalizer.normalize(tag).replaceAll("^['\"]|['\"]$", "");
                if (!clean.isEmpty()) {
                    tags.add(clean);
                }
            }
        }
        return List.copyOf(tags);
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

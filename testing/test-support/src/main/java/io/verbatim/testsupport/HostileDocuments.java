package io.verbatim.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pathological documents made from scratch, not mutations of good pages ({@link DocumentMutator} does those): deep
 * nesting of tags, lists and tables; long runs of white space and of punctuation; a label followed by megabytes; one
 * enormous paragraph; thousands of labels; many tiny paragraphs; NUL and control characters; invalid and mixed
 * encodings; huge attributes; megabyte-long words. Each shape is built up to about a given number of characters, with
 * the words, labels and tags drawn from a seeded random source, so one seed always gives the same documents.
 */
public final class HostileDocuments {

    /** One generated document: the shape's name (stable, for test names and reports), its content type and body. */
    public record HostileDocument(String shape, String contentType, String body) {

        @Override
        public String toString() {
            return shape + " (" + contentType + ", " + body.length() + " characters)";
        }
    }

    private static final String HTML = "text/html";
    private static final String TEXT = "text/plain";
    private static final String MARKDOWN = "text/markdown";
    private static final String[] WORDS = {"the", "state", "Russia", "talks", "we", "agreed", "and", "President",
            "of", "a", "question", "Minister", "people", "economy", "–", "yes", "no", "(Laughter.)", "Putin", "Q"};
    private static final String[] INLINE_TAGS = {"b", "i", "span", "em", "strong", "font", "a", "u"};
    private static final String[] BLOCK_TAGS = {"div", "section", "article", "blockquote", "main"};

    private final long seed;

    public HostileDocuments(long seed) {
        this.seed = seed;
    }

    /** Every shape, each about {@code chars} characters long (a few are shorter by nature), in a fixed order. */
    public List<HostileDocument> documents(int chars) {
        return documents(chars, shape -> true);
    }

    /**
     * The shapes that {@code shapes} accepts, as {@link #documents(int)} makes them (the same bodies for the same
     * seed): the others are made and dropped one by one, so a run of a few shapes at a size where all of them would
     * not fit in the heap holds only its own.
     */
    public List<HostileDocument> documents(int chars, Predicate<String> shapes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<HostileDocument> all = new ArrayList<>() {
            @Override
            public boolean add(HostileDocument document) {
                return shapes.test(document.shape()) && super.add(document);
            }
        };
        // Issue 12, findings 1 and 2, exactly as reported (their size is their own).
        all.add(html("nested-bold-paragraph", "<p><i>i</i>" + "<b>".repeat(600) + "y ".repeat(500_000) + "</p>"));
        all.add(html("bold-label-then-spaces", "<p><b>A</b>" + " ".repeat(200_000) + "x</p>"));

        all.add(html("deep-inline-tags", nested(chars, i -> "<" + INLINE_TAGS[i % INLINE_TAGS.length] + ">",
                random, "<p>")));
        all.add(html("deep-block-tags", nested(chars, i -> "<" + BLOCK_TAGS[i % BLOCK_TAGS.length] + "><p>" + word(
                random) + " " + word(random) + ", " + word(random) + "</p>", random, "")));
        all.add(html("deep-lists", nested(chars, i -> "<ul><li>" + word(random) + " ", random, "")));
        all.add(html("deep-tables", nested(chars, i -> "<table><tr><td><p><b>Speaker " + i + ":</b> " + word(random)
                + ", " + word(random) + "</p>", random, "")));
        all.add(html("deep-bold-in-paragraph", "<p><b>Vladimir Putin:</b> " + repeatTo(chars - 40, () -> "<b>"
                + word(random) + " ") + "</p>"));

        all.add(html("spaces-between-bold-and-colon", "<p><b>Vladimir Putin</b>" + " ".repeat(chars / 2) + "(x)"
                + "\u00a0".repeat(chars / 2 - 40) + ":</p>"));
        all.add(text("spaces-after-label-text", "Vladimir Putin" + " \t\u00a0".repeat(chars / 3 - 10) + "x: y"));
        all.add(text("spaces-after-q", "Q" + " ".repeat(chars - 10) + "x"));
        all.add(text("blank-lines", repeatTo(chars, () -> "\n \t\u00a0\n".repeat(1 + random.nextInt(3)) + "a")));
        all.add(html("spaces-in-title", "<html><head><title>A" + " ".repeat(chars / 2) + "-" + " ".repeat(chars / 2
                - 40) + "x</title></head><body><p>x</p></body></html>"));
        all.add(html("no-break-spaces-paragraphs", repeatTo(chars, () -> "<p>" + "&nbsp;".repeat(random.nextInt(200))
                + word(random) + "</p>")));

        for (String punctuation : new String[] {"(", ")", ":", "[", "<", "*", ".", ",", "-", "\"", "“"}) {
            all.add(text("punctuation-run-" + name(punctuation), "Vladimir Putin: " + punctuation.repeat(chars - 20)));
        }
        all.add(html("punctuation-run-in-bold", "<p><b>" + ":(".repeat(chars / 4) + "</b>" + "(".repeat(chars / 2
                - 20) + "</p>"));
        all.add(text("star-separators", "* * * ".repeat(chars / 6) + "x"));
        all.add(text("nested-brackets", "Vladimir Putin: " + "(".repeat(chars / 2 - 10) + ")".repeat(chars / 2 - 10)));

        all.add(text("label-then-megabytes-text", "Vladimir Putin: " + repeatTo(chars - 20, () -> word(random) + " ")));
        all.add(html("label-then-megabytes-html", "<p><b>Vladimir Putin:</b> " + repeatTo(chars - 40, () -> word(
                random) + " ") + "</p>"));
        all.add(html("one-enormous-paragraph", "<p>" + repeatTo(chars - 10, () -> word(random) + ", ") + "</p>"));
        all.add(text("one-enormous-line", repeatTo(chars, () -> word(random) + " ")));

        all.add(text("thousands-of-labels-text", repeatTo(chars, () -> label(random) + ": " + word(random) + "\n\n")));
        all.add(html("thousands-of-labels-html", "<html><head><title>" + repeatTo(chars / 4, () -> word(random) + " ")
                + "</title></head><body>" + repeatTo(chars * 3 / 4, () -> "<p><b>" + label(random) + ":</b> "
                + word(random) + "</p>") + "</body></html>"));
        all.add(text("thousands-of-one-word-labels", repeatTo(chars, () -> "Name" + random.nextInt(1_000_000)
                + ": x\n\n")));

        all.add(html("many-tiny-paragraphs", repeatTo(chars, () -> "<p>" + word(random) + "</p>")));
        all.add(text("many-tiny-paragraphs-text", repeatTo(chars, () -> word(random) + "\n\n")));
        all.add(html("many-tiny-elements", repeatTo(chars, () -> "<i></i>")));

        all.add(text("nul-characters", "Vladimir Putin: hello\u0000" + "\u0000".repeat(chars / 2)));
        all.add(text("control-characters-below-limit", repeatTo(chars, () -> "Vladimir Putin: " + word(random)
                + ".\u0007".repeat(random.nextInt(2)) + " x".repeat(60) + "\n\n")));
        all.add(text("control-characters-above-limit", repeatTo(chars, () -> (char) random.nextInt(32) + word(
                random))));
        all.add(html("replacement-characters", "<p><b>Vladimir Putin:</b> " + "\ufffd".repeat(chars - 40) + "</p>"));
        all.add(text("lone-surrogates", repeatTo(chars, () -> "Vladimir Putin: \ud800x\udc00 " + word(random)
                + "\n\n")));
        all.add(html("mojibake-and-boms", "\ufeff\ufffe" + repeatTo(chars, () -> "<p><b>Ã‰douard Ã\u0089:</b> "
                + "Ð\u009fÑ\u0083Ñ\u0082Ð¸Ð½ \ufeff " + word(random) + "</p>")));
        all.add(html("mixed-encodings", repeatTo(chars, () -> "<p>" + new String(new byte[] {(byte) 0xC3,
                (byte) 0xA9, (byte) 0xE9, (byte) 0x80}, StandardCharsets.ISO_8859_1) + "Путин: 你好 😀"
                + word(random) + "</p>")));

        String hugeValue = "x".repeat(chars / 2);
        all.add(html("huge-class-attribute", "<div class=\"" + hugeValue + " menu\"><p><b>Vladimir Putin:</b> hi</p>"
                + repeatTo(chars / 2 - 60, () -> "<a rel=\"tag\" href=\"/t\">" + word(random) + "</a>") + "</div>"));
        all.add(html("huge-attribute-many-links", "<div id=\"" + "sidebar".repeat(chars / 14) + "\">"
                + repeatTo(chars / 2, () -> "<div><a rel=tag>" + word(random) + "</a></div>") + "</div>"));
        all.add(html("huge-meta-content", "<html><head><meta property=\"og:title\" content=\"" + hugeValue
                + "\"><meta name=\"description\" content=\"" + hugeValue + "\"></head><body><p>x</p></body></html>"));
        all.add(html("huge-unclosed-attribute", "<p title=\"" + "a b ".repeat(chars / 4)));
        all.add(html("many-attributes", "<p " + repeatTo(chars - 20, () -> "a" + random.nextInt(1_000_000) + "=x ")
                + ">Vladimir Putin: x</p>"));

        all.add(text("megabyte-word", "Vladimir Putin: " + "x".repeat(chars - 20)));
        all.add(html("megabyte-word-in-bold-label", "<p><b>" + "X".repeat(chars - 30) + ":</b> x</p>"));
        all.add(text("megabyte-capitalised-words", "Vladimir Putin sent " + repeatTo(chars - 30, () -> "X".repeat(
                1 + random.nextInt(100_000)) + " ")));
        all.add(markdown("huge-front-matter", "---\n" + repeatTo(chars - 20, () -> "k" + random.nextInt(1000)
                + ": " + word(random) + "\n") + "---\nVladimir Putin: x"));
        all.add(markdown("front-matter-never-closed", "---\n" + "title: x\n".repeat(chars / 9)));
        all.add(text("remark-megabytes", "Vladimir Putin: (" + "x ".repeat(chars / 2 - 20) + ")"));
        all.add(text("many-inline-remarks", "Vladimir Putin: " + "(Laughter.) ".repeat(chars / 12 - 2)));

        // The most turns per character: a turn per short paragraph, or per line of one block (a bounds review of
        // issue 11's classes: four million characters of them were 1.3 million turns and a full 256 MB heap).
        all.add(text("one-line-turns", "Jane Doe: Hello.\n\n" + "Q: a\n\n".repeat(Math.max(1, (chars - 20) / 6))));
        all.add(html("one-line-turns-html", "<p><b>Jane Doe:</b> Hello.</p>"
                + "<p><b>Q:</b> a</p>".repeat(Math.max(1, (chars - 40) / 18))));
        all.add(text("labelled-lines-in-one-block", "Jane Doe: Hello.\n\nJohn Roe: Hi.\n"
                + "Jane Doe: a\nJohn Roe: b\n".repeat(Math.max(1, (chars - 40) / 24))));

        // The most HTML nodes per character (an adversarial review of the bounds: jsoup builds the whole page before
        // any other bound is counted, and four million characters of "<p>a" ran out of a 128 MB heap inside jsoup):
        // an element per start tag, per "</p>" with no paragraph open, and a comment per "<?>". No random words, so
        // the shapes before these stay as they were.
        all.add(html("most-elements-open-paragraphs", "<p>a".repeat(Math.max(1, chars / 4))));
        all.add(html("most-elements-empty-italics", "<i></i>".repeat(Math.max(1, chars / 7))));
        all.add(html("most-elements-end-paragraphs", "x" + "</p>".repeat(Math.max(1, (chars - 1) / 4))));
        all.add(html("most-elements-comments", "x" + "<?>".repeat(Math.max(1, (chars - 1) / 3))));
        // The most inline remarks per character, in one turn (the same review: over a million remarks in four million
        // characters filled a 128 MB heap).
        all.add(text("most-remarks-omission-marks", "Jane Doe: Hello.\n\nJohn Roe: "
                + "<…>".repeat(Math.max(1, (chars - 30) / 3))));
        all.add(text("most-remarks-laughter", "Jane Doe: Hello.\n\nJohn Roe: "
                + "(Laughter) ".repeat(Math.max(1, (chars - 30) / 11))));
        // Class 44 reads the page's opening labels when a bold run follows a <br>: long distinct labels of many words
        // (in Cyrillic, two bytes a character) made every ending of every label a string, 90 MB from 4 MB
        StringBuilder longLabels = new StringBuilder("<p>Intro<br><b>Иван Петров:</b> hi</p>");
        for (int i = 0; longLabels.length() < chars - 300; i++) {
            longLabels.append("<p><b>").append("Б ".repeat(12)).append('Ж').append(cyrillicWord(i, 235))
                    .append(":</b>");
        }
        all.add(html("long-opening-labels-after-break", longLabels.toString()));
        return all;
    }

    /** A distinct lower-case Cyrillic word of the given length for each number. */
    private static String cyrillicWord(int number, int length) {
        String letters = "абвгдежзиклмнопрстуфхцчшщэюя";
        StringBuilder word = new StringBuilder(length);
        int rest = number;
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(rest % letters.length()));
            rest /= letters.length();
        }
        return word.toString();
    }

    /** Elements {@code opener} nested by not closing them, until the document is about {@code chars} long. */
    private static String nested(int chars, IntFunction<String> opener, SplittableRandom random,
            String prefix) {
        StringBuilder out = new StringBuilder(chars + 100).append(prefix);
        for (int i = 0; out.length() < chars - 20; i++) {
            out.append(opener.apply(i));
        }
        return out.append(word(random)).toString();
    }

    private static String repeatTo(int chars, Supplier<String> part) {
        StringBuilder out = new StringBuilder(Math.max(0, chars) + 200);
        while (out.length() < chars) {
            out.append(part.get());
        }
        return out.toString();
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** A distinct plausible label: honorific or office, a given name and a numbered surname. */
    private static String label(SplittableRandom random) {
        String[] heads = {"Mr", "President of Russia", "Minister", "Ms.", "The Prime Minister", "Senator", ""};
        return (heads[random.nextInt(heads.length)] + " Given" + (char) ('A' + random.nextInt(26)) + " Surname"
                + Integer.toString(random.nextInt(1_000_000), 36)).strip();
    }

    private static String name(String punctuation) {
        return Integer.toHexString(punctuation.charAt(0));
    }

    private static HostileDocument html(String shape, String body) {
        return new HostileDocument(shape, HTML, body);
    }

    private static HostileDocument text(String shape, String body) {
        return new HostileDocument(shape, TEXT, body);
    }

    private static HostileDocument markdown(String shape, String body) {
        return new HostileDocument(shape, MARKDOWN, body);
    }
}

package io.verbatim.testsupport;

import java.util.Random;

/**
 * The fuzzers' mutator: from a real document, a hostile one. One to eight mutations, each chosen by the given
 * {@link Random} (so a fixed seed gives the same documents): truncation, duplicated or deleted or moved spans,
 * speaker labels and markup fragments in odd places, random and control characters, deep nesting, shouting.
 */
public final class DocumentMutator {

    private static final String[] FRAGMENTS = {"<b>", "</b>", "<p>", "</p>", "<strong>Vladimir Putin:</strong> ",
            "Question:", "(Applause.)", "<…>", "* * *", "---\ntitle: x\n---\n", "<div class=\"menu\">", "</div>",
            "MS. PSAKI:  ", "Q    ", "Mr Keir Starmer (Holborn and St Pancras) (Lab):", "<i>(", ")</i>", "&nbsp;",
            "<script>", "<!--", "\u00A0", "\r\n", "\t", "\uFFFD", ":"};

    private DocumentMutator() {
    }

    /** A mutated copy of {@code text}. */
    public static String mutate(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && doc.length() > 0; m++) {
            int at = random.nextInt(doc.length());
            int span = Math.min(doc.length() - at, 1 + random.nextInt(2_000));
            switch (random.nextInt(9)) {
                case 0 -> doc.setLength(at);
                case 1 -> doc.insert(at, doc.substring(at, at + span));
                case 2 -> doc.delete(at, at + span);
                case 3 -> doc.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 4 -> doc.setCharAt(at, (char) random.nextInt(0x3000));
                case 5 -> doc.insert(at, (char) random.nextInt(0x20));
                case 6 -> doc.insert(at, "<div>".repeat(1 + random.nextInt(500)));
                case 7 -> {
                    int other = random.nextInt(doc.length());
                    String piece = doc.substring(at, at + span);
                    doc.delete(at, at + span);
                    doc.insert(Math.min(other, doc.length()), piece);
                }
                default -> doc.replace(at, at + span, doc.substring(at, at + span).toUpperCase());
            }
        }
        return doc.toString();
    }

    /** A copy of {@code bytes} with one to four bytes replaced by random ones: often no longer valid UTF-8. */
    public static byte[] corruptBytes(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return copy;
    }
}

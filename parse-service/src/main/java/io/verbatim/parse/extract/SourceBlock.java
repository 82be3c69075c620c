package io.verbatim.parse.extract;

/**
 * One paragraph as a reader found it, before speakers are resolved.
 *
 * @param label     the verbatim speaker label (annotation included, colon excluded), or null for an unlabelled paragraph
 * @param text      the paragraph text without the label; may be empty when the paragraph holds only a label
 * @param fullText  the whole paragraph text, label included, used when the label turns out not to be one
 * @param narrative true when the reader knows from the markup that the paragraph is a narrative remark (all italics)
 * @param separator true for a section separator ("* * *"): it is not speech, and it ends the current turn
 */
record SourceBlock(String label, String text, String fullText, boolean narrative, boolean separator) {

    static SourceBlock sectionSeparator() {
        return new SourceBlock(null, "", "", false, true);
    }

    static SourceBlock labelled(String label, String text, String fullText) {
        return new SourceBlock(label, text, fullText, false, false);
    }

    static SourceBlock plain(String text) {
        return new SourceBlock(null, text, text, false, false);
    }

    static SourceBlock narrativeRemark(String text) {
        return new SourceBlock(null, text, text, true, false);
    }

    boolean hasLabel() {
        return label != null;
    }
}

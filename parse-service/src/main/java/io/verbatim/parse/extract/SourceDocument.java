package io.verbatim.parse.extract;

import java.util.List;

/** What a format-specific reader hands to the {@link TurnAssembler}: page metadata and the body paragraphs in order. */
record SourceDocument(String title, String publishedAt, String location, String language, List<SourceBlock> blocks) {

    SourceDocument {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}

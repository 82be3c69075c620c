package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.List;

/**
 * What a format-specific reader hands to the {@link TurnAssembler}: page metadata and the body paragraphs in order.
 *
 * @param author the one voice of an unlabelled address (a greeting, message or article whose author the page names),
 *               or null; when set, the reader has kept only the author's words in {@code blocks}
 * @param lead   the page's lead or summary paragraph (not speech), or null: where it lists persons with their roles
 *               ("… went to Lena Holt, Honorary Citizen of …"), it shows where a role-first label's name starts
 */
record SourceDocument(String title, String publishedAt, String location, String language, List<SourceBlock> blocks,
        String source, List<String> tags, List<String> persons, TranscriptParsed.Speaker author, String lead) {

    SourceDocument {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    SourceDocument(String title, String publishedAt, String location, String language, List<SourceBlock> blocks,
            String source, List<String> tags, List<String> persons, TranscriptParsed.Speaker author) {
        this(title, publishedAt, location, language, blocks, source, tags, persons, author, null);
    }
}

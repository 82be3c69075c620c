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
 * @param personLinks every link of the page to a person's catalogue entry, with the id and the name it shows, in
 *               page order (Kremlin pages; empty elsewhere): {@link KremlinPersonIds} gives speakers their ids from
 *               them
 */
record SourceDocument(String title, String publishedAt, String location, String language, List<SourceBlock> blocks,
        String source, List<String> tags, List<String> persons, TranscriptParsed.Speaker author, String lead,
        List<PersonLink> personLinks) {

    SourceDocument {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        persons = persons == null ? List.of() : List.copyOf(persons);
        personLinks = personLinks == null ? List.of() : List.copyOf(personLinks);
    }

    SourceDocument(String title, String publishedAt, String location, String language, List<SourceBlock> blocks,
            String source, List<String> tags, List<String> persons, TranscriptParsed.Speaker author) {
        this(title, publishedAt, location, language, blocks, source, tags, persons, author, null, List.of());
    }
}

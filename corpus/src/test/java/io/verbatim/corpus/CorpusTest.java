package io.verbatim.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorpusTest {

    @Test
    void everyGoldAnnotationIsPairedWithItsOneDocument() {
        long goldFiles = Corpus.list(Corpus.GOLD).stream().filter(name -> name.endsWith(".json")).count();

        assertThat(Corpus.goldDocuments()).hasSize((int) goldFiles)
                .allSatisfy(document -> assertThat(Corpus.list(Corpus.DOCS)).contains(document))
                .contains("00-seed-pyongyang-talks.txt", "28-kremlin-kudrin-meeting.html");
    }

    @Test
    void foldersAreListedInNameOrderWithoutSubfolders() {
        assertThat(Corpus.list(Corpus.UNLABELLED)).hasSize(40).isSorted()
                .allSatisfy(name -> assertThat(name).endsWith(".html").doesNotContain("/"));
    }

    @Test
    void textIsTheFileReadAsUtf8() {
        byte[] bytes = Corpus.bytes(Corpus.DOCS, "01-kremlin-le-pen-meeting.html");

        assertThat(Corpus.text(Corpus.DOCS, "01-kremlin-le-pen-meeting.html"))
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)).contains("Le Pen");
    }

    @Test
    void everyKremlinPersonIdNamesAKremlinPageOfTheCorpusAndASpeakerOfItsGold() {
        var rows = Corpus.kremlinPersonIds();

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            String folder = row.file().substring(0, row.file().indexOf('/'));
            String name = row.file().substring(folder.length() + 1);
            assertThat(Corpus.list(folder)).contains(name);
            assertThat(row.id()).matches("[0-9]+");
            if (folder.equals(Corpus.DOCS)) {
                assertThat(Corpus.text(Corpus.GOLD, name.replace(".html", ".json")))
                        .contains("\"speaker\": \"" + row.speaker() + "\"");
            }
            assertThat(Corpus.text(folder, name)).contains("/catalog/persons/" + row.id());
        });
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Corpus.bytes(Corpus.DOCS, "99-missing.html"))
                .hasMessageContaining("corpus/docs/99-missing.html");
    }
}

package io.verbatim.store.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateQueryTest {

    @Test
    void longQuoteNeedsAnyThreeConsecutiveLexemes() {
        String query = QuoteChecker.candidateQuery(List.of("forum", "want", "russian", "govern", "russian",
                "geograph", "societi"));

        assertThat(query).isEqualTo("('forum' & 'want' & 'russian') | ('want' & 'russian' & 'govern') | "
                + "('russian' & 'govern') | ('govern' & 'russian' & 'geograph') | "
                + "('russian' & 'geograph' & 'societi')");
    }

    @Test
    void longerQuoteHasLongerWindowsUpToFive() {
        List<String> nine = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        List<String> twelve = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");

        assertThat(QuoteChecker.candidateQuery(nine)).startsWith("('a' & 'b' & 'c' & 'd') | ('b' & 'c' & 'd' & 'e')")
                .endsWith("| ('f' & 'g' & 'h' & 'i')");
        assertThat(QuoteChecker.candidateQuery(twelve)).startsWith("('a' & 'b' & 'c' & 'd' & 'e') | ")
                .endsWith("| ('h' & 'i' & 'j' & 'k' & 'l')");
    }

    @Test
    void oneChangedLexemeAnywhereLeavesAWholeWindow() {
        for (int n = 3; n <= 20; n++) {
            for (int changed = 0; changed < n; changed++) {
                List<String> lexemes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    lexemes.add("w" + i);
                }

                String query = QuoteChecker.candidateQuery(lexemes);

                String without = "'w" + changed + "'";
                assertThat(Arrays.stream(query.split(" \\| ")).anyMatch(w -> !w.contains(without)))
                        .as("%d lexemes, lexeme %d changed: %s", n, changed, query).isTrue();
            }
        }
    }

    @Test
    void shortQuoteNeedsAllButOneLexeme() {
        String query = QuoteChecker.candidateQuery(List.of("open", "border", "cross"));

        assertThat(query).isEqualTo("('border' & 'cross') | ('open' & 'cross') | ('open' & 'border')");
    }

    @Test
    void quoteOfOneOrTwoLexemesNeedsThemAll() {
        assertThat(QuoteChecker.candidateQuery(List.of("crook"))).isEqualTo("('crook')");
        assertThat(QuoteChecker.candidateQuery(List.of("peac", "time"))).isEqualTo("('peac' & 'time')");
    }

    @Test
    void quoteOfStopWordsOnlyHasNoQuery() {
        assertThat(QuoteChecker.candidateQuery(List.of())).isNull();
    }

    @Test
    void quotesAndBackslashesInALexemeAreEscaped() {
        assertThat(QuoteChecker.candidateQuery(List.of("o'neil", "a\\b"))).isEqualTo("('o''neil' & 'a\\\\b')");
    }
}

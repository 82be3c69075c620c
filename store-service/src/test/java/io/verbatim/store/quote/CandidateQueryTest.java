package io.verbatim.store.quote;

import static org.assertj.core.api.Assertions.assertThat;

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

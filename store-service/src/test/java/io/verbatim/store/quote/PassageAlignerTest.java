package io.verbatim.store.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.store.quote.PassageAligner.Alignment;
import io.verbatim.store.quote.PassageAligner.Kind;
import io.verbatim.store.quote.PassageAligner.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageAlignerTest {

    private static final String SAID = "Thank you. We have agreed, after long talks, to open the border crossings "
            + "for trade and for families by the end of the year.";

    @Test
    void fragmentWithOtherPunctuationAndCapitalsIsTheSameWords() {
        Alignment a = align("we have agreed after long talks — to open the border CROSSINGS!", SAID);

        assertThat(a.score()).isEqualTo(1.0);
        assertThat(a.segments()).extracting(Segment::kind).containsExactly(Kind.SAME);
        assertThat(a.to() - a.from()).isEqualTo(11);
    }

    @Test
    void droppedWordIsMissingAndReplacedWordIsChanged() {
        Alignment a = align("We have agreed to open the borders for trade and for families", SAID);

        assertThat(a.missing()).isEqualTo(4); // after long talks, crossings
        assertThat(a.changed()).isEqualTo(1); // border -> borders
        assertThat(a.segments()).extracting(Segment::kind).containsExactly(Kind.SAME, Kind.MISSING, Kind.SAME,
                Kind.CHANGED, Kind.SAME);
        Segment changed = a.segments().get(3);
        assertThat(changed.quoted()).containsExactly("borders");
        assertThat(changed.said()).hasSize(2); // "border crossings": one change of two words into one
    }

    @Test
    void wordsTheSpeakerDidNotSayAreAdded() {
        Alignment a = align("We have agreed, after very long talks, to open the border", SAID);

        assertThat(a.added()).isEqualTo(1);
        assertThat(a.segments()).filteredOn(s -> s.kind() == Kind.ADDED).singleElement()
                .extracting(Segment::quoted).isEqualTo(List.of("very"));
        assertThat(a.score()).isEqualTo(10.0 / 11);
    }

    @Test
    void sentenceThatEndsAsAnotherStatementScoresAboutHalf() {
        Alignment a = align("We have agreed after long talks that taxes will rise sharply next spring", SAID);

        assertThat(a.score()).isBetween(0.3, 0.6);
    }

    @Test
    void longStatementIsAlignedWithinTheWindowHoldingTheQuote() {
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < PassageAligner.MAX_WINDOW; i++) {
            filler.append("word").append(i % 50).append(' ');
        }
        String statement = filler + SAID + " " + filler;

        Alignment a = align("open the border crossings for trade", statement);

        assertThat(a.score()).isEqualTo(1.0);
        assertThat(a.from()).isGreaterThan(PassageAligner.MAX_WINDOW);
    }

    @Test
    void interpretedAnnotationsAreRecognised() {
        assertThat(QuoteChecker.isInterpreted("as interpreted", null, "Angela Merkel")).isTrue();
        assertThat(QuoteChecker.isInterpreted("re-translated", null, "X")).isTrue();
        assertThat(QuoteChecker.isInterpreted("speaking German", null, "X")).isTrue();
        assertThat(QuoteChecker.isInterpreted(null, "Interpreter", "Interpreter")).isTrue();
        assertThat(QuoteChecker.isInterpreted("responding to remarks by test pilot Magomed Tolboyev", null, "X"))
                .isFalse();
        assertThat(QuoteChecker.isInterpreted(null, "President Biden", "Joe Biden")).isFalse();
    }

    private static Alignment align(String quote, String said) {
        return PassageAligner.align(QuoteWords.of(quote), QuoteWords.of(said));
    }
}

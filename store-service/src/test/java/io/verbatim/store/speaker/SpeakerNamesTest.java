package io.verbatim.store.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeakerNamesTest {

    @Test
    void titlesAreSetAsideAndCaseAccentsAndPunctuationDoNotCount() {
        assertThat(SpeakerNames.read("Vladimir Putin").fullKey()).isEqualTo("vladimir putin");
        assertThat(SpeakerNames.read("President Putin").fullKey()).isEqualTo("putin");
        assertThat(SpeakerNames.read("V.Putin").fullKey()).isEqualTo("v putin");
        assertThat(SpeakerNames.read("Emmanuel  Macrón").fullKey()).isEqualTo("emmanuel macron");
        assertThat(SpeakerNames.read("Mr. Kim Jong-un").fullKey()).isEqualTo("kim jong-un");
    }

    @Test
    void initialsAndGivenNamesAreTold() {
        SpeakerNames.ReadName initial = SpeakerNames.read("V.Putin");
        SpeakerNames.ReadName full = SpeakerNames.read("Vladimir Putin");
        SpeakerNames.ReadName surname = SpeakerNames.read("President Putin");

        assertThat(initial.givenInitial()).isEqualTo("v");
        assertThat(initial.givenNameKnown()).isFalse();
        assertThat(full.givenInitial()).isEqualTo("v");
        assertThat(full.givenNameKnown()).isTrue();
        assertThat(surname.givenInitial()).isNull();
        assertThat(surname.surnameKey()).isEqualTo("putin");
    }

    @Test
    void unnamedVoicesAreNeverPersons() {
        assertThat(SpeakerNames.read("Question").voice()).isTrue();
        assertThat(SpeakerNames.read("Remark").voice()).isTrue();
        assertThat(SpeakerNames.read("Hon. Members").voice()).isTrue();
        assertThat(SpeakerNames.read("Q").voice()).isTrue();
        assertThat(SpeakerNames.read("Vladimir Putin").voice()).isFalse();
    }

    @Test
    void slugIsTheStablePublicIdOfANewSpeaker() {
        assertThat(SpeakerNames.slug("Vladimir Putin")).isEqualTo("vladimir-putin");
        assertThat(SpeakerNames.slug("kim jong-un")).isEqualTo("kim-jong-un");
        assertThat(SpeakerNames.slug("!!!")).isEqualTo("unknown");
    }
}

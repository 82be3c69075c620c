package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceUrlsTest {

    @Test
    void schemeAndHostAreLowerCasedAndDefaultPortAndFragmentDropped() {
        assertThat(SourceUrls.canonical("HTTP://En.Kremlin.RU:80/events/president/news/74318#comments"))
                .isEqualTo("http://en.kremlin.ru/events/president/news/74318");
        assertThat(SourceUrls.canonical("https://example.org:443")).isEqualTo("https://example.org/");
    }

    @Test
    void pathIsNormalisedAndQueryKept() {
        assertThat(SourceUrls.canonical("http://example.org/a/./b/../c?id=7"))
                .isEqualTo("http://example.org/a/c?id=7");
        assertThat(SourceUrls.canonical("http://example.org:8080/x")).isEqualTo("http://example.org:8080/x");
    }

    @Test
    void nonHttpUrlsAreRefused() {
        assertThatThrownBy(() -> SourceUrls.canonical("ftp://example.org/x"))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> SourceUrls.canonical("not a url at all"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overLongUrlsAreRefusedBeforeParsing() {
        String path = "/" + "a".repeat(SourceUrls.MAX_LENGTH - "http://example.org/".length());

        assertThat(SourceUrls.canonical("http://example.org" + path)).hasSize(SourceUrls.MAX_LENGTH);
        assertThatThrownBy(() -> SourceUrls.canonical("http://example.org" + path + "a"))
                .hasMessage("sourceUrl is longer than 2048 characters");
    }

    @Test
    void controlCharactersAroundAUrlAreRefusedNotTrimmedAway() {
        assertThat(SourceUrls.canonical(" http://example.org/a\n")).isEqualTo("http://example.org/a");
        assertThatThrownBy(() -> SourceUrls.canonical("http://example.org/a\u0000"))
                .hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> SourceUrls.canonical("\u0001http://example.org/a"))
                .hasMessageContaining("not a valid URL");
    }

    @Test
    void portsBeyondTheRangeAreRefused() {
        assertThat(SourceUrls.canonical("http://example.org:65535/")).isEqualTo("http://example.org:65535/");
        assertThatThrownBy(() -> SourceUrls.canonical("http://example.org:65536/")).hasMessageContaining("port");
    }
}

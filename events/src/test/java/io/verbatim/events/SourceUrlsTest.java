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
}

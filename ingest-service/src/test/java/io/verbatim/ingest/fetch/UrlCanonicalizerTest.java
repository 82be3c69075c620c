package io.verbatim.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.verbatim.events.SourceUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "http://en.kremlin.ru/events/president/news/74318",
        "HTTP://En.Kremlin.ru:80/events/president/news/74318#top",
        "https://en.kremlin.ru:443/events/president/news/74318",
        "http://en.kremlin.ru",
        "http://en.kremlin.ru:8080/events/./president/../president/news",
    })
    void simpleUrlsCanonicaliseAsSourceUrlsDoes(String url) {
        String canonical = canonicalizer.canonical(url);

        assertThat(canonical).isEqualTo(SourceUrls.canonical(url));
    }

    @ParameterizedTest
    @CsvSource({
        "HTTP://En.Kremlin.ru:80/events/president/news/74318#top, http://en.kremlin.ru/events/president/news/74318",
        "http://en.kremlin.ru/search?b=2&a=1, http://en.kremlin.ru/search?a=1&b=2",
        "http://en.kremlin.ru/page?x=1&JSESSIONID=ABC123&utm_source=feed, http://en.kremlin.ru/page?x=1",
        "http://en.kremlin.ru/a b/ü, http://en.kremlin.ru/a%20b/%C3%BC",
    })
    void normalisesHostPortFragmentAndQuery(String url, String expected) {
        String canonical = canonicalizer.canonical(url);

        assertThat(canonical).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://en.kremlin.ru/file", "not a url", ""})
    void refusesWhatIsNotAnHttpUrl(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> canonicalizer.canonical(url));
    }
}

package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentDecoderTest {

    @Test
    void utf8IsReadAndAByteOrderMarkDropped() {
        assertThat(DocumentDecoder.decodeUtf8("\uFEFFДобрый день".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Добрый день");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedRatherThanReplaced() {
        assertThatThrownBy(() -> DocumentDecoder.decodeUtf8("Café".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the document is not valid UTF-8 text");
    }
}

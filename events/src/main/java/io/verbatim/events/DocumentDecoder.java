package io.verbatim.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes document bytes as UTF-8, strictly: bytes that are not UTF-8 are refused rather than mangled. The submit
 * API, the inbox and the preview read a posted document this way, so the preview gives the ids the pipeline gives.
 */
public final class DocumentDecoder {

    private DocumentDecoder() {
    }

    public static String decodeUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the document is not valid UTF-8 text");
        }
    }
}

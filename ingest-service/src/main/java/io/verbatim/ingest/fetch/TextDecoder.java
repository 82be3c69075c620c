package io.verbatim.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a response body into text. The charset is, in order: a byte-order mark, the Content-Type header's charset
 * parameter, for HTML a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first 4 KiB, else
 * UTF-8. Bytes the charset cannot decode become U+FFFD rather than failing the fetch.
 */
final class TextDecoder {

    private static final int META_SCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

    /** The text and the charset it was decoded with. */
    record Text(String text, Charset charset) {
    }

    private TextDecoder() {
    }

    static Text decode(byte[] body, String contentTypeHeader) {
        Optional<Charset> fromBom = bomCharset(body);
        if (fromBom.isPresent()) {
            return text(body, fromBom.get());
        }
        Optional<Charset> declared = charsetParameter(contentTypeHeader).flatMap(TextDecoder::supported);
        if (declared.isPresent()) {
            return text(body, declared.get());
        }
        String mediaType = mediaType(contentTypeHeader);
        if (mediaType.isEmpty() || mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")) {
            Optional<Charset> fromMeta = metaCharset(body);
            if (fromMeta.isPresent()) {
                return text(body, fromMeta.get());
            }
        }
        return text(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters, lower case; empty when there is no header. */
    static String mediaType(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return "";
        }
        return contentTypeHeader.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    static Optional<String> charsetParameter(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return Optional.empty();
        }
        String[] parts = contentTypeHeader.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("charset")) {
                String value = nameValue[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        if (!matcher.find()) {
            return Optional.empty();
        }
        // As in the HTML standard: a page that reached us as ASCII-compatible bytes cannot really be UTF-16.
        String name = matcher.group(1);
        if (name.toLowerCase(Locale.ROOT).startsWith("utf-16")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return supported(name);
    }

    private static Optional<Charset> bomCharset(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> supported(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Text text(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text, charset);
    }
}

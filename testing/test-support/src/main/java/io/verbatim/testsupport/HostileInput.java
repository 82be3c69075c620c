package io.verbatim.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** What the API abuse tests send: hostile parameter values, URLs and Content-Types, and documents of a given size. */
public final class HostileInput {

    /** Values for any query parameter: SQL metacharacters, control characters, oversized and odd values. */
    public static final List<String> VALUES = List.of(
            "'", "\"", "' or '1'='1", "'; drop table statement; --", "1; delete from transcript", "--", "/* */", ";",
            "%", "%00", "_", "\\", "%' union select * from speaker --", "$$", "::text", "\u0000", "a\u0000b", "\n",
            "\r\nX-Injected: 1", "\u0007", "\u007f", "\u0085", "x".repeat(5_000), "n".repeat(201), "😀", "NULL", "-1",
            "9999999999999999999999", "<script>alert(1)</script>", "${jndi:ldap://example.org/a}", "../../etc/passwd",
            "   ");

    /** The one valid URL among {@link #URLS}. */
    public static final String VALID_URL = "http://example.org/';--/*%00*/";

    /**
     * Values for a URL parameter: not http(s), not URLs at all, an impossible port, over-long, and one valid URL
     * full of SQL metacharacters ({@link #VALID_URL}).
     */
    public static final List<String> URLS = List.of(
            "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/feed", "http://", "http://[::1",
            "http://exa mple.org/", "http://example.org:99999999999/", "http://example.org:99999/", "//example.org/x",
            "http:example.org", "http://example.org/\u0000", "http://example.org/' or '1'='1",
            VALID_URL, "http://example.org/" + "a".repeat(2_100));

    /** Content-Types an endpoint that reads text/html, text/plain and text/markdown must refuse (null: none). */
    public static final List<String> NOT_TEXT_TYPES = Arrays.asList(null, "application/octet-stream", "image/png",
            "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "application/json", "text/csv",
            "text", ";;;", "text/plain; charset=x-bogus", "text/html; charset=\"\"", "text/markdown; charset=utf-8?");

    private HostileInput() {
    }

    /** A text document of exactly {@code size} bytes that starts with a speaker label and the marker. */
    public static byte[] document(String marker, int size) {
        byte[] document = new byte[size];
        Arrays.fill(document, (byte) 'a');
        byte[] start = ("Vladimir Putin: " + marker + " ").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, document, 0, Math.min(start.length, size));
        return document;
    }

    /** A value as an assertion message shows it: long ones cut short. */
    public static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " characters)" : value;
    }
}

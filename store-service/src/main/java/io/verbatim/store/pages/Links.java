package io.verbatim.store.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds the pages' links; every value is percent-encoded. */
final class Links {

    private Links() {
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code path?name=value&…} with the non-blank values only. */
    static String withQuery(String path, Map<String, String> values) {
        StringJoiner query = new StringJoiner("&");
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.length() == 0 ? path : path + "?" + query;
    }

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}

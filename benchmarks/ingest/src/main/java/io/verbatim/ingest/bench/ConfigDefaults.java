package io.verbatim.ingest.bench;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code @ConfigMapping} interface answered with its own {@code @WithDefault} values, so the benchmark measures the
 * bounds the service runs with when nothing is set. Overrides name a method path, e.g. {@code "sources"}.
 */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    static <T> T of(Class<T> mapping, Map<String, Object> overrides) {
        return mapping.cast(proxy(mapping, "", overrides));
    }

    private static Object proxy(Class<?> type, String prefix, Map<String, Object> overrides) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "defaults of " + type.getName();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            String path = prefix + method.getName();
            if (overrides.containsKey(path)) {
                return overrides.get(path);
            }
            return value(method, path, overrides);
        });
    }

    private static Object value(Method method, String path, Map<String, Object> overrides) {
        Class<?> type = method.getReturnType();
        WithDefault given = method.getAnnotation(WithDefault.class);
        if (type.isInterface() && given == null && !List.class.isAssignableFrom(type)
                && !java.util.Set.class.isAssignableFrom(type)) {
            return proxy(type, path + ".", overrides);
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (given == null) {
            throw new IllegalStateException(path + " has no default");
        }
        String text = given.value();
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type == Duration.class) {
            return duration(text);
        }
        if (type == List.class) {
            return Arrays.stream(text.split(",")).map(String::strip).toList();
        }
        if (type == java.util.Set.class) {
            return new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::strip).toList());
        }
        Type generic = method.getGenericReturnType();
        throw new IllegalStateException(path + ": no conversion for " + (generic instanceof ParameterizedType p
                ? p.getTypeName() : type.getName()));
    }

    /** SmallRye's short forms ({@code 30s}, {@code 1m}, {@code 24h}, {@code 20ms}) and ISO-8601. */
    private static Duration duration(String text) {
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        if (Character.isDigit(lower.charAt(0))) {
            return Duration.parse((lower.endsWith("d") ? "P" : "PT") + lower.toUpperCase(java.util.Locale.ROOT));
        }
        return Duration.parse(text);
    }
}

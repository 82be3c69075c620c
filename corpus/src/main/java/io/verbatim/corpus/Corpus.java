package io.verbatim.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The one way to read the project's corpus: real transcripts ({@code docs/}), their hand-checked annotations
 * ({@code gold/}) and further pages without gold ({@code unlabelled/}); sources and licences in {@code SOURCES.md}.
 * The files live in the {@code corpus/} folder of the repository and travel on the classpath under {@code corpus/}
 * (this module's jar, or its {@code target/classes} inside the build), so every reader finds them the same way,
 * whatever its working directory: parse-service's gold tests, the local launcher's samples, the chaos harness,
 * the system tests and the benchmarks.
 */
public final class Corpus {

    /** The published documents, bytes as published or saved. */
    public static final String DOCS = "docs";
    /** The gold annotation of a document {@code NN-name.*} is {@code gold/NN-name.json}. */
    public static final String GOLD = "gold";
    /** Pages without gold, for robustness tests and load. */
    public static final String UNLABELLED = "unlabelled";
    /** Hand-checked identities of the corpus's speakers elsewhere: {@link #kremlinPersonIds()}. */
    public static final String PERSONS = "persons";

    /**
     * One speaker of a Kremlin page of the corpus and the Kremlin person id that the page links under their name.
     *
     * @param file    the page, under the corpus root ({@code docs/02-kremlin-mishustin-meeting.html},
     *                {@code unlabelled/62763.html})
     * @param speaker the speaker's name as in the gold file (as parsed, for an unlabelled page)
     * @param id      the number of the speaker's en.kremlin.ru/catalog/persons page
     */
    public record KremlinPersonId(String file, String speaker, String id) {
    }

    private static final String ROOT = "corpus/";

    private Corpus() {
    }

    /** The file names in one folder ({@link #DOCS}, {@link #GOLD} or {@link #UNLABELLED}), sorted by name. */
    public static List<String> list(String folder) {
        String prefix = ROOT + folder + "/";
        URL url = Corpus.class.getClassLoader().getResource(prefix);
        if (url == null) {
            throw new IllegalStateException("no corpus folder " + prefix + " on the classpath");
        }
        try {
            List<String> names = switch (url.getProtocol()) {
                case "file" -> listDirectory(Path.of(url.toURI()));
                case "jar" -> listJar(((JarURLConnection) url.openConnection()).getJarFile(), prefix);
                default -> throw new IllegalStateException("cannot list the corpus at " + url);
            };
            return names.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the corpus at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of one file, e.g. {@code bytes(DOCS, "00-seed-pyongyang-talks.txt")}. */
    public static byte[] bytes(String folder, String fileName) {
        String resource = ROOT + folder + "/" + fileName;
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    /** One file as UTF-8 text. */
    public static String text(String folder, String fileName) {
        return new String(bytes(folder, fileName), StandardCharsets.UTF_8);
    }

    /**
     * Every document that has a gold annotation, in name order: {@code gold/NN-name.json} pairs with the one
     * {@code docs/NN-name.*}; a gold file without its document is an error.
     */
    public static List<String> goldDocuments() {
        List<String> docs = list(DOCS);
        List<String> documents = new ArrayList<>();
        for (String gold : list(GOLD)) {
            if (!gold.matches("\\d{2}-.+\\.json")) {
                continue;
            }
            String stem = gold.substring(0, gold.length() - ".json".length());
            documents.add(docs.stream().filter(d -> d.startsWith(stem + ".")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("gold file " + gold + " has no document " + stem
                            + ".* in corpus/docs")));
        }
        return documents;
    }

    /**
     * Every row of {@code persons/kremlin-person-ids.tsv}: the speakers of the corpus's Kremlin pages that the page
     * links to the Kremlin's persons catalogue, with their ids, checked by hand against each page. A Kremlin page of
     * {@code docs/} or {@code unlabelled/} without a row has no such speaker.
     */
    public static List<KremlinPersonId> kremlinPersonIds() {
        List<KremlinPersonId> rows = new ArrayList<>();
        for (String line : text(PERSONS, "kremlin-person-ids.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] columns = line.split("\t");
            rows.add(new KremlinPersonId(columns[0], columns[1], columns[2]));
        }
        return rows;
    }

    private static List<String> listDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> listJar(JarFile jar, String prefix) {
        List<String> names = new ArrayList<>();
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                names.add(name.substring(prefix.length()));
            }
        }
        return names;
    }
}
